#!/usr/bin/env bash
# Long soak of `ingest` (issue 15; not run in CI): N mutated documents
# (default 200,000) ingested into one database while the ingest is killed
# with SIGKILL at random moments and started again, until one run finishes.
# Then it reports
#   documents lost     stored ids missing from the input        (must be 0)
#   duplicates         quotes stored twice (same doc, span, kind) (must be 0)
#   wrong quote counts documents whose stored quotes differ from a clean
#                      `quotegraph extract` of the same input     (must be 0)
#   panics             runs that printed "panicked" or exited 101 (must be 0)
#   integrity_check    SQLite's PRAGMA integrity_check             (must be ok)
# and exits 1 if any of them is off.
#
# Usage: scripts/soak.sh [DOCS] [WORKDIR]
#   DOCS     documents to generate (default 200000)
#   WORKDIR  scratch directory (default /tmp/quotegraph-soak), emptied first
# Environment: QUOTEGRAPH_BIN (default target/release/quotegraph, built if
# missing), SOAK_SEED (default 15), SOAK_MAX_SLEEP (longest time an ingest
# runs before it is killed, seconds, default 8; see "Where the kill lands"
# below). Run it niced on a shared machine: `nice -n 10 scripts/soak.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-200000}
work=${2:-/tmp/quotegraph-soak}
seed=${SOAK_SEED:-15}
max_sleep=${SOAK_MAX_SLEEP:-8}
bin=${QUOTEGRAPH_BIN:-target/release/quotegraph}
if [ ! -x "$bin" ]; then
    cargo build --release --locked
fi
bin=$(realpath "$bin")
rm -rf "$work"
mkdir -p "$work/in"
db=$work/soak.db

echo "soak: generating $docs mutated documents (seed $seed) in $work/in"
python3 - "$docs" "$work/in" "$seed" <<'PY'
import json, random, sys
n, out, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
paras = [p for p in open("data/samples/hamas-talks.txt", encoding="utf-8").read().split("\n") if p.strip()]
for line in open("data/samples/wikinews.jsonl", encoding="utf-8"):
    if line.strip():
        paras += [p for p in json.loads(line)["text"].split("\n") if p.strip()]
# The Unicode classes the extractor treats specially (issue 15).
pieces = ["\u201c", "\u201d", "\u2018", "\u2019", "\"", "'", "``", "''", "\u00ab", "\u00bb", "\u201e", "\u201f",
          "\u2039", "\u203a", "\uff02", "\u00a0", "\u2009", "\u2003", "\u202f", "\u200b", "\u200d", "\u200f",
          "\u202e", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\U0001F600", "\U0001F469\u200d\U0001F4BB", "\r\n",
          "\r", "\n", "\n\n", "\u0000", "\ufffd", "\u2026", "\u2014", " said ", " told ", "according to ",
          "Dr. ", "Maria Lopez", " he ", "Hamas official and Egyptian envoy John Smith said "]
def mutate(t):
    t = list(t)
    for _ in range(rng.randint(0, 12)):
        op = rng.random()
        i = rng.randint(0, len(t))
        if op < 0.5:
            t[i:i] = list(rng.choice(pieces))
        elif op < 0.7 and t:
            del t[i:i + rng.randint(1, 20)]
        elif op < 0.85 and t:
            j = rng.randint(0, len(t))
            t[i:i] = t[j:j + rng.randint(1, 80)]
        else:
            # A run of one piece, up to about 4 KB ("10k repeated marks" lives in the proptests).
            piece = rng.choice(pieces)
            t[i:i] = list(piece * rng.randint(10, max(10, 1300 // len(piece.encode()))))
    return "".join(t)
per_file = 1000
for f in range(0, n, per_file):
    with open(f"{out}/part-{f // per_file:05}.jsonl", "w", encoding="utf-8") as w:
        for k in range(f, min(n, f + per_file)):
            text = "\n".join(mutate(rng.choice(paras)) for _ in range(rng.randint(1, 6)))
            w.write(json.dumps({"id": f"soak-{k:07}", "text": text}) + "\n")
PY
echo "soak: $(du -sh "$work/in" | cut -f1) of input"

# Documents stored so far (WAL: readable while an ingest writes).
stored() {
    if [ -e "$db" ]; then
        sqlite3 "$db" 'SELECT count(*) FROM document' 2> /dev/null || echo 0
    else
        echo 0
    fi
}

RANDOM=$seed
runs=0 kills=0 panics=0
start=$(date +%s)
while :; do
    runs=$((runs + 1))
    "$bin" --db "$db" ingest --quiet "$work/in" > "$work/run.out" 2> "$work/run.err" &
    pid=$!
    # Where the kill lands: a random moment 0.2 s .. SOAK_MAX_SLEEP s into the
    # run (unless it ends first), counted from the start in one run of four,
    # so that kills also land while the stored documents are read, hashed and
    # skipped; in the other runs counted from the first document this run
    # stores. A restart re-reads the whole input before it reaches new
    # documents (several seconds at 200,000 documents), so a clock counted
    # from the start alone would kill every run before it stored anything
    # once that took longer than SOAK_MAX_SLEEP, and the soak would never end.
    if [ $((RANDOM % 4)) != 0 ]; then
        before=$(stored)
        while kill -0 "$pid" 2> /dev/null && [ "$(stored)" = "$before" ]; do
            sleep 0.1
        done
    fi
    limit=$(( 2 + RANDOM % (max_sleep * 10 - 1) ))
    for ((t = 0; t < limit; t++)); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2> /dev/null; then
        kill -9 "$pid" 2> /dev/null || true
        kills=$((kills + 1))
    fi
    code=0
    wait "$pid" || code=$?
    if grep -q "panicked" "$work/run.err" || [ "$code" = 101 ]; then
        panics=$((panics + 1))
        cp "$work/run.err" "$work/panic-$runs.err"
    fi
    if [ "$code" != 137 ] && [ "$code" != 143 ]; then
        echo "soak: run $runs finished with exit code $code after $kills kills: $(tail -1 "$work/run.err")"
        break
    fi
    if [ $((runs % 10)) = 0 ]; then
        echo "soak: $runs runs, $kills kills, $(stored) documents stored"
    fi
done
ingest_secs=$(( $(date +%s) - start ))

echo "soak: clean extraction of the same input for the per-document quote counts"
"$bin" extract "$work/in" > "$work/clean.jsonl" 2> "$work/clean.err" || true

python3 - "$db" "$work/clean.jsonl" "$docs" "$runs" "$kills" "$panics" "$ingest_secs" <<'PY'
import json, sqlite3, sys
db, clean, docs, runs, kills, panics, secs = sys.argv[1], sys.argv[2], int(sys.argv[3]), *map(int, sys.argv[4:])
con = sqlite3.connect(db)
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
fk = con.execute("PRAGMA foreign_key_check").fetchall()
stored = {r[0] for r in con.execute("SELECT id FROM document")}
expected = {f"soak-{k:07}" for k in range(docs)}
lost = len(expected - stored)
extra = len(stored - expected)
stored_counts = dict(con.execute("SELECT document_id, count(*) FROM quote GROUP BY document_id"))
want = {}
clean_spans = {}
for line in open(clean, encoding="utf-8"):
    r = json.loads(line)
    want[r["doc"]] = len(r["quotes"])
    for q in r["quotes"]:
        k = (r["doc"], q["start"], q["end"], q["kind"])
        clean_spans[k] = clean_spans.get(k, 0) + 1
# A duplicate is a quote stored more often than a clean extraction gives it
# (same document, span and kind). The extractor itself can give two quotes
# of one span (two attributions, e.g. a sentence repeated around its cue);
# those are counted apart, as extractor output, not as duplicates.
dups = 0
for doc, start, end, kind, n in con.execute(
        "SELECT document_id, start, end, kind, count(*) FROM quote GROUP BY document_id, start, end, kind HAVING count(*) > 1"):
    dups += max(0, n - clean_spans.get((doc, start, end, kind), 0))
same_span = sum(1 for n in clean_spans.values() if n > 1)
wrong = sum(1 for d in expected if stored_counts.get(d, 0) != want.get(d, -1))
quotes = sum(stored_counts.values())
print(f"soak: {docs} documents, {runs} ingest runs, {kills} killed with SIGKILL, {secs} s")
print(f"soak: documents stored {len(stored)}, lost {lost}, unexpected {extra}")
print(f"soak: quotes stored {quotes}, duplicates {dups}, documents with wrong quote counts {wrong}")
print(f"soak: spans the extractor itself gives twice (not duplicates): {same_span}")
print(f"soak: panics {panics}")
print(f"soak: integrity_check {integrity}, foreign_key_check {len(fk)} problems")
ok = lost == 0 and extra == 0 and dups == 0 and wrong == 0 and panics == 0 and integrity == "ok" and not fk
print("soak: OK" if ok else "soak: FAILED")
sys.exit(0 if ok else 1)
PY
