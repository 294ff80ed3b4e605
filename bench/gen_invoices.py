#!/usr/bin/python3
"""Deterministic generator of accounts-receivable test data (standard library only).

Writes OUT/invoices.csv and OUT/payments.csv in Kindly's generic layout:

  invoices.csv  invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency
  payments.csv  invoice_number,payment_date,amount

Shape: issue dates spread over ~2 years before --as-of (mostly weekdays, some clients
start late or stop buying); payment terms of 14/30/45/60 days per client; a payment
habit per client (prompt ~60%, sometimes late ~25%, chronic late ~10%, non-payer ~5%);
most invoices paid in full, ~8% in 2-3 instalments, some left open; ~1.5% credit notes
(CN- prefix, negative amount, no payments); ~95% of clients bill in USD, the rest in
EUR/GBP, with a few stray invoices in another currency; client names carry real-world
hazards at low rates (commas, quotes, accents, apostrophes, very long names, stray
whitespace) and ~1% of clients have no email. Payments are sorted by date; no payment is
dated after --as-of. The same arguments always give byte-identical files.

With --balance-only it also writes OUT/invoices-balances.csv: the same invoices with what was
paid on each by --as-of and what is left (amount_paid, balance) and no payment rows, as a
balance-only export (Xero's, for one) carries them.

This is ../shared/bench/gen_invoices.py with --balance-only added; without it, the files are
byte for byte those of the shared generator.

Usage: gen_invoices.py --out DIR [--invoices N] [--clients M] [--as-of YYYY-MM-DD] [--seed S]
                       [--balance-only]
"""

import argparse
import csv
import math
import os
import random
import time
import unicodedata
from datetime import date

SPAN_DAYS = 730  # issue dates fall in (as_of - SPAN_DAYS, as_of]

# Payment habits and their cumulative share of clients; payment terms and their share.
PROMPT, SOMETIMES, CHRONIC, NONPAYER = range(4)
HABIT_CUM = [0.60, 0.85, 0.95, 1.00]
TERMS = [(14, 0.15), (30, 0.50), (45, 0.20), (60, 0.15)]

PREFIXES = [
    "Acme", "Northwind", "Blue Harbor", "Summit", "Redwood", "Maple", "Granite",
    "Silverline", "Evergreen", "Brightside", "Pioneer", "Keystone", "Oakridge",
    "Riverbend", "Sunrise", "Lakeside", "Ironwood", "Cedar", "Falcon", "Atlas", "Beacon",
    "Copper", "Crescent", "Delta", "Eastgate", "Fairview", "Golden", "Highland", "Horizon",
    "Juniper", "Liberty", "Meridian", "Nova", "Orchard", "Pinnacle", "Quarry", "Radiant",
    "Sterling", "Trident", "Union", "Vantage", "Westbrook", "Willow", "Zenith", "Bluebird",
    "Cobalt", "Driftwood", "Elm Street", "Foxglove", "Harvest",
]
TRADES = [
    "Bakery", "Plumbing", "Consulting", "Logistics", "Dental", "Design", "Construction",
    "Catering", "Accounting", "Landscaping", "Printing", "Software", "Marketing",
    "Electrical", "Roofing", "Florist", "Veterinary", "Auto Repair", "Architecture",
    "Legal", "Photography", "Cleaning", "Fitness", "Imports", "Hardware", "Media",
    "Engineering", "Furniture", "Coffee Roasters", "Books",
]
SUFFIXES = ["Ltd", "LLC", "Inc.", "Co.", "Group", "Partners", "Corp.", "Studio",
            "Services", "", ""]
CITIES = ["Springfield", "Riverside", "Fairfield", "Madison", "Georgetown", "Salem",
          "Bristol", "Clinton", "Franklin", "Dover", "Ashland", "Oxford", "Milton",
          "Newport", "Burlington", "Lexington", "Hudson", "Kingston", "Auburn", "Dayton"]
SURNAMES = ["Smith", "Johnson", "Garcia", "Nguyen", "Patel", "Kowalski", "Murphy",
            "Rossi", "Schmidt", "Tanaka", "Okafor", "Larsen", "Dubois", "Cohen"]
ACCENTED = [
    "Société Générale", "Müller & Söhne GmbH", "Café Olé", "Crème Brûlée Pâtisserie",
    "Łódź Logistyka Sp. z o.o.", "Ångström Åkeri AB", "Señor Niño Importaciones",
    "Zürich Rückversicherung AG", "Český Design s.r.o.", "Øresund Shipping ApS",
    "São Paulo Comércio Ltda.", "Ñandú Café", "Björk & Jönsson Bygg", "株式会社さくら商事",
    "Ἀθῆναι Trading", "Dvořák Hudební Nástroje",
]
APOSTROPHES = ["O'Brien & Sons", "O'Neil's Pub", "D'Angelo Tiling", "Children's Dental Care",
               "Macy O'Hara Events", "L'Atelier de Marie", "Rosa's Kitchen"]
LONG_WORDS = ["International", "Consolidated", "Professional", "Architectural",
              "Environmental", "Engineering", "Management", "Consultancy", "Holdings",
              "Distribution", "Manufacturing", "Technologies", "Associates", "Trust"]


def cents_str(c):
    """Integer cents -> plain decimal string with 2 places ("1234.50", "-12.05")."""
    if c < 0:
        c = -c
        return "-%d.%02d" % (c // 100, c % 100)
    return "%d.%02d" % (c // 100, c % 100)


def slug(name):
    """ASCII slug of a client name, for a plausible email domain."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = "".join(ch if ch.isalnum() else "-" for ch in ascii_name.lower())
    s = "-".join(p for p in s.split("-") if p)[:40].strip("-")
    return s or "client"


def client_name(rng):
    """A business name; a few carry the hazards an importer must survive."""
    r = rng.random()
    if r < 0.02:    # comma inside the field
        name = rng.choice([
            "%s, %s & Partners" % (rng.choice(SURNAMES), rng.choice(SURNAMES)),
            "%s %s, Inc." % (rng.choice(PREFIXES), rng.choice(TRADES)),
            "%s %s, %s" % (rng.choice(PREFIXES), rng.choice(TRADES), rng.choice(CITIES)),
        ])
    elif r < 0.025:  # double quotes inside the field
        name = 'The "%s" %s' % (rng.choice(PREFIXES), rng.choice(TRADES))
    elif r < 0.045:  # accents and other non-ASCII
        name = rng.choice(ACCENTED)
    elif r < 0.065:  # apostrophes
        name = rng.choice(APOSTROPHES)
    elif r < 0.068:  # very long name (150-300 characters)
        words, target = [rng.choice(PREFIXES)], 150 + int(rng.random() * 150)
        while len(" ".join(words)) < target:
            words.append(rng.choice(LONG_WORDS + TRADES))
        name = " ".join(words)[:300]
    elif r < 0.071:  # stray leading/trailing whitespace from a sloppy export
        name = rng.choice([" %s %s", "%s %s  "]) % (rng.choice(PREFIXES), rng.choice(TRADES))
        return name
    elif r < 0.12:
        name = "%s & Sons %s" % (rng.choice(SURNAMES), rng.choice(TRADES))
    else:
        name = "%s %s %s" % (rng.choice(PREFIXES), rng.choice(TRADES), rng.choice(SUFFIXES))
    if rng.random() < 0.3:
        name = "%s (%s)" % (name.strip(), rng.choice(CITIES))
    return name.strip()


def pick_terms(rng):
    r, acc = rng.random(), 0.0
    for days, share in TERMS:
        acc += share
        if r < acc:
            return days
    return TERMS[-1][0]


def make_clients(rng, m, lo, hi):
    """One tuple per client: (id, name, email, terms, habit, currency, scale,
    retainer_cents, start_ordinal, end_ordinal)."""
    width = max(5, len(str(m)))
    clients, weights = [], []
    for i in range(m):
        cid = "C%0*d" % (width, i + 1)
        name = client_name(rng)
        email = "" if rng.random() < 0.01 else "%s@%s.example.com" % (
            rng.choice(["accounts", "ap", "billing", "finance", "office"]), slug(name))
        hr = rng.random()
        habit = next(h for h, c in enumerate(HABIT_CUM) if hr < c)
        cr = rng.random()
        currency = "USD" if cr < 0.95 else ("EUR" if cr < 0.975 else "GBP")
        scale = math.exp(rng.gauss(0.0, 0.8))             # client size
        retainer = 0
        if rng.random() < 0.10:                           # fixed monthly fee
            retainer = int(rng.choice([250, 500, 750, 1000, 1500, 2500, 4000])) * 100
        start, end = lo, hi                               # active window
        w = rng.random()
        if w < 0.15:
            start = lo + int(rng.random() * (hi - lo) * 0.9)
        elif w < 0.30:
            end = lo + int(rng.random() * (hi - lo) * 0.9) + (hi - lo) // 10
        clients.append((cid, name, email, pick_terms(rng), habit, currency, scale,
                        retainer, start, end))
        weights.append(min(rng.paretovariate(1.16), 300.0))  # a few big clients
    return clients, weights


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--invoices", type=int, default=100000, help="rows in invoices.csv")
    ap.add_argument("--clients", type=int, default=None, help="default: invoices/50")
    ap.add_argument("--as-of", default="2026-11-20", help="YYYY-MM-DD (default 2026-11-20)")
    ap.add_argument("--seed", type=int, default=20261120)
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--balance-only", action="store_true",
                    help="also write invoices-balances.csv: amounts paid and due, no payments")
    args = ap.parse_args()

    t0 = time.time()
    n = args.invoices
    m = args.clients if args.clients else max(1, n // 50)
    rng = random.Random(args.seed)
    aso = date.fromisoformat(args.as_of).toordinal()
    lo, hi = aso - SPAN_DAYS + 1, aso
    os.makedirs(args.out, exist_ok=True)

    # ISO strings for every ordinal that can occur (issue .. due + 60), built once.
    base = lo - 10
    dstr = [date.fromordinal(o).isoformat() for o in range(base, hi + 80)]

    clients, weights = make_clients(rng, m, lo, hi)
    other_ccy = {"USD": ("EUR", "GBP"), "EUR": ("USD", "GBP"), "GBP": ("USD", "EUR")}

    # 1. Who is invoiced when: a client by weight, an issue date in its active window.
    picks = rng.choices(range(m), weights=weights, k=n)
    rand = rng.random
    plan = []
    for ci in picks:
        c = clients[ci]
        d = c[8] + int(rand() * (c[9] - c[8] + 1))
        wd = (d - 1) % 7                  # 0 = Monday ... 5 = Saturday, 6 = Sunday
        if wd >= 5 and rand() < 0.9:      # most invoices go out on weekdays
            d -= wd - 4
        plan.append((d, ci))
    plan.sort()                           # invoice numbers follow issue dates

    # 2. Amounts, due dates and payments, one invoice at a time.
    inv_w = max(6, len(str(n)))
    pays_by_day = [[] for _ in range(hi - base + 1)]   # payments bucketed by date
    n_cn = n_pay = n_open = n_foreign = 0
    inv_no = cn_no = 0
    rows = []
    balances = []  # (amount paid, balance) of each row, for --balance-only
    with open(os.path.join(args.out, "invoices.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["invoice_number", "client_id", "client_name", "client_email",
                    "issue_date", "due_date", "amount", "currency"])
        for issue, ci in plan:
            cid, name, email, terms, habit, ccy, scale, retainer, _, _ = clients[ci]
            if rand() < 0.005:                            # stray foreign-currency invoice
                ccy = other_ccy[ccy][int(rand() * 2)]
            if ccy != "USD":
                n_foreign += 1
            if rand() < 0.015:                            # credit note: negative, no payments
                cn_no += 1
                number = "CN-%0*d" % (inv_w, cn_no)
                cents = -max(500, int(scale * math.exp(rng.gauss(4.5, 0.9)) * 100))
                rows.append((number, cid, name, email, dstr[issue - base],
                             dstr[issue - base], cents_str(cents), ccy))
                if args.balance_only:
                    balances.append((cents_str(0), cents_str(cents)))
                n_cn += 1
                n_open += 1
                continue
            inv_no += 1
            number = "INV-%0*d" % (inv_w, inv_no)
            if retainer:
                cents = retainer
            else:
                cents = max(1000, int(scale * math.exp(rng.gauss(6.7, 0.9)) * 100))
            due = issue + terms
            rows.append((number, cid, name, email, dstr[issue - base], dstr[due - base],
                         cents_str(cents), ccy))

            # Days between due date and the final payment, by habit.
            r = rand()
            never = False
            if habit == PROMPT:
                delay = -12 + int(rand() * 13) if r < 0.95 else 1 + int(rand() * 20)
            elif habit == SOMETIMES:
                delay = -7 + int(rand() * 8) if r < 0.60 else 3 + int(rand() * rand() * 43)
            elif habit == CHRONIC:
                delay = -3 + int(rand() * 4) if r < 0.15 else 10 + int(rand() * 111)
            else:
                never = r < 0.60
                delay = 45 + int(rand() * 196)
            if rand() < 0.01:                             # disputed or forgotten
                never = True
            final = max(issue + 1, due + delay)
            wd = (final - 1) % 7
            if wd >= 5:                                   # paid on a weekday: the Friday
                final -= wd - 4                           # before, or Monday after if
                if final < issue:                         # that precedes the invoice
                    final += 3

            pays = []
            if never:
                if rand() < 0.20:                         # one part payment, then silence
                    part = int(cents * (0.2 + 0.4 * rand()))
                    pays.append((issue + 10 + int(rand() * 50), part))
            elif rand() < 0.08:                           # 2 or 3 instalments
                k = 2 if rand() < 0.7 else 3
                left, span = cents, max(k, final - issue)
                for j in range(1, k):
                    part = int(cents * (0.25 + 0.2 * rand()))
                    left -= part
                    pays.append((issue + span * j // k, part))
                pays.append((final, left))
            else:
                pays.append((final, cents))

            paid = 0
            for d, amt in pays:
                if d <= hi:                               # nothing after the as-of date
                    pays_by_day[d - base].append((number, cents_str(amt)))
                    paid += amt
                    n_pay += 1
            if paid != cents:
                n_open += 1
            if args.balance_only:
                balances.append((cents_str(paid), cents_str(cents - paid)))
            if len(rows) >= 50000:
                w.writerows(rows)
                rows.clear()
        w.writerows(rows)

    if args.balance_only:
        # The invoice rows again, read back from the file just written, with their balances.
        with open(os.path.join(args.out, "invoices.csv"), newline="", encoding="utf-8") as f, \
                open(os.path.join(args.out, "invoices-balances.csv"), "w", newline="",
                     encoding="utf-8") as out:
            reader, w = csv.reader(f), csv.writer(out, lineterminator="\n")
            w.writerow(next(reader) + ["amount_paid", "balance"])
            for row, (paid_text, balance_text) in zip(reader, balances):
                w.writerow(row + [paid_text, balance_text])

    with open(os.path.join(args.out, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["invoice_number", "payment_date", "amount"])
        for i, day in enumerate(pays_by_day):
            if day:
                ds = dstr[i]
                w.writerows((num, ds, amt) for num, amt in day)

    size = lambda fn: os.path.getsize(os.path.join(args.out, fn)) / 1e6
    print("gen_invoices: %d invoices (%d credit notes, %d open, %.1f%% non-USD), %d clients, "
          "%d payments, as-of %s, seed %d -> %s (invoices.csv %.1f MB, payments.csv %.1f MB) "
          "in %.1f s" % (n, n_cn, n_open, 100.0 * n_foreign / max(1, n), m, n_pay, args.as_of,
                         args.seed, args.out, size("invoices.csv"), size("payments.csv"),
                         time.time() - t0))


if __name__ == "__main__":
    main()
