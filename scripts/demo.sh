#!/usr/bin/env bash
# The weekly job on the bundled samples, as of the demo date: import, aging on the
# terminal, the Excel workbook and a batch of reminder drafts, all under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh

as_of=2026-11-20
# The demo's week is today for Kindly too, so that its as-of date is never taken for a slip.
export KINDLY_TODAY="$as_of"
rm -rf out && mkdir -p out
kindly() { build/kindly --db out/kindly.db --config samples/kindly.ini "$@"; }

kindly import samples/invoices.csv samples/payments.csv --as-of "$as_of"
echo
kindly aging --as-of "$as_of"
echo
kindly plan --as-of "$as_of"
echo
kindly report out/aging.xlsx --as-of "$as_of"
kindly remind --as-of "$as_of" --out out
echo
echo "Done. The ledger is out/kindly.db, the workbook out/aging.xlsx, the drafts out/batch-$as_of/."
