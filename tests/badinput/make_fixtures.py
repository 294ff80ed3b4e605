#!/usr/bin/python3
"""Writes the bad-input corpus, tests/fixtures/bad/ (run from anywhere).

Each file is one way an export goes wrong; tests/badinput/manifest.ini says, file by file,
how Kindly must answer it. The files are committed: this script is how they were made, and
makes them again byte for byte. Two files are too large to commit and are made at test time
by run_badinput.py instead (a 10 MB single line, 10,000 columns).
"""

import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "fixtures", "bad")

HEADER = "invoice_number,client_id,client_name,issue_date,due_date,amount,currency"
GOOD_1 = "INV-101,C1,Acme Ltd,2026-09-01,2026-10-01,100.00,USD"
GOOD_2 = "INV-102,C2,Bloom & Co,2026-09-15,2026-10-15,250.00,USD"
PAYMENTS = "invoice_number,payment_date,amount"


def lines(*rows, end="\n"):
    return (end.join(rows) + end).encode("utf-8")


def write(name, content):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(content)


def xlsx_bytes():
    # A real workbook: the importer tests' own (tests/fixtures/xlsx/make_fixtures.py).
    with open(os.path.join(os.path.dirname(OUT), "xlsx", "invoices.xlsx"), "rb") as f:
        return f.read()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 20, 9, 0, 0)), text)
    return buffer.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    # Whole files that cannot be read.
    write("empty.csv", b"")
    write("bom-only.csv", b"\xef\xbb\xbf")
    write("blank-lines-only.csv", b"\n\n   \n\t\n\n")
    write("header-only.csv", lines(HEADER))
    write("binary.csv", bytes((i * 73 + 41) % 256 for i in range(2048)))
    write("gzip.csv", bytes.fromhex("1f8b0800000000000003") + bytes(range(1, 200)))
    write("pdf-renamed.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    write("html-page.csv", lines("<!DOCTYPE html>", "<html><head><title>Login</title></head>",
                                 "<body>Your session has expired.</body></html>"))
    write("json.csv", lines('[{"invoice_number":"INV-101","amount":"100.00"}]'))
    write("xlsx-renamed.csv", xlsx_bytes())
    write("not-a-workbook.xlsx", zip_bytes([("notes.txt", "Not a workbook.\n")]))
    write("zip-of-csv.csv", zip_bytes([("invoices.csv", HEADER + "\n" + GOOD_1 + "\n")]))
    write("truncated-zip.xlsx", xlsx_bytes()[:700])
    write("utf16-no-bom.csv", (HEADER + "\r\n" + GOOD_1 + "\r\n").encode("utf-16-le"))
    write("utf16-be-no-bom.csv", (HEADER + "\r\n" + GOOD_1 + "\r\n").encode("utf-16-be"))
    write("unknown-layout.csv", lines("what,who,when", "lunch,Sam,Friday"))
    write("missing-due-date.csv", lines("invoice_number,client_id,issue_date,amount",
                                        "INV-101,C1,2026-09-01,100.00"))
    write("missing-amount.csv", lines("invoice_number,client_id,due_date,currency",
                                      "INV-101,C1,2026-10-01,USD"))
    write("payments-missing-date.csv", lines("invoice_number,amount,reference",
                                             "INV-001,100.00,bank"))
    write("duplicate-header.csv", lines(
        "invoice_number,client_id,due_date,amount,amount", "INV-101,C1,2026-10-01,100.00,90.00"))
    write("duplicate-header-synonyms.csv", lines(
        "invoice_number,client_id,due_date,amount,total", "INV-101,C1,2026-10-01,100.00,90.00"))
    write("blank-header-names.csv", lines(",,,", "INV-101,C1,2026-10-01,100.00"))
    write("mixed-delimiters.csv", lines(HEADER, GOOD_1.replace(",", ";"), GOOD_2))
    write("semicolon-header-comma-rows.csv", lines(HEADER.replace(",", ";"), GOOD_1, GOOD_2))
    write("truncated-quote-header.csv", lines('"invoice_number,client_id,due_date,amount',
                                              "INV-101,C1,2026-10-01,100.00"))
    write("ambiguous-dates.csv", lines("invoice_number,client_id,issue_date,due_date,amount",
                                       "INV-101,C1,03/04/2026,05/06/2026,100.00"))
    # Files whose good rows go in and whose bad rows are set aside.
    write("truncated-quote.csv", lines(HEADER, GOOD_1, 'INV-103,C3,"Dune Surf,2026-09-20,2026-10-20,75.00,USD'))
    write("garbage-after-quote.csv", lines(HEADER, GOOD_1, 'INV-103,C3,"Dune" Surf,2026-09-20,2026-10-20,75.00,USD', GOOD_2))
    write("nul-bytes.csv", lines(HEADER, GOOD_1, "INV-1\x0003,C3,Dune Surf,2026-09-20,2026-10-20,75.00,USD", GOOD_2))
    # Past the first 4 KB, where the sniffer no longer looks.
    write("nul-byte-late.csv", lines(
        HEADER + ",notes", GOOD_1 + "," + "x" * 4200,
        "INV-1\x0003,C3,Dune\x00 Surf,2026-09-20,2026-10-20,75.00,USD,", GOOD_2 + ","))
    write("invalid-utf8.csv", lines(HEADER, GOOD_1, GOOD_2).replace(b"Bloom & Co", b"Bl\xc3\x28om \xff Co"))
    write("invalid-utf8-one-row.csv", lines(HEADER, GOOD_1, "INV-103,C3,Caf\xe9,2026-09-20,2026-10-20,75.00,USD", GOOD_2).replace(b"Caf\xc3\xa9", b"Caf\xe9\xff\xfe"))
    write("cr-only.csv", lines(HEADER, GOOD_1, GOOD_2, end="\r"))
    write("impossible-date.csv", lines(HEADER, GOOD_1, "INV-103,C3,Dune Surf,2026-01-30,2026-02-30,75.00,USD"))
    write("impossible-dates.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-01-01,2026-13-01,75.00,USD",
        "INV-104,C3,Dune Surf,2025-01-01,2025-02-29,75.00,USD",
        "INV-105,C3,Dune Surf,2026-04-01,2026-04-31,75.00,USD",
        "INV-106,C3,Dune Surf,0000-01-01,0000-01-31,75.00,USD",
        "INV-107,C3,Dune Surf,2026-10-01,2026-10-00,75.00,USD",
        "INV-108,C3,Dune Surf,2026-10-01,yesterday,75.00,USD"))
    write("far-future-date.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-10-01,9999-12-31,75.00,USD",
        "INV-104,C3,Dune Surf,2026-10-01,10000-01-01,75.00,USD",
        "INV-105,C3,Dune Surf,3026-10-01,3026-10-31,75.00,USD"))
    write("due-before-issue.csv", lines(HEADER, GOOD_1, "INV-103,C3,Dune Surf,2026-10-20,2026-09-20,75.00,USD"))
    write("overflow-amount.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,99999999999999999999.00,USD",
        "INV-104,C3,Dune Surf,2026-09-20,2026-10-20,92233720368547758.08,USD",
        "INV-105,C3,Dune Surf,2026-09-20,2026-10-20,-92233720368547758.09,USD",
        "INV-106,C3,Dune Surf,2026-09-20,2026-10-20,9223372036854775808,JPY"))
    write("nan-inf.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,NaN,USD",
        "INV-104,C3,Dune Surf,2026-09-20,2026-10-20,inf,USD",
        "INV-105,C3,Dune Surf,2026-09-20,2026-10-20,-Infinity,USD",
        "INV-106,C3,Dune Surf,2026-09-20,2026-10-20,1e5,USD"))
    write("two-decimal-marks.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,12.34.56,USD",
        "INV-104,C3,Dune Surf,2026-09-20,2026-10-20,12..5,USD",
        'INV-105,C3,Dune Surf,2026-09-20,2026-10-20,"1,234.56.78",USD'))
    write("too-many-decimals.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,10.001,USD",
        "INV-104,C3,Dune Surf,2026-09-20,2026-10-20,100.5,JPY"))
    write("excel-errors.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,#VALUE!,USD",
        "INV-104,C3,Dune Surf,2026-09-20,#REF!,75.00,USD"))
    write("unknown-currency.csv", lines(
        HEADER, GOOD_1,
        "INV-103,C3,Dune Surf,2026-09-20,2026-10-20,75.00,XYZ",
        "INV-104,C3,Dune Surf,2026-09-20,2026-10-20,75.00,EURO",
        "INV-105,C3,Dune Surf,2026-09-20,2026-10-20,75.00,$"))
    write("repeated-invoice.csv", lines(
        HEADER, GOOD_1, GOOD_2, "INV-101,C1,Acme Ltd,2026-09-01,2026-10-01,150.00,USD"))
    write("missing-fields.csv", lines(
        HEADER, GOOD_1, ",C3,Dune Surf,2026-09-20,2026-10-20,75.00,USD",
        "INV-104,,,2026-09-20,2026-10-20,75.00,USD",
        "INV-105,C3,Dune Surf,2026-09-20,,75.00,USD",
        "INV-106,C3,Dune Surf,2026-09-20,2026-10-20,,USD"))
    write("ragged-rows.csv", lines(
        HEADER, GOOD_1, "INV-103,C3,Dune Surf,2026-09-20", GOOD_2 + ",extra,more"))
    write("long-invoice-number.csv", lines(
        HEADER, GOOD_1, "INV-" + "9" * 5000 + ",C3,Dune Surf,2026-09-20,2026-10-20,75.00,USD"))
    # Payments, read after tests/badinput/good-invoices.csv.
    write("payments-unknown-invoice.csv", lines(
        PAYMENTS, "INV-001,2026-10-03,100.00", "INV-404,2026-10-04,10.00", "inv-002,2026-10-05,5.00"))
    write("payments-zero.csv", lines(PAYMENTS, "INV-001,2026-10-03,100.00", "INV-002,2026-10-05,0.00"))
    write("payments-other-currency.csv", lines(
        PAYMENTS, "INV-001,2026-10-03,USD 100.00", "INV-002,2026-10-05,EUR 50.00",
        "INV-003,2026-11-10,JPY 5000"))
    write("payments-bad-values.csv", lines(
        PAYMENTS, "INV-001,2026-10-03,100.00", "INV-002,2026-02-30,50.00",
        "INV-002,2026-10-05,NaN", "INV-002,2026-10-06,99999999999999999999",
        ",2026-10-07,5.00"))
    write("payments-twice-same-day.csv", lines(
        "invoice_number,payment_date,amount,reference",
        "INV-001,2026-10-03,100.00,TX-1", "INV-001,2026-10-03,100.00,TX-1"))


if __name__ == "__main__":
    main()
