#!/usr/bin/env python3
"""A mail server on loopback for the tests of `kindly send`, built on aiosmtpd.

Listens on 127.0.0.1 at a free port, writes that port to --port-file once it accepts
connections, and records every message it takes as SPOOL/NNNN.json (envelope: mail_from,
rcpt_tos) beside SPOOL/NNNN.eml (the raw data). Misbehaves on request:
  --defer-once ADDR     answers 451 to the first message for ADDR, then takes it
  --refuse ADDR         answers 550 to RCPT TO ADDR
  --refuse-data ADDR    answers 554 after the data of a message for ADDR: the message, not
                        the address, is refused (as a spam filter does)
  --drop-once ADDR      records the first message for ADDR, then closes the connection
                        without a reply (the client cannot know whether it was taken)
Each of those may be repeated. Security and login, as a real provider's server has them:
  --security starttls   offers STARTTLS and refuses mail before it (needs --cert, --key)
  --security tls        speaks TLS from the first byte, implicit TLS (needs --cert, --key)
  --login USER          requires AUTH before mail, as USER with the password in the
                        environment variable KINDLY_TEST_SMTP_PASSWORD; AUTH only over TLS
  --cert, --key         the server's certificate and private key (PEM)
Every AUTH attempt is appended to SPOOL/auth.log as "USER ok" or "USER refused".
Runs until killed (SIGTERM).
"""

import argparse
import json
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    def __init__(self, spool, defer_once, refuse, refuse_data, drop_once):
        self.spool = spool
        self.defer_once = set(a.lower() for a in defer_once)
        self.refuse = set(a.lower() for a in refuse)
        self.refuse_data = set(a.lower() for a in refuse_data)
        self.drop_once = set(a.lower() for a in drop_once)
        self.lock = threading.Lock()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: no such mailbox" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def record(self, envelope):
        with self.lock:
            self.count += 1
            base = os.path.join(self.spool, "%04d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")
        with open(base + ".json.tmp", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        os.rename(base + ".json.tmp", base + ".json")

    async def handle_DATA(self, server, session, envelope):
        recipients = set(a.lower() for a in envelope.rcpt_tos)
        deferred = recipients & self.defer_once
        if deferred:
            self.defer_once -= deferred
            return "451 4.3.0 try again later"
        if recipients & self.refuse_data:
            return "554 5.7.1 message refused: it looks like spam"
        dropped = recipients & self.drop_once
        self.record(envelope)
        if dropped:
            self.drop_once -= dropped
            server.transport.abort()  # what follows is written to a closed connection
            return "250 OK never heard"
        return "250 OK queued"


class Authenticator:
    """Takes one user with one password; logs each attempt, never the password tried."""

    def __init__(self, spool, user, password):
        self.log = os.path.join(spool, "auth.log")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        login = getattr(auth_data, "login", None)
        good = login == self.user and getattr(auth_data, "password", None) == self.password
        with open(self.log, "a") as f:
            f.write("%s %s\n" % ((login or b"?").decode(errors="replace"),
                                  "ok" if good else "refused"))
        return AuthResult(success=good, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--defer-once", action="append", default=[])
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--refuse-data", action="append", default=[])
    parser.add_argument("--drop-once", action="append", default=[])
    parser.add_argument("--security", choices=("none", "starttls", "tls"), default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--login")
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    handler = Recorder(args.spool, args.defer_once, args.refuse, args.refuse_data,
                       args.drop_once)
    options = {}
    if args.security != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.security == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.login:
        options.update(authenticator=Authenticator(
                           args.spool, args.login, os.environ["KINDLY_TEST_SMTP_PASSWORD"]),
                       auth_required=True,
                       # aiosmtpd knows of TLS only through its own STARTTLS: over implicit
                       # TLS it would refuse every AUTH, though the connection is encrypted.
                       auth_require_tls=args.security != "tls")
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            decode_data=False, **options)
    controller.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(controller.port))
    os.rename(args.port_file + ".tmp", args.port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
