#!/usr/bin/env python3
"""Compares kindly's aging, client behaviour and forecast with the references on generated data.

Generates N invoices (default 100000) into a temporary folder with bench/gen_invoices.py,
as the benchmarks do, with the balance-only export of the same invoices beside them, and
runs compare_behaviour.py twice: on the invoices with their payment rows, and on the
balance-only export alone, as a bookkeeper's first import of a Xero export would be.

Usage: compare_generated.py KINDLY_BINARY [N]
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.normpath(os.path.join(HERE, "..", "..", "bench", "gen_invoices.py"))
AS_OF = "2026-11-20"


def main():
    kindly = sys.argv[1]
    count = sys.argv[2] if len(sys.argv) > 2 else "100000"
    compare = [sys.executable, os.path.join(HERE, "compare_behaviour.py"), "--kindly", kindly,
               "--as-of", AS_OF]
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, GENERATOR, "--invoices", count, "--as-of", AS_OF,
                        "--balance-only", "--out", folder], check=True, stdout=subprocess.DEVNULL)
        listed = subprocess.run(compare + ["--invoices", os.path.join(folder, "invoices.csv"),
                                           "--payments", os.path.join(folder, "payments.csv")])
        balances = subprocess.run(
            compare + ["--invoices", os.path.join(folder, "invoices-balances.csv")])
    sys.exit(max(listed.returncode, balances.returncode))


if __name__ == "__main__":
    main()
