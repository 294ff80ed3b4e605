#!/usr/bin/env python3
"""DESIGN §12: `kindly send` killed (SIGKILL) at random moments never sends twice.

Usage: crash_send.py KINDLY_BINARY [KILLS]

tests/send/send_test.py kills one run in the pause between two messages; here runs are
killed at random moments of the whole exchange (KILLS times, default 20, over several
batches, each against a real SMTP server on loopback), restarted under another spelling of
the folder (a trailing slash, "./", its absolute path, a symbolic link), and now and then
with a second sender running beside the one killed; after every kill:
  - the ledger passes `PRAGMA integrity_check`;
  - no message reached the server twice;
  - every draft marked sent reached the server, and is logged as exactly one contact;
  - every draft the server has is marked sent, or sending (the kill fell between the
    message leaving and the server's reply): never left as queued, failed or unmarked, which
    a later run would send again.
Each batch ends with a run left to finish: it sends the rest, reports the drafts left in
sending as unknown without sending them again, and `--resend` of those the server never got
completes the batch: every client's email then arrived exactly once.
Exits 77 (skipped) when no Python on this machine has aiosmtpd.
"""

import email
import email.policy
import glob
import os
import signal
import sqlite3
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "send"))
import send_test  # noqa: E402  (its SMTP server and kindly runner)
from killing import Failure, check, seeded_random  # noqa: E402

AS_OF = send_test.AS_OF
BATCH = send_test.BATCH
CLIENTS = 12
PAUSE_MS = 40


def draft_batch(kindly):
    with open(os.path.join(kindly.folder, "invoices.csv"), "w") as f:
        f.write("invoice_number,client_id,client_name,client_email,issue_date,due_date,"
                "amount,currency\n")
        for i in range(CLIENTS):
            f.write("INV-%03d,C%02d,Client %d,c%d@example.com,2026-09-01,2026-11-16,%d.00,USD\n"
                    % (i, i, i, i, 100 + i))
    kindly.configure(port=1)
    kindly.run("import", "invoices.csv", "--as-of", AS_OF, expect=0)
    kindly.run("remind", "--as-of", AS_OF, expect=0)
    drafts = {}
    for path in glob.glob(os.path.join(kindly.folder, BATCH, "*.eml")):
        message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
        drafts[message["Message-ID"]] = os.path.basename(path)
    check(len(drafts) == CLIENTS, "one email per client: %d" % len(drafts))
    return drafts


def received(server, drafts):
    """How many times the server got each draft, by file name."""
    counts = {}
    for _, raw in server.messages():
        message = email.message_from_bytes(raw, policy=email.policy.default)
        file = drafts[message["Message-ID"]]
        counts[file] = counts.get(file, 0) + 1
    return counts


def check_consistent(kindly, server, drafts, when):
    db = os.path.join(kindly.folder, "kindly.db")
    with sqlite3.connect(db) as ledger:
        check(ledger.execute("PRAGMA integrity_check").fetchall() == [("ok",)],
              "%s the ledger fails its integrity check" % when)
        states = dict(ledger.execute("SELECT file, state FROM sendings"))
        contacts = ledger.execute(
            "SELECT c.code, COUNT(*) FROM contacts k JOIN clients c ON c.id = k.client_id "
            "WHERE k.kind = 'contact' GROUP BY c.code").fetchall()
    counts = received(server, drafts)
    twice = sorted(file for file, count in counts.items() if count > 1)
    check(not twice, "%s the server got these twice: %s" % (when, twice))
    sent = sorted(file for file, state in states.items() if state == "sent")
    missing = [file for file in sent if file not in counts]
    check(not missing, "%s marked sent, never received: %s" % (when, missing))
    unmarked = sorted(file for file in counts
                      if states.get(file) not in ("sent", "sending", "unknown"))
    check(not unmarked, "%s received but marked %s: a later run would send them again"
          % (when, {file: states.get(file) for file in unmarked}))
    clients_sent = sorted("C%02d" % int(file.split("-client-")[1].split(".")[0])
                          for file in sent)
    check(sorted(code for code, _ in contacts) == clients_sent and
          all(count == 1 for _, count in contacts),
          "%s each sent email should be one contact: sent %s, contacts %s"
          % (when, clients_sent, contacts))
    return states, counts


def main():
    binary = os.path.abspath(sys.argv[1])
    kills_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    python = send_test.python_with_aiosmtpd()
    if python is None:
        print("SKIPPED: no Python with aiosmtpd (scripts/bootstrap.sh installs python3-aiosmtpd)")
        return 77
    rng = seeded_random()
    started = time.monotonic()
    kills = 0
    batches = 0
    unknowns = 0
    whole_run = None
    with tempfile.TemporaryDirectory(prefix="kindly-crash-send-") as root:
        while kills < kills_wanted:
            batches += 1
            folder = os.path.join(root, "batch%d" % batches)
            os.makedirs(folder)
            kindly = send_test.Kindly(binary, folder)
            drafts = draft_batch(kindly)
            os.symlink(os.path.basename(BATCH), os.path.join(folder, "out", "this-week"))
            spellings = [BATCH, BATCH + "/", "./" + BATCH, os.path.join(folder, BATCH),
                         "out/this-week", "out/this-week/"]
            with send_test.Server(python, folder) as server:
                kindly.configure(server.port, pause=PAUSE_MS)
                if whole_run is None:  # the first batch measures a whole run, unkilled
                    t0 = time.monotonic()
                    kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
                    whole_run = time.monotonic() - t0
                    states, counts = check_consistent(kindly, server, drafts, "after a run")
                    check(counts == {file: 1 for file in drafts.values()}, "all sent once")
                    print("a whole run of %d emails takes %.2f s" % (CLIENTS, whole_run))
                    continue
                for _ in range(rng.randint(1, 4)):
                    left = CLIENTS - len(received(server, drafts))
                    delay = rng.uniform(0, whole_run * max(left, 1) / CLIENTS)
                    # Restarted as a person would: the folder under another spelling, and
                    # now and then a second sender started beside the first.
                    senders = [kindly.start("send", rng.choice(spellings), "--as-of", AS_OF)
                               for _ in range(rng.choice((1, 1, 2)))]
                    time.sleep(delay)
                    if all(process.poll() is not None for process in senders):
                        for process in senders:
                            process.communicate()
                        break
                    victim = rng.choice(senders)
                    victim.send_signal(signal.SIGKILL)
                    for process in senders:
                        process.communicate()
                    kills += 1
                    time.sleep(0.2)  # the server finishes recording what it was given
                    check_consistent(kindly, server, drafts,
                                     "after a kill at %.3f s of one of %d senders (batch %d)"
                                     % (delay, len(senders), batches))
                last = kindly.run("send", rng.choice(spellings), "--as-of", AS_OF)
                states, counts = check_consistent(kindly, server, drafts, "after the last run")
                unknown = sorted(file for file, state in states.items() if state == "unknown")
                check(last.returncode == (1 if unknown else 0),
                      "the last run exited %d with unknown %s:\n%s"
                      % (last.returncode, unknown, last.stdout + last.stderr))
                for file in unknown:
                    check("Unknown, not sent again: " + file in last.stdout,
                          "the unknown %s should be reported:\n%s" % (file, last.stdout))
                unknowns += len(unknown)
                check(set(counts) | set(unknown) == set(drafts.values()),
                      "every draft sent, or unknown: %s" % states)
                never = [file for file in unknown if file not in counts]
                if never:
                    resend = []
                    for file in never:
                        resend += ["--resend", file]
                    # Those the server did get stay unknown, for a person to look at.
                    arrived = len(never) < len(unknown)
                    kindly.run("send", BATCH, "--as-of", AS_OF, *resend, expect=1 if arrived else 0)
                states, counts = check_consistent(kindly, server, drafts, "after --resend")
                check(counts == {file: 1 for file in drafts.values()},
                      "every client's email should have arrived once: %s" % counts)
    print("%d kills over %d batches; %d drafts left unknown by a kill; %.1f s in all"
          % (kills, batches - 1, unknowns, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Failure, send_test.Failure) as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
