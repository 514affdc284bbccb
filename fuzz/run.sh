#!/usr/bin/env bash
# Builds a fuzz target with libFuzzer instrumentation (nightly toolchain, the
# flags `cargo fuzz build --sanitizer none` uses) and runs it for N minutes
# on the seed corpus built from data/samples.
#
# Usage: fuzz/run.sh [TARGET] [MINUTES] [extra libFuzzer flags...]
#   TARGET   extract (default: raw bytes), soup (each byte picks a piece: marks,
#            spaces, line ends, cues, names; finds rare neighbours fast) or html
#   MINUTES  default 30
# Needs: `rustup toolchain install nightly` and a C++ compiler (libfuzzer-sys
# builds libFuzzer). With cargo-fuzz installed the same run is
#   cargo +nightly fuzz run extract --sanitizer none -- -dict=fuzz/quotegraph.dict -max_total_time=1800
# Crashes are saved under fuzz/artifacts/TARGET/; reproduce one with
#   fuzz/run.sh TARGET 0 fuzz/artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-extract}
minutes=${2:-30}
shift $(( $# > 2 ? 2 : $# ))
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo +nightly build --release --target "$triple" --bin "$target"
bin=$CARGO_TARGET_DIR/$triple/release/$target
corpus=corpus/$target
mkdir -p "$corpus"
# The soup target reads bytes as piece numbers: text seeds mean nothing to it.
if [ "$target" != soup ] && [ -z "$(ls -A "$corpus")" ]; then
    ./seed-corpus.sh "$corpus"
fi
dict=-dict=quotegraph.dict
max_len=8192
if [ "$target" = soup ]; then
    dict=
    max_len=256
fi
mkdir -p "artifacts/$target"
if [ "$minutes" = 0 ]; then
    exec "$bin" "$@"
fi
exec "$bin" $dict -max_total_time=$(( minutes * 60 )) -max_len=$max_len \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@" "$corpus"
