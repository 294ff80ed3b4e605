#!/usr/bin/env python3
"""Each reminder goes out once, to the client it is for: `kindly send` tried as an attacker
or a hurried person would, against a real SMTP server on loopback.

Usage: exactly_once_test.py KINDLY_BINARY SCENARIO
Uses the server, the kindly runner and the batch of tests/send/send_test.py. Exits 77
(skipped) only when no Python on this machine has aiosmtpd.
"""

import email
import email.policy
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import send_test  # noqa: E402
from send_test import (AS_OF, BATCH, BCC, EMAILS, Server, check, check_each_sent_once,  # noqa: E402
                       draft_batch, sent_contacts, states)


def draft_from(kindly, rows):
    """Imports an invoice list of `rows` (CSV lines) and drafts the day's batch."""
    with open(os.path.join(kindly.folder, "invoices.csv"), "w") as f:
        f.write("invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,"
                "currency\n" + rows)
    kindly.configure(port=1)
    kindly.run("import", "invoices.csv", "--as-of", AS_OF, expect=0)
    kindly.run("remind", "--as-of", AS_OF, expect=0)


def two_runs_at_once_send_once(kindly, python):
    """A second `kindly send` of the batch started while the first is sending sends nothing
    twice, and does not take the first run's message for one of unknown fate."""
    draft_batch(kindly)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port, pause=1500)
        first = kindly.start("send", BATCH, "--as-of", AS_OF)
        deadline = time.monotonic() + 30
        while not server.messages():
            check(time.monotonic() < deadline, "the first message never arrived")
            time.sleep(0.02)
        second = kindly.start("send", BATCH, "--as-of", AS_OF)
        outputs = [process.communicate(timeout=120) for process in (first, second)]
        check_each_sent_once(server, EMAILS.values())
        check(len(sent_contacts(kindly)) == 4, "each logged once: %s" % sent_contacts(kindly))
        check(set(states(kindly).values()) == {"sent"}, "all sent: %s" % states(kindly))
        both = "".join(out for out, _ in outputs)
        check("Unknown" not in both, "no message of the other run is unknown:\n" + both)


def unknown_is_not_sent_again_under_another_spelling(kindly, python):
    """A message of unknown fate stays unsent whether the folder is named with a trailing
    slash, through a symbolic link, or copied elsewhere."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--drop-once", EMAILS["C3"]) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check(states(kindly).get("003-cafe-lumiere.eml") == "unknown", str(states(kindly)))
        os.symlink(BATCH.split("/")[-1], os.path.join(kindly.folder, "out", "this-week"))
        shutil.copytree(os.path.join(kindly.folder, BATCH), os.path.join(kindly.folder, "copy"))
        for spelling in (BATCH + "/", "./" + BATCH + "//", "out/this-week",
                         os.path.join(kindly.folder, BATCH), "copy"):
            again = kindly.run("send", spelling, "--as-of", AS_OF, expect=1)
            check("Unknown, not sent again: 003-cafe-lumiere.eml" in again.stdout,
                  "%s: the unknown message is reported:\n%s" % (spelling, again.stdout))
            check(len(server.messages()) == 4,
                  "%s: nothing goes out again, the server has %d messages"
                  % (spelling, len(server.messages())))
        check(len(sent_contacts(kindly)) == 3, "three logged: %s" % sent_contacts(kindly))


def name_with_quotes_adds_no_recipient(kindly, python):
    """A client name such as 'Acme", attacker@evil.example, "Ltd' is a name, not a list of
    addresses: the statement goes to the client's address alone."""
    draft_from(kindly, 'INV-001,C1,"Acme"", attacker@evil.example, ""Ltd",ap@acme.example,'
                       "2026-09-01,2026-10-01,1200.00,USD\n")
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        messages = server.messages()
        check(len(messages) == 1, "one message: %d" % len(messages))
        envelope, raw = messages[0]
        check(envelope["rcpt_tos"] == ["ap@acme.example", BCC],
              "only the client and the archive: %s" % envelope["rcpt_tos"])
        to = email.message_from_bytes(raw, policy=email.policy.default)["To"]
        check([a.addr_spec for a in to.addresses] == ["ap@acme.example"],
              "a mail program sees one recipient: %s" % to)


def clients_of_one_slug_each_get_their_message(kindly, python):
    """"Acme Ltd" and "ACME, Ltd." give one file name; after a second `remind` the same day
    the first client's sent draft stays as it was and the second client's still goes out."""
    draft_from(kindly, "INV-001,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1200.00,USD\n"
                       'INV-002,C2,"ACME, Ltd.",billing@acme-two.example,2026-09-01,2026-10-01,'
                       "80.00,USD\n")
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, "--only", "C1", expect=0)
        # C1 was just written to: the plan leaves it out, but its sent draft is kept.
        kindly.run("remind", "--as-of", AS_OF, expect=0)
        drafted = sorted(os.listdir(os.path.join(kindly.folder, BATCH)))
        check("001-acme-ltd.eml" in drafted and "002-acme-ltd.eml" in drafted,
              "the second batch: %s" % drafted)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check_each_sent_once(server, ["ap@acme.example", "billing@acme-two.example"])
        check("Sent 002-acme-ltd.eml to billing@acme-two.example" in result.stdout,
              "the second client's reminder goes out:\n" + result.stdout)
        ids = [email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
               for _, raw in server.messages()]
        check(len(set(ids)) == 2, "two Message-IDs: %s" % ids)


def resend_is_heard_whatever_machine_claimed_it(kindly, python):
    """A bounced message last claimed by a run on another machine (a renamed one, a new
    container) is sent again when a person says --resend, and not before."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--refuse", EMAILS["C4"]) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
    with kindly_ledger(kindly) as db:
        db.execute("UPDATE sendings SET claimed_by = 'another-machine 4242'")
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check(server.messages() == [], "not sent again by itself")
        kindly.run("send", BATCH, "--as-of", AS_OF, "--resend", "004-dune-surf.eml", expect=0)
        check_each_sent_once(server, [EMAILS["C4"]])


def a_copy_sent_is_never_sent_again(kindly, python):
    """--resend of a copied batch's message that went out from the original sends nothing."""
    draft_batch(kindly)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        shutil.copytree(os.path.join(kindly.folder, BATCH), os.path.join(kindly.folder, "copy"))
        again = kindly.run("send", "copy", "--as-of", AS_OF, "--resend", "001-acme-ltd.eml",
                           expect=0)
        check("Already sent: 001-acme-ltd.eml" in again.stdout, again.stdout)
        check_each_sent_once(server, EMAILS.values())


def kindly_ledger(kindly):
    return sqlite3.connect(os.path.join(kindly.folder, "kindly.db"))


SCENARIOS = {f.__name__: f for f in (two_runs_at_once_send_once,
                                      resend_is_heard_whatever_machine_claimed_it,
                                      a_copy_sent_is_never_sent_again,
                                      unknown_is_not_sent_again_under_another_spelling,
                                      name_with_quotes_adds_no_recipient,
                                      clients_of_one_slug_each_get_their_message)}


if __name__ == "__main__":
    sys.exit(send_test.main(SCENARIOS))
