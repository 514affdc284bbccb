#!/usr/bin/env bash
# The Spark job against the binary alone, on one corpus, in one run
# (BENCHMARKS.md, "Scale-out: extraction as a Spark stage").
#
#   bash scripts/spark/bench.sh [--copies N] [--out DIR] [--bin PATH] [--python PATH]
#
# The corpus is real text: data/samples (296 articles, 1.43 MB) repeated N
# times (default 250) with new ids. Runs, one after the other:
#   binary-1t   RAYON_NUM_THREADS=1 quotegraph extract --with-text corpus.jsonl
#   binary-2t   the same on 2 threads (the binary's default on this machine)
#   spark-1     scripts/spark/extract.py --master local[1] --no-tables
#   spark-2     scripts/spark/extract.py --master local[2] --no-tables
#   load        quotegraph ingest --extracted on spark-2's part files (fresh database)
# CPU time is user+sys of the process and its children (GNU time), load the
# 1-minute load average before and after each run. Results: OUT/results.tsv.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
ROOT=$PWD

COPIES=250
OUT=/tmp/spark-bench
BIN=target/release/quotegraph
PY=python3
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) COPIES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --python) PY=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
BIN=$(realpath "$BIN")
mkdir -p "$OUT"
rm -rf "$OUT"/binary-*.jsonl "$OUT"/spark-* "$OUT"/load.db*

"$PY" - "$ROOT/data/samples" "$COPIES" "$OUT/corpus.jsonl" <<'EOF'
import json, os, sys
samples, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [{"id": "hamas-talks", "text": open(os.path.join(samples, "hamas-talks.txt"), encoding="utf-8").read()}]
docs += [json.loads(l) for l in open(os.path.join(samples, "wikinews.jsonl"), encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for c in range(copies):
        for d in docs:
            f.write(json.dumps(dict(d, id=f"{d['id']}-copy{c}"), ensure_ascii=False) + "\n")
EOF
BYTES=$(stat -c %s "$OUT/corpus.jsonl")
DOCS=$(wc -l < "$OUT/corpus.jsonl")
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src scripts || echo "+dirty")
echo "corpus: $DOCS documents, $BYTES bytes of JSONL; commit $COMMIT; $(nproc) CPUs" | tee "$OUT/machine.txt"

load() { cut -d' ' -f1 /proc/loadavg; }
printf 'run\twall_s\tuser_s\tsys_s\tMB_per_s_wall\tMB_per_cpu_s\tload_before\tload_after\tcommand\n' > "$OUT/results.tsv"
measure() {
  local name=$1; shift
  local before; before=$(load)
  /usr/bin/time -f '%e %U %S' -o "$OUT/$name.time" "$@"
  local after; after=$(load)
  read -r wall user sys < "$OUT/$name.time"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v b="$BYTES" -v lb="$before" -v la="$after" -v cmd="$*" \
    'BEGIN { printf "%s\t%s\t%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\n", n, w, u, s, b/1e6/w, b/1e6/(u+s), lb, la, cmd }' \
    | tee -a "$OUT/results.tsv"
}

RAYON_NUM_THREADS=1 measure binary-1t sh -c "'$BIN' extract --with-text '$OUT/corpus.jsonl' > '$OUT/binary-1t.jsonl'"
rm -f "$OUT/binary-1t.jsonl"
RAYON_NUM_THREADS=2 measure binary-2t sh -c "'$BIN' extract --with-text '$OUT/corpus.jsonl' > '$OUT/binary-2t.jsonl'"
for n in 1 2; do
  measure "spark-$n" "$PY" scripts/spark/extract.py --master "local[$n]" --binary "$BIN" --no-tables \
    "$OUT/corpus.jsonl" "$OUT/spark-$n" 2> "$OUT/spark-$n.log"
done
# The part files hold the binary's records, in order.
cat "$OUT"/spark-2/records/part-* | cmp - "$OUT/binary-2t.jsonl" && echo "spark-2 records = binary records"
rm -f "$OUT/binary-2t.jsonl"
measure load "$BIN" --db "$OUT/load.db" ingest --quiet --extracted "$OUT/spark-2/records"
echo "stored: $("$BIN" --db "$OUT/load.db" stats --format csv | grep '^total,' | cut -d, -f2,3 | tr '\n' ' ')" \
  | tee -a "$OUT/machine.txt"
echo "records: $(cat "$OUT"/spark-2/records/part-* | wc -c) bytes" | tee -a "$OUT/machine.txt"
