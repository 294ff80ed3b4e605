#!/usr/bin/python3
"""Compares Kindly's aging totals with the pandas peer's workbook (standard library only).

Usage: compare_totals.py PEER.xlsx KINDLY_AGING.json [KINDLY_CLIENTS.json]

The peer's Summary sheet has one row per (client, currency) with an open invoice: "Total
due" and the buckets Current/1-30/31-60/61-90/90+, credit notes included in the bucket of
their own date. Kindly keeps credit notes out of the buckets, in `credits`. So the peer's
open credit notes (Detail rows with a negative balance) are taken out of its buckets and
summed as credits before comparing. Compared per (client, currency): balance, each bucket,
credits, and Kindly's `not_yet_issued` (must be 0: no invoice is issued after the as-of
date). With KINDLY_CLIENTS.json, the peer's "Repeat late" (run with --grace-days 3
--repeat-late 2) is compared with Kindly's repeat-late flag, and "Late (12 mo)" with
`late_paid`, for every client in the Summary.

Prints "totals equal: N rows" or the first differences; exit status 1 when they differ.
"""

import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
M = "{%s}" % NS["m"]
PEER_BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+"]
KINDLY_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"]
CENT = Decimal("0.01")
SHOW = 10


def col_index(ref):
    """"AB12" -> 27 (0-based column)."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_sheets(path, wanted):
    """{sheet name: [row as list of values]} for the named sheets of an xlsx."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
                shared.append("".join(t.text or "" for t in si.iter(M + "t")))
        rels = {r.get("Id"): r.get("Target") for r in
                ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter("{%s}Relationship" % NS["p"])}
        files = {}
        for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet"):
            if s.get("name") in wanted:
                target = rels[s.get("{%s}id" % NS["r"])].lstrip("/")
                files[s.get("name")] = target if target.startswith("xl/") else "xl/" + target
        out = {}
        for name, member in files.items():
            rows = []
            with z.open(member) as f:
                for _, el in ET.iterparse(f):
                    if el.tag != M + "row":
                        continue
                    row = []
                    for c in el.iter(M + "c"):
                        i = col_index(c.get("r"))
                        while len(row) <= i:
                            row.append(None)
                        t, v = c.get("t"), c.find(M + "v")
                        if t == "s":
                            row[i] = shared[int(v.text)]
                        elif t == "inlineStr":
                            row[i] = "".join(x.text or "" for x in c.iter(M + "t"))
                        elif v is not None:
                            row[i] = v.text if t in ("str", "b", "e") else Decimal(v.text)
                    rows.append(row)
                    el.clear()
            out[name] = rows
        return out


def money(x):
    """A float from the peer (as written in the xlsx) or Kindly's exact string, to cents."""
    d = Decimal(x if x is not None else 0).quantize(CENT)
    return d if d != 0 else Decimal("0.00")


def table(rows):
    header = rows[0]
    return [dict(zip(header, r + [None] * (len(header) - len(r)))) for r in rows[1:] if r]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    sheets = read_sheets(sys.argv[1], {"Summary", "Detail"})
    summary, detail = table(sheets["Summary"]), table(sheets["Detail"])

    # Open credit notes (negative balances) per (client, currency) and bucket in the peer.
    credits = {}
    for r in detail:
        bal = money(r["Balance"])
        if bal < 0:
            key = (r["Client"], r["Currency"])
            per = credits.setdefault(key, {b: Decimal(0) for b in PEER_BUCKETS})
            per[r["Bucket"]] += bal

    peer = {}
    for r in summary:
        key = (r["Client"], r["Currency"])
        cn = credits.get(key, {b: Decimal(0) for b in PEER_BUCKETS})
        peer[key] = {
            "balance": money(r["Total due"]),
            "buckets": [money(money(r[b]) - cn[b]) for b in PEER_BUCKETS],
            "credits": money(sum(cn.values())),
            "not_yet_issued": Decimal("0.00"),
            "late": int(r["Late (12 mo)"] or 0),
            "repeat_late": r["Repeat late"] == "yes",
        }

    with open(sys.argv[2], encoding="utf-8") as f:
        aging = json.load(f)
    kindly = {}
    for c in aging["clients"]:
        kindly[(c["client"], c["currency"])] = {
            "balance": money(c["balance"]),
            "buckets": [money(c["buckets"][b]) for b in KINDLY_BUCKETS],
            "credits": money(c["credits"]),
            "not_yet_issued": money(c["not_yet_issued"]),
        }

    diffs = []
    for key in sorted(set(peer) | set(kindly)):
        p, k = peer.get(key), kindly.get(key)
        if p is None:
            if k["balance"] != 0 or any(k["buckets"]) or k["credits"] or k["not_yet_issued"]:
                diffs.append("%s %s: only in Kindly: %s" % (key + (k,)))
            continue
        if k is None:
            diffs.append("%s %s: only in the peer: %s" % (key + (p,)))
            continue
        for field in ("balance", "buckets", "credits", "not_yet_issued"):
            if p[field] != k[field]:
                show = lambda v: [str(x) for x in v] if isinstance(v, list) else str(v)
                diffs.append("%s %s: %s peer %s, Kindly %s"
                             % (key + (field, show(p[field]), show(k[field]))))

    flag_note = ""
    if len(sys.argv) == 4:
        with open(sys.argv[3], encoding="utf-8") as f:
            behaviour = {c["client"]: c for c in json.load(f)}
        clients = {}
        for (client, _), p in peer.items():
            clients[client] = p
        for client, p in sorted(clients.items()):
            c = behaviour.get(client)
            if c is None:
                diffs.append("%s: not in kindly clients" % client)
                continue
            if c["late_paid"] != p["late"]:
                diffs.append("%s: paid late in 12 months: peer %d, Kindly %d"
                             % (client, p["late"], c["late_paid"]))
            if ("repeat-late" in c["flags"]) != p["repeat_late"]:
                diffs.append("%s: repeat-late: peer %s, Kindly %s"
                             % (client, p["repeat_late"], "repeat-late" in c["flags"]))
        flag_note = "; late counts and repeat-late flags equal: %d clients" % len(clients)

    if diffs:
        print("totals differ: %d differences; the first %d:" % (len(diffs), min(SHOW, len(diffs))))
        for d in diffs[:SHOW]:
            print("  " + d)
        return 1
    print("totals equal: %d rows (client, currency: balance, buckets, credits, not yet issued)%s"
          % (len(peer), flag_note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
