#!/usr/bin/env bash
# Builds Kindly and runs every test: unit tests, golden CLI tests, independent checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cd build && ctest --output-on-failure -j"$(nproc)"
