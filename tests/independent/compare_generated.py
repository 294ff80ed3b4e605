#!/usr/bin/env python3
"""Compares kindly's aging with the reference on data from the shared bench generator.

Generates N invoices (default 20000) into a temporary folder with
../shared/bench/gen_invoices.py (found beside the checkout) and runs compare_aging.py on
them. Exits 77 (skipped) when the generator is not there.

Usage: compare_generated.py KINDLY_BINARY [N]
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "bench", "gen_invoices.py"))


def main():
    kindly = sys.argv[1]
    count = sys.argv[2] if len(sys.argv) > 2 else "20000"
    if not os.path.exists(GENERATOR):
        print(f"skipped: no generator at {GENERATOR}")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, GENERATOR, "--invoices", count, "--out", folder],
                       check=True, stdout=subprocess.DEVNULL)
        result = subprocess.run([sys.executable, os.path.join(HERE, "compare_aging.py"),
                                 "--kindly", kindly,
                                 "--invoices", os.path.join(folder, "invoices.csv"),
                                 "--payments", os.path.join(folder, "payments.csv"),
                                 "--as-of", "2026-11-20"])
        sys.exit(result.returncode)


if __name__ == "__main__":
    main()
