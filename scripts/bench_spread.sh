#!/bin/sh
# Ingest with quote linking (spread) off and on, side by side in one run: the
# same corpus into two fresh databases by two processes started together, so
# that both see the same machine load; CPU time (user + sys) is the figure.
#   sh scripts/bench_spread.sh CORPUS.jsonl [OUTDIR]
# CORPUS: e.g. data/samples repeated with new ids up to 120,000 articles
# (python3 scripts/repeat_samples.py 120000). Needs `cargo build --release`.
set -eu
corpus=$1
out=${2:-/tmp/bench-spread}
bin=${QUOTEGRAPH:-target/release/quotegraph}
mkdir -p "$out"
echo "commit $(git rev-parse --short HEAD); $(nproc) cores; corpus $corpus ($(wc -l < "$corpus") articles)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in off on; do
    rm -f "$out/$mode.db" "$out/$mode.db-wal" "$out/$mode.db-shm"
    flag=""
    [ "$mode" = off ] && flag="--no-link"
    /usr/bin/time -o "$out/$mode.time" -f "linking $mode: wall %e s, user %U s, sys %S s, max RSS %M kB" \
        "$bin" --db "$out/$mode.db" ingest -q $flag "$corpus" &
done
wait
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in off on; do
    cat "$out/$mode.time"
    "$bin" --db "$out/$mode.db" stats --format csv | grep -E "quotes,|SAME_AS" | tr '\n' ' '
    echo
done
