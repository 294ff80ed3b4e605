#!/usr/bin/python3
"""Checks `kindly aging --format json` against the independent reference (aging_reference.py).

Imports the two generic CSV files into a fresh database in a temporary folder, asks
Kindly for the aging JSON, computes the reference on the same files, and compares the
two documents as Python objects. Exit 0 when they are equal, 1 with a short readable
diff when they differ, 2 when either side could not be run.

Usage: compare_aging.py --kindly PATH --invoices FILE --payments FILE --as-of YYYY-MM-DD
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "aging_reference.py")
MAX_SHOWN = 5   # differing clients shown in the diff


def run(cmd, cwd, what):
    """Runs a command; returns its stdout, or exits 2 when it failed outright."""
    try:
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    except OSError as e:
        print("compare_aging: cannot run %s: %s" % (what, e), file=sys.stderr)
        sys.exit(2)
    if result.returncode not in (0, 1):
        print("compare_aging: %s failed (exit %d): %s" % (what, result.returncode,
                                                          " ".join(cmd)), file=sys.stderr)
        sys.stderr.write(result.stderr[-2000:])
        sys.exit(2)
    if result.returncode == 1:
        print("compare_aging: note: %s exited 1 (needs attention):" % what, file=sys.stderr)
        sys.stderr.write(result.stderr[-2000:])
    return result.stdout


def parse_json(text, what):
    try:
        return json.loads(text)
    except ValueError as e:
        print("compare_aging: %s did not print JSON: %s" % (what, e), file=sys.stderr)
        print(text[:500], file=sys.stderr)
        sys.exit(2)


def keyed(rows, key_fields):
    """List of row dicts -> {key tuple: row}; rows that are not dicts keep their index."""
    out = {}
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        if isinstance(row, dict):
            out[tuple(row.get(k) for k in key_fields)] = row
        else:
            out[("row", i)] = row
    return out


def field_diffs(ours, theirs):
    """Lines naming each field of a row that differs: field: kindly=... reference=..."""
    lines = []
    for field in sorted(set(ours) | set(theirs)):
        a, b = ours.get(field, "<missing>"), theirs.get(field, "<missing>")
        if a != b:
            lines.append("    %s: kindly=%s reference=%s"
                         % (field, json.dumps(a, ensure_ascii=False),
                            json.dumps(b, ensure_ascii=False)))
    return lines


def diff_rows(label, kindly_rows, reference_rows, key_fields):
    """Readable differences between two lists of rows matched on key_fields."""
    lines = []
    ours, theirs = keyed(kindly_rows, key_fields), keyed(reference_rows, key_fields)
    only_kindly = [k for k in ours if k not in theirs]
    only_reference = [k for k in theirs if k not in ours]
    changed = [k for k in theirs if k in ours and ours[k] != theirs[k]]
    if only_kindly:
        lines.append("%s: %d only in kindly, e.g. %s" % (label, len(only_kindly),
                     ", ".join("/".join(map(str, k)) for k in only_kindly[:MAX_SHOWN])))
    if only_reference:
        lines.append("%s: %d only in the reference, e.g. %s" % (label, len(only_reference),
                     ", ".join("/".join(map(str, k)) for k in only_reference[:MAX_SHOWN])))
    if changed:
        lines.append("%s: %d differ%s" % (label, len(changed),
                     "" if len(changed) <= MAX_SHOWN else "; the first %d:" % MAX_SHOWN))
        for k in changed[:MAX_SHOWN]:
            lines.append("  %s" % "/".join(map(str, k)))
            lines.extend(field_diffs(ours[k], theirs[k]))
    if not lines and kindly_rows != reference_rows:
        lines.append("%s: same rows, different order (or duplicate keys)" % label)
    return lines


def diff_reports(kindly, reference):
    """All differences between the two aging documents, as lines of text."""
    if not isinstance(kindly, dict):
        return ["kindly printed a %s, not a JSON object" % type(kindly).__name__]
    lines = []
    for key in sorted(set(kindly) | set(reference)):
        if key in ("clients", "totals"):
            continue
        a, b = kindly.get(key, "<missing>"), reference.get(key, "<missing>")
        if a != b:
            lines.append("%s: kindly=%s reference=%s" % (key, json.dumps(a), json.dumps(b)))
    lines += diff_rows("clients", kindly.get("clients", []), reference.get("clients", []),
                       ("client", "currency"))
    lines += diff_rows("totals", kindly.get("totals", []), reference.get("totals", []),
                       ("currency",))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kindly", required=True, help="path to the kindly binary")
    ap.add_argument("--invoices", required=True, help="generic invoices CSV")
    ap.add_argument("--payments", required=True, help="generic payments CSV")
    ap.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    args = ap.parse_args()

    kindly_bin = os.path.abspath(args.kindly)
    invoices = os.path.abspath(args.invoices)
    payments = os.path.abspath(args.payments)

    with tempfile.TemporaryDirectory(prefix="kindly-compare-") as tmp:
        # Run Kindly inside the empty temp folder so no ./kindly.ini is picked up.
        db = os.path.join(tmp, "k.db")
        run([kindly_bin, "--db", db, "import", invoices, payments], tmp, "kindly import")
        kindly_out = run([kindly_bin, "--db", db, "aging", "--as-of", args.as_of,
                          "--format", "json"], tmp, "kindly aging")
        reference_out = run([sys.executable, REFERENCE, invoices, payments,
                             "--as-of", args.as_of], tmp, "aging_reference.py")

    kindly = parse_json(kindly_out, "kindly aging")
    reference = parse_json(reference_out, "aging_reference.py")
    if kindly == reference:
        print("compare_aging: equal (%d client rows, %d currencies, as-of %s)"
              % (len(reference["clients"]), len(reference["totals"]), args.as_of))
        return 0
    print("compare_aging: kindly and the reference differ (as-of %s)" % args.as_of)
    for line in diff_reports(kindly, reference):
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
