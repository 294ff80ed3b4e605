#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, then runs each for SECONDS (default 60) from its
# seed corpus in tests/fuzz/corpus/<target>/. The repository's corpus is only read: new
# inputs go to a temporary folder. Exits non-zero when any target crashes, hangs, leaks or
# trips a sanitizer, and prints where the input that did it was saved.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: CsvReader AmountParser DateParser
#                                             Import XlsxTable XlsxWorkbook Templates
#                                             (default: all)
# KINDLY_FUZZ_BUILD names another build folder than build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${KINDLY_FUZZ_BUILD:-build-fuzz}
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) ||
  targets=(CsvReader AmountParser DateParser Import XlsxTable XlsxWorkbook Templates)

scripts/install-packages.sh clang cmake make pkg-config libpoco-dev libsqlite3-dev \
  libxlsxwriter-dev libmstch-dev libgtest-dev python3
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  scripts/install-packages.sh libclang-rt-14-dev
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKINDLY_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

work=$(mktemp -d "${TMPDIR:-/tmp}/kindly-fuzz-XXXXXX")
found=$(cd "$build" && pwd)/findings
mkdir -p "$found"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  log=$found/$target.log
  printf '%-13s %ss ... ' "$target" "$seconds"
  # The first folder receives new inputs; the repository's corpus is read only.
  # The targets' own temporary files go under $work too, even those of a crashed run.
  if TMPDIR=$work "$build"/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$found/$target-" \
      "$work/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    echo "ok, $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") runs"
  else
    echo "FAILED"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix)|Test unit written' "$log" | sed 's/^/  /'
    echo "  log: $log"
    failed+=("$target")
  fi
done
rm -rf "$work"
if ((${#failed[@]})); then
  echo "fuzzing found a problem in: ${failed[*]} (inputs in $found)"
  exit 1
fi
