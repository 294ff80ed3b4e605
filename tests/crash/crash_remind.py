#!/usr/bin/env python3
"""DESIGN §12: `kindly remind` killed (SIGKILL) at random moments never leaves half a batch.

Usage: crash_remind.py KINDLY_BINARY [KILLS] [CLIENTS]

A ledger of CLIENTS clients (default 800), each with one follow-up due on the as-of date
(emails, and letters for the clients without an email), gives a batch of that many drafts.
`kindly remind` is started and killed after a random delay up to the time a whole run
takes (one kill in four near its end), KILLS times (default 20): half of them into an empty
drafts folder, half over an earlier batch of the same day (written with other templates).
After each kill the drafts
folder shows no batch or a complete one, byte for byte the whole run's batch or the earlier
one (which may only step aside, complete, under a hidden name, never be lost), the ledger
is unchanged and passes `PRAGMA integrity_check`; `kindly remind` run again writes the
whole batch.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from killing import Failure, check, recent_median, run, run_until, seeded_random

AS_OF = "2026-11-20"
BATCH = "batch-" + AS_OF
OLD_SUBJECT = "An earlier draft of this batch, {{{name}}}"


def write_invoices(path, clients):
    dues = ["2026-11-16", "2026-11-06", "2026-10-21", "2026-10-01"]
    with open(path, "w") as f:
        f.write("invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,"
                "currency\n")
        for i in range(clients):
            email = "" if i % 10 == 0 else "c%d@example.com" % i
            f.write("INV-%05d,C%05d,Client %d,%s,2026-09-01,%s,%d.%02d,USD\n"
                    % (i, i, i, email, dues[i % 4], 100 + i * 7 % 9000, i % 100))


def read_batch(folder):
    """Every file of a batch folder: name -> bytes."""
    return {name: open(os.path.join(folder, name), "rb").read()
            for name in sorted(os.listdir(folder))}


def ledger_rows(path):
    with sqlite3.connect(path) as db:
        check(db.execute("PRAGMA integrity_check").fetchall() == [("ok",)],
              "the ledger fails its integrity check")
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: db.execute("SELECT * FROM \"%s\" ORDER BY rowid" % table).fetchall()
                for table in tables}


def main():
    kindly = os.path.abspath(sys.argv[1])
    kills_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 800
    rng = seeded_random()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kindly-crash-remind-") as folder:
        db = os.path.join(folder, "kindly.db")
        out = os.path.join(folder, "out")
        command = [kindly, "--db", db, "remind", "--as-of", AS_OF, "--out", out]
        with open(os.path.join(folder, "kindly.ini"), "w") as f:
            f.write("[company]\nname = Harbour Lights\n[mail]\nfrom = ar@harbour.example\n"
                    "[payment]\ninstructions = Bank transfer to 12-34-56 12345678\n")

        def run(*extra):
            result = subprocess.run(command + list(extra), cwd=folder, capture_output=True,
                                    text=True, timeout=300)
            check(result.returncode == 0, "kindly remind exited %d:\n%s"
                  % (result.returncode, result.stdout + result.stderr))

        write_invoices(os.path.join(folder, "invoices.csv"), clients)
        imported = subprocess.run([kindly, "--db", db, "import", "--as-of", AS_OF,
                                   "invoices.csv"], cwd=folder, capture_output=True, text=True)
        check(imported.returncode == 0, "the import failed:\n" + imported.stdout +
              imported.stderr)
        ledger = ledger_rows(db)

        t0 = time.monotonic()
        run()
        remind_seconds = time.monotonic() - t0
        remind_times = [remind_seconds]
        whole = read_batch(os.path.join(out, BATCH))
        check(len(whole) == clients + 3, "one draft per client, the two manifests and .drafted: %d files"
              % len(whole))
        templates = os.path.join(folder, "earlier-templates")
        os.makedirs(templates)
        with open(os.path.join(templates, "reminder.email.subject.mustache"), "w") as f:
            f.write(OLD_SUBJECT + "\n")
        shutil.rmtree(out)
        run("--templates", templates)
        earlier = read_batch(os.path.join(out, BATCH))
        check(earlier != whole and earlier.keys() == whole.keys(),
              "the earlier batch should differ in its emails' subjects only")
        earlier_copy = os.path.join(folder, "earlier-batch")
        shutil.copytree(os.path.join(out, BATCH), earlier_copy)
        print("%d drafts; a whole remind takes %.2f s" % (clients, remind_seconds))

        outcomes = {"no batch": 0, "whole batch": 0, "earlier batch": 0,
                    "earlier batch set aside": 0}
        kills = 0
        attempts = 0
        hidden = 0  # hidden folders a killed run left beside the batch
        while kills < kills_wanted:
            attempts += 1
            check(attempts < kills_wanted * 8, "too many runs finished before their kill")
            over_earlier = kills % 2 == 1
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            if over_earlier:
                shutil.copytree(earlier_copy, os.path.join(out, BATCH))
            # Spread over the whole run, one kill in four aimed at its end, where the batch
            # takes its place.
            whole_run = recent_median(remind_times)
            if kills % 4 == 3:
                delay = rng.uniform(0.8 * whole_run, 1.1 * whole_run)
            else:
                delay = rng.uniform(0, whole_run)
            process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            finished_in = run_until(process, delay)
            if finished_in is not None:
                remind_times.append(finished_in)
                check(process.returncode == 0, "kindly remind exited %d" % process.returncode)
                check(read_batch(os.path.join(out, BATCH)) == whole, "a whole run's batch")
                continue
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
            when = "after a kill at %.3f s%s" % (delay, " over an earlier batch" * over_earlier)
            visible = sorted(name for name in os.listdir(out) if not name.startswith("."))
            check(visible in ([], [BATCH]), "%s the drafts folder shows %s" % (when, visible))
            if visible:
                found = read_batch(os.path.join(out, BATCH))
                if found == whole:
                    outcomes["whole batch"] += 1
                elif over_earlier and found == earlier:
                    outcomes["earlier batch"] += 1
                else:
                    raise Failure("%s the batch folder holds %d files, neither the whole batch "
                                  "nor the earlier one" % (when, len(found)))
            elif over_earlier:
                # Only in the instant between the earlier batch stepping aside and the new
                # one taking its place: the earlier batch must be there, whole, to go back.
                aside = [name for name in os.listdir(out)
                         if name.startswith("." + BATCH + ".old-")]
                check(any(read_batch(os.path.join(out, name)) == earlier for name in aside),
                      "%s the earlier batch is gone" % when)
                outcomes["earlier batch set aside"] += 1
            else:
                outcomes["no batch"] += 1
            check(ledger_rows(db) == ledger, "%s the ledger changed" % when)
            t0 = time.monotonic()
            run()
            remind_times.append(time.monotonic() - t0)
            hidden += sum(name.startswith(".") for name in os.listdir(out))
            check(read_batch(os.path.join(out, BATCH)) == whole,
                  "%s remind run again does not write the whole batch" % when)
        print("%d kills: %s; %d hidden folders left by killed runs; a whole remind %.2f s "
              "(median); %.1f s in all" % (
                  kills, ", ".join("%s %d" % item for item in outcomes.items()), hidden,
                  recent_median(remind_times), time.monotonic() - started))


if __name__ == "__main__":
    run(main)
