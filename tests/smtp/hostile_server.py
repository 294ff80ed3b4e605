#!/usr/bin/env python3
"""A mail server on loopback that never answers properly, for the tests of `kindly send`.

Listens on 127.0.0.1 at a free port and writes that port to --port-file once it accepts
connections. Each connection gets one kind of misbehaviour:
  --trickle-greeting    a greeting that never ends, one byte a second
  --trickle-reply       a proper greeting, then a reply to EHLO that never ends, one byte a
                        second
  --flood-reply         a proper greeting, then "250-..." continuation lines to EHLO, as fast
                        as the client reads them, up to --flood-bytes, then silence
  --endless-line        a proper greeting, then one reply line to EHLO that never ends, up to
                        --flood-bytes, then silence
  --tls                 speaks TLS from the first byte (needs --cert, --key); the trickle then
                        comes inside one TLS record, so that no read ever waits for long
Stops by itself after --lifetime seconds (or when killed), whatever the client does.
"""

import argparse
import os
import socket
import ssl
import sys
import threading
import time

CHUNK = 64 * 1024


class Plain:
    """The connection as it is."""

    def __init__(self, conn):
        self.conn = conn

    def send(self, data):
        self.conn.sendall(data)

    def trickle(self, data):
        for i in range(len(data)):
            self.conn.sendall(data[i:i + 1])
            time.sleep(1)

    def recv_line(self):
        line = b""
        while not line.endswith(b"\n"):
            byte = self.conn.recv(1)
            if not byte:
                raise ConnectionError("closed")
            line += byte
        return line


class Tls(Plain):
    """TLS over memory buffers, so that the encrypted bytes can be sent one at a time."""

    def __init__(self, conn, context):
        super().__init__(conn)
        self.incoming, self.outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        self.tls = context.wrap_bio(self.incoming, self.outgoing, server_side=True)
        while True:
            try:
                self.tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self.flush()
                self.fill()
        self.flush()

    def fill(self):
        data = self.conn.recv(CHUNK)
        if not data:
            raise ConnectionError("closed")
        self.incoming.write(data)

    def flush(self):
        data = self.outgoing.read()
        if data:
            self.conn.sendall(data)

    def send(self, data):
        self.tls.write(data)
        self.flush()

    def trickle(self, data):
        self.tls.write(data)
        super().trickle(self.outgoing.read())

    def recv_line(self):
        line = b""
        while not line.endswith(b"\n"):
            try:
                line += self.tls.read(1)
            except ssl.SSLWantReadError:
                self.fill()
        return line


def misbehave(conn, args, context):
    with conn:
        link = Tls(conn, context) if context else Plain(conn)
        if args.trickle_greeting:
            # Longer than any client waits: at one byte a second, it would take over an hour.
            link.trickle(b"220-" + b"x" * 4000)
            return
        link.send(b"220 hostile.example ESMTP\r\n")
        link.recv_line()
        if args.trickle_reply:
            link.trickle(b"250-" + b"x" * 4000)
            return
        sent = 0
        if args.flood_reply:
            line = b"250-" + b"x" * 70 + b"\r\n"
            block = line * (CHUNK // len(line))
        else:
            link.send(b"250-")
            block = b"x" * CHUNK
        while sent < args.flood_bytes:
            link.send(block)
            sent += len(block)
        time.sleep(args.lifetime)


def serve(conn, args, context):
    try:
        misbehave(conn, args, context)
    except (OSError, ssl.SSLError, ConnectionError):
        pass  # the client gave up, as it should


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--trickle-greeting", action="store_true")
    parser.add_argument("--trickle-reply", action="store_true")
    parser.add_argument("--flood-reply", action="store_true")
    parser.add_argument("--endless-line", action="store_true")
    parser.add_argument("--flood-bytes", type=int, default=64 * 1024 * 1024)
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--lifetime", type=float, default=60)
    args = parser.parse_args()
    context = None
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(listener.getsockname()[1]))
    os.rename(args.port_file + ".tmp", args.port_file)
    end = time.monotonic() + args.lifetime
    while time.monotonic() < end:
        listener.settimeout(max(0.1, end - time.monotonic()))
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            break
        conn.settimeout(args.lifetime)
        threading.Thread(target=serve, args=(conn, args, context), daemon=True).start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
