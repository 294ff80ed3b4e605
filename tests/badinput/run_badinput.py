#!/usr/bin/env python3
"""Imports every file of the bad-input corpus (tests/fixtures/bad/) into a fresh ledger with
the real `kindly` binary and checks Kindly's answer against tests/badinput/manifest.txt.

The manifest holds one entry per file:
  == NAME            the file, from tests/fixtures/bad/ (or made here: "made: ...")
  after: FILE        optional: FILE (in tests/badinput/) is imported first, for payments
  made: KIND         the file is made at test time, too large to commit
  text               expected standard output of `kindly import NAME --as-of 2026-11-20`
  ! text             an expected standard error line
  ? N                the expected exit status
  = unchanged        the ledger is exactly as before the import (nothing written), or
  = invoice ...      each invoice and payment the ledger holds afterwards, in order
  = payment ...
Besides, every time: the rejects Kindly printed are exactly those `kindly rejects` lists, the
summary adds up (rows read = new + updated + unchanged + skipped + rejected), the ledger
passes PRAGMA integrity_check, a refused file leaves no rejects, and nothing but the ledger
is left in the folder.

Usage: run_badinput.py [--update] KINDLY_BINARY [NAME...]
  --update rewrites the manifest with what Kindly answers now: review the diff.
"""

import datetime
import difflib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "fixtures", "bad")
MANIFEST = os.path.join(HERE, "manifest.txt")
AS_OF = "2026-11-20"
EXPONENT = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3}


def make(kind, path):
    """The files too large to commit."""
    if kind == "ten-mb-line":
        # An export whose line ends were lost: one line of 10 MB, no delimiter, no end.
        with open(path, "wb") as f:
            f.write(b"INV" + b"0123456789" * (1024 * 1024))
    elif kind == "ten-thousand-columns":
        # The four columns Kindly needs among 10,000, and one row.
        names = [f"col{i}" for i in range(10000)]
        values = [str(i) for i in range(10000)]
        for at, name, value in [(0, "invoice_number", "INV-101"), (1, "client_id", "C1"),
                                (5000, "due_date", "2026-10-01"), (9999, "amount", "100.00")]:
            names[at], values[at] = name, value
        with open(path, "w") as f:
            f.write(",".join(names) + "\n" + ",".join(values) + "\n")
    else:
        sys.exit(f"manifest: no way to make {kind!r}")


def parse(path):
    entries, entry = [], None
    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if line.startswith("== "):
            entry = {"name": line[3:].strip(), "after": None, "made": None, "out": [],
                     "err": [], "status": None, "ledger": [], "comments": []}
            entries.append(entry)
        elif entry is None:
            if line.strip() and not line.startswith("#"):
                sys.exit(f"{path}:{number}: text before the first entry")
        elif line.startswith("after: ") and not entry["out"]:
            entry["after"] = line[7:].strip()
        elif line.startswith("made: ") and not entry["out"]:
            entry["made"] = line[6:].strip()
        elif line.startswith("! "):
            entry["err"].append(line[2:])
        elif line.startswith("? "):
            entry["status"] = int(line[2:])
        elif line.startswith("= "):
            entry["ledger"].append(line[2:])
        elif line.startswith("#"):
            entry["comments"].append(line)
        elif line:
            entry["out"].append(line)
    return entries


def render(entries, header):
    lines = header[:]
    for e in entries:
        lines.append("== " + e["name"])
        lines += e["comments"]
        if e["after"]:
            lines.append("after: " + e["after"])
        if e["made"]:
            lines.append("made: " + e["made"])
        lines += e["out"] + ["! " + x for x in e["err"]] + [f"? {e['status']}"]
        lines += ["= " + x for x in e["ledger"]] + [""]
    return "\n".join(lines)


def decimal(minor, currency):
    exponent = EXPONENT.get(currency, 2)
    sign = "-" if minor < 0 else ""
    digits = str(abs(minor)).rjust(exponent + 1, "0")
    return sign + (digits[:-exponent] + "." + digits[-exponent:] if exponent else digits)


def day(number):
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=number)).isoformat()


def snapshot(db):
    """Every row of every table, or {} when there is no ledger."""
    if not os.path.exists(db):
        return {}
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        rows = {t: sorted(map(repr, connection.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    return {t: r for t, r in rows.items() if r}


def shown(value):
    """A value as the manifest shows it: quoted, long ones cut to their length."""
    if len(value) > 40:
        return repr(value[:20] + "...") + f"({len(value)} characters)"
    return repr(value)


def ledger_lines(db):
    with sqlite3.connect(db) as connection:
        invoices = connection.execute(
            "SELECT i.number, c.code, c.name, i.issue_day, i.due_day, i.currency, i.amount "
            "FROM invoices i JOIN clients c ON c.id = i.client_id ORDER BY i.number").fetchall()
        payments = connection.execute(
            "SELECT i.number, p.payment_day, i.currency, p.amount, p.reference "
            "FROM payments p JOIN invoices i ON i.id = p.invoice_id "
            "ORDER BY i.number, p.payment_day, p.id").fetchall()
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    lines = [f"invoice {shown(n)} {shown(code)} {shown(name)} {day(issued)} {day(due)} {cur} "
             f"{decimal(a, cur)}" for n, code, name, issued, due, cur, a in invoices]
    lines += [f"payment {shown(n)} {day(d)} {cur} {decimal(a, cur)} {shown(ref)}"
              for n, d, cur, a, ref in payments]
    if not lines:
        lines = ["no invoices, no payments"]
    return lines, check


def kindly(binary, folder, *args):
    env = dict(os.environ, KINDLY_DB="kindly.db", KINDLY_TODAY="2026-11-20")
    result = subprocess.run([binary, *args], cwd=folder, env=env, capture_output=True,
                            timeout=120)
    return (result.returncode, result.stdout.decode("utf-8", "replace"),
            result.stderr.decode("utf-8", "replace"))


def run(binary, entry):
    """Kindly's answer to one file, and the problems the fixed checks find."""
    problems = []
    folder = tempfile.mkdtemp(prefix="kindly-bad-")
    try:
        name = entry["name"]
        if entry["made"]:
            make(entry["made"], os.path.join(folder, name))
        else:
            shutil.copyfile(os.path.join(CORPUS, name), os.path.join(folder, name))
        if entry["after"]:
            shutil.copyfile(os.path.join(HERE, entry["after"]),
                            os.path.join(folder, entry["after"]))
            status, out, err = kindly(binary, folder, "import", entry["after"], "--as-of", AS_OF)
            if status != 0:
                problems.append(f"importing {entry['after']} first failed ({status}): {err}")
        before = snapshot(os.path.join(folder, "kindly.db"))
        status, out, err = kindly(binary, folder, "import", name, "--as-of", AS_OF)
        after = snapshot(os.path.join(folder, "kindly.db"))
        answer = {"status": status, "out": out.rstrip("\n").split("\n") if out else [],
                  "err": err.rstrip("\n").split("\n") if err else []}
        if after == before:
            answer["ledger"] = ["unchanged"]
            if os.path.exists(os.path.join(folder, "kindly.db")):
                problems += [f"integrity_check: {c}" for c in
                             [ledger_lines(os.path.join(folder, "kindly.db"))[1]] if c != "ok"]
        else:
            lines, check = ledger_lines(os.path.join(folder, "kindly.db"))
            answer["ledger"] = lines
            if check != "ok":
                problems.append(f"integrity_check: {check}")
        if status == 2 and after != before:
            problems.append("the import was refused (exit 2) but the ledger changed")

        # The rejects printed are exactly those `kindly rejects` lists.
        # Rows kept with a warning are in the ledger, not among the rejects.
        printed = [line for line in answer["err"]
                   if re.match(r"^[^ ].*:\d+:\d+: ", line) and not line.startswith("warning: ")]
        r_status, r_out, r_err = kindly(binary, folder, "rejects")
        listed = [line for line in r_out.split("\n") if re.match(r"^[^ ].*:\d+:\d+: ", line)]
        if listed != printed:
            problems.append("`kindly rejects` lists other rows than the import printed:\n  "
                            + "\n  ".join(listed) + "\nprinted:\n  " + "\n  ".join(printed))
        if (r_status == 1) != bool(printed):
            problems.append(f"`kindly rejects` exits {r_status} with {len(printed)} rejects")

        # Every summary adds up.
        for m in re.finditer(r"(\d+) rows: (\d+) new, (\d+) updated, (\d+) unchanged, "
                             r"(\d+) skipped, (\d+) rejected", out):
            read, *parts = map(int, m.groups())
            if read != sum(parts):
                problems.append(f"the summary does not add up: {m.group(0)}")

        # What the ledger now holds can be aged, planned and reported; with no ledger made,
        # each says so and makes none.
        has_ledger = os.path.exists(os.path.join(folder, "kindly.db"))
        for command in (["aging", "--format", "json"], ["plan", "--format", "json"],
                        ["clients", "--format", "json"], ["report", "report.xlsx"]):
            c_status, c_out, c_err = kindly(binary, folder, *command, "--as-of", AS_OF)
            if not has_ledger:
                if c_status != 2 or "no ledger at" not in c_err or \
                        os.path.exists(os.path.join(folder, "kindly.db")):
                    problems.append(f"kindly {' '.join(command)} with no ledger: exit "
                                    f"{c_status}: {c_err.strip()}")
            elif c_status != 0 or "\0" in c_out + c_err:
                problems.append(f"kindly {' '.join(command)} afterwards: exit {c_status}: "
                                f"{c_err.strip()}")
        if os.path.exists(os.path.join(folder, "report.xlsx")):
            os.remove(os.path.join(folder, "report.xlsx"))
        if "\0" in out + err + r_out:
            problems.append("a NUL byte in Kindly's output")

        left = sorted(set(os.listdir(folder)) - {name, entry["after"], "kindly.db",
                                                  "kindly.db-wal", "kindly.db-shm"})
        if left:
            problems.append(f"files left in the folder: {left}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return answer, problems


def main():
    args = sys.argv[1:]
    update = "--update" in args
    args = [a for a in args if a != "--update"]
    binary, only = os.path.abspath(args[0]), set(args[1:])
    text = open(MANIFEST, encoding="utf-8").read()
    header = []
    for line in text.split("\n"):
        if line.startswith("== "):
            break
        header.append(line)
    entries = parse(MANIFEST)

    committed = sorted(os.listdir(CORPUS))
    listed = [e["name"] for e in entries if not e["made"]]
    failures = []
    for name in sorted(set(committed) - set(listed)):
        failures.append(f"{name}: in tests/fixtures/bad/ but not in the manifest")
    for name in sorted(set(listed) - set(committed)):
        failures.append(f"{name}: in the manifest but not in tests/fixtures/bad/")
    if len(listed) != len(set(listed)):
        failures.append("the manifest lists a file twice")

    started = time.monotonic()
    checked = 0
    for entry in entries:
        if only and entry["name"] not in only:
            continue
        checked += 1
        answer, problems = run(binary, entry)
        failures += [f"{entry['name']}: {p}" for p in problems]
        expected = [f"? {entry['status']}"] + entry["out"] + ["! " + x for x in entry["err"]] + \
                   ["= " + x for x in entry["ledger"]]
        actual = [f"? {answer['status']}"] + answer["out"] + ["! " + x for x in answer["err"]] + \
                 ["= " + x for x in answer["ledger"]]
        if update:
            entry.update(answer)
        elif expected != actual:
            diff = "\n".join(difflib.unified_diff(expected, actual, "expected", "actual",
                                                  lineterm=""))
            failures.append(f"{entry['name']}: Kindly's answer differs:\n{diff}")
    if update:
        with open(MANIFEST, "w", encoding="utf-8") as f:
            f.write(render(entries, header).rstrip("\n") + "\n")
    print(f"{checked} files of the bad-input corpus ({len(committed)} committed, "
          f"{len(entries) - len(listed)} made at test time) in {time.monotonic() - started:.1f} s")
    if failures:
        print("\n\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
