#!/usr/bin/env bash
# End-to-end benchmarks of quotegraph on release builds (issue 7). Results go to
# $OUT/results.md (Markdown table), $OUT/results.tsv and the logs beside them.
#
#   bash scripts/bench.sh --quick      # CI smoke run: 1,000 articles, few iterations, no Python comparison
#   bash scripts/bench.sh              # full run: 30,000 and 300,000 articles (>1M quotes), textacy comparison
#
# Options:
#   --quick            tiny corpus and few iterations (a minute or two); no Python comparison
#   --no-python        skip scripts/compare_textacy.sh in full mode
#   --bin PATH         use this quotegraph binary instead of building target/release/quotegraph
#   --out DIR          where corpora, databases and results go (default: $CARGO_TARGET_DIR or target, /bench)
#   --articles N       size of the largest corpus (default 300000; quick: 1000)
#   --iterations N     runs per query (default 200; quick: 5)
# Environment: QG_WIKINEWS, QG_SEED_TEXT (corpus sources; default data/samples/, else ../shared/data/);
#   QG_TIME (GNU time for peak RSS; default /usr/bin/time, Python getrusage when missing).
#
# Commands the binary does not have yet (ingest, quotes, who, search, path, export) are reported as
# "n/a (command not available)". No timing is asserted: the script fails only when a command that exists
# fails on every run. Measurements share the machine with whatever else runs: see BENCHMARKS.md.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$PWD

GNU_TIME=${QG_TIME:-/usr/bin/time}
QUICK=0
PYTHON_CMP=1
BIN=""
OUT=""
LARGE=""
ITER=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --no-python) PYTHON_CMP=0 ;;
        --bin) BIN=$2; shift ;;
        --out) OUT=$2; shift ;;
        --articles) LARGE=$2; shift ;;
        --iterations) ITER=$2; shift ;;
        -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$QUICK" = 1 ]; then
    SMALL=1000; LARGE=${LARGE:-1000}; ITER=${ITER:-5}; REPEAT=1; PYTHON_CMP=0
else
    SMALL=30000; LARGE=${LARGE:-300000}; ITER=${ITER:-200}; REPEAT=3
fi
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET_DIR/bench}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

first_existing() { for p in "$@"; do [ -e "$p" ] && { echo "$p"; return; }; done; echo "$1"; }
WIKINEWS=${QG_WIKINEWS:-$(first_existing data/samples/wikinews.jsonl ../shared/data/wikinews/wikinews.jsonl)}
SEED_TEXT=${QG_SEED_TEXT:-$(first_existing data/samples/hamas-talks.txt ../shared/data/seed/hamas-talks.txt)}

log() { printf '== %s\n' "$*" >&2; }
FAILED=0
RESULTS=$OUT/results.tsv
: > "$RESULTS"
# rec FIGURE VALUE TARGET NOTE
rec() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >> "$RESULTS"; printf '   %-44s %s\n' "$1" "$2" >&2; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
json_get() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"; }

# --- binary -----------------------------------------------------------------
if [ -z "$BIN" ]; then
    log "cargo build --release"
    cargo build --release --quiet
    BIN=$TARGET_DIR/release/quotegraph
    if [ "$QUICK" = 1 ]; then
        log "cargo bench --bench extract -- --test (each micro benchmark once)"
        cargo bench --quiet --bench extract -- --test > "$OUT/divan.txt" 2>&1 || { cat "$OUT/divan.txt" >&2; FAILED=1; }
    else
        log "cargo bench --bench extract"
        cargo bench --quiet --bench extract > "$OUT/divan.txt" 2>&1 || { cat "$OUT/divan.txt" >&2; FAILED=1; }
    fi
fi
has() { "$BIN" "$1" --help > /dev/null 2>&1; }

# Peak RSS in kB of a command: GNU time when installed, else the Python fallback.
# run_rss FILE CMD...  (writes "elapsed_s max_rss_kb" to FILE; stdout/stderr of CMD go to FILE.log)
run_rss() {
    local file=$1; shift
    local t0 t1 rc=0
    t0=$EPOCHREALTIME
    if [ -x "$GNU_TIME" ]; then
        "$GNU_TIME" -v -o "$file.time" "$@" > /dev/null 2> "$file.log" || rc=$?
        t1=$EPOCHREALTIME
        echo "$(calc %.3f "$t1 - $t0") $(awk -F': ' '/Maximum resident set size/ { print $2 }' "$file.time")" > "$file"
    else
        python3 - "$file.rss" "$@" 2> "$file.log" << 'EOF' || rc=$?
import resource, subprocess, sys
r = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(r.returncode)
EOF
        t1=$EPOCHREALTIME
        echo "$(calc %.3f "$t1 - $t0") $(cat "$file.rss")" > "$file"
    fi
    return $rc
}

# --- machine ------------------------------------------------------------------
log "machine"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "rustc: $(rustc --version 2>/dev/null || echo unknown)"
    echo "mode: $([ "$QUICK" = 1 ] && echo quick || echo full)"
} | tee "$OUT/machine.txt" >&2

# --- corpora ------------------------------------------------------------------
corpus() { # corpus N -> path (generated once per size and seed, then reused)
    local n=$1 path=$OUT/corpus-$1.jsonl
    if [ ! -s "$path" ] || [ ! -s "$path.stats.json" ]; then
        log "generating $n articles"
        python3 scripts/gen_corpus.py --articles "$n" --seed 7 --wikinews "$WIKINEWS" --seed-text "$SEED_TEXT" \
            -o "$path.tmp" --names-out "$path.names.txt" --stats-out "$path.stats.json"
        mv "$path.tmp" "$path"
    fi
    echo "$path"
}
SMALL_CORPUS=$(corpus "$SMALL")
LARGE_CORPUS=$(corpus "$LARGE")
SMALL_MB=$(calc %.3f "$(json_get "$SMALL_CORPUS.stats.json" text_bytes) / 1e6")
LARGE_DOCS=$(json_get "$LARGE_CORPUS.stats.json" articles)
rec "corpus for extraction" "$SMALL articles, $SMALL_MB MB text" "" "scripts/gen_corpus.py --seed 7"

# --- extraction throughput ------------------------------------------------------
log "extraction throughput (best of $REPEAT)"
best_extract() { # best_extract THREADS -> "wall_s cpu_s" of the fastest run (bash's time: real, user + sys)
    local best="" cpu="" r u sy
    local TIMEFORMAT='%R %U %S'
    for _ in $(seq "$REPEAT"); do
        read -r r u sy < <({ time RAYON_NUM_THREADS=$1 "$BIN" extract --format jsonl "$SMALL_CORPUS" > /dev/null; } 2>&1)
        if [ -z "$best" ] || awk "BEGIN { exit !($r < $best) }"; then best=$r; cpu=$(calc %.3f "$u + $sy"); fi
    done
    echo "$best $cpu"
}
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
read -r T1 CPU1 < <(best_extract 1)
read -r T2 CPU2 < <(best_extract 2)
rec "extraction, 1 thread (MB/s)" "$(calc %.2f "$SMALL_MB / $T1")" ">= 20" "RAYON_NUM_THREADS=1, ${T1}s wall; load average $LOAD_BEFORE"
rec "extraction, 1 thread, per CPU-second (MB/s)" "$(calc %.2f "$SMALL_MB / $CPU1")" "" "${CPU1}s user+sys: less sensitive to other load"
rec "extraction, 2 threads (MB/s)" "$(calc %.2f "$SMALL_MB / $T2")" "" "RAYON_NUM_THREADS=2, ${T2}s wall, ${CPU2}s user+sys"
rec "2-thread speed-up" "$(calc %.2fx "$T1 / $T2")" ">= 1.8x" "load average $(cut -d' ' -f1 /proc/loadavg) after"

# One more pass over the largest corpus: quote counts, speaker names for the queries, extraction peak RSS.
log "extracting the $LARGE-article corpus once more to count quotes"
TIMEV=()
[ -x "$GNU_TIME" ] && TIMEV=("$GNU_TIME" -v -o "$OUT/extract-large.time")
"${TIMEV[@]}" env RAYON_NUM_THREADS=2 "$BIN" extract --format jsonl "$LARGE_CORPUS" 2> "$OUT/count.log" \
    | python3 scripts/bench_util.py count > "$OUT/count.json"
EXTRACTED_QUOTES=$(json_get "$OUT/count.json" quotes)
python3 -c 'import json,sys; [print(n) for n in json.load(open(sys.argv[1]))["speakers"]]' "$OUT/count.json" > "$OUT/speakers.txt"
rec "quotes extracted from the largest corpus" "$EXTRACTED_QUOTES" ">= 1,000,000 (full mode)" \
    "$LARGE_DOCS articles; $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["kinds"])' "$OUT/count.json")"
if [ -s "$OUT/extract-large.time" ]; then
    RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/extract-large.time")
    rec "extraction peak RSS, largest corpus (MB)" "$(calc %.1f "$RSS / 1024")" "" "2 threads, GNU time -v"
else
    rec "extraction peak RSS, largest corpus (MB)" "n/a (GNU time missing: apt-get install time)" "" ""
fi

# --- ingest ---------------------------------------------------------------------
DB=$OUT/bench.db
rm -f "$DB" "$DB-wal" "$DB-shm"  # never time queries against a database left by an earlier run
if has ingest; then
    ingest() { # ingest CORPUS DB TAG
        rm -f "$2" "$2-wal" "$2-shm"
        if ! run_rss "$OUT/ingest-$3" "$BIN" --db "$2" ingest "$1"; then
            echo "ingest of $1 failed:" >&2; tail -5 "$OUT/ingest-$3.log" >&2; FAILED=1
        fi
    }
    if [ "$SMALL" != "$LARGE" ]; then
        log "ingest $SMALL articles"
        ingest "$SMALL_CORPUS" "$OUT/small.db" small
        rec "ingest peak RSS, $SMALL articles (MB)" "$(calc %.1f "$(cut -d' ' -f2 "$OUT/ingest-small") / 1024")" "< 300, not growing" ""
    fi
    log "ingest $LARGE articles"
    ingest "$LARGE_CORPUS" "$DB" large
    read -r SECS RSS < "$OUT/ingest-large"
    python3 scripts/bench_util.py dbcount "$DB" > "$OUT/dbcount.json"
    DOCS=$(json_get "$OUT/dbcount.json" documents); DOCS=${DOCS:-$LARGE_DOCS}
    QUOTES=$(json_get "$OUT/dbcount.json" quotes); QUOTES=${QUOTES:-$EXTRACTED_QUOTES}
    BYTES=$(json_get "$OUT/dbcount.json" db_bytes)
    rec "ingest, $LARGE articles (docs/s)" "$(calc %.0f "$DOCS / $SECS")" "" "${SECS}s, extraction included"
    rec "ingest (quotes/s)" "$(calc %.0f "$QUOTES / $SECS")" ">= 50,000" "$QUOTES quotes stored"
    rec "database bytes per quote" "$(calc %.0f "$BYTES / ($QUOTES > 0 ? $QUOTES : 1)")" "" "$(calc %.1f "$BYTES / 1e6") MB incl. WAL"
    rec "ingest peak RSS, $LARGE articles (MB)" "$(calc %.1f "$RSS / 1024")" "< 300" ""
else
    for f in "ingest (docs/s)" "ingest (quotes/s)" "database bytes per quote" "ingest peak RSS (MB)"; do
        rec "$f" "n/a (command not available)" "" ""
    done
fi

# --- queries --------------------------------------------------------------------
log "query latency ($ITER runs each)"
NAMES=$OUT/speakers.txt
[ -s "$NAMES" ] || NAMES=$LARGE_CORPUS.names.txt
if [ -e "$DB" ]; then
    python3 scripts/bench_util.py query --bin "$BIN" --db "$DB" --names "$NAMES" --iterations "$ITER" \
        > "$OUT/queries.json" || FAILED=1
else
    # No database (no ingest yet): still report which commands exist.
    python3 scripts/bench_util.py query --bin "$BIN" --db "$OUT/missing.db" --names "$NAMES" --iterations "$ITER" --warmup 0 \
        > "$OUT/queries.json" || true
fi
python3 - "$OUT/queries.json" "$RESULTS" "$QUICK" << 'EOF'
import json, sys
rows, out, quick = json.load(open(sys.argv[1])), open(sys.argv[2], "a"), sys.argv[3] == "1"
targets = {"quotes --by": ("< 2", "< 20"), "who --about": ("< 2", "< 20"), "search": ("< 20", ""),
           "path": ("", ""), "export dot ego --depth 1": ("< 100", "< 100")}
for r in rows:
    t50, t99 = targets.get(r["query"], ("", ""))
    if "p50_ms" in r and not r["status"].startswith("error"):
        v50, v99, note = f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}", f"{r['runs']} runs; {r['status']}"
        if "net_p50_ms" in r:
            note += f"; {r['net_p50_ms']:.2f} ms above start-up"
    else:
        v50 = v99 = r["status"]
        note = ""
    out.write(f"{r['query']}: p50 (ms)\t{v50}\t{t50}\t{note}\n")
    if r["query"] != "startup (--version)":
        out.write(f"{r['query']}: p99 (ms)\t{v99}\t{t99}\t\n")
EOF
if [ ! -e "$DB" ]; then
    rec "query database" "n/a (no database: ingest not available)" "" "latencies above are not measured"
fi

# --- Python comparison ---------------------------------------------------------------
if [ "$PYTHON_CMP" = 1 ]; then
    log "textacy comparison"
    if bash scripts/compare_textacy.sh --bin "$BIN" --out "$OUT"; then
        cat "$OUT/compare.tsv" >> "$RESULTS"
    else
        rec "textacy comparison" "failed (see the output above)" "" ""; FAILED=1
    fi
fi

python3 scripts/bench_util.py report "$RESULTS" > "$OUT/results.md"
{ echo; cat "$OUT/machine.txt"; echo; cat "$OUT/results.md"; } >&2
[ "$FAILED" = 0 ] || { echo "bench.sh: some commands failed (see logs in $OUT)" >&2; exit 1; }
