#!/usr/bin/python3
"""Checks `kindly aging`, `kindly clients` and `kindly forecast` (JSON) against the
independent references (aging_reference.py, behaviour_reference.py), and that the forecast
adds up: for every currency, overdue + weeks + later + at risk = total = the positive client
balances of the aging (what was issued by the as-of date, net of credits).

Imports the files into a fresh ledger in a temporary folder as of the as-of date. With no
--payments, the invoices file is a balance-only export (amount_paid, balance). Exit 0 when
everything agrees, 1 with a short readable diff when not, 2 when a side could not be run.

Usage: compare_behaviour.py --kindly PATH --invoices FILE [--payments FILE] --as-of DATE
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SHOWN = 5   # differing clients shown in the diff


def run(cmd, cwd, what):
    """Runs a command; returns its stdout, or exits 2 when it failed outright."""
    try:
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    except OSError as e:
        print("compare_behaviour: cannot run %s: %s" % (what, e), file=sys.stderr)
        sys.exit(2)
    if result.returncode not in (0, 1):
        print("compare_behaviour: %s failed (exit %d): %s" % (what, result.returncode,
                                                          " ".join(cmd)), file=sys.stderr)
        sys.stderr.write(result.stderr[-2000:])
        sys.exit(2)
    if result.returncode == 1:
        print("compare_behaviour: note: %s exited 1 (needs attention):" % what, file=sys.stderr)
        sys.stderr.write(result.stderr[-2000:])
    return result.stdout


def parse_json(text, what):
    try:
        return json.loads(text)
    except ValueError as e:
        print("compare_behaviour: %s did not print JSON: %s" % (what, e), file=sys.stderr)
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




def forecast_sums_add_up(forecast, aging):
    """Lines naming each currency whose forecast does not add up to the aging's balances."""
    owed = {}
    for row in aging["clients"]:
        receivable = Decimal(row["balance"]) - Decimal(row["not_yet_issued"])
        if receivable > 0:
            owed[row["currency"]] = owed.get(row["currency"], Decimal(0)) + receivable
    lines = []
    seen = set()
    for c in forecast["currencies"]:
        seen.add(c["currency"])
        columns = (Decimal(c["overdue"]) + sum(Decimal(w) for w in c["weeks"])
                   + Decimal(c["later"]) + Decimal(c["at_risk"]))
        if columns != Decimal(c["total"]):
            lines.append("forecast %s: columns add up to %s, total %s"
                         % (c["currency"], columns, c["total"]))
        if Decimal(c["total"]) != owed.get(c["currency"], Decimal(0)):
            lines.append("forecast %s: total %s, positive aging balances %s"
                         % (c["currency"], c["total"], owed.get(c["currency"], 0)))
    for currency in sorted(set(owed) - seen):
        lines.append("forecast: no %s, though %s is owed" % (currency, owed[currency]))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kindly", required=True, help="path to the kindly binary")
    ap.add_argument("--invoices", required=True, help="generic invoices CSV")
    ap.add_argument("--payments", help="generic payments CSV; none: a balance-only export")
    ap.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    args = ap.parse_args()

    kindly_bin = os.path.abspath(args.kindly)
    files = [os.path.abspath(args.invoices)] + (
        [os.path.abspath(args.payments)] if args.payments else [])
    as_of = ["--as-of", args.as_of]
    with tempfile.TemporaryDirectory(prefix="kindly-compare-") as tmp:
        # Run in the empty temporary folder, so that no ./kindly.ini is picked up.
        db = os.path.join(tmp, "k.db")
        run([kindly_bin, "--db", db, "import"] + files + as_of, tmp, "kindly import")
        kindly = {what: parse_json(run([kindly_bin, "--db", db, what, "--format", "json"]
                                       + as_of, tmp, "kindly " + what), "kindly " + what)
                  for what in ("aging", "clients", "forecast")}
        aging = parse_json(run([sys.executable, os.path.join(HERE, "aging_reference.py")]
                               + files + as_of, tmp, "aging_reference.py"),
                           "aging_reference.py")
        reference = parse_json(run([sys.executable, os.path.join(HERE, "behaviour_reference.py")]
                                   + files + as_of, tmp, "behaviour_reference.py"),
                               "behaviour_reference.py")

    lines = ["aging: " + line for line in diff_reports(kindly["aging"], aging)]
    lines += diff_rows("clients", kindly["clients"], reference["clients"], ("client",))
    ours, theirs = kindly["forecast"], reference["forecast"]
    for key in ("as_of", "weeks"):
        if ours.get(key) != theirs.get(key):
            lines.append("forecast %s differs" % key)
    lines += diff_rows("forecast currencies", ours.get("currencies", []),
                       theirs["currencies"], ("currency",))
    lines += diff_rows("forecast invoices", ours.get("invoices", []), theirs["invoices"],
                       ("client", "invoice"))
    lines += forecast_sums_add_up(ours, kindly["aging"])
    kind = "payments listed" if args.payments else "balance-only"
    if lines:
        print("compare_behaviour: kindly and the references differ (%s, as-of %s)"
              % (kind, args.as_of))
        for line in lines:
            print(line)
        return 1
    unknown = sum(c["timing_unknown"] for c in reference["clients"])
    late = sum(c["late_paid"] for c in reference["clients"])
    print("compare_behaviour: equal (%s, as-of %s): %d clients, %d paid late, %d of unknown "
          "timing, %d expected payments; the forecast adds up in %d currencies"
          % (kind, args.as_of, len(reference["clients"]), late, unknown,
             len(theirs["invoices"]), len(theirs["currencies"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
