#!/bin/sh
# Behaviour check for refactoring commits: the JSONL of `quotegraph extract`
# (plain and --explain) over PolNeAR dev, GUM news and data/samples must be
# byte-identical to a saved baseline.
#
# Usage:
#   scripts/identical.sh save [DIR]    build, then write the baseline to DIR
#   scripts/identical.sh [check] [DIR] build, then diff against the baseline in DIR
# DIR defaults to /tmp/refactor/baseline. Builds release unless QG_PROFILE=debug
# (compare a baseline only with output of the same profile). Inputs that are
# absent (../shared is not in every checkout) are skipped with a SKIP line.
# Exit status: 0 identical, 1 some output differs (the diff is printed).
set -eu
cd "$(dirname "$0")/.."
mode=${1:-check}
dir=${2:-/tmp/refactor/baseline}
shared=../shared
[ -d "$shared" ] || shared=/work/shared
profile=${QG_PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/quotegraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The GUM news input is written by the shared scorer from the CoNLL-U files.
gum=""
if [ -f "$shared/eval/gum_entities.py" ] && [ -d "$shared/data/gum_news" ]; then
    python3 "$shared/eval/gum_entities.py" gold "$work" --data "$shared/data/gum_news" >/dev/null
    gum="$work/gum_news.input.jsonl"
fi

mkdir -p "$dir"
status=0
run() { # NAME INPUT
    name=$1
    input=$2
    if [ -z "$input" ] || [ ! -e "$input" ]; then
        echo "SKIP: $name (input ${input:-not built} missing)"
        return
    fi
    for variant in plain explain; do
        flag=""
        [ "$variant" = explain ] && flag=--explain
        out="$work/$name.$variant.jsonl"
        "$bin" extract --format jsonl $flag "$input" >"$out"
        if [ "$mode" = save ]; then
            cp "$out" "$dir/$name.$variant.jsonl"
            echo "saved $dir/$name.$variant.jsonl ($(wc -l <"$out") records)"
        elif cmp -s "$out" "$dir/$name.$variant.jsonl"; then
            echo "identical: $name.$variant ($(wc -l <"$out") records)"
        else
            echo "DIFFERS: $name.$variant"
            diff "$dir/$name.$variant.jsonl" "$out" | head -20 || true
            status=1
        fi
    done
}
run polnear-dev "$shared/data/polnear/dev.input.jsonl"
run gum-news "$gum"
run samples data/samples
exit $status
