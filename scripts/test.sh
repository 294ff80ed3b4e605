#!/usr/bin/env bash
# Builds Kindly and runs every test: unit tests, golden CLI tests, independent checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# For the tests alone: LibreOffice prints the workbook as its users see it, with Carlito for
# Calibri as LibreOffice's own builds have it (tests/libreoffice).
scripts/install-packages.sh libreoffice-calc poppler-utils fonts-crosextra-carlito
cd build && ctest --output-on-failure -j"$(nproc)"
