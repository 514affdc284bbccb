#!/bin/sh
# Named-entity and coreference figures on GUM news (../shared/data/gum_news).
# Usage: scripts/gum_eval.sh [DATA_DIR]   (default ../shared/data/gum_news; gum_train works too)
# Builds quotegraph (release unless QG_PROFILE=debug), writes gold and predictions
# to a temporary directory and prints the scorer's table.
set -eu
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared" ] || shared=/work/shared
if [ ! -f "$shared/eval/gum_entities.py" ]; then
    echo "SKIP: $shared/eval/gum_entities.py not found; GUM evaluation needs ../shared" >&2
    exit 0
fi
data=${1:-$shared/data/gum_news}
profile=${QG_PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/quotegraph
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$shared/eval/gum_entities.py" gold "$out" --data "$data" >/dev/null
"$bin" extract --format jsonl "$out/gum_news.input.jsonl" > "$out/pred.jsonl"
python3 "$shared/eval/gum_entities.py" score "$out/gum_news.entities.jsonl" "$out/pred.jsonl"
