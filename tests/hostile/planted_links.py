#!/usr/bin/env python3
"""Another user who can write the report's folder plants symbolic links where Kindly used to
name its temporary files (from the process id): `kindly report`, the workbook and the CSV
tables, must write through none of them, and leave the files they point at as they were.

Usage: planted_links.py KINDLY_BINARY
The process id of each kindly run is known before it starts (fork, then exec), so every name
the old scheme would have used is planted, as a link to a file outside the folder.
"""

import os
import shutil
import subprocess
import sys
import tempfile

INVOICES = """invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency
INV-001,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1200.00,USD
INV-002,C2,Bloom & Co,bloom@example.com,2026-09-15,2026-10-15,300.00,USD
"""
INI = """[company]
name = Harbour Lights
[mail]
from = Accounts <ar@harbourlights.example>
"""
PRECIOUS = "a file of someone else's, never to be overwritten\n"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run_with_links(binary, folder, args, names_for_pid):
    """Runs kindly ARGS in FOLDER after planting, for the pid it will have, a link at each
    of names_for_pid(pid) to a precious file; returns the exit status and the precious files."""
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child waits until the links are planted, then becomes kindly
        os.close(ready_write)
        os.read(ready_read, 1)
        os.chdir(folder)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(binary, [binary, *args])
    os.close(ready_read)
    precious = []
    for i, name in enumerate(names_for_pid(pid)):
        target = os.path.join(os.path.dirname(folder), "precious-%d.txt" % i)
        with open(target, "w") as f:
            f.write(PRECIOUS)
        link = os.path.join(folder, name)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(target, link)
        precious.append(target)
    os.write(ready_write, b"x")
    os.close(ready_write)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), precious


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kindly-links-") as root:
        folder = os.path.join(root, "books")
        os.makedirs(folder)
        with open(os.path.join(folder, "invoices.csv"), "w") as f:
            f.write(INVOICES)
        with open(os.path.join(folder, "kindly.ini"), "w") as f:
            f.write(INI)
        env_db = ["--db", os.path.join(folder, "kindly.db")]
        subprocess.run([binary, *env_db, "import", "invoices.csv", "--as-of", "2026-11-20"],
                       cwd=folder, check=True, capture_output=True)
        cases = [
            ("report aging.xlsx",
             [*env_db, "report", "aging.xlsx", "--as-of", "2026-11-20"],
             lambda pid: [".aging.xlsx.tmp-%d-%d" % (pid, n) for n in range(1, 4)],
             "aging.xlsx"),
            ("report tables",
             [*env_db, "report", "--format", "csv", "tables", "--as-of", "2026-11-20"],
             lambda pid: ["tables/.%s.csv.tmp-%d" % (name, pid) for name in
                          ("summary", "open-invoices", "clients", "plan", "forecast")],
             "tables"),
        ]
        for what, args, names, made in cases:
            code, precious = run_with_links(binary, folder, args, names)
            check(code in (0, 1), "%s: kindly exited %d" % (what, code))
            for path in precious:
                check(open(path, "rb").read() == PRECIOUS.encode(), "%s wrote through a planted link into %s"
                      % (what, path))
            check(os.path.exists(os.path.join(folder, made)), "%s: %s was not written"
                  % (what, made))
            shutil.rmtree(os.path.join(folder, made), ignore_errors=True)
            if os.path.isfile(os.path.join(folder, made)):
                os.remove(os.path.join(folder, made))
    print("ok: no planted link was written through")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
