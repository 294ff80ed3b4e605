#!/usr/bin/env python3
"""`kindly import --undo-last` killed (SIGKILL) at random moments leaves the ledger whole.

Usage: crash_undo.py KINDLY_BINARY [KILLS] [INVOICES]

Imports a first week (INVOICES invoices, default 50000, and their payments) and the next
week's export (more invoices, changed amounts and due dates, more payments) into a ledger;
the undo of the second week, whole, must give back the first week's clients, invoices and
payments exactly. Then, again and again from a copy of the two weeks' ledger, starts the undo
and kills it after a random delay up to the time a whole undo takes (one kill in four near
its end, where it commits). After each kill (KILLS of them, default 12) the ledger must pass
`PRAGMA integrity_check` and hold exactly what it held before the undo or exactly what the
whole undo gives, table by table; an undo run again after a kill that left it as before must
complete and give the state of one whole undo.
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from crash_import import AS_OF, copy_ledger, integrity, write_week
from killing import Failure, check, recent_median, run, run_until, seeded_random

TABLES = ["clients", "imports", "invoices", "payments", "invoice_changes", "rejects",
          "contacts", "writeoffs", "invoices_before_import", "clients_before_import",
          "payments_replaced", "contact_moves"]
BUSINESS = ["clients", "invoices", "payments"]


def state(path, tables=TABLES):
    """Per table: its row count and a digest of every row in rowid order."""
    result = {}
    with sqlite3.connect(path) as db:
        for table in tables:
            rows = db.execute("SELECT * FROM %s ORDER BY rowid" % table).fetchall()
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


def describe_all(st):
    return ", ".join("%s %d" % (table, st[table][0]) for table in st)


def main():
    kindly = os.path.abspath(sys.argv[1])
    kills_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    invoices = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    rng = seeded_random()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kindly-crash-undo-") as folder:
        def command(db, *args):
            return [kindly, "--db", db, "import", "--as-of", str(AS_OF)] + list(args)

        def run_import(db, week):
            return subprocess.run(command(db, os.path.join(folder, week, "invoices.csv"),
                                          os.path.join(folder, week, "payments.csv")),
                                  cwd=folder, capture_output=True, text=True, timeout=300)

        def run_undo(db):
            return subprocess.run(command(db, "--undo-last"), cwd=folder, capture_output=True,
                                  text=True, timeout=300)

        write_week(os.path.join(folder, "week1"), invoices, 1)
        write_week(os.path.join(folder, "week2"), invoices, 2)
        base = os.path.join(folder, "base.db")
        first = run_import(base, "week1")
        check(first.returncode == 0, "the first week's import failed:\n" + first.stderr)
        week1 = state(base, BUSINESS)
        second = run_import(base, "week2")
        # Exit 1: the generated week pays some invoices twice over, which the import names.
        check(second.returncode in (0, 1), "the next week's import failed:\n" + second.stderr)
        before = state(base)
        check(state(base, BUSINESS) != week1, "the next week's import should change the ledger")

        whole = os.path.join(folder, "whole.db")
        copy_ledger(base, whole)
        t0 = time.monotonic()
        undone = run_undo(whole)
        undo_times = [time.monotonic() - t0]
        check(undone.returncode == 0, "the undo failed:\n" + undone.stdout + undone.stderr)
        after = state(whole)
        check(state(whole, BUSINESS) == week1,
              "the undo should give back the first week's clients, invoices and payments")
        print("before the undo: %s\nafter it: %s\nwhole undo: %.2f s"
              % (describe_all(before), describe_all(after), undo_times[0]))

        trial = os.path.join(folder, "trial.db")
        kills = {"before": 0, "after": 0}
        finished_unkilled = 0
        attempts = 0
        while sum(kills.values()) < kills_wanted:
            attempts += 1
            check(attempts < kills_wanted * 8, "too many undos finished before their kill")
            copy_ledger(base, trial)
            whole_run = recent_median(undo_times)
            if sum(kills.values()) % 4 == 3:
                delay = rng.uniform(0.8 * whole_run, 1.1 * whole_run)
            else:
                delay = rng.uniform(0, whole_run)
            process = subprocess.Popen(command(trial, "--undo-last"), cwd=folder,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            finished_in = run_until(process, delay)
            if finished_in is None:
                process.send_signal(signal.SIGKILL)
                process.wait()
                killed = True
            else:
                check(process.returncode == 0, "an undo exited %d" % process.returncode)
                finished_unkilled += 1
                undo_times.append(finished_in)
                killed = False
            check(integrity(trial) == [("ok",)],
                  "after a kill at %.3f s the ledger fails its integrity check" % delay)
            found = state(trial)
            if found == before:
                check(killed, "a finished undo left the ledger as before")
                kills["before"] += 1
                rerun = run_undo(trial)
                check(rerun.returncode == 0, "the undo run again after a kill at %.3f s failed:\n%s"
                      % (delay, rerun.stdout + rerun.stderr))
                check(state(trial) == after,
                      "the undo run again after a kill at %.3f s gives %s, not %s"
                      % (delay, describe_all(state(trial)), describe_all(after)))
            elif found == after:
                if killed:
                    kills["after"] += 1
            else:
                raise Failure("after a kill at %.3f s the ledger holds neither the state before "
                              "the undo (%s) nor after it (%s): %s"
                              % (delay, describe_all(before), describe_all(after),
                                 describe_all(found)))
        print("%d kills: %d left the ledger as before, %d as after (killed once committed); "
              "%d undos finished before their kill; a whole undo %.2f s (median); %.1f s in all"
              % (sum(kills.values()), kills["before"], kills["after"], finished_unkilled,
                 recent_median(undo_times), time.monotonic() - started))


if __name__ == "__main__":
    run(main)
