#!/usr/bin/env python3
"""Tests of `kindly send` against a real SMTP server on loopback (tests/smtp/smtp_server.py).

Usage: send_test.py KINDLY_BINARY SCENARIO
Each scenario drafts a batch with `kindly remind` in a fresh folder, sends it, and checks
what the server received and what the ledger recorded. Exits 77 (skipped) only when no
Python on this machine has aiosmtpd, or, for the TLS scenarios, when there is no openssl to
make the server's certificate; scripts/bootstrap.sh installs both.
"""

import datetime
import email
import email.policy
import glob
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(os.path.dirname(HERE), "smtp", "smtp_server.py")
HOSTILE = os.path.join(os.path.dirname(HERE), "smtp", "hostile_server.py")
AS_OF = "2026-11-20"
BATCH = "out/batch-" + AS_OF
AS_OF_DAY = (datetime.date(2026, 11, 20) - datetime.date(1970, 1, 1)).days  # as stored
BCC = "archive@harbourlights.example"

INVOICES = """invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency
INV-001,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1200.00,USD
INV-003,C2,"Bloom, Petals & Co",,2026-08-15,2026-09-14,2500.50,USD
INV-004,C3,Café Lumière,compta@lumiere.example,2026-10-13,2026-11-12,990.00,EUR
INV-007,C4,Dune Surf,hi@dune.example,2026-09-01,2026-10-01,100.00,USD
INV-008,C5,Egret Books,books@egret.example,2026-09-01,2026-10-01,300.00,USD
"""
EMAILS = {"C1": "ap@acme.example", "C3": "compta@lumiere.example", "C4": "hi@dune.example",
          "C5": "books@egret.example"}

INI = """[company]
name = Harbour Lights Design Studio
[mail]
from = Accounts <accounts@harbourlights.example>
reply_to = accounts@harbourlights.example
bcc = {bcc}
[payment]
instructions = Bank transfer to Harbour Lights Design Studio, account 4410228193
[smtp]
host = 127.0.0.1
port = {port}
security = none
pause_ms = {pause}
retry_delays_ms = 0,0
timeout_seconds = 5
"""
USER = "accounts@harbourlights.example"
PASSWORD = "correct horse battery staple"
PASSWORD_ENV = "KINDLY_SMTP_PASSWORD"


class Skip(Exception):
    pass


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def python_with_aiosmtpd():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run(
                [python, "-c", "import aiosmtpd"], capture_output=True).returncode == 0:
            return python
    return None


class Server:
    """The test server, stopped (and waited for) on leaving the with block."""

    def __init__(self, python, folder, *options, password=PASSWORD):
        self.spool = os.path.join(folder, "spool-%d" % time.monotonic_ns())
        port_file = self.spool + ".port"
        self.process = subprocess.Popen([python, SERVER, "--spool", self.spool,
                                         "--port-file", port_file, *options],
                                        env=dict(os.environ, KINDLY_TEST_SMTP_PASSWORD=password))
        deadline = time.monotonic() + 20
        while not os.path.exists(port_file):
            check(self.process.poll() is None, "the SMTP test server did not start")
            check(time.monotonic() < deadline, "the SMTP test server is not listening")
            time.sleep(0.05)
        self.port = int(open(port_file).read())

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def messages(self):
        found = []
        for path in sorted(glob.glob(os.path.join(self.spool, "*.json"))):
            envelope = json.load(open(path))
            raw = open(path[:-5] + ".eml", "rb").read()
            found.append((envelope, raw))
        return found

    def logins(self):
        path = os.path.join(self.spool, "auth.log")
        return open(path).read().split("\n")[:-1] if os.path.exists(path) else []


class HostileServer(Server):
    """A server that never answers properly (tests/smtp/hostile_server.py)."""

    def __init__(self, folder, *options):
        self.spool = os.path.join(folder, "hostile-%d" % time.monotonic_ns())
        port_file = self.spool + ".port"
        self.process = subprocess.Popen([sys.executable, HOSTILE, "--port-file", port_file,
                                         *options])
        deadline = time.monotonic() + 20
        while not os.path.exists(port_file):
            check(self.process.poll() is None, "the hostile test server did not start")
            check(time.monotonic() < deadline, "the hostile test server is not listening")
            time.sleep(0.05)
        self.port = int(open(port_file).read())


class Kindly:
    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = folder
        self.env = dict(os.environ, KINDLY_DB=os.path.join(folder, "kindly.db"))

    def run(self, *args, expect=None):
        result = subprocess.run([self.binary, *args], cwd=self.folder, env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=120)
        if expect is not None:
            check(result.returncode == expect,
                  "kindly %s exited %d, not %d\nstdout:\n%s\nstderr:\n%s" % (
                      " ".join(args), result.returncode, expect, result.stdout,
                      result.stderr))
        return result

    def run_measured(self, *args, limit):
        """Runs kindly for at most `limit` seconds; returns (exit status, stdout, stderr,
        seconds taken, peak resident memory in KiB). Killed at the limit: status None."""
        out = tempfile.TemporaryFile(mode="w+")
        err = tempfile.TemporaryFile(mode="w+")
        began = time.monotonic()
        process = subprocess.Popen([self.binary, *args], cwd=self.folder, env=self.env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=err, text=True)
        status = None
        while True:
            # wait4 gives this process's own peak memory, not that of the servers.
            pid, code, usage = os.wait4(process.pid, os.WNOHANG)
            if pid != 0:
                status = os.waitstatus_to_exitcode(code)
                break
            if time.monotonic() - began > limit:
                process.kill()
                pid, code, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        process.returncode = status if status is not None else -9
        seconds = time.monotonic() - began
        out.seek(0)
        err.seek(0)
        return status, out.read(), err.read(), seconds, usage.ru_maxrss

    def start(self, *args):
        return subprocess.Popen([self.binary, *args], cwd=self.folder, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def configure(self, port, pause=0, **smtp):
        """Extra [smtp] keys as keyword arguments; security = none unless given."""
        text = INI.format(port=port, pause=pause, bcc=BCC)
        if "security" in smtp:
            text = text.replace("security = none\n", "")
        if "host" in smtp:
            text = text.replace("host = 127.0.0.1\n", "")
        with open(os.path.join(self.folder, "kindly.ini"), "w") as f:
            f.write(text + "".join("%s = %s\n" % item for item in smtp.items()))

    def ledger(self, query, *params):
        with sqlite3.connect(os.path.join(self.folder, "kindly.db")) as db:
            return db.execute(query, params).fetchall()


def draft_batch(kindly):
    with open(os.path.join(kindly.folder, "invoices.csv"), "w") as f:
        f.write(INVOICES)
    kindly.configure(port=1)
    kindly.run("import", "invoices.csv", "--as-of", AS_OF, expect=0)
    kindly.run("remind", "--as-of", AS_OF, expect=0)


def certificate(folder, name="server", names="IP:127.0.0.1,DNS:localhost"):
    """A self-signed certificate for `names` and its key, made with openssl in `folder`."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise Skip("no openssl to make the test server's certificate "
                   "(scripts/bootstrap.sh installs openssl)")
    cert = os.path.join(folder, name + "-cert.pem")
    key = os.path.join(folder, name + "-key.pem")
    made = subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=" + names.split(",")[-1].split(":")[-1],
                           "-addext", "subjectAltName=" + names, "-keyout", key, "-out", cert],
                          capture_output=True, text=True)
    check(made.returncode == 0, "openssl could not make a certificate:\n" + made.stderr)
    return cert, key


def tls_server(python, kindly, security, *options, cert=None):
    if cert is None:
        cert = certificate(kindly.folder)
    return Server(python, kindly.folder, "--security", security, "--cert", cert[0],
                  "--key", cert[1], *options)


def check_nothing_sent(kindly, server, result, *phrases):
    check(result.returncode == 2, "kindly send should fail (exit 2), not %d\nstdout:\n%s\n"
          "stderr:\n%s" % (result.returncode, result.stdout, result.stderr))
    for phrase in phrases:
        check(phrase in result.stderr, "the error should say %r:\n%s" % (phrase, result.stderr))
    check(server.messages() == [], "nothing should reach the server: %d messages"
          % len(server.messages()))
    check("sent" not in states(kindly).values(), "nothing marked sent: %s" % states(kindly))
    check(sent_contacts(kindly) == [], "nothing logged: %s" % sent_contacts(kindly))


def check_all_sent(kindly, server, result):
    check(result.returncode == 0, "kindly send exited %d\nstdout:\n%s\nstderr:\n%s"
          % (result.returncode, result.stdout, result.stderr))
    check_each_sent_once(server, EMAILS.values())
    check(set(states(kindly).values()) == {"sent"}, "all sent: %s" % states(kindly))
    check(len(sent_contacts(kindly)) == 4, "each logged once: %s" % sent_contacts(kindly))


def to_address(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)["To"].addresses[0].addr_spec


def received_by_address(server):
    counts = {}
    for envelope, raw in server.messages():
        counts[to_address(raw)] = counts.get(to_address(raw), 0) + 1
    return counts


def check_each_sent_once(server, addresses):
    counts = received_by_address(server)
    check(counts == {a: 1 for a in addresses},
          "each email should arrive once; the server got %s" % counts)


def sent_contacts(kindly):
    return kindly.ledger("SELECT c.code, k.channel, k.step, k.day FROM contacts k "
                         "JOIN clients c ON c.id = k.client_id WHERE k.kind = 'contact' "
                         "ORDER BY c.code")


def states(kindly):
    return dict(kindly.ledger("SELECT file, state FROM sendings"))


# The scenarios ---------------------------------------------------------------------------

def normal_batch(kindly, python):
    """Every email of the batch reaches the server as drafted, bcc on the envelope only."""
    draft_batch(kindly)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check("To do by a person: 002-bloom-petals-co.letter.html" in result.stdout,
              "the letter should be listed for a person:\n" + result.stdout)
        messages = server.messages()
        check(len(messages) == 4, "4 emails should arrive, not %d" % len(messages))
        for envelope, raw in messages:
            message = email.message_from_bytes(raw, policy=email.policy.default)
            to = to_address(raw)
            check(envelope["rcpt_tos"] == [to, BCC],
                  "envelope recipients should be To and the archive: %s" % envelope)
            check(envelope["mail_from"] == "accounts@harbourlights.example",
                  "envelope sender: %s" % envelope["mail_from"])
            check(b"X-Unsent" not in raw, "X-Unsent should be taken off:\n%r" % raw[:600])
            check("Bcc" not in message, "the archive copy must not show in the headers")
            check(message["Reply-To"] == "accounts@harbourlights.example", "Reply-To kept")
            parts = [p.get_content_type() for p in message.iter_parts()]
            check(message.get_content_type() == "multipart/alternative" and
                  parts == ["text/plain", "text/html"], "both MIME parts: %s" % parts)
            draft = [p for p in glob.glob(os.path.join(kindly.folder, BATCH, "*.eml"))
                     if to in open(p, encoding="utf-8").read()][0]
            drafted = email.message_from_bytes(open(draft, "rb").read(),
                                               policy=email.policy.default)
            check(message["Message-ID"] == drafted["Message-ID"], "the draft's Message-ID")
            check(message.get_body(("plain",)).get_content() ==
                  drafted.get_body(("plain",)).get_content(), "the text as drafted")
        check(set(received_by_address(server)) == set(EMAILS.values()), "every client's email")
        check(sent_contacts(kindly) == [(c, "email", "gentle-reminder", AS_OF_DAY)
                                        for c in sorted(EMAILS)],
              "each email should be logged as a contact on the as-of day: %s"
              % sent_contacts(kindly))
        check(set(states(kindly).values()) == {"sent"}, "all sent: %s" % states(kindly))
        again = kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check(len(server.messages()) == 4, "a second run must send nothing again")
        check("4 already sent" in again.stdout, "the second run says so:\n" + again.stdout)
        check(len(sent_contacts(kindly)) == 4, "and logs nothing again")


def kill_and_resume(kindly, python):
    """A run killed half-way, run again, delivers every message exactly once."""
    draft_batch(kindly)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port, pause=4000)
        process = kindly.start("send", BATCH, "--as-of", AS_OF)
        deadline = time.monotonic() + 30
        while len(server.messages()) < 1:
            check(time.monotonic() < deadline, "the first message never arrived")
            time.sleep(0.02)
        time.sleep(1)  # within the pause before the second message
        process.send_signal(signal.SIGKILL)
        process.communicate()
        check(len(server.messages()) == 1, "one message before the kill")
        kindly.configure(server.port, pause=0)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check_each_sent_once(server, EMAILS.values())
        check(len(sent_contacts(kindly)) == 4, "each logged once: %s" % sent_contacts(kindly))


def unknown_outcome(kindly, python):
    """A connection lost after the data leaves the message unknown until a person decides."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--drop-once", EMAILS["C3"]) as server:
        kindly.configure(server.port)
        first = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Unknown: 003-cafe-lumiere.eml" in first.stdout, first.stdout)
        check(states(kindly)["003-cafe-lumiere.eml"] == "unknown", str(states(kindly)))
        check(len(server.messages()) == 4, "the others still go out")
        second = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Unknown, not sent again: 003-cafe-lumiere.eml" in second.stdout, second.stdout)
        check(len(server.messages()) == 4, "an unknown message is not sent again by itself")
        kindly.run("send", BATCH, "--as-of", AS_OF, "--resend", "003-cafe-lumiere.eml",
                   expect=0)
        check(received_by_address(server)[EMAILS["C3"]] == 2, "sent again when told to")
        check(states(kindly)["003-cafe-lumiere.eml"] == "sent", str(states(kindly)))


def deferred_then_sent(kindly, python):
    """A 451 is tried again and the message arrives once."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--defer-once", EMAILS["C1"]) as server:
        kindly.configure(server.port)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check_each_sent_once(server, EMAILS.values())
        attempts = kindly.ledger("SELECT attempts FROM sendings WHERE file = '001-acme-ltd.eml'")
        check(attempts == [(2,)], "two attempts recorded: %s" % attempts)


def bounced(kindly, python):
    """A 550 bounces that client's email, notes a call, and the others still go out."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--refuse", EMAILS["C4"]) as server:
        kindly.configure(server.port)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Bounced: 004-dune-surf.eml" in result.stdout, result.stdout)
        others = [a for c, a in EMAILS.items() if c != "C4"]
        check_each_sent_once(server, others)
        check(states(kindly)["004-dune-surf.eml"] == "bounced", str(states(kindly)))
        notes = kindly.ledger("SELECT k.text FROM contacts k JOIN clients c ON c.id = "
                              "k.client_id WHERE c.code = 'C4' AND k.kind = 'note'")
        check(len(notes) == 1 and "bounced" in notes[0][0], "a note for a call: %s" % notes)
        check("C4" not in [c for c, *_ in sent_contacts(kindly)], "no contact for a bounce")
        story = kindly.run("client", "C4", "--as-of", AS_OF, expect=0)
        check("bounced" in story.stdout, "kindly client shows the bounce:\n" + story.stdout)
        kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check(len(server.messages()) == 3, "a bounced email is not tried again by itself")
        plan = kindly.run("plan", "--client", "C4", "--as-of", AS_OF, "--format", "csv",
                          expect=0)
        check(",letter," in plan.stdout and "bounced" in plan.stdout,
              "after a bounce the plan writes a letter instead:\n" + plan.stdout)
        # A corrected address is written to again, even one that is a part of the bounced
        # one (i@ inside hi@): addresses are compared whole.
        with open(os.path.join(kindly.folder, "corrected.csv"), "w") as f:
            f.write(INVOICES.split("\n")[0] + "\n" + "INV-007,C4,Dune Surf,i@dune.example,"
                    "2026-09-01,2026-10-01,100.00,USD\n")
        kindly.run("import", "corrected.csv", "--as-of", AS_OF)
        plan = kindly.run("plan", "--client", "C4", "--as-of", AS_OF, "--format", "csv",
                          expect=0)
        check(",email," in plan.stdout and "bounced" not in plan.stdout,
              "the corrected address is written to:\n" + plan.stdout)


def deleted_and_edited(kindly, python):
    """A deleted draft is skipped and reported; an edited one goes out as edited."""
    draft_batch(kindly)
    batch = os.path.join(kindly.folder, BATCH)
    os.remove(os.path.join(batch, "003-cafe-lumiere.eml"))
    path = os.path.join(batch, "001-acme-ltd.eml")
    edited = open(path, "rb").read().replace(b"Subject: ", b"Subject: Edited - ", 1)
    open(path, "wb").write(edited)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Skipped 003-cafe-lumiere.eml" in result.stdout and "deleted" in result.stdout,
              result.stdout)
        check_each_sent_once(server, [a for c, a in EMAILS.items() if c != "C3"])
        acme = [raw for _, raw in server.messages() if to_address(raw) == EMAILS["C1"]][0]
        subject = email.message_from_bytes(acme, policy=email.policy.default)["Subject"]
        check(subject.startswith("Edited - "), "sent as edited: %s" % subject)
        check("C3" not in [c for c, *_ in sent_contacts(kindly)], "nothing logged for C3")


def dry_run_and_choices(kindly, python):
    """--dry-run sends and writes nothing; --only and --limit choose what goes out."""
    draft_batch(kindly)
    before = {p: open(p, "rb").read() for p in glob.glob(os.path.join(kindly.folder, BATCH, "*"))}
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        dry = kindly.run("send", BATCH, "--as-of", AS_OF, "--dry-run", expect=0)
        check(dry.stdout.count("Would send ") == 4 and "would send 4 emails" in dry.stdout,
              "4 emails and the total:\n" + dry.stdout)
        check(server.messages() == [], "a dry run sends nothing")
        check(kindly.ledger("SELECT COUNT(*) FROM sendings") == [(0,)], "and records nothing")
        check(sent_contacts(kindly) == [], "and logs nothing")
        after = {p: open(p, "rb").read() for p in glob.glob(os.path.join(kindly.folder, BATCH, "*"))}
        check(before == after, "and leaves the batch as it was")
        kindly.run("send", BATCH, "--as-of", AS_OF, "--only", "C1,C3", "--only", "C5",
                   "--limit", "2", expect=0)
        check_each_sent_once(server, [EMAILS["C1"], EMAILS["C3"]])
        kindly.run("send", BATCH, "--as-of", AS_OF, "--only", "C5", expect=0)
        check_each_sent_once(server, [EMAILS["C1"], EMAILS["C3"], EMAILS["C5"]])


def starttls_certificate_checked(kindly, python):
    """STARTTLS goes ahead only with a server certificate that is trusted and names the host."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    stranger = certificate(kindly.folder, "stranger")
    elsewhere = certificate(kindly.folder, "elsewhere", "DNS:mail.elsewhere.example")
    with tls_server(python, kindly, "starttls", cert=elsewhere) as server:
        kindly.configure(server.port, security="starttls", ca_file=elsewhere[0])
        wrong_name = kindly.run("send", BATCH, "--as-of", AS_OF)
        check_nothing_sent(kindly, server, wrong_name, "127.0.0.1")
    with tls_server(python, kindly, "starttls", cert=cert) as server:
        kindly.configure(server.port, security="starttls")
        untrusted = kindly.run("send", BATCH, "--as-of", AS_OF)
        check_nothing_sent(kindly, server, untrusted, "127.0.0.1:%d" % server.port, "ca_file")
        kindly.configure(server.port, security="starttls", ca_file=stranger[0])
        check_nothing_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF),
                           "ca_file")
        kindly.configure(server.port, security="starttls", ca_file="missing.pem")
        check_nothing_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF),
                           "smtp.ca_file", "missing.pem")
        kindly.configure(server.port, security="starttls", ca_file=cert[0])
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))


def starttls_login(kindly, python):
    """Over STARTTLS with a login, every email arrives once, sent as the configured user."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    with tls_server(python, kindly, "starttls", "--login", USER, cert=cert) as server:
        kindly.env[PASSWORD_ENV] = PASSWORD
        kindly.configure(server.port, security="starttls", ca_file=cert[0], user=USER,
                         password_env=PASSWORD_ENV)
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))
        check(server.logins() == [USER + " ok"], "one login: %s" % server.logins())


def implicit_tls_login(kindly, python):
    """Over implicit TLS (port 465 style) with a login, every email arrives once."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    with tls_server(python, kindly, "tls", "--login", USER, cert=cert) as server:
        kindly.env[PASSWORD_ENV] = PASSWORD
        kindly.configure(server.port, security="tls", user=USER, password_env=PASSWORD_ENV)
        check_nothing_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF),
                           "ca_file")
        kindly.configure(server.port, security="tls", ca_file=cert[0], user=USER,
                         password_env=PASSWORD_ENV)
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))
        check(server.logins() == [USER + " ok"], "one login: %s" % server.logins())


def wrong_password(kindly, python):
    """A refused login sends and marks nothing; with the right password all go out once."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    with tls_server(python, kindly, "starttls", "--login", USER, cert=cert) as server:
        kindly.configure(server.port, security="starttls", ca_file=cert[0], user=USER,
                         password_env=PASSWORD_ENV)
        kindly.env[PASSWORD_ENV] = "not the password"
        refused = kindly.run("send", BATCH, "--as-of", AS_OF)
        check_nothing_sent(kindly, server, refused, "refused the login", USER, "535")
        check("not the password" not in refused.stdout + refused.stderr,
              "the password must not be shown")
        check(server.logins() == [USER + " refused"], "one refused login: %s" % server.logins())
        del kindly.env[PASSWORD_ENV]
        unset = kindly.run("send", BATCH, "--as-of", AS_OF)
        check_nothing_sent(kindly, server, unset, PASSWORD_ENV)
        kindly.env[PASSWORD_ENV] = PASSWORD
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))
        again = kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check("4 already sent" in again.stdout, again.stdout)
        check(len(server.messages()) == 4, "nothing sent twice")


def login_required(kindly, python):
    """A server that wants a login Kindly was not given bounces nobody and stops the run at
    the first message (no later one would go out); with the login, all go out."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    with tls_server(python, kindly, "starttls", "--login", USER, cert=cert) as server:
        kindly.configure(server.port, security="starttls", ca_file=cert[0])
        refused = kindly.run("send", BATCH, "--as-of", AS_OF, expect=2)
        check("530" in refused.stderr and "refused the sender" in refused.stderr and
              "Bounced" not in refused.stdout, refused.stdout + refused.stderr)
        tried = [state for state in states(kindly).values() if state != "queued"]
        check(tried == ["failed"], "the run stops at the first message: %s" % states(kindly))
        check(server.messages() == [], "nothing should reach the server")
        check("bounced" not in states(kindly).values(), "nobody bounced: %s" % states(kindly))
        notes = kindly.ledger("SELECT text FROM contacts WHERE kind = 'note'")
        check(notes == [], "no note asks for a call: %s" % notes)
        kindly.configure(server.port, security="starttls", ca_file=cert[0], user=USER,
                         password_env=PASSWORD_ENV)
        kindly.env[PASSWORD_ENV] = PASSWORD
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))


def password_file(kindly, python):
    """A password file is used only when no one but its owner can read it."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    path = os.path.join(kindly.folder, "smtp-password")
    with open(path, "w") as f:
        f.write(PASSWORD + "\n")
    with tls_server(python, kindly, "starttls", "--login", USER, cert=cert) as server:
        kindly.configure(server.port, security="starttls", ca_file=cert[0], user=USER,
                         password_file=path)
        for mode in (0o640, 0o604, 0o644):
            os.chmod(path, mode)
            shared = kindly.run("send", BATCH, "--as-of", AS_OF)
            check_nothing_sent(kindly, server, shared, path, "chmod 600")
        check(server.logins() == [], "no login with a shared file: %s" % server.logins())
        os.chmod(path, 0o600)
        check_all_sent(kindly, server, kindly.run("send", BATCH, "--as-of", AS_OF))
        check(server.logins() == [USER + " ok"], "one login: %s" % server.logins())


def check_given_up(kindly, server, *phrases, seconds=5):
    """kindly send gives the server up within its timeout (and a little), sending nothing."""
    status, out, err, took, peak = kindly.run_measured("send", BATCH, "--as-of", AS_OF,
                                                       limit=seconds + 30)
    check(status is not None, "kindly send was still waiting after %d seconds" % (seconds + 30))
    check(status == 2, "kindly send should fail (exit 2), not %s\nstdout:\n%s\nstderr:\n%s"
          % (status, out, err))
    check(took < seconds + 4, "kindly send took %.1f seconds, not about %d" % (took, seconds))
    for phrase in ("127.0.0.1:%d" % server.port,) + phrases:
        check(phrase in err, "the error should say %r:\n%s" % (phrase, err))
    check("sent" not in states(kindly).values(), "nothing marked sent: %s" % states(kindly))
    return peak


def trickling_greeting_times_out(kindly, python):
    """A greeting trickled a byte a second for ever is given up at [smtp] timeout_seconds."""
    draft_batch(kindly)
    with HostileServer(kindly.folder, "--trickle-greeting") as server:
        kindly.configure(server.port)
        check_given_up(kindly, server, "within 5 seconds")


def trickling_tls_greeting_times_out(kindly, python):
    """Over TLS, a greeting trickled inside one record is given up at timeout_seconds too."""
    draft_batch(kindly)
    cert = certificate(kindly.folder)
    with HostileServer(kindly.folder, "--trickle-greeting", "--tls", "--cert", cert[0],
                       "--key", cert[1]) as server:
        kindly.configure(server.port, security="tls", ca_file=cert[0])
        check_given_up(kindly, server, "within 5 seconds")


def trickling_reply_times_out(kindly, python):
    """A reply to a command trickled a byte a second is given up at timeout_seconds too."""
    draft_batch(kindly)
    with HostileServer(kindly.folder, "--trickle-reply") as server:
        kindly.configure(server.port)
        check_given_up(kindly, server, "within 5 seconds")


# Memory a refused reply may add to what a dry run of the batch takes (about 18 MiB, more
# under AddressSanitizer): 64 MiB of reply held would be above it.
GROWTH_KIB = 32 * 1024


def check_memory_bounded(kindly, peak):
    status, out, err, _, baseline = kindly.run_measured("send", BATCH, "--dry-run", "--as-of",
                                                        AS_OF, limit=60)
    check(status == 0, "the dry run exited %s:\n%s%s" % (status, out, err))
    check(peak < baseline + GROWTH_KIB,
          "kindly send grew to %d KiB, a dry run takes %d KiB" % (peak, baseline))


def flooding_reply_is_refused(kindly, python):
    """Continuation lines without end are refused at once, without holding them in memory."""
    draft_batch(kindly)
    with HostileServer(kindly.folder, "--flood-reply") as server:
        kindly.configure(server.port)
        peak = check_given_up(kindly, server, "more than 100 lines", seconds=1)
        check_memory_bounded(kindly, peak)


def endless_reply_line_is_refused(kindly, python):
    """A reply line without end is refused at once, without holding it in memory."""
    draft_batch(kindly)
    with HostileServer(kindly.folder, "--endless-line") as server:
        kindly.configure(server.port)
        peak = check_given_up(kindly, server, "longer than 4096 bytes", seconds=1)
        check_memory_bounded(kindly, peak)


def refused_bcc_is_not_a_bounce(kindly, python):
    """A refused archive copy is reported; the clients' emails go out and bounce nobody."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--refuse", BCC) as server:
        kindly.configure(server.port)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=0)
        check_each_sent_once(server, EMAILS.values())
        for envelope, raw in server.messages():
            check(envelope["rcpt_tos"] == [to_address(raw)], "the client only: %s" % envelope)
        said = "the archive copy to %s was refused: 550" % BCC
        check(result.stdout.count(said) == 4 and "the client's message went out" in result.stdout,
              "each refused archive copy should be reported:\n" + result.stdout)
        check("Bounced" not in result.stdout, result.stdout)
        check(set(states(kindly).values()) == {"sent"}, "all sent: %s" % states(kindly))
        check(len(sent_contacts(kindly)) == 4, "each logged once: %s" % sent_contacts(kindly))
        notes = kindly.ledger("SELECT text FROM contacts WHERE kind = 'note'")
        check(notes == [], "no note asks for a call: %s" % notes)
        plan = kindly.run("plan", "--as-of", "2026-12-20", "--format", "csv", expect=0)
        for code, address in EMAILS.items():
            rows = [row for row in plan.stdout.splitlines() if row.startswith(code + ",")]
            check(rows and ",email," in rows[0] and "bounced" not in rows[0],
                  "the plan still writes to %s by email:\n%s" % (address, plan.stdout))


def message_refused_after_data_is_not_a_bounce(kindly, python):
    """A 554 after the data refuses the message, not the address: no bounce, no letter."""
    draft_batch(kindly)
    with Server(python, kindly.folder, "--refuse-data", EMAILS["C4"]) as server:
        kindly.configure(server.port)
        result = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Refused: 004-dune-surf.eml" in result.stdout and "554" in result.stdout,
              result.stdout)
        check("Bounced" not in result.stdout, result.stdout)
        check_each_sent_once(server, [a for c, a in EMAILS.items() if c != "C4"])
        check(states(kindly)["004-dune-surf.eml"] == "refused", str(states(kindly)))
        notes = kindly.ledger("SELECT text FROM contacts WHERE kind = 'note'")
        check(notes == [], "no note asks for a call: %s" % notes)
        plan = kindly.run("plan", "--client", "C4", "--as-of", AS_OF, "--format", "csv",
                          expect=0)
        check(",email," in plan.stdout and "bounced" not in plan.stdout,
              "the address is still written to:\n" + plan.stdout)
        again = kindly.run("send", BATCH, "--as-of", AS_OF, expect=1)
        check("Refused earlier, not sent again: 004-dune-surf.eml" in again.stdout,
              again.stdout)
        check(len(server.messages()) == 3, "a refused message is not tried again by itself")


def clear_password_to_remote_host_is_refused(kindly, python):
    """security = none with a login to a host off this machine is refused before connecting."""
    draft_batch(kindly)
    kindly.env[PASSWORD_ENV] = PASSWORD
    kindly.configure(25, host="192.0.2.25", user=USER, password_env=PASSWORD_ENV)
    status, out, err, took, _ = kindly.run_measured("send", BATCH, "--as-of", AS_OF, limit=30)
    check(status == 2, "kindly send should fail (exit 2), not %s\nstdout:\n%s\nstderr:\n%s"
          % (status, out, err))
    for phrase in ("192.0.2.25", "security = starttls or tls"):
        check(phrase in err, "the error should say %r:\n%s" % (phrase, err))
    check("cannot reach" not in err, "refused before connecting:\n" + err)
    check(PASSWORD not in out + err, "the password must not be shown")
    check(kindly.ledger("SELECT COUNT(*) FROM sendings") == [(0,)], "nothing recorded")


def what_the_reviewer_did_goes_out(kindly, python):
    """A Cc and a Bcc a reviewer adds are delivered, the Bcc never written into the message;
    the Date is the moment of sending, not the drafting day; a step is logged once."""
    draft_batch(kindly)
    path = os.path.join(kindly.folder, BATCH, "001-acme-ltd.eml")
    draft = open(path, "rb").read()
    check(b"09:00:00 +0000" in draft, "the draft is dated the drafting day:\n%r" % draft[:400])
    draft = draft.replace(b"\r\nTo: ", b"\r\nCc: Jo Bloggs <jo@acme.example>\r\n"
                                      b"Bcc: owner@harbourlights.example\r\nTo: ", 1)
    open(path, "wb").write(draft)
    with Server(python, kindly.folder) as server:
        kindly.configure(server.port)
        before = time.time()
        kindly.run("send", BATCH, "--as-of", AS_OF, "--only", "C1", expect=0)
        after = time.time()
        [(envelope, raw)] = server.messages()
        check(sorted(envelope["rcpt_tos"]) == sorted([EMAILS["C1"], "jo@acme.example",
                                                      "owner@harbourlights.example", BCC]),
              "To, Cc, the reviewer's Bcc and the archive copy: %s" % envelope)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        check(message["Cc"].addresses[0].addr_spec == "jo@acme.example", "the Cc is shown")
        check("Bcc" not in message and b"owner@harbourlights" not in raw,
              "the blind copy must not show in the message")
        sent_at = message["Date"].datetime.timestamp()
        check(before - 2 <= sent_at <= after + 2,
              "dated when sent: %s, not the drafting day" % message["Date"])
    check(len(sent_contacts(kindly)) == 1, "one contact: %s" % sent_contacts(kindly))


SCENARIOS = {f.__name__: f for f in (normal_batch, kill_and_resume, unknown_outcome,
                                      deferred_then_sent, bounced, deleted_and_edited,
                                      dry_run_and_choices, starttls_certificate_checked,
                                      starttls_login, implicit_tls_login, wrong_password,
                                      login_required, password_file,
                                      trickling_greeting_times_out,
                                      trickling_tls_greeting_times_out,
                                      trickling_reply_times_out,
                                      flooding_reply_is_refused, endless_reply_line_is_refused,
                                      refused_bcc_is_not_a_bounce,
                                      message_refused_after_data_is_not_a_bounce,
                                      clear_password_to_remote_host_is_refused,
                                      what_the_reviewer_did_goes_out)}


def main(scenarios=None):
    """Runs the scenario named on the command line, of `scenarios` (these by default)."""
    scenarios = scenarios or SCENARIOS
    binary, scenario = os.path.abspath(sys.argv[1]), sys.argv[2]
    python = python_with_aiosmtpd()
    if python is None:
        print("SKIPPED: no Python with aiosmtpd (scripts/bootstrap.sh installs python3-aiosmtpd)")
        return 77
    with tempfile.TemporaryDirectory(prefix="kindly-send-") as folder:
        try:
            scenarios[scenario](Kindly(binary, folder), python)
        except Failure as failure:
            print("FAILED %s: %s" % (scenario, failure))
            return 1
        except Skip as skip:
            print("SKIPPED %s: %s" % (scenario, skip))
            return 77
    print("ok", scenario)
    return 0


if __name__ == "__main__":
    sys.exit(main())
