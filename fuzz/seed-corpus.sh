#!/usr/bin/env bash
# Builds the fuzz seed corpus from data/samples: one file per group of
# paragraphs (at most 4 KB, libFuzzer's default input size), so that every
# seed is real news text and small enough to mutate quickly.
# Usage: fuzz/seed-corpus.sh [OUT_DIR]   (default fuzz/corpus/extract)
# SEED_BYTES=N groups paragraphs up to N bytes (default 4000); SEED_BYTES=1
# gives one paragraph per seed (smaller inputs, many more executions/s).
set -euo pipefail
out=${1:-$(dirname "$0")/corpus/extract}
mkdir -p "$out"
out=$(realpath "$out")
cd "$(dirname "$0")/.."
python3 - "$out" "${SEED_BYTES:-4000}" <<'PY'
import json, os, sys
out, limit = sys.argv[1], int(sys.argv[2])
texts = [open("data/samples/hamas-talks.txt", encoding="utf-8").read()]
for line in open("data/samples/wikinews.jsonl", encoding="utf-8"):
    if line.strip():
        texts.append(json.loads(line)["text"])
n = 0
for t in texts:
    chunk = ""
    for para in t.split("\n"):
        if chunk and len((chunk + "\n" + para).encode()) > limit:
            n += 1
            open(os.path.join(out, f"seed-{n:05}"), "w", encoding="utf-8").write(chunk)
            chunk = ""
        chunk = (chunk + "\n" + para) if chunk else para
    if chunk.strip():
        n += 1
        open(os.path.join(out, f"seed-{n:05}"), "w", encoding="utf-8").write(chunk)
print(f"{n} seeds in {out}")
PY
