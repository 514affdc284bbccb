#!/bin/sh
# Ingest with quote linking (spread) off and on, side by side in one run:
# the same corpus into two fresh databases, CPU time and wall time of each.
#   sh scripts/bench_spread.sh CORPUS.jsonl [OUTDIR]
# CORPUS: e.g. data/samples repeated with new ids up to 120,000 articles
# (scripts/repeat_samples.py). Needs a release build (cargo build --release).
set -eu
corpus=$1
out=${2:-/tmp/bench-spread}
bin=${QUOTEGRAPH:-target/release/quotegraph}
mkdir -p "$out"
echo "commit $(git rev-parse --short HEAD); $(nproc) cores; corpus $corpus ($(wc -l < "$corpus") articles)"
for mode in off on; do
    rm -f "$out/$mode.db" "$out/$mode.db-wal" "$out/$mode.db-shm"
    flag=""
    [ "$mode" = off ] && flag="--no-link"
    echo "== linking $mode: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "linking $mode: wall %e s, user %U s, sys %S s, max RSS %M kB" \
        "$bin" --db "$out/$mode.db" ingest -q $flag "$corpus"
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$bin" --db "$out/$mode.db" stats --format csv | grep -E "quotes,|SAME_AS" | tr '\n' ' '
    echo
done
