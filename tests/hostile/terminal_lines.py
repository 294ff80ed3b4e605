#!/usr/bin/env python3
"""Escapes and line breaks in an export never reach a terminal, and no printed command runs
what a name holds.

Usage: terminal_lines.py KINDLY_BINARY

Client names and codes carrying terminal escapes (a window title, a screen clear, a C1
CSI), carriage returns and a line break that would forge a whole "Sent ..." line go through
import (its summary and errors), rejects, client, plan, aging as CSV and send --dry-run:
  - on a terminal (a pseudo-terminal in raw mode, so that what kindly wrote is what is
    read), no escape, bell, carriage return or C1 control arrives, whatever the command,
    but for the import's own progress line;
  - piped, every line of send's output is one of its own, and the `kindly log ...` command
    it prints, split as a shell would, is exactly kindly log CODE --channel ... --step ....
"""

import os
import pty
import re
import select
import shlex
import subprocess
import sys
import tempfile
import tty

AS_OF = "2026-11-20"
FORGED = "Sent 999-fake.eml to boss@example.com (C9 Fake Ltd, gentle-reminder)"
ESCAPES = "\x1b]0;owned\x07\x1b[2J\u009b31m"
CODE = "C1$(touch owned);rm -rf x"
INVOICES = (
    "invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency\n"
    '"INV-1\x1b[31m","%s","Evil\nNEWLINE%s",,2026-09-01,2026-10-01,100.00,USD\n'
    '"INV-2","C2","Carriage\rReturn %s Co",cr@example.com,2026-09-01,2026-10-01,50.00,USD\n'
    '"INV-3","C3","Bad Row",,2026-09-01,2026-10-01,"12\x1b[2Jx",USD\n'
) % (CODE, "\n" + FORGED, ESCAPES)
INI = """[company]
name = Harbour Lights
[mail]
from = Accounts <ar@harbourlights.example>
"""
BAD = [b"\x1b", b"\x07", b"\r", b"\xc2\x9b"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def on_terminal(binary, folder, *args):
    """What kindly writes to a terminal (stdout and stderr both), byte for byte."""
    controller, terminal = pty.openpty()
    tty.setraw(terminal)  # no translation of line feeds: the bytes are kindly's own
    process = subprocess.Popen([binary, *args], cwd=folder, stdin=subprocess.DEVNULL,
                               stdout=terminal, stderr=terminal)
    os.close(terminal)
    received = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: kindly is done
            break
        if not chunk:
            break
        received += chunk
    process.wait(30)
    os.close(controller)
    return process.returncode, received


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kindly-terminal-") as folder:
        with open(os.path.join(folder, "invoices.csv"), "w", newline="") as f:
            f.write(INVOICES)
        with open(os.path.join(folder, "kindly.ini"), "w") as f:
            f.write(INI)
        commands = [
            ("import", "invoices.csv", "--as-of", AS_OF),
            ("rejects",),
            ("client", CODE, "--as-of", AS_OF),
            ("plan", "--as-of", AS_OF),
            ("aging", "--as-of", AS_OF, "--format", "csv"),
            ("remind", "--as-of", AS_OF),
            ("send", "out/batch-" + AS_OF, "--dry-run", "--as-of", AS_OF),
        ]
        for args in commands:
            code, shown = on_terminal(binary, folder, *args)
            # The import's own progress line: a carriage return, and a line erase at the end.
            shown = re.sub(rb"\r[^\r\n]*: \d+% ", b"", shown).replace(b"\r\x1b[K", b"")
            check(code in (0, 1), "kindly %s exited %d:\n%r" % (args[0], code, shown))
            for bad in BAD:
                check(bad not in shown, "kindly %s let %r reach the terminal:\n%r"
                      % (args[0], bad, shown))
        check(not os.path.exists(os.path.join(folder, "owned")), "a name ran a command")

        piped = subprocess.run([binary, "send", "out/batch-" + AS_OF, "--dry-run", "--as-of",
                                AS_OF], cwd=folder, capture_output=True, text=True)
        lines = piped.stdout.splitlines()
        own = ("Would send ", "To do by a person: ", "Dry run, nothing sent")
        for line in lines:
            check(line.startswith(own), "a line send did not write: %r\n%s"
                  % (line, piped.stdout))
        todo = [line for line in lines if line.startswith("To do by a person: ")]
        check(len(todo) == 1, "one letter to do: %s" % piped.stdout)
        command = shlex.split(todo[0].split("when done: ", 1)[1])
        check(command[:3] == ["kindly", "log", CODE] and command[3] == "--channel",
              "the command, as a shell reads it: %s" % command)
    print("ok: nothing from the export reached the terminal or a command line")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
