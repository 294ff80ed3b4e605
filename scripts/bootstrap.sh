#!/usr/bin/env bash
# Installs the Debian packages Kindly needs when they are missing, then builds it in build/.
# Used by demo.sh and test.sh; safe to run again (it only installs what is absent).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-packages.sh g++ cmake make pkg-config python3 libpoco-dev libsqlite3-dev \
  libxlsxwriter-dev libgtest-dev libmstch-dev python3-aiosmtpd openssl

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
