#!/usr/bin/env bash
# End-to-end benchmarks of quotegraph on release builds (issues 7 and 19). Results go to
# $OUT/results.md (Markdown table), $OUT/results.tsv and the logs beside them.
#
#   bash scripts/bench.sh --quick      # CI smoke run: 1,000 articles, few iterations, no Python comparison
#   bash scripts/bench.sh              # full run: real text, 6,000 and 120,000 articles (>1M quotes), textacy
#
# Every headline figure comes from real news text: the bundled samples repeated unchanged with new ids
# (scripts/real_corpus.py). The generated corpus (scripts/gen_corpus.py, names swapped and paragraphs
# shuffled) is kept as one secondary extraction row. Throughput is given per CPU-second (user + sys: the
# machine is shared) and per wall-clock second, with the load average beside it.
#
# Options:
#   --quick            tiny corpus and few iterations (a minute or two); no Python comparison
#   --no-python        skip scripts/compare_textacy.sh in full mode
#   --bin PATH         use this quotegraph binary instead of building target/release/quotegraph
#   --out DIR          where corpora, databases and results go (default: $CARGO_TARGET_DIR or target, /bench)
#   --articles N       size of the largest (ingest and query) corpus (default 120000; quick: 1000)
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
        -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$QUICK" = 1 ]; then
    SMALL=1000; LARGE=${LARGE:-1000}; GEN=1000; MORE=100; ITER=${ITER:-5}; REPEAT=1; PYTHON_CMP=0
else
    SMALL=6000; LARGE=${LARGE:-120000}; GEN=30000; MORE=2000; ITER=${ITER:-200}; REPEAT=3
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
real_corpus() { # real_corpus N [FIRST] -> path (real articles repeated with new ids; built once, then reused)
    local n=$1 first=${2:-0} path=$OUT/real-$1.jsonl
    [ "$first" = 0 ] || path=$OUT/real-$1-from-$first.jsonl
    if [ ! -s "$path" ] || [ ! -s "$path.stats.json" ]; then
        log "writing $n real articles (from $first)"
        python3 scripts/real_corpus.py --articles "$n" --first "$first" --wikinews "$WIKINEWS" --seed-text "$SEED_TEXT" \
            -o "$path.tmp" --stats-out "$path.stats.json"
        mv "$path.tmp" "$path"
    fi
    echo "$path"
}
gen_corpus() { # gen_corpus N -> path (generated once per size and seed, then reused)
    local n=$1 path=$OUT/corpus-$1.jsonl
    if [ ! -s "$path" ] || [ ! -s "$path.stats.json" ]; then
        log "generating $n articles"
        python3 scripts/gen_corpus.py --articles "$n" --seed 7 --wikinews "$WIKINEWS" --seed-text "$SEED_TEXT" \
            -o "$path.tmp" --names-out "$path.names.txt" --stats-out "$path.stats.json"
        mv "$path.tmp" "$path"
    fi
    echo "$path"
}
SMALL_CORPUS=$(real_corpus "$SMALL")
LARGE_CORPUS=$(real_corpus "$LARGE")
MORE_CORPUS=$(real_corpus "$MORE" "$LARGE")
GEN_CORPUS=$(gen_corpus "$GEN")
SMALL_MB=$(calc %.3f "$(json_get "$SMALL_CORPUS.stats.json" text_bytes) / 1e6")
GEN_MB=$(calc %.3f "$(json_get "$GEN_CORPUS.stats.json" text_bytes) / 1e6")
LARGE_DOCS=$(json_get "$LARGE_CORPUS.stats.json" articles)
rec "corpus for extraction (real text)" "$SMALL articles, $SMALL_MB MB text" "" "scripts/real_corpus.py --articles $SMALL"

# --- extraction throughput ------------------------------------------------------
log "extraction throughput (best of $REPEAT)"
best_extract() { # best_extract THREADS CORPUS -> "wall_s cpu_s user_s sys_s" of the fastest run by CPU time
    local best="" wall="" user="" sys="" r u sy c
    local TIMEFORMAT='%R %U %S'
    for _ in $(seq "$REPEAT"); do
        read -r r u sy < <({ time RAYON_NUM_THREADS=$1 "$BIN" extract --format jsonl "$2" > /dev/null; } 2>&1)
        c=$(calc %.3f "$u + $sy")
        if [ -z "$best" ] || awk "BEGIN { exit !($c < $best) }"; then best=$c; wall=$r; user=$u; sys=$sy; fi
    done
    echo "$wall $best $user $sys"
}
# Quotes in the extraction corpus (one more pass, not timed).
RAYON_NUM_THREADS=2 "$BIN" extract --format jsonl "$SMALL_CORPUS" 2> /dev/null | python3 scripts/bench_util.py count > "$OUT/count-small.json"
SMALL_QUOTES=$(json_get "$OUT/count-small.json" quotes)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r T1 CPU1 U1 S1 < <(best_extract 1 "$SMALL_CORPUS")
LOAD_MID=$(cut -d' ' -f1-3 /proc/loadavg)
read -r T2 CPU2 U2 S2 < <(best_extract 2 "$SMALL_CORPUS")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
read -r TG CPUG UG SG < <(best_extract 1 "$GEN_CORPUS")
rec "extraction, 1 thread, per CPU-second (MB/s per core)" "$(calc %.2f "$SMALL_MB / $CPU1")" ">= 20" \
    "real text; ${CPU1}s CPU (${U1} user + ${S1} sys), ${T1}s wall = $(calc %.2f "$SMALL_MB / $T1") MB/s wall; load average $LOAD_BEFORE"
rec "extraction, 1 thread (documents/s per core)" "$(calc %.0f "$SMALL / $CPU1")" "" "per CPU-second"
rec "extraction, 1 thread (quotes/s per core)" "$(calc %.0f "$SMALL_QUOTES / $CPU1")" "" "$SMALL_QUOTES quotes, per CPU-second"
rec "extraction, 2 threads (MB/s)" "$(calc %.2f "$SMALL_MB / $T2")" "" "RAYON_NUM_THREADS=2, ${T2}s wall, ${CPU2}s CPU (${U2} + ${S2}); load average $LOAD_MID"
rec "2-thread speed-up (wall)" "$(calc %.2fx "$T1 / $T2")" ">= 1.8x" "load average $LOAD_AFTER after"
rec "secondary: extraction of generated text, 1 thread, per CPU-second (MB/s)" "$(calc %.2f "$GEN_MB / $CPUG")" "" \
    "scripts/gen_corpus.py --articles $GEN --seed 7, $GEN_MB MB; ${CPUG}s CPU (${UG} + ${SG}), ${TG}s wall"

# One more pass over the largest corpus: quote counts, speaker names for the queries, extraction peak RSS.
log "extracting the $LARGE-article corpus once more to count quotes"
TIMEV=()
[ -x "$GNU_TIME" ] && TIMEV=("$GNU_TIME" -v -o "$OUT/extract-large.time")
"${TIMEV[@]}" env RAYON_NUM_THREADS=2 "$BIN" extract --format jsonl "$LARGE_CORPUS" 2> "$OUT/count.log" \
    | python3 scripts/bench_util.py count > "$OUT/count.json"
EXTRACTED_QUOTES=$(json_get "$OUT/count.json" quotes)
python3 -c 'import json,sys; [print(n) for n in json.load(open(sys.argv[1]))["speakers"]]' "$OUT/count.json" > "$OUT/speakers.txt"
rec "quotes extracted from the largest corpus" "$EXTRACTED_QUOTES" ">= 1,000,000 (full mode)" \
    "$LARGE_DOCS real articles; $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["kinds"])' "$OUT/count.json")"
if [ -s "$OUT/extract-large.time" ]; then
    RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/extract-large.time")
    rec "extraction peak RSS, largest corpus (MB)" "$(calc %.1f "$RSS / 1024")" "" "2 threads, GNU time -v"
else
    rec "extraction peak RSS, largest corpus (MB)" "n/a (GNU time missing: apt-get install time)" "" ""
fi

# --- ingest ---------------------------------------------------------------------
DB=$OUT/bench.db
rm -f "$DB" "$DB-wal" "$DB-shm"  # never time queries against a database left by an earlier run
# cpu_of FILE -> "user sys" from a GNU time -v report (empty without GNU time)
cpu_of() { [ -s "$1.time" ] && awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u, s }' "$1.time"; }
if has ingest; then
    ingest() { # ingest CORPUS DB TAG [keep]: into a fresh database unless "keep"
        [ "${4:-}" = keep ] || rm -f "$2" "$2-wal" "$2-shm"
        if ! run_rss "$OUT/ingest-$3" "$BIN" --db "$2" ingest --quiet "$1"; then
            echo "ingest of $1 failed:" >&2; tail -5 "$OUT/ingest-$3.log" >&2; FAILED=1
        fi
    }
    if [ "$SMALL" != "$LARGE" ]; then
        log "ingest $SMALL articles"
        ingest "$SMALL_CORPUS" "$OUT/small.db" small
        rec "ingest peak RSS, $SMALL articles (MB)" "$(calc %.1f "$(cut -d' ' -f2 "$OUT/ingest-small") / 1024")" "< 300, not growing" ""
    fi
    log "ingest $LARGE articles"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    ingest "$LARGE_CORPUS" "$DB" large
    read -r SECS RSS < "$OUT/ingest-large"
    read -r IU IS < <(cpu_of "$OUT/ingest-large"; echo)
    python3 scripts/bench_util.py dbcount "$DB" > "$OUT/dbcount.json"
    DOCS=$(json_get "$OUT/dbcount.json" documents); DOCS=${DOCS:-$LARGE_DOCS}
    QUOTES=$(json_get "$OUT/dbcount.json" quotes); QUOTES=${QUOTES:-$EXTRACTED_QUOTES}
    BYTES=$(json_get "$OUT/dbcount.json" db_bytes)
    CPUNOTE=""
    [ -n "${IU:-}" ] && CPUNOTE="; ${IU} user + ${IS} sys = $(calc %.1f "$IU + $IS")s CPU, $(calc %.0f "$QUOTES / ($IU + $IS)") quotes per CPU-second"
    rec "ingest, $LARGE real articles, fresh database (quotes/s)" "$(calc %.0f "$QUOTES / $SECS")" ">= 30,000" \
        "$QUOTES quotes, ${SECS}s wall, extraction included${CPUNOTE}; load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
    rec "ingest, $LARGE real articles (docs/s)" "$(calc %.0f "$DOCS / $SECS")" "" "$DOCS documents"
    rec "database bytes per quote" "$(calc %.0f "$BYTES / ($QUOTES > 0 ? $QUOTES : 1)")" "" "$(calc %.1f "$BYTES / 1e6") MB incl. WAL"
    rec "ingest peak RSS, $LARGE articles (MB)" "$(calc %.1f "$RSS / 1024")" "< 300" ""
    # Incremental: new documents into the large database, then the same again (all unchanged).
    log "incremental ingest of $MORE new articles into the large database, then again"
    ingest "$MORE_CORPUS" "$DB" more keep
    read -r SECS_M RSS_M < "$OUT/ingest-more"
    read -r MU MS < <(cpu_of "$OUT/ingest-more"; echo)
    python3 scripts/bench_util.py dbcount "$DB" > "$OUT/dbcount-more.json"
    QUOTES_M=$(( $(json_get "$OUT/dbcount-more.json" quotes) - QUOTES ))
    rec "incremental ingest, $MORE new articles into the large database (quotes/s)" "$(calc %.0f "$QUOTES_M / $SECS_M")" "" \
        "$QUOTES_M quotes, ${SECS_M}s wall, ${MU:-?} user + ${MS:-?} sys; peak RSS $(calc %.1f "$RSS_M / 1024") MB"
    ingest "$MORE_CORPUS" "$DB" again keep
    read -r SECS_A _ < "$OUT/ingest-again"
    python3 scripts/bench_util.py dbcount "$DB" > "$OUT/dbcount-again.json"
    SAME=$([ "$(json_get "$OUT/dbcount-again.json" quotes)" = "$(json_get "$OUT/dbcount-more.json" quotes)" ] && echo "quote count unchanged" || echo "QUOTE COUNT CHANGED")
    [ "$SAME" = "quote count unchanged" ] || FAILED=1
    rec "ingest of the same $MORE articles again (s)" "$SECS_A" "" "all unchanged, skipped before extraction; $SAME"
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
