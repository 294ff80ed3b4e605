#!/usr/bin/env python3
"""DESIGN §12: `kindly import` killed (SIGKILL) at random moments leaves the ledger whole.

Usage: crash_import.py KINDLY_BINARY [KILLS] [INVOICES]

Imports a first week (INVOICES invoices, default 50000, and their payments) into a ledger,
then, again and again from a copy of that ledger, starts the import of the next week's
export (more invoices, changed amounts and due dates, more payments) and kills it after a
random delay up to the time a whole import takes (one kill in four near its end, where it
commits). After each kill (KILLS of them, default 24) the ledger must pass
`PRAGMA integrity_check` and hold exactly what it held before the import or exactly what the
whole import gives, table by table (clients, invoices, payments, invoice changes, imports,
rejects); importing the same files again must then complete and give the state of one whole
import (or, when the killed import had already committed, the state of importing the same
files twice: one more row in imports, the files recognised as unchanged by their
fingerprint).
"""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

from killing import Failure, check, recent_median, run, run_until, seeded_random

TABLES = ["clients", "imports", "invoices", "payments", "invoice_changes", "rejects"]
AS_OF = date(2026, 11, 20)


def write_week(folder, invoices, week):
    """invoices.csv and payments.csv of one week's export in Kindly's generic layout.

    Week 2 lists every invoice of week 1 (some with a corrected amount or due date), a
    tenth more new ones, and more payments: a full export, as an accounting system gives.
    """
    clients = max(1, invoices // 50)
    start = AS_OF - timedelta(days=400)
    total = invoices + (invoices // 10 if week == 2 else 0)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "invoices.csv"), "w", newline="") as inv, \
            open(os.path.join(folder, "payments.csv"), "w", newline="") as pay:
        inv.write("invoice_number,client_id,client_name,client_email,issue_date,due_date,"
                  "amount,currency\r\n")
        pay.write("invoice_number,payment_date,amount,reference\r\n")
        rng = random.Random(20261120)
        for n in range(total):
            # The same draws in both weeks, so that week 2 repeats week 1's invoices.
            client = rng.randrange(clients)
            issue = start + timedelta(days=rng.randrange(390))
            due = issue + timedelta(days=30)
            cents = rng.randrange(1000, 500000)
            paid_share = rng.random()
            late = rng.randrange(-10, 40)
            recent = rng.randrange(1, 7)
            if week == 2 and n < invoices and n % 97 == 0:
                cents += 100  # a corrected invoice: updated, its old amount kept
            if week == 2 and n < invoices and n % 89 == 0:
                due += timedelta(days=7)
            inv.write("INV-%07d,C%05d,\"Client %d, Ltd\",c%d@example.com,%s,%s,%d.%02d,USD\r\n"
                      % (n, client, client, client, issue, due, cents // 100, cents % 100))
            # Payments of week 1 are listed again in week 2, with the week's new ones.
            if paid_share < 0.6:
                day = min(due + timedelta(days=late), AS_OF - timedelta(days=8))
                if day >= issue:
                    pay.write("INV-%07d,%s,%d.%02d,ref-%d\r\n"
                              % (n, day, cents // 100, cents % 100, n))
            elif week == 2 and paid_share < 0.7:
                day = AS_OF - timedelta(days=recent)
                if day >= issue:
                    pay.write("INV-%07d,%s,%d.00,ref-%d\r\n" % (n, day, cents // 200, n))


def copy_ledger(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


def integrity(path):
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchall()


def state(path):
    """Per table: its row count and a digest of every row in id order."""
    result = {}
    with sqlite3.connect(path) as db:
        for table in TABLES:
            rows = db.execute("SELECT * FROM %s ORDER BY id" % table).fetchall()
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


def describe(st):
    return ", ".join("%s %d" % (table, st[table][0]) for table in TABLES)


def main():
    kindly = os.path.abspath(sys.argv[1])
    kills_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    invoices = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    rng = seeded_random()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kindly-crash-import-") as folder:
        def run(db, week):
            return subprocess.run([kindly, "--db", db, "import", "--as-of", str(AS_OF),
                                   os.path.join(folder, week, "invoices.csv"),
                                   os.path.join(folder, week, "payments.csv")],
                                  cwd=folder, capture_output=True, text=True, timeout=300)

        def start(db, week):
            return subprocess.Popen([kindly, "--db", db, "import", "--as-of", str(AS_OF),
                                     os.path.join(folder, week, "invoices.csv"),
                                     os.path.join(folder, week, "payments.csv")],
                                    cwd=folder, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)

        write_week(os.path.join(folder, "week1"), invoices, 1)
        write_week(os.path.join(folder, "week2"), invoices, 2)
        base = os.path.join(folder, "base.db")
        first = run(base, "week1")
        check(first.returncode == 0, "the first week's import failed:\n" + first.stdout +
              first.stderr)
        before = state(base)

        whole = os.path.join(folder, "whole.db")
        copy_ledger(base, whole)
        t0 = time.monotonic()
        second = run(whole, "week2")
        import_seconds = time.monotonic() - t0
        # Exit 1: the generated week pays some invoices twice over, which the import names.
        check(second.returncode in (0, 1) and "rejected" in second.stdout,
              "the next week's import failed:\n" + second.stdout + second.stderr)
        import_times = [import_seconds]
        after = state(whole)
        check(after != before, "the next week's import should change the ledger")
        check(after["invoice_changes"][0] > 0, "some invoices should be updated")
        again = run(whole, "week2")
        check(again.returncode == 0 and "unchanged" in again.stdout,
              "the same files again should be recognised:\n" + again.stdout + again.stderr)
        after_again = state(whole)
        print("week 1: %s\nweek 2: %s\nwhole import of week 2: %.2f s"
              % (describe(before), describe(after), import_seconds))

        trial = os.path.join(folder, "trial.db")
        kills = {"before": 0, "after": 0}
        finished_unkilled = 0
        attempts = 0
        while sum(kills.values()) < kills_wanted:
            attempts += 1
            check(attempts < kills_wanted * 8, "too many imports finished before their kill")
            copy_ledger(base, trial)
            # Spread over the whole run, one kill in four aimed at its end, where it commits.
            whole_run = recent_median(import_times)
            if sum(kills.values()) % 4 == 3:
                delay = rng.uniform(0.8 * whole_run, 1.1 * whole_run)
            else:
                delay = rng.uniform(0, whole_run)
            process = start(trial, "week2")
            finished_in = run_until(process, delay)
            if finished_in is None:
                process.send_signal(signal.SIGKILL)
                process.wait()
                killed = True
            else:
                check(process.returncode in (0, 1), "an import exited %d" % process.returncode)
                finished_unkilled += 1
                import_times.append(finished_in)
                killed = False
            check(integrity(trial) == [("ok",)],
                  "after a kill at %.3f s the ledger fails its integrity check: %s"
                  % (delay, integrity(trial)))
            found = state(trial)
            if found == before:
                check(killed, "a finished import left the ledger as before")
                kills["before"] += 1
                expected_again = after
            elif found == after:
                if killed:
                    kills["after"] += 1
                expected_again = after_again
            else:
                raise Failure("after a kill at %.3f s the ledger holds neither the state before "
                              "the import (%s) nor after it (%s): %s"
                              % (delay, describe(before), describe(after), describe(found)))
            t0 = time.monotonic()
            rerun = run(trial, "week2")
            if expected_again is after:
                import_times.append(time.monotonic() - t0)
            check(rerun.returncode in (0, 1),
                  "the import run again after a kill at %.3f s failed:\n%s"
                  % (delay, rerun.stdout + rerun.stderr))
            check(state(trial) == expected_again,
                  "the import run again after a kill at %.3f s gives %s, not %s"
                  % (delay, describe(state(trial)), describe(expected_again)))
            check(integrity(trial) == [("ok",)], "the re-run ledger fails its integrity check")
        print("%d kills: %d left the ledger as before, %d as after (killed once committed); "
              "%d imports finished before their kill; a whole import %.2f s (median); "
              "%.1f s in all"
              % (sum(kills.values()), kills["before"], kills["after"], finished_unkilled,
                 recent_median(import_times), time.monotonic() - started))


if __name__ == "__main__":
    run(main)
