#!/usr/bin/python3
"""Writes Kindly's bundled sample data: a small design studio's receivables.

Harbour Lights Design Studio bills 25 clients over the 18 months up to the demo
as-of date 2026-11-20. Running this script (python3 standard library only, fixed
seed) rewrites, next to itself, byte for byte the same:

  invoices.csv   invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency
  payments.csv   invoice_number,payment_date,amount,reference
  kindly.ini     the studio's configuration
  README.md      who the clients are and how they pay

Usage: /usr/bin/python3 samples/make_samples.py
"""

import csv
import os
import random
from datetime import date, timedelta

SEED = 20261120
AS_OF = date(2026, 11, 20)
FIRST_ISSUE = date(2025, 5, 20)
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

# Payment habits.
PROMPT = "prompt"          # pays before due or at most 3 days after
LATE = "late"              # usually pays 10-60 days late
STOPPED = "stopped"        # paid on time until spring 2026, nothing since
PARTS = "parts"            # pays larger invoices in 2-3 instalments, on time

# The date from which the studio's non-paying client stopped paying anything.
STOPPED_PAYING_DUE = date(2026, 6, 1)

# One row per client:
# (id, name, email, currency, terms days, habit, days between invoices,
#  first issue, last issue, monthly retainer or None, hourly rate, (min hours, max hours))
CLIENTS = [
    ("C001", "Bramble & Finch Bakery", "accounts@brambleandfinch.example", "USD", 30, PROMPT,
     60, None, None, None, 95, (8, 40)),
    ("C002", "Northgate Dental Group", "ap@northgatedental.example", "USD", 30, PROMPT,
     30, None, None, "1800.00", 0, (0, 0)),
    ("C003", "Tidewater Realty", "office@tidewaterrealty.example", "USD", 14, LATE,
     35, None, None, None, 110, (6, 30)),
    ("C004", "Café Lumière", "compta@cafelumiere.example", "EUR", 30, PROMPT,
     75, None, None, None, 90, (10, 45)),
    ("C005", "O'Malley's Pub & Kitchen", "kevin@omalleyspub.example", "USD", 14, LATE,
     40, None, None, None, 95, (5, 24)),
    ("C006", "Pemberton, Hale & Associates", "payables@pembertonhale.example", "USD", 45, PARTS,
     45, None, None, None, 125, (20, 80)),
    ("C007", "Kestrel Outdoor Gear", "finance@kestreloutdoor.example", "USD", 30, PROMPT,
     30, None, None, None, 110, (10, 36)),
    ("C008", "Greenleaf Organic Market", "billing@greenleafmarket.example", "USD", 30, STOPPED,
     30, None, None, "950.00", 0, (0, 0)),
    ("C009", "Nordlicht Verlag GmbH", "buchhaltung@nordlicht-verlag.example", "EUR", 30, PROMPT,
     50, None, None, None, 105, (12, 50)),
    ("C010", "Riverside Community Theatre", "treasurer@riversidetheatre.example", "USD", 45, PARTS,
     45, None, None, None, 95, (16, 60)),
    ("C011", "Summit Peak Fitness", "hello@summitpeakfitness.example", "USD", 14, PROMPT,
     60, None, None, None, 95, (4, 20)),
    ("C012", "Blue Fern Yoga", "studio@bluefernyoga.example", "USD", 14, PROMPT,
     90, None, None, None, 95, (3, 12)),
    ("C013", "Marlowe Books", "accounts@marlowebooks.example", "USD", 30, LATE,
     40, None, None, None, 110, (8, 32)),
    ("C014", "Studio Verdi S.r.l.", "amministrazione@studioverdi.example", "EUR", 45, PROMPT,
     60, None, None, None, 105, (15, 55)),
    ("C015", "Lighthouse Coffee Roasters", "ap@lighthousecoffee.example", "USD", 30, PROMPT,
     30, None, None, "1250.00", 0, (0, 0)),
    ("C016", "Hartley Architecture", "accounts@hartleyarch.example", "USD", 45, PROMPT,
     45, None, None, None, 125, (12, 48)),
    ("C017", "Copperline Brewing Co.", "money@copperlinebrewing.example", "USD", 30, LATE,
     35, None, None, None, 110, (6, 28)),
    ("C018", "Juniper Wealth Advisors", "ops@juniperwealth.example", "USD", 30, PROMPT,
     30, None, None, None, 125, (6, 24)),
    ("C019", "Van der Berg Interieur B.V.", "administratie@vanderberg-interieur.example", "EUR", 30,
     PROMPT, 70, None, None, None, 90, (10, 40)),
    ("C020", "Oakridge Veterinary Clinic", "", "USD", 30, PROMPT,
     60, None, None, None, 95, (6, 26)),
    ("C021", "Pine & Quill Stationery", "orders@pineandquill.example", "USD", 14, PROMPT,
     30, None, date(2026, 7, 31), None, 95, (4, 16)),
    ("C022", "Sable Island Films", "production@sableislandfilms.example", "USD", 30, PARTS,
     50, None, None, None, 125, (16, 70)),
    ("C023", "Westbrook Dance Academy", "office@westbrookdance.example", "USD", 30, PROMPT,
     90, None, None, None, 95, (6, 24)),
    ("C024", "Meridian Legal LLP", "accounts@meridianlegal.example", "USD", 45, PROMPT,
     45, None, None, None, 125, (8, 36)),
    ("C025", "Halcyon Yacht Charters", "charters@halcyonyachts.example", "USD", 30, PROMPT,
     35, date(2026, 3, 2), None, None, 110, (8, 30)),
]

# The credit note: a reprint the studio paid for after a colour error.
CREDIT_NOTE = ("CN-0001", "C016", date(2026, 10, 14), "-450.00")
# The part-paid invoice left open: the newest invoice of this client due by this date.
PART_OPEN_CLIENT = "C010"
PART_OPEN_DUE_BY = date(2026, 9, 30)
# A prompt payer's invoice 2 days past due at the as-of: within grace, not yet "overdue".
IN_GRACE = ("C011", date(2026, 11, 4), "1140.00")


def cents_str(cents):
    """Integer cents -> "1234.50" / "-450.00"."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return "%s%d.%02d" % (sign, cents // 100, cents % 100)


def to_cents(text):
    """"1234.50" -> 123450 (the strings here always carry two decimals)."""
    sign = -1 if text.startswith("-") else 1
    whole, frac = text.lstrip("-").split(".")
    return sign * (int(whole) * 100 + int(frac))


def uniform_int(rng, lo, hi):
    """An integer in [lo, hi], from rng.random() only (stable across Python versions)."""
    return lo + int(rng.random() * (hi - lo + 1))


def to_weekday(d, earlier):
    """Moves a Saturday or Sunday to the Friday before (earlier) or the Monday after."""
    wd = d.weekday()
    if wd < 5:
        return d
    return d - timedelta(days=wd - 4) if earlier else d + timedelta(days=7 - wd)


def issue_dates(rng, gap, first, last):
    """Issue dates every `gap` days (a few days either way), on weekdays."""
    dates = []
    d = first + timedelta(days=uniform_int(rng, 0, gap - 1))
    while d <= last:
        dates.append(to_weekday(d, earlier=True))
        d += timedelta(days=gap + uniform_int(rng, -gap // 6, gap // 6))
    return dates


def monthly_dates(first, last):
    """The 20th of every month (moved to a weekday) from first to last."""
    dates = []
    y, m = first.year, first.month
    while True:
        d = date(y, m, 20)
        if d > last:
            break
        if d >= first:
            dates.append(to_weekday(d, earlier=True))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return dates


def invoice_amount(rng, retainer, rate, hours):
    """A retainer, or quarter hours at the client's rate, sometimes plus print costs."""
    if retainer:
        return to_cents(retainer)
    quarters = uniform_int(rng, hours[0] * 4, hours[1] * 4)
    cents = quarters * rate * 100 // 4
    if rng.random() < 0.2:
        cents += uniform_int(rng, 4, 60) * 2500   # print and production costs
    return cents


def reference(rng, currency, method):
    """A believable bank reference for a payment, sometimes none."""
    if method == "card":
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
        return "Card ch_3" + "".join(letters[int(rng.random() * len(letters))] for _ in range(14))
    if method == "none":
        return ""
    if currency == "EUR":
        return "SEPA %06d" % uniform_int(rng, 100000, 999999)
    if method == "check":
        return "Check %d" % uniform_int(rng, 1001, 4999)
    return "ACH %05d" % uniform_int(rng, 10000, 99999)


def payment_method(rng):
    r = rng.random()
    return "bank" if r < 0.55 else "check" if r < 0.70 else "card" if r < 0.92 else "none"


def final_payment_date(rng, habit, issue, due):
    """When the invoice is paid off, by the client's habit (may fall after the as-of)."""
    if habit == LATE and rng.random() < 0.75:
        d = to_weekday(due + timedelta(days=uniform_int(rng, 10, 60)), earlier=False)
    else:
        d = to_weekday(due + timedelta(days=uniform_int(rng, -10, 3)), earlier=True)
    return max(d, issue + timedelta(days=1))


def make_invoices(rng):
    """Invoice rows (without numbers yet) for every client, in client order."""
    rows = []
    for (cid, name, email, ccy, terms, habit, gap, first, last, retainer, rate,
         hours) in CLIENTS:
        first = first or FIRST_ISSUE
        last = last or AS_OF
        if retainer:
            dates = monthly_dates(first, last)
        else:
            dates = issue_dates(rng, gap, first, last)
        for issue in dates:
            rows.append({"client_id": cid, "client_name": name, "client_email": email,
                         "issue": issue, "due": issue + timedelta(days=terms),
                         "cents": invoice_amount(rng, retainer, rate, hours),
                         "currency": ccy, "habit": habit})
    cid, issue, amount = IN_GRACE
    client = next(c for c in CLIENTS if c[0] == cid)
    rows.append({"client_id": cid, "client_name": client[1], "client_email": client[2],
                 "issue": issue, "due": issue + timedelta(days=client[4]),
                 "cents": to_cents(amount), "currency": client[3], "habit": client[5],
                 "unpaid": True})
    return rows


def make_payments(rng, inv, part_open):
    """The payments of one invoice as (date, cents, reference), none after the as-of."""
    habit, issue, due, cents = inv["habit"], inv["issue"], inv["due"], inv["cents"]
    method = payment_method(rng)
    if inv.get("unpaid"):
        return []
    if part_open:
        first = to_weekday(issue + timedelta(days=20), earlier=True)
        part = cents * 40 // 100 // 100 * 100
        return [(first, part, reference(rng, inv["currency"], method))]
    if habit == STOPPED and due >= STOPPED_PAYING_DUE:
        return []
    final = final_payment_date(rng, habit, issue, due)
    plan = [(final, cents)]
    if habit == PARTS and cents >= 300000 and rng.random() < 0.6:
        k = 2 if rng.random() < 0.6 else 3
        span = max(k * 7, (final - issue).days)
        left, plan = cents, []
        for j in range(1, k):
            part = cents * uniform_int(rng, 25, 45) // 100 // 100 * 100   # whole units
            left -= part
            plan.append((to_weekday(issue + timedelta(days=span * j // k), earlier=True), part))
        plan.append((final, left))
    return [(d, c, reference(rng, inv["currency"], method)) for d, c in plan if d <= AS_OF]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    rng = random.Random(SEED)
    invoices = make_invoices(rng)
    invoices.sort(key=lambda r: (r["issue"], r["client_id"]))
    for i, inv in enumerate(invoices):
        inv["number"] = "INV-%d" % (1001 + i)

    part_open = max((inv for inv in invoices if inv["client_id"] == PART_OPEN_CLIENT
                     and inv["due"] <= PART_OPEN_DUE_BY), key=lambda r: r["due"])

    payments = []
    for inv in invoices:
        for d, cents, ref in make_payments(rng, inv, inv is part_open):
            payments.append((d, inv["number"], cents, ref))
    payments.sort(key=lambda p: (p[0], p[1]))

    # The credit note joins the invoice rows in issue-date order; it has no payments.
    cn_number, cn_client, cn_date, cn_amount = CREDIT_NOTE
    client = next(c for c in CLIENTS if c[0] == cn_client)
    credit = {"number": cn_number, "client_id": cn_client, "client_name": client[1],
              "client_email": client[2], "issue": cn_date, "due": cn_date,
              "cents": to_cents(cn_amount), "currency": client[3]}
    at = next(i for i, inv in enumerate(invoices) if inv["issue"] > cn_date)
    invoices.insert(at, credit)

    write_csv(os.path.join(OUT_DIR, "invoices.csv"),
              ["invoice_number", "client_id", "client_name", "client_email", "issue_date",
               "due_date", "amount", "currency"],
              [(r["number"], r["client_id"], r["client_name"], r["client_email"],
                r["issue"].isoformat(), r["due"].isoformat(), cents_str(r["cents"]),
                r["currency"]) for r in invoices])
    write_csv(os.path.join(OUT_DIR, "payments.csv"),
              ["invoice_number", "payment_date", "amount", "reference"],
              [(num, d.isoformat(), cents_str(c), ref) for d, num, c, ref in payments])
    with open(os.path.join(OUT_DIR, "kindly.ini"), "w", encoding="utf-8") as f:
        f.write(INI)
    with open(os.path.join(OUT_DIR, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(part_open=part_open["number"], credit=cn_number,
                              n_invoices=len(invoices), n_payments=len(payments)))
    print("make_samples: %d invoices (1 credit note), %d payments, %d clients -> %s"
          % (len(invoices), len(payments), len(CLIENTS), OUT_DIR))


INI = """\
; Kindly configuration for the demo business in this folder (see README.md).
; Try: kindly --config samples/kindly.ini aging --as-of 2026-11-20

[company]
name = Harbour Lights Design Studio

[mail]
from = Accounts <accounts@harbourlights.example>
reply_to = accounts@harbourlights.example
signature = Maya, Harbour Lights Design Studio

[payment]
; one line: bank transfer first, card for those who prefer it
instructions = Bank transfer to Harbour Lights Design Studio LLC, Coastal Mutual Bank, routing 011000138, account 4410228193 (EUR clients: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX), or by card at https://pay.harbourlights.example/invoice

[aging]
buckets = 30,60,90
basis = due
grace_days = 3
; for files that name no currency
currency = USD
"""

README = """\
# Sample data: Harbour Lights Design Studio

Harbour Lights Design Studio is a small brand and print design studio. It bills 25 clients
(brand work, websites, packaging, monthly retainers) over the 18 months from 2025-05-20 to
the demo as-of date: {n_invoices} invoice rows in `invoices.csv`, {n_payments} payments in
`payments.csv`, and the studio's settings in `kindly.ini`. Everything here is made by
`make_samples.py` (fixed seed; run it again and the files come out the same).

The clients' characters:

- **Prompt payers**, most of the book: Northgate Dental, Kestrel Outdoor Gear, Lighthouse
  Coffee Roasters (retainer), Juniper Wealth Advisors, Meridian Legal and others pay before
  the due date or within 3 days of it. Their open invoices are the ones not yet due.
- **Repeatedly late**: Tidewater Realty, O'Malley's Pub & Kitchen, Marlowe Books and
  Copperline Brewing Co. usually pay 10-60 days late, several times in the last year.
- **Stopped paying**: Greenleaf Organic Market (a 950.00 monthly retainer) paid on time
  until spring 2026 and has paid nothing since; its invoices run from not yet due to
  more than 150 days overdue.
- **Pays in parts**: "Pemberton, Hale & Associates", Riverside Community Theatre and Sable
  Island Films settle larger invoices in 2-3 instalments. Riverside paid the first part of
  {part_open} and the rest is still open.
- **A credit note**: {credit} (-450.00) to Hartley Architecture for a misprinted run, not
  yet used against an invoice.
- **Two currencies**: Café Lumière, Nordlicht Verlag GmbH, Studio Verdi S.r.l. and Van der
  Berg Interieur B.V. are billed in EUR; everyone else in USD.
- **Within grace**: Summit Peak Fitness, a prompt payer, has one invoice 2 days past due
  at the as-of date, inside the 3 grace days, so it is aged but not flagged overdue.
- Oakridge Veterinary Clinic has no email address on file (call or letter only); Pine &
  Quill Stationery was a monthly client until July 2026 and has not ordered since; Halcyon
  Yacht Charters is a new client since March 2026.

Demo as-of date: 2026-11-20

```sh
kindly --db demo.db --config samples/kindly.ini import samples/invoices.csv samples/payments.csv
kindly --db demo.db --config samples/kindly.ini aging --as-of 2026-11-20
```
"""


if __name__ == "__main__":
    main()
