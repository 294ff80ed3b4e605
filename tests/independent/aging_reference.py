#!/usr/bin/python3
"""Independent reference for `kindly aging --format json` (python3 standard library only).

Reads the two generic CSV files (invoices, payments), ages every open balance on the
due-date basis with the default buckets and prints the same JSON document Kindly does.
Deliberately simple and separate from Kindly's code, so the two can check each other.

Usage: aging_reference.py INVOICES_CSV [PAYMENTS_CSV] --as-of YYYY-MM-DD [--grace-days 3]

Without PAYMENTS_CSV the invoices file is a balance-only export: its amount_paid column says
what was paid on each invoice by the as-of date (the day of the export), on a day not known.

Rules (DESIGN.md §5, §6):
- amounts are exact integer cents; balance = amount - payments dated on or before as-of;
- days overdue = as-of - due date; buckets current (<= 0), 1-30, 31-60, 61-90, 90+;
- per (client, currency) over invoices with a non-zero balance: one issued after as-of goes
  to not_yet_issued; otherwise positive balances go to the buckets, negative ones to
  credits; balance = buckets + credits + not_yet_issued;
- "overdue": what is more than grace days overdue exceeds the row's credits (a credit is
  used against the oldest first);
- "repeat-late": the client (any currency) has 2 or more positive invoices fully paid
  more than grace days after due, completed within the 365 days up to as-of; an invoice
  whose payment day is unknown is never late.
Field values are trimmed of surrounding spaces, as an importer would.
"""

import argparse
import csv
import json
import sys
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"]
WINDOW_DAYS = 365

INVOICE_COLUMNS = ["invoice_number", "client_id", "client_name", "issue_date", "due_date",
                   "amount", "currency"]
PAYMENT_COLUMNS = ["invoice_number", "payment_date", "amount"]


def fail(message):
    print("aging_reference: " + message, file=sys.stderr)
    sys.exit(2)


def to_cents(text, where):
    """"1234.50" / "-50.00" -> integer cents; anything inexact is an error."""
    try:
        value = Decimal(text) * 100
    except InvalidOperation:
        fail("%s: not an amount: %r" % (where, text))
    if value != value.to_integral_value():
        fail("%s: more than 2 decimals: %r" % (where, text))
    return int(value)


def to_date(text, where):
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail("%s: not an ISO date: %r" % (where, text))


def cents_str(cents):
    """Integer cents -> "1234.50", "-0.50", "0.00"."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return "%s%d.%02d" % (sign, cents // 100, cents % 100)


def bucket_for(days_overdue):
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    if days_overdue <= 90:
        return "61-90"
    return "90+"


def read_rows(path, required):
    """Yields (line number, {column: trimmed value}) for each data row of a CSV file."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in required if c not in header]
        if missing:
            fail("%s: missing column(s) %s" % (path, ", ".join(missing)))
        for row in reader:
            if not any(field.strip() for field in row):
                continue
            values = {name: (row[i].strip() if i < len(row) else "")
                      for i, name in enumerate(header)}
            yield reader.line_num, values


def read_invoices(path):
    """Invoices in file order, as dicts; duplicate numbers are an error."""
    invoices, seen = [], set()
    for line, row in read_rows(path, INVOICE_COLUMNS):
        where = "%s:%d" % (path, line)
        number = row["invoice_number"]
        if number in seen:
            fail("%s: duplicate invoice number %s" % (where, number))
        seen.add(number)
        invoices.append({
            "number": number,
            "client": row["client_id"],
            "name": row["client_name"],
            "issue": to_date(row["issue_date"], where),
            "due": to_date(row["due_date"], where),
            "amount": to_cents(row["amount"], where),
            "currency": row["currency"],
        })
    return invoices


def read_payments(path):
    """Payments as (invoice number, date, cents, earliest date): listed payments' dates are
    exact, so the earliest day each can have been made is its date."""
    payments = []
    for line, row in read_rows(path, PAYMENT_COLUMNS):
        where = "%s:%d" % (path, line)
        day = to_date(row["payment_date"], where)
        payments.append((row["invoice_number"], day, to_cents(row["amount"], where), day))
    return payments


def payments_from_balances(path, export_day):
    """The payments a balance-only export implies: what its amount_paid column says was paid on
    each invoice, by the export's day, the earliest day unknown (None)."""
    payments = []
    for line, row in read_rows(path, ["invoice_number", "amount_paid"]):
        cents = to_cents(row["amount_paid"], "%s:%d" % (path, line))
        if cents != 0:
            payments.append((row["invoice_number"], export_day, cents, None))
    return payments


def zero_buckets():
    return {label: 0 for label in BUCKETS}


def aging(invoices, payments, as_of, grace_days):
    """The aging document as a plain Python object."""
    known = {inv["number"] for inv in invoices}
    paid = {}          # invoice number -> cents paid on or before as-of
    last_paid = {}     # invoice number -> latest payment date on or before as-of
    earliest = {}      # invoice number -> the earliest day the last of it can have been paid
    unknown = 0
    for number, day, cents, earliest_day in payments:
        if number not in known:
            unknown += 1
            continue
        if day > as_of:
            continue
        paid[number] = paid.get(number, 0) + cents
        if number not in last_paid or day > last_paid[number]:
            last_paid[number] = day
        if earliest_day is None or earliest.get(number, earliest_day) is None:
            earliest[number] = None
        else:
            earliest[number] = max(earliest.get(number, earliest_day), earliest_day)
    if unknown:
        print("aging_reference: ignored %d payment(s) for unknown invoices" % unknown,
              file=sys.stderr)

    # Client names: the last invoice row of each client, in file order.
    names = {inv["client"]: inv["name"] for inv in invoices}

    # Repeat-late clients, across all their currencies.
    window_start = as_of - timedelta(days=WINDOW_DAYS)
    late_count = {}
    for inv in invoices:
        number = inv["number"]
        if inv["amount"] <= 0 or paid.get(number, 0) < inv["amount"]:
            continue
        completed, first_possible = last_paid[number], earliest[number]
        # Late only when even the earliest day it can have been paid is past due + grace.
        if (window_start < completed <= as_of and first_possible is not None
                and (first_possible - inv["due"]).days > grace_days):
            late_count[inv["client"]] = late_count.get(inv["client"], 0) + 1
    repeat_late = {client for client, n in late_count.items() if n >= 2}

    # One row per (client, currency) with a non-zero invoice balance.
    rows = {}
    for inv in invoices:
        balance = inv["amount"] - paid.get(inv["number"], 0)
        if balance == 0:
            continue
        key = (inv["client"], inv["currency"])
        row = rows.setdefault(key, {"buckets": zero_buckets(), "credits": 0, "later": 0,
                                    "open": 0, "oldest": 0, "past_grace": 0})
        if inv["issue"] > as_of:
            row["later"] += balance
            continue
        if balance < 0:
            row["credits"] += balance
            continue
        days = (as_of - inv["due"]).days
        row["buckets"][bucket_for(days)] += balance
        row["open"] += 1
        row["oldest"] = max(row["oldest"], days)
        if days > grace_days:
            row["past_grace"] += balance

    clients = []
    totals = {}
    for (client, currency) in sorted(rows):
        row = rows[(client, currency)]
        balance = sum(row["buckets"].values()) + row["credits"] + row["later"]
        flags = []
        if row["past_grace"] + row["credits"] > 0:
            flags.append("overdue")
        if client in repeat_late:
            flags.append("repeat-late")
        clients.append({
            "client": client,
            "name": names[client],
            "currency": currency,
            "balance": cents_str(balance),
            "buckets": {label: cents_str(row["buckets"][label]) for label in BUCKETS},
            "credits": cents_str(row["credits"]),
            "not_yet_issued": cents_str(row["later"]),
            "open_invoices": row["open"],
            "oldest_days_overdue": row["oldest"],
            "flags": flags,
        })
        total = totals.setdefault(currency, {"balance": 0, "buckets": zero_buckets(),
                                             "credits": 0, "later": 0})
        total["balance"] += balance
        total["credits"] += row["credits"]
        total["later"] += row["later"]
        for label in BUCKETS:
            total["buckets"][label] += row["buckets"][label]

    return {
        "as_of": as_of.isoformat(),
        "basis": "due",
        "buckets": list(BUCKETS),
        "clients": clients,
        "totals": [{
            "currency": currency,
            "balance": cents_str(totals[currency]["balance"]),
            "buckets": {label: cents_str(totals[currency]["buckets"][label])
                        for label in BUCKETS},
            "credits": cents_str(totals[currency]["credits"]),
            "not_yet_issued": cents_str(totals[currency]["later"]),
        } for currency in sorted(totals)],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("invoices", help="generic invoices CSV")
    ap.add_argument("payments", nargs="?", help="generic payments CSV (none: balance-only)")
    ap.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    ap.add_argument("--grace-days", type=int, default=3)
    args = ap.parse_args()

    as_of = to_date(args.as_of, "--as-of")
    payments = (read_payments(args.payments) if args.payments
                else payments_from_balances(args.invoices, as_of))
    report = aging(read_invoices(args.invoices), payments, as_of, args.grace_days)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
