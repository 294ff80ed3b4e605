#!/usr/bin/env python3
"""A mail server on loopback for the tests of `kindly send`, built on aiosmtpd.

Listens on 127.0.0.1 at a free port, writes that port to --port-file once it accepts
connections, and records every message it takes as SPOOL/NNNN.json (envelope: mail_from,
rcpt_tos) beside SPOOL/NNNN.eml (the raw data). Misbehaves on request:
  --defer-once ADDR     answers 451 to the first message for ADDR, then takes it
  --refuse ADDR         answers 550 to RCPT TO ADDR
  --drop-once ADDR      records the first message for ADDR, then closes the connection
                        without a reply (the client cannot know whether it was taken)
Each option may be repeated. Runs until killed (SIGTERM).
"""

import argparse
import json
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    def __init__(self, spool, defer_once, refuse, drop_once):
        self.spool = spool
        self.defer_once = set(a.lower() for a in defer_once)
        self.refuse = set(a.lower() for a in refuse)
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
        dropped = recipients & self.drop_once
        self.record(envelope)
        if dropped:
            self.drop_once -= dropped
            server.transport.abort()  # what follows is written to a closed connection
            return "250 OK never heard"
        return "250 OK queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--defer-once", action="append", default=[])
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--drop-once", action="append", default=[])
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    handler = Recorder(args.spool, args.defer_once, args.refuse, args.drop_once)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            decode_data=False)
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
