#!/usr/bin/env python3
"""DESIGN §12: hostile text in an export goes through Kindly without injection or breakage.

Usage: hostile_text.py KINDLY_BINARY

An invoice export whose client names, emails and invoice numbers carry line breaks,
`<script>`, Mustache tags, right-to-left overrides, 10,000-character values,
quotes and commas, spreadsheet formulas, OOXML escapes (`_x0041_`), terminal escape codes
and header-injection attempts ("Acme\\r\\nBcc: evil@x") is imported, then goes out through
every door, each checked by reading it back the way its reader would:
  - import: every value kept exactly (trimmed), nothing rejected;
  - remind: each .eml parsed with Python's email module has exactly the intended headers,
    one header of each, and exactly its client's address as recipient (none when the
    address on file is hostile); its HTML part, like each HTML letter, escapes the values
    (no raw `<script>`), Mustache tags in values are never expanded; manifest.csv and
    manifest.json read back the values;
  - send --dry-run: no message would go to an injected address;
  - report FILE.xlsx: every text cell reads back (OOXML unescaped) as the value itself,
    no formula cell anywhere; a name longer than a cell holds (32,767 characters) stops the
    workbook cleanly, saying why, leaving no file, while every other command works;
  - aging --format csv|json, report --format csv|json DIR: valid CSV (RFC 4180) and JSON,
    values exact, formulas defused with a leading "'" as README says;
  - the terminal tables of aging, plan and clients: one line per client, no control
    character reaching the terminal.
A NUL byte is never taken in: a binary file is refused (exit 2, saying so), a stray NUL
sets its row aside with file and line, the good rows kept.
"""

import csv
import email
import email.header
import email.policy
import glob
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

AS_OF = "2026-11-20"
BATCH = "out/batch-" + AS_OF

# The hostile client names, by a short key used in client codes and invoice numbers.
NAMES = {
    "crlf": "Acme\r\nBcc: evil@x.example",
    "lf": "Line One\nLine Two Ltd",
    "cr": "Carriage\rReturn Co",
    "script": "<script>alert('x')</script> & Sons <img src=x onerror=alert(1)>",
    "mustache": "{{company}} {{{payment_instructions}}} {{=<% %>=}} <% name %> "
                "{{#invoices}}x{{/invoices}} {{> letter.html}}",
    "rlo": "\u202egnp.exe\u202c Trading",
    "long": "Long" + "L" * 9996,
    "quotes": '"Quoted", Comma & Co; semi\'colon',
    "formula": "=cmd|' /C calc'!A0",
    "plus": "+SUM(1,2)",
    "at": "@SUM(A1:A2)",
    "minus": "-2+3 Ltd",
    "ooxml": "_x0041_ Escaped _x000D_",
    "escape": "Esc\x1b[2J\x1b]0;pwned\x07 Ltd",
}
# More than an Excel cell holds (32,767 characters): in its own ledger, see check_huge_name.
HUGE_NAME = "Huge" + "H" * 39996
# Hostile email addresses: none of them may become a recipient.
EMAILS = {
    "H01": "ap@acme.example\r\nBcc: evil@x.example",
    "H02": "a@x.example, evil@y.example",
    "H03": "Evil <evil@x.example>",
    "H04": "a@x.example\nTo: evil@z.example",
}
# Hostile invoice numbers, for clients with ordinary names.
INVOICES = {
    "N01": "<b>INV</b>-{{x}}",
    "N02": "=1+1",
    "N03": "@INV-3",
}
BINARY_EXPORT = b"\x00\x01\x02\x03PK\x00\x00" * 64


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def stored(value):
    """A value as the import keeps it: surrounding whitespace trimmed."""
    return value.strip(" \t")


def defused(value):
    """A CSV cell as README describes it: a leading = + - @ gets a "'" in front."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def cleaned(value):
    """Header and template text: control characters as spaces, spaces as one."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", value).split())


def write_export(path):
    rows = [["invoice_number", "client_id", "client_name", "client_email", "issue_date",
             "due_date", "amount", "currency"]]
    for i, (key, name) in enumerate(NAMES.items()):
        # Each name twice: with an email (an .eml draft) and without (an HTML letter).
        rows.append(["INV-E-" + key, "E%02d" % i, name, "e%d@example.com" % i, "2026-09-01",
                     "2026-11-16", "100.00", "USD"])
        rows.append(["INV-L-" + key, "L%02d" % i, name, "", "2026-09-01", "2026-11-16",
                     "200.00", "USD"])
    for code, address in EMAILS.items():
        rows.append(["INV-" + code, code, "Client " + code, address, "2026-09-01",
                     "2026-11-16", "10.00", "USD"])
    for code, number in INVOICES.items():
        rows.append([number, code, "Client " + code, code.lower() + "@example.com",
                     "2026-09-01", "2026-11-16", "20.00", "USD"])
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def expected_clients():
    """client code -> (name, email as stored)."""
    clients = {}
    for i, (key, name) in enumerate(NAMES.items()):
        clients["E%02d" % i] = (stored(name), "e%d@example.com" % i)
        clients["L%02d" % i] = (stored(name), "")
    for code, address in EMAILS.items():
        clients[code] = ("Client " + code, address)
    for code in INVOICES:
        clients[code] = ("Client " + code, code.lower() + "@example.com")
    return clients


class Kindly:
    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = folder

    def run(self, *args, expect=0):
        result = subprocess.run([self.binary, "--db", "kindly.db", *args], cwd=self.folder,
                                capture_output=True, timeout=120)
        check(result.returncode == expect, "kindly %s exited %d, not %d:\n%s" % (
            " ".join(args), result.returncode, expect,
            (result.stdout + result.stderr).decode("utf-8", "replace")[:3000]))
        return result.stdout.decode("utf-8"), result.stderr.decode("utf-8")

    def path(self, *parts):
        return os.path.join(self.folder, *parts)


# The checks, one door at a time ------------------------------------------------------------

def check_ledger(kindly):
    import sqlite3
    with sqlite3.connect(kindly.path("kindly.db")) as db:
        clients = {code: (name, address) for code, name, address in
                   db.execute("SELECT code, name, email FROM clients")}
        numbers = {number for (number,) in db.execute("SELECT number FROM invoices")}
        check(db.execute("SELECT COUNT(*) FROM rejects").fetchone()[0] == 0, "nothing rejected")
    for code, (name, address) in expected_clients().items():
        check(code in clients, "client %s should be imported" % code)
        check(clients[code][0] == name, "client %s's name should be kept exactly: %r, not %r"
              % (code, name[:80], clients[code][0][:80]))
    for number in INVOICES.values():
        check(number in numbers, "invoice %r should be imported" % number)


def parse_eml(path):
    raw = open(path, "rb").read()
    check(b"\x00" not in raw, "%s holds a NUL" % path)
    for line in raw.split(b"\r\n"):
        check(b"\r" not in line and b"\n" not in line,
              "%s has a bare CR or LF: %r" % (path, line[:100]))
        check(len(line) <= 998, "%s has a line of %d bytes" % (path, len(line)))
    return raw, email.message_from_bytes(raw, policy=email.policy.default)


def display_name(raw_header):
    """The display name of a To header as RFC 2047 decodes it (adjacent encoded-words join)."""
    text = str(email.header.make_header(email.header.decode_header(raw_header)))
    return text[:text.rindex("<")].strip().strip('"').replace('\\"', '"')


def check_drafts(kindly):
    clients = expected_clients()
    manifest = json.load(open(kindly.path(BATCH, "manifest.json"), encoding="utf-8"))
    drafts = {d["file"]: d for d in manifest["drafts"]}
    check({d["client"] for d in drafts.values()} == set(clients),
          "one draft per client: %s" % sorted(d["client"] for d in drafts.values()))
    for file, draft in drafts.items():
        name, address = clients[draft["client"]]
        check(draft["name"] == name, "manifest.json keeps %s's name exactly" % draft["client"])
        check(draft["email"] in ("", address), "manifest email of %s" % draft["client"])
        check("evil" not in draft["email"], "no hostile address in the manifest: %r"
              % draft["email"])
        check(re.fullmatch(r"\d{3}-[a-z0-9-]+\.(eml|letter\.html|call\.txt)", file),
              "a plain file name: %r" % file)
    emails = [f for f in drafts if f.endswith(".eml")]
    letters = [f for f in drafts if f.endswith(".letter.html")]
    check(len(emails) >= len(NAMES) and len(letters) >= len(NAMES),
          "an email and a letter for each name: %d emails, %d letters"
          % (len(emails), len(letters)))

    expected_headers = ["Date", "Message-ID", "From", "To", "Subject", "MIME-Version", "X-Unsent",
                        "Content-Type"]
    for file in emails:
        draft = drafts[file]
        name, address = clients[draft["client"]]
        raw, message = parse_eml(kindly.path(BATCH, file))
        usable = draft["client"] not in EMAILS
        headers = [h for h in expected_headers if usable or h != "To"]
        check(list(message.keys()) == headers,
              "%s should have exactly the headers %s: %s" % (file, headers, message.keys()))
        for part in message.walk():
            check(not part.defects, "%s: %s" % (file, part.defects))
        if usable:
            recipients = [a.addr_spec for a in message["To"].addresses]
            check(recipients == [address], "%s goes to %s only, not %s"
                  % (file, address, recipients))
            raw_to = email.message_from_bytes(raw)["To"]
            check(cleaned(display_name(raw_to)) == cleaned(name),
                  "%s: the To name should be the client's name on one line: %r"
                  % (file, display_name(raw_to)[:100]))
        check(len(message["Subject"].splitlines()) == 1, "%s: one Subject line" % file)
        text = message.get_body(("plain",)).get_content()
        body = message.get_body(("html",)).get_content()
        check_html(file + " (HTML part)", body, name)
        if draft["client"].startswith("E"):
            check(cleaned(name) in cleaned(text), "%s: the name in the text part" % file)
    for file in letters:
        draft = drafts[file]
        name, _ = clients[draft["client"]]
        check_html(file, open(kindly.path(BATCH, file), encoding="utf-8").read(), name)
    for number in INVOICES.values():
        letters_or_emails = "".join(
            open(p, encoding="utf-8").read() for p in glob.glob(kindly.path(BATCH, "*.html")))
        check("<b>INV</b>" not in letters_or_emails, "an invoice number's tags are escaped")

    rows = list(csv.reader(open(kindly.path(BATCH, "manifest.csv"), newline="",
                                encoding="utf-8")))
    header = rows[0]
    check(all(len(r) == len(header) for r in rows), "manifest.csv: every row %d cells"
          % len(header))
    by_file = {r[header.index("file")]: r for r in rows[1:]}
    for file, draft in drafts.items():
        name = clients[draft["client"]][0]
        check(by_file[file][header.index("name")] == defused(name),
              "manifest.csv keeps %s's name (formulas defused): %r"
              % (draft["client"], by_file[file][header.index("name")][:80]))


def check_html(where, text, name):
    """Hostile values appear only escaped: no tag, no script, no expanded Mustache."""
    check("<script" not in text.lower(), "%s holds a raw <script>" % where)
    check("<img" not in text.lower(), "%s holds a raw <img>" % where)
    check("<Lights>" not in text, "%s holds the company name unescaped" % where)
    check("\x1b" not in text and "\x00" not in text, "%s holds a control character" % where)
    if name.startswith("<script>"):
        check("&lt;script&gt;" in text, "%s should show the name escaped" % where)
    if name.startswith("{{company}}"):
        check("{{company}}" in html.unescape(text) and "{{{payment_instructions}}}" in
              html.unescape(text), "%s should show the Mustache tags as written" % where)
    if name.startswith("Long"):
        check(name in html.unescape(text), "%s should hold the whole 10,000-character name"
              % where)
    if name.startswith("\u202e"):
        check(name in html.unescape(text), "%s should show the name as it is" % where)


def check_send_dry_run(kindly):
    out, _ = kindly.run("send", BATCH, "--dry-run", "--as-of", AS_OF, expect=1)
    recipients = re.findall(r"^Would send \S+ to (.*?) \(", out, re.M)
    check(len(recipients) == len(NAMES) + len(INVOICES),
          "every usable email would be sent: %d\n%s" % (len(recipients), out[:2000]))
    for to in recipients:
        check(re.fullmatch(r"[a-z0-9]+@example\.com", to), "an injected recipient: %r" % to)


# The xlsx, read back as Excel would ---------------------------------------------------------

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def ooxml_text(text):
    """A cell string as Excel shows it: _xHHHH_ is the character HHHH (ECMA-376 ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def workbook_cells(path):
    """Every text cell of every sheet; fails on any formula cell."""
    import xml.etree.ElementTree as ET
    texts = []
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ET.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
                      for si in root.findall("m:si", NS)]
        for name in book.namelist():
            if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                continue
            root = ET.fromstring(book.read(name))
            for cell in root.iter("{%s}c" % NS["m"]):
                check(cell.find("m:f", NS) is None, "%s %s is a formula cell"
                      % (name, cell.get("r")))
                kind = cell.get("t")
                if kind == "inlineStr":
                    texts.append(ooxml_text("".join(
                        t.text or "" for t in cell.iter("{%s}t" % NS["m"]))))
                elif kind == "s":
                    texts.append(ooxml_text(shared[int(cell.find("m:v", NS).text)]))
                elif kind == "str":
                    raise Failure("%s %s is a formula's string" % (name, cell.get("r")))
    return texts


def check_workbook(kindly):
    kindly.run("report", "aging.xlsx", "--as-of", AS_OF)
    texts = set(workbook_cells(kindly.path("aging.xlsx")))
    for name in NAMES.values():
        value = stored(name)
        # XML has no bare CR: a cell's line breaks read back as LF, as Excel keeps them.
        check(value in texts or value.replace("\r\n", "\n").replace("\r", "\n") in texts,
              "the workbook should hold %r exactly as a text cell" % value[:80])
    for number in INVOICES.values():
        check(number in texts, "the workbook should hold invoice %r as text" % number)


# CSV and JSON outputs -------------------------------------------------------------------------

def read_csv(text, where):
    check("\r\n" in text, "%s: CRLF line ends" % where)
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    check(len({len(r) for r in rows}) == 1, "%s: every row the same number of cells: %s"
          % (where, sorted({len(r) for r in rows})))
    return rows


def check_names_in(rows, where, column="name", transform=defused):
    header = rows[0]
    found = {r[header.index(column)] for r in rows[1:]}
    for name in NAMES.values():
        check(transform(stored(name)) in found, "%s should hold %r" % (where, transform(
            stored(name))[:80]))
    return header


def check_csv_and_json(kindly):
    out, _ = kindly.run("aging", "--as-of", AS_OF, "--format", "csv")
    check_names_in(read_csv(out, "aging --format csv"), "aging --format csv")
    out, _ = kindly.run("aging", "--as-of", AS_OF, "--format", "json")
    aging = json.loads(out)
    check({c["name"] for c in aging["clients"]} >= {stored(n) for n in NAMES.values()},
          "aging --format json should hold every name exactly")
    check(out.count("\n") == 1 and "\x1b" not in out, "aging JSON is one line, escaped")

    kindly.run("report", "--format", "csv", "tables", "--as-of", AS_OF)
    for table in ("summary", "open-invoices", "clients", "plan"):
        path = kindly.path("tables", table + ".csv")
        rows = read_csv(open(path, encoding="utf-8", newline="").read(), path)
        header = check_names_in(rows, table + ".csv")
        if table == "open-invoices":
            numbers = {r[header.index("invoice")] for r in rows[1:]}
            for number in INVOICES.values():
                check(defused(number) in numbers, "open-invoices.csv should hold %r"
                      % defused(number))
    kindly.run("report", "--format", "json", "tables-json", "--as-of", AS_OF)
    for table in ("summary", "open-invoices", "clients", "plan", "forecast"):
        text = open(kindly.path("tables-json", table + ".json"), encoding="utf-8").read()
        data = json.loads(text)
        if table != "forecast":
            names = {row["name"] for row in data["rows"]}
            check(names >= {stored(n) for n in NAMES.values()},
                  "%s.json should hold every name exactly" % table)


def check_terminal_tables(kindly):
    clients = len(expected_clients())
    for command in ("aging", "plan", "clients"):
        out, _ = kindly.run(command, "--as-of", AS_OF)
        check(not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out),
              "kindly %s prints control characters: %r"
              % (command, re.findall(r".{0,20}[\x00-\x08\x0b-\x1f\x7f].{0,20}", out)[:3]))
        rows = [line for line in out.split("\n") if re.match(r"[EL]\d\d |[HN]0\d ", line)]
        lines = [line for line in out.split("\n") if line.strip()]
        check(len(rows) == clients, "kindly %s should print one line per client: %d of %d\n%s"
              % (command, len(rows), clients, "\n".join(l[:100] for l in lines[:12])))


def check_huge_name(kindly):
    """A name longer than an Excel cell holds: everything works but the workbook, which stops
    cleanly, saying why and leaving no file."""
    folder = kindly.path("huge")
    os.makedirs(folder)
    huge = Kindly(kindly.binary, folder)
    with open(huge.path("huge.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([
            ["invoice_number", "client_id", "client_name", "client_email", "issue_date",
             "due_date", "amount", "currency"],
            ["INV-HUGE", "HUGE", HUGE_NAME, "huge@example.com", "2026-09-01", "2026-11-16",
             "1.00", "USD"]])
    huge.run("import", "huge.csv")
    out, _ = huge.run("aging", "--as-of", AS_OF, "--format", "json")
    check(json.loads(out)["clients"][0]["name"] == HUGE_NAME, "the huge name is kept")
    huge.run("remind", "--as-of", AS_OF, expect=1)  # no sender configured: said, exit 1
    _, err = huge.run("report", "aging.xlsx", "--as-of", AS_OF, expect=2)
    check("aging.xlsx" in err and "32,767" in err, "the workbook says why it stops: %r" % err)
    check(sorted(os.listdir(folder)) == ["huge.csv", "kindly.db", "out"],
          "a failed workbook leaves nothing: %s" % sorted(os.listdir(folder)))


def check_nul(kindly):
    """A binary file is refused as a whole; a stray NUL sets its row aside."""
    with open(kindly.path("binary.csv"), "wb") as f:
        f.write(BINARY_EXPORT)
    _, err = kindly.run("import", "binary.csv", expect=2)
    check("binary.csv" in err and "binary" in err, "a clear refusal: %r" % err)
    good = ("invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,"
            "currency\r\n")
    rows = ["INV-Z%04d,Z%04d,Client Z%d,z%d@example.com,2026-09-01,2026-11-16,5.00,USD\r\n"
            % (n, n, n, n) for n in range(300)]
    rows.insert(200, "INV-NUL,ZNUL,Nul\x00Name,nul@example.com,2026-09-01,2026-11-16,5.00,"
                "USD\r\n")
    with open(kindly.path("stray-nul.csv"), "wb") as f:
        f.write((good + "".join(rows)).encode())
    out, _ = kindly.run("import", "stray-nul.csv", expect=1)
    rejects, _ = kindly.run("rejects", "--format", "json", expect=1)
    found = [r for r in json.loads(rejects) if r["file"].endswith("stray-nul.csv")]
    check(len(found) == 1 and found[0]["line"] == 202 and "NUL" in found[0]["reason"],
          "the row with a NUL is set aside with its line and why: %s" % found)
    import sqlite3
    with sqlite3.connect(kindly.path("kindly.db")) as db:
        check(db.execute("SELECT COUNT(*) FROM invoices WHERE number LIKE 'INV-Z%'")
              .fetchone()[0] == 300, "the 300 good rows are kept")
        check(db.execute("SELECT COUNT(*) FROM clients WHERE instr(name, char(0)) > 0 OR "
                         "code = 'ZNUL'").fetchone()[0] == 0, "no NUL reaches the ledger")


def main():
    kindly_binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kindly-hostile-") as folder:
        kindly = Kindly(kindly_binary, folder)
        write_export(kindly.path("hostile.csv"))
        with open(kindly.path("kindly.ini"), "w") as f:
            f.write("[company]\nname = Harbour & <Lights>\n"
                    "[mail]\nfrom = Accounts <accounts@harbourlights.example>\n")
        kindly.run("import", "hostile.csv", "--as-of", AS_OF)
        steps = [check_ledger, lambda k: k.run("remind", "--as-of", AS_OF), check_drafts,
                 check_send_dry_run, check_workbook, check_csv_and_json, check_terminal_tables,
                 check_huge_name, check_nul]
        failures = []
        for step in steps:
            try:
                step(kindly)
            except Failure as failure:
                failures.append(str(failure))
        for failure in failures:
            print("FAILED: " + failure)
        if failures:
            return 1
    print("ok: %d hostile names, %d hostile emails, %d hostile invoice numbers"
          % (len(NAMES), len(EMAILS), len(INVOICES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
