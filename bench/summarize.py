#!/usr/bin/python3
"""Prints the bench table for one dataset from the timings run.sh recorded (standard library).

Usage: summarize.py TIMINGS.tsv SIZE INVOICES

TIMINGS.tsv: one line per timed run, "size<TAB>step<TAB>wall seconds<TAB>peak RSS KB".
Prints a Markdown table (median wall time and median peak RSS per step), the ratios, and
one line per DESIGN §11 target saying met or not.
"""

import statistics
import sys

STEPS = [
    ("pandas", "peer: pandas + XlsxWriter → aging.xlsx"),
    ("sqlite", "peer: sqlite3 `.import` (both files)"),
    ("import", "kindly import (first, fresh ledger)"),
    ("reimport", "kindly import again (unchanged files)"),
    ("nextweek", "kindly import again (one invoice more: every row read)"),
    ("aging", "kindly aging --format json"),
    ("clients", "kindly clients --format json"),
    ("plan", "kindly plan --format json"),
    ("remind", "kindly remind (drafts)"),
    ("report", "kindly report aging.xlsx"),
]
QUERY_LIMIT_S = 1.0
QUERY_AT = 1000000


def main():
    path, size, invoices = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            s, step, wall, rss = line.rstrip("\n").split("\t")
            if s == size:
                runs.setdefault(step, []).append((float(wall), int(rss)))
    med = {}
    for step, rs in runs.items():
        med[step] = (statistics.median(w for w, _ in rs), statistics.median(r for _, r in rs) / 1024)

    print("| step | median wall s | peak RSS MB | runs (wall s) |")
    print("| --- | ---: | ---: | --- |")
    for step, label in STEPS:
        if step in med:
            w, r = med[step]
            print("| %s | %.3f | %.0f | %s |" % (label, w, r,
                                                 " ".join("%.2f" % x for x, _ in runs[step])))
    need = {"pandas", "sqlite", "import", "reimport", "aging", "report"}
    if not need <= set(med):
        print("\n(missing steps: %s)" % ", ".join(sorted(need - set(med))))
        return 1

    k_wall = med["import"][0] + med["aging"][0] + med["report"][0]
    k_rss = max(med["import"][1], med["aging"][1], med["report"][1])
    p_wall, p_rss = med["pandas"]
    speed = p_wall / k_wall
    mem = k_rss / p_rss
    vs_sqlite = med["import"][0] / med["sqlite"][0]
    reimport = med["reimport"][0] / med["import"][0]
    nextweek = med["nextweek"][0] / med["import"][0] if "nextweek" in med else float("nan")
    print("| kindly import + aging + report (sum; largest RSS) | %.3f | %.0f | |" % (k_wall, k_rss))
    print()
    print("Ratios: import + aging + report against pandas: %.2f× the speed (%.3f s against "
          "%.3f s), %.2f of the peak memory (%.0f MB against %.0f MB); first import is %.2f× "
          "sqlite3 `.import`; re-import is %.2f of the first import (%.2f for an export with one "
          "invoice more)."
          % (speed, k_wall, p_wall, mem, k_rss, p_rss, vs_sqlite, reimport, nextweek))
    print()
    yes = lambda ok: "**met**" if ok else "**not met**"
    print("- import + aging + xlsx ≥ 4× faster than pandas: %s (%.2f×)" % (yes(speed >= 4), speed))
    print("- … with ≤ ¼ of its peak memory: %s (%.2f)" % (yes(mem <= 0.25), mem))
    print("- first import ≤ 1.5× sqlite3 `.import`: %s (%.2f×)" % (yes(vs_sqlite <= 1.5), vs_sqlite))
    print("- re-import ≤ ⅕ of the first import: %s (%.2f)" % (yes(reimport <= 0.2), reimport))
    for step in ("aging", "clients", "plan"):
        if step not in med:
            continue
        w = med[step][0]
        if invoices >= QUERY_AT:
            print("- %s < 1 s at 1M: %s (%.3f s)" % (step, yes(w < QUERY_LIMIT_S), w))
        else:
            print("- %s < 1 s at 1M: measured at 1M only (%.3f s here)" % (step, w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
