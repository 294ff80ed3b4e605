#!/usr/bin/env python3
"""Environment faults (DESIGN §12): a read-only or locked ledger, a full disk, a missing
templates folder, a configuration file with errors. Each must give a clear message and the
documented exit status (2), and leave nothing half-written: the ledger as it was (and sound),
no partial workbook or batch, the previous report or batch untouched.

Runs the real `kindly` binary. Usage: run_faults.py KINDLY_BINARY SCENARIO
Exit status 77 (skipped) when the machine cannot stage the fault (a tmpfs needs root).
"""

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD_INVOICES = os.path.join(os.path.dirname(HERE), "badinput", "good-invoices.csv")
AS_OF = "2026-11-20"
NOBODY = 65534
SKIP = 77


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Folder:
    """A fresh folder holding kindly.db with three invoices, and ways to run kindly in it."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="kindly-fault-")
        shutil.copyfile(GOOD_INVOICES, self.file("good-invoices.csv"))
        self.write("payment.csv", "invoice_number,payment_date,amount\nINV-001,2026-10-03,100.00\n")
        # Who the drafts are from: without it remind writes them but exits 1.
        self.write("kindly.ini", "[company]\nname = Harbour Lights\n[mail]\nfrom = ar@harbour.example\n"
                   "[payment]\ninstructions = Bank transfer to 12-34-56 12345678\n")

    def file(self, name):
        return os.path.join(self.path, name)

    def write(self, name, text):
        with open(self.file(name), "w", encoding="utf-8") as f:
            f.write(text)

    def kindly(self, *args, user=None, file_limit=None, memory_limit=None, expect=None,
               stderr=None):
        """Runs kindly; checks the exit status and the exact standard error when given."""
        def limits():
            if memory_limit is not None:
                resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
            if file_limit is not None:
                # The write that crosses the limit fails with EFBIG instead of killing kindly.
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
            if user is not None:
                os.setgroups([])
                os.setgid(user)
                os.setuid(user)
        result = subprocess.run([KINDLY, *args], cwd=self.path, capture_output=True,
                                env=dict(os.environ, KINDLY_DB="kindly.db"),
                                preexec_fn=limits, timeout=60)
        out = result.stdout.decode("utf-8", "replace")
        # libxlsxwriter reports its own failures on stderr before Kindly's message.
        err = [line for line in result.stderr.decode("utf-8", "replace").splitlines()
               if not line.startswith("[ERROR]")]
        where = f"kindly {' '.join(args)}"
        if expect is not None:
            check(result.returncode == expect,
                  f"{where}: exit {result.returncode}, expected {expect}\n{out}\n{err}")
        if stderr is not None:
            check(err == stderr, f"{where}: standard error\n  {err}\nexpected\n  {stderr}")
        return out

    def ledger(self, name="kindly.db"):
        """Every row of every table, after SQLite's own check of the file."""
        with contextlib.closing(sqlite3.connect(self.file(name))) as db:
            check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
                  f"{name} fails PRAGMA integrity_check")
            tables = [r[0] for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}

    def files(self, under=""):
        """Every file and folder below `under`, hidden ones included, as relative paths."""
        root = self.file(under)
        found = []
        for folder, dirs, names in os.walk(root):
            for name in dirs + names:
                found.append(os.path.relpath(os.path.join(folder, name), root))
        return sorted(p for p in found if not p.startswith("kindly.db"))

    def digest(self, under):
        """The bytes of every file below `under` (or of the file itself)."""
        root = self.file(under)
        paths = [root] if os.path.isfile(root) else [
            os.path.join(f, n) for f, _, names in os.walk(root) for n in names]
        return {os.path.relpath(p, self.path): hashlib.sha256(open(p, "rb").read()).hexdigest()
                for p in sorted(paths)}

    def give_to(self, user):
        for folder, dirs, names in os.walk(self.path):
            for name in [folder] + [os.path.join(folder, n) for n in dirs + names]:
                os.chown(name, user, user)

    def remove(self):
        for folder, dirs, _ in os.walk(self.path):
            for d in dirs:
                os.chmod(os.path.join(folder, d), 0o755)
        shutil.rmtree(self.path, ignore_errors=True)


def big_invoices(folder, clients=5, invoices=5000):
    """An export large enough that importing it, or its report and drafts, takes real space."""
    rows = ["invoice_number,client_id,client_name,client_email,issue_date,due_date,amount"]
    rows += [f"BIG-{i:05d},B{i % clients},Big Client {i % clients},ap{i % clients}@big.example,"
             f"2026-09-01,2026-10-01,{100 + i}.00" for i in range(invoices)]
    folder.write("big.csv", "\n".join(rows) + "\n")


def unprivileged(folder):
    """The user to run kindly as, so that file permissions hold: root ignores them."""
    if os.geteuid() != 0:
        return None
    folder.give_to(NOBODY)
    return NOBODY


READ_ONLY = "it is read-only (the file, or the folder it is in); nothing was changed"


def read_only_ledger(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    user = unprivileged(folder)
    before = folder.ledger()
    os.chmod(folder.file("kindly.db"), 0o444)
    folder.kindly("import", "payment.csv", "--as-of", AS_OF, user=user, expect=2,
                  stderr=[f"kindly: the ledger kindly.db: {READ_ONLY}"])
    folder.kindly("log", "C1", "--note", "Called, left a message", "--as-of", AS_OF, user=user,
                  expect=2, stderr=[f"kindly: the ledger kindly.db: {READ_ONLY}"])
    folder.kindly("writeoff", "INV-002", "--reason", "closed", "--as-of", AS_OF, user=user,
                  expect=2, stderr=[f"kindly: the ledger kindly.db: {READ_ONLY}"])
    check(folder.ledger() == before, "the read-only ledger changed")
    # Reading needs no write: the aging of a read-only ledger (an archived copy) still works.
    out = folder.kindly("aging", "--as-of", AS_OF, "--format", "csv", user=user, expect=0)
    check("C1,Acme Ltd,USD,1200.00" in out, f"aging of the read-only ledger:\n{out}")


def read_only_folder(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    before = folder.ledger()
    os.mkdir(folder.file("archive"))
    shutil.copyfile(folder.file("kindly.db"), folder.file("archive/kindly.db"))
    user = unprivileged(folder)
    os.chmod(folder.file("archive"), 0o555)
    # The ledger sits in a folder where SQLite cannot write its journal beside it.
    folder.kindly("--db", "archive/kindly.db", "import", "payment.csv", "--as-of", AS_OF,
                  user=user, expect=2,
                  stderr=[f"kindly: the ledger archive/kindly.db: {READ_ONLY}"])
    # A new ledger cannot be created there.
    folder.kindly("--db", "archive/new.db", "import", "good-invoices.csv", "--as-of", AS_OF,
                  user=user, expect=2,
                  stderr=["kindly: cannot open the ledger archive/new.db: it cannot be opened "
                          "or created there (a missing or read-only folder?)"])
    # Nor a report, nor a batch of drafts.
    folder.kindly("report", "archive/aging.xlsx", "--as-of", AS_OF, user=user, expect=2,
                  stderr=["kindly: cannot write the aging workbook archive/aging.xlsx: cannot "
                          "create a folder in archive: Permission denied"])
    folder.kindly("remind", "--out", "archive", "--as-of", AS_OF, user=user, expect=2,
                  stderr=["kindly: cannot write the drafts batch: cannot create a folder in "
                          "archive: Permission denied"])
    # A ledger on read-only media can still be read: the aging, the plan, a client.
    out = folder.kindly("--db", "archive/kindly.db", "aging", "--as-of", AS_OF, "--format",
                        "csv", user=user, expect=0)
    check("C1,Acme Ltd,USD,1200.00" in out, f"aging of the ledger on read-only media:\n{out}")
    folder.kindly("--db", "archive/kindly.db", "plan", "--as-of", AS_OF, user=user, expect=0)
    os.chmod(folder.file("archive"), 0o755)
    check(folder.files("archive") == [],
          f"left in the read-only folder: {folder.files('archive')}")
    check(folder.ledger("archive/kindly.db") == before, "the ledger in the folder changed")


def locked_ledger(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    before = folder.ledger()
    busy = ("another program is writing to it (a second kindly, a sqlite3 shell?); nothing was "
            "changed: run this again once it is done")
    holder = sqlite3.connect(folder.file("kindly.db"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its transaction
    try:
        for command in (["import", "payment.csv"], ["log", "C1", "--note", "Called"]):
            started = time.monotonic()
            folder.kindly(*command, "--as-of", AS_OF, expect=2,
                          stderr=[f"kindly: the ledger kindly.db: {busy}"])
            waited = time.monotonic() - started
            # Kindly waits its 5 s for the other writer before giving up, and no longer.
            # (Before the fix, import gave up at once.)
            check(4 <= waited < 30, f"kindly {command[0]} gave up after {waited:.1f} s")
        # Reading is not blocked by a writer.
        folder.kindly("aging", "--as-of", AS_OF, expect=0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    check(folder.ledger() == before, "the ledger changed while another program held it")
    # Another writer that finishes within the 5 s is waited for: the import goes through.
    holder = sqlite3.connect(folder.file("kindly.db"), isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.0, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        folder.kindly("import", "payment.csv", "--as-of", AS_OF, expect=0)
    finally:
        release.join()
        holder.close()
    check(len(folder.ledger()["payments"]) == 1, "the payment was not imported after the lock")


@contextlib.contextmanager
def small_disk(folder, name):
    """A 1 MB tmpfs at `name`, or None when the machine does not allow mounting one."""
    path = folder.file(name)
    os.mkdir(path)
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", path],
            capture_output=True).returncode != 0:
        yield None
        return
    try:
        yield path
    finally:
        subprocess.run(["umount", path], check=True)


def fill(path, leave_kb):
    """Fills the disk at `path` until about `leave_kb` KB are free."""
    stats = os.statvfs(path)
    free = stats.f_bavail * stats.f_frsize
    with open(os.path.join(path, "filler"), "wb") as f:
        f.write(b"\0" * max(0, free - leave_kb * 1024))


def empty(path):
    os.remove(os.path.join(path, "filler"))


def full_disk(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    big_invoices(folder)
    with small_disk(folder, "disk") as disk:
        if disk is None:
            print("skipped: cannot mount a tmpfs here (needs root); file_size_limit covers it")
            sys.exit(SKIP)
        # A report and a batch written while there was room.
        folder.kindly("report", "disk/aging.xlsx", "--as-of", AS_OF, expect=0)
        folder.kindly("remind", "--out", "disk/out", "--as-of", AS_OF, expect=0)
        kept = folder.digest("disk/aging.xlsx") | folder.digest("disk/out")
        fill(disk, 0)
        folder.kindly("report", "disk/aging.xlsx", "--as-of", AS_OF, expect=2,
                      stderr=["kindly: cannot write the aging workbook disk/aging.xlsx: saving: "
                              "Zip generic error ZIP_ERRNO while creating the xlsx file."])
        folder.kindly("report", "--format", "csv", "disk/tables", "--as-of", AS_OF, expect=2,
                      stderr=["kindly: cannot write disk/tables/summary.csv"])
        folder.kindly("remind", "--out", "disk/out", "--as-of", AS_OF, expect=2,
                      stderr=["kindly: cannot write the drafts batch disk/out/batch-2026-11-20: "
                              "001-acme-ltd.eml: No space left on device"])
        folder.kindly("remind", "--out", "disk/new", "--as-of", AS_OF, expect=2,
                      stderr=["kindly: cannot write the drafts batch disk/new/batch-2026-11-20: "
                              "001-acme-ltd.eml: No space left on device"])
        check(folder.digest("disk/aging.xlsx") | folder.digest("disk/out") == kept,
              "the earlier report or batch changed")
        expected = sorted(["aging.xlsx", "filler", "out"] +
                          ["out/" + p for p in folder.files("disk/out")])
        check(folder.files("disk") == expected, f"left on the full disk: {folder.files('disk')}")
        # The ledger itself on the full disk: the import that does not fit writes nothing.
        empty(disk)
        shutil.copyfile(folder.file("kindly.db"), os.path.join(disk, "kindly.db"))
        before = folder.ledger("disk/kindly.db")
        fill(disk, 48)
        folder.kindly("--db", "disk/kindly.db", "import", "big.csv", "--as-of", AS_OF, expect=2,
                      stderr=["kindly: the ledger disk/kindly.db: the disk is full, or a limit on "
                              "file size was reached; nothing was changed"])
        empty(disk)
        check(folder.ledger("disk/kindly.db") == before, "the ledger on the full disk changed")
        # With room again, the same import goes through.
        folder.kindly("--db", "disk/kindly.db", "import", "big.csv", "--as-of", AS_OF, expect=0)


def file_size_limit(folder):
    """A full disk as any user can stage it: a limit on file size (ulimit -f)."""
    big_invoices(folder)
    folder.kindly("import", "good-invoices.csv", "big.csv", "--as-of", AS_OF, expect=0)
    folder.kindly("report", "aging.xlsx", "--as-of", AS_OF, expect=0)
    folder.kindly("remind", "--out", "out", "--as-of", AS_OF, expect=0)
    kept = folder.digest("aging.xlsx") | folder.digest("out")
    before = folder.ledger()
    limit = 64 * 1024  # above the ledger's shared memory file, below a workbook or a draft
    # Before the fix, libxlsxwriter's unchecked temporary files made this a workbook with
    # rows missing, reported as written.
    folder.kindly("report", "aging.xlsx", "--as-of", AS_OF, file_limit=limit, expect=2,
                  stderr=["kindly: cannot write the aging workbook aging.xlsx: its temporary "
                          "files could not be written (a full disk?)"])
    folder.kindly("remind", "--out", "out", "--as-of", AS_OF, file_limit=limit, expect=2,
                  stderr=["kindly: cannot write the drafts batch out/batch-2026-11-20: "
                          "001-big-client-0.eml: File too large"])
    check(folder.digest("aging.xlsx") | folder.digest("out") == kept,
          "the earlier report or batch changed")
    # A second import of next week's export into a copy of the ledger at its size limit.
    shutil.copyfile(folder.file("kindly.db"), folder.file("copy.db"))
    big_invoices(folder, clients=7, invoices=6000)
    size = os.path.getsize(folder.file("copy.db"))
    folder.kindly("--db", "copy.db", "import", "big.csv", "--as-of", AS_OF, file_limit=size,
                  expect=2)
    check(folder.ledger("copy.db") == before, "the ledger at its size limit changed")
    check(folder.ledger() == before, "the ledger changed")
    expected = sorted(["aging.xlsx", "big.csv", "copy.db", "good-invoices.csv", "kindly.ini", "out",
                       "payment.csv"] + ["out/" + p for p in folder.files("out")])
    left = [p for p in folder.files() if not p.startswith("copy.db-")]
    check(left == expected, f"left behind: {sorted(set(left) - set(expected))}")


def missing_templates(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    before = folder.ledger()
    folder.kindly("remind", "--templates", "/nonexistent", "--out", "out", "--as-of", AS_OF,
                  expect=2,
                  stderr=["kindly: templates folder not found or not a folder: /nonexistent"])
    folder.write("kindly.ini", "[remind]\ntemplates = my-templates\n")
    folder.kindly("remind", "--out", "out", "--as-of", AS_OF, expect=2,
                  stderr=["kindly: templates folder not found or not a folder: my-templates"])
    check(not os.path.exists(folder.file("out")), "remind left a drafts folder")
    check(folder.ledger() == before, "the ledger changed")


def config_errors(folder):
    folder.kindly("import", "good-invoices.csv", "--as-of", AS_OF, expect=0)
    before = folder.ledger()
    cases = [
        (["aging"], None, "kindly: missing.ini: no such file"),
        (["aging"], "folder", "kindly: settings: a folder, not a configuration file"),
        (["aging"], "[aging]\nbuckets = 30,sixty\n",
         "kindly: settings: [aging] buckets: bucket edges must be whole days above zero, like "
         "30,60,90: 'sixty' is not"),
        (["aging"], "[aging]\nbuckets\n",
         "kindly: settings: [aging] buckets: bucket edges must be whole days above zero, like "
         "30,60,90: '' is not"),
        (["aging"], "[aging]\ngrace_days = three\n",
         "kindly: settings: [aging] grace_days: 'three' is not a whole number of days"),
        (["aging"], "[aging]\nbasis = invoice\n",
         "kindly: settings: [aging] basis: 'invoice' is not one of due, issue"),
        (["import", "payment.csv"], "[aging]\ncurrency = EURO\n",
         "kindly: settings: [aging] currency: 'EURO' is not an ISO 4217 currency code"),
        (["remind", "--out", "out"], "[cadence]\nmin_gap_days = soon\n",
         "kindly: settings: [cadence] min_gap_days: 'soon' is not a whole number of days"),
        (["remind", "--out", "out"], "[cadence]\nladder = gentle-reminder:x:email\n",
         "kindly: settings: [cadence] ladder: step 'gentle-reminder:x:email': 'x' is not a "
         "whole number of days"),
        (["plan"], "[calendar]\nholidays = 2026-12-25,2026-02-30\n",
         "kindly: settings: [calendar] holidays: holiday '2026-02-30': no such day: 2026-02-30"),
    ]
    for args, text, message in cases:
        config = "missing.ini" if text is None else "settings"
        if text == "folder":
            os.mkdir(folder.file("settings"))
        elif text is not None:
            folder.write("settings", text)
        folder.kindly("--config", config, *args, "--as-of", AS_OF, expect=2, stderr=[message])
        if text == "folder":
            os.rmdir(folder.file("settings"))
    # The same mistake on the command line is named as the option.
    folder.kindly("aging", "--buckets", "30,sixty", "--as-of", AS_OF, expect=2,
                  stderr=["kindly: --buckets: bucket edges must be whole days above zero, like "
                          "30,60,90: 'sixty' is not"])
    # ./kindly.ini, read without --config, is named too.
    folder.write("kindly.ini", "[aging]\ngrace_days = -1\n")
    folder.kindly("aging", "--as-of", AS_OF, expect=2,
                  stderr=["kindly: kindly.ini: [aging] grace_days: '-1' is not a whole number "
                          "of days"])
    check(folder.ledger() == before, "the ledger changed")
    check(not os.path.exists(folder.file("out")), "remind left a drafts folder")


class Skip(Exception):
    pass


def out_of_memory(folder):
    """Memory running out says so in words (it said "std::bad_alloc"), with nothing changed."""
    if "ASAN_OPTIONS" in os.environ:
        raise Skip("AddressSanitizer reserves more address space than the limit allows")
    big_invoices(folder, clients=20000, invoices=100000)
    folder.kindly("import", "big.csv", "--as-of", AS_OF, expect=0)
    before = folder.ledger()
    for args in (("aging", "--format", "json"), ("report", "aging.xlsx")):
        folder.kindly(*args, "--as-of", AS_OF, memory_limit=48 << 20, expect=2,
                      stderr=["kindly: not enough memory to finish; nothing was changed"])
    check(folder.ledger() == before, "the ledger changed")
    check(not os.path.exists(folder.file("aging.xlsx")), "a workbook was left behind")


SCENARIOS = {f.__name__: f for f in (read_only_ledger, read_only_folder, locked_ledger,
                                     full_disk, file_size_limit, missing_templates,
                                     config_errors, out_of_memory)}


def main():
    global KINDLY
    KINDLY, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    folder = Folder()
    started = time.monotonic()
    try:
        SCENARIOS[name](folder)
    except Failure as failure:
        print(f"{name}: FAILED: {failure}")
        return 1
    except Skip as skip:
        print(f"{name}: skipped: {skip}")
        return 77
    finally:
        folder.remove()
    print(f"{name}: passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
