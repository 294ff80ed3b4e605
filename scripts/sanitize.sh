#!/usr/bin/env bash
# Builds Kindly with AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/ and
# runs every test there: any memory error, leak or undefined behaviour fails the test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh g++ cmake make pkg-config python3 libpoco-dev libsqlite3-dev \
  libxlsxwriter-dev libgtest-dev libmstch-dev python3-aiosmtpd openssl libreoffice-calc \
  poppler-utils fonts-crosextra-carlito
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-sanitize -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-sanitize && ctest --output-on-failure -j"$(nproc)"
