#!/usr/bin/python3
"""Independent reference for `kindly clients --format json` and `kindly forecast --format json`
(python3 standard library only), from the generic invoice and payment files, or from a
balance-only invoice export. Written from the rules below, apart from Kindly's code, so
that the two check each other.

Usage: behaviour_reference.py INVOICES_CSV [PAYMENTS_CSV] --as-of YYYY-MM-DD
Prints {"clients": [...], "forecast": {...}}, each as Kindly prints it.

Rules (DESIGN.md §4-§6, with a grace of 3 days and a window of 365):
- A payment's date is exact when listed; a balance-only export's payment was made by the
  export's day, on a day not known. An invoice is completed by its latest payment; it was
  paid late when even the earliest day that payment can have been made is more than grace
  days past due, on time when even its latest day is not, else its timing is unknown.
- Paid in the window: completed within the 365 days up to as-of. Days late are taken from
  the earliest possible day (never before the issue date), over the invoices whose timing
  is known; days to pay over those paid on a day known exactly.
- Open: issued by as-of, positive balance; credits: negative balances. Per currency the
  client is overdue when what is more than grace days past due exceeds its credits; the
  credits are used against the oldest first, and each open invoice past grace they leave
  owing counts as late by its days past due so far.
- avg_days_late over known paid + open late; on_time_rate = on time / (known + open late);
  trend: the known paid of the last 90 days against the rest, two each, 5 days margin.
- DSO by countback in the main currency (most invoices): what is owed net of credits
  against each calendar month's sales back from as-of (its days so far, then whole months,
  the last in proportion), over 24 months; ADD = DSO - the countback of the part not past
  due (credits used against what is past due first).
- stopped-buying: 4+ distinct issue days (the last 13), as-of - last > twice the median gap.
  stopped-paying: it has paid before, something is overdue, and nothing was paid since the
  oldest overdue invoice fell due for longer than max(60, the median gap between its last
  13 distinct payment days).
- Forecast: a client's credits in a currency are used against its open invoices oldest due
  first; each rest is expected on due + round(avg_days_late) (due without figures); the
  client is at risk, whole, when none of its known paid invoices was on time, or it paid
  nothing in 90 days and owes on an invoice more than 90 days past due.
"""

import argparse
import calendar
import json
import math
import os
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aging_reference as ref  # noqa: E402  (the readers and money text)

GRACE = 3
WINDOW = 365
RECENT = 90
MONTHS = 24
WEEKS = 13
AT_RISK_DAYS = 90
STOPPED_PAYING_DAYS = 60


def round_half_away(x):
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def twice_median_gap(days):
    gaps = sorted((b - a).days for a, b in zip(days, days[1:]))
    mid = len(gaps) // 2
    return 2 * gaps[mid] if len(gaps) % 2 else gaps[mid - 1] + gaps[mid]


def months_back(as_of, day):
    return (as_of.year - day.year) * 12 + as_of.month - day.month


def countback(owed, sales, as_of):
    """Days of sales `owed` covers, counted back month by month; None when nothing sold."""
    if all(s <= 0 for s in sales):
        return None
    days, left, year, month, last_day = 0.0, max(owed, 0), as_of.year, as_of.month, as_of.day
    for sold in sales:
        if left == 0:
            break
        if sold > 0 and left < sold:
            days += float(last_day) * float(left) / float(sold)
            break
        days += last_day
        left -= max(sold, 0)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        last_day = calendar.monthrange(year, month)[1]
    return days


class Client:
    def __init__(self, code):
        self.code = code
        self.name = ""
        self.currencies = {}  # code -> dict of sums
        self.paid = self.late = self.unknown = 0
        self.days_late = self.days_to_pay = self.dated = 0
        self.recent = self.recent_late_days = 0
        self.issue_days = set()
        self.payment_days = set()
        self.last_payment = None

    def currency(self, code):
        return self.currencies.setdefault(code, {
            "invoices": 0, "sales": [0] * MONTHS, "owed": 0, "past_due": 0, "past_grace": 0,
            "credits": 0, "late_open": [], "open": []})


def behaviour(invoices, payments, as_of):
    paid, last, earliest = {}, {}, {}
    for number, day, cents, first in payments:
        if day > as_of:
            continue
        paid[number] = paid.get(number, 0) + cents
        last[number] = max(last.get(number, day), day)
        known = earliest.get(number, first)
        earliest[number] = None if first is None or known is None else max(known, first)

    clients = {}
    for inv in invoices:
        client = clients.setdefault(inv["client"], Client(inv["client"]))
        client.name = inv["name"]
        number, amount, due, issue = inv["number"], inv["amount"], inv["due"], inv["issue"]
        got = paid.get(number, 0)
        if amount > 0 and got > 0:
            client.payment_days.add(last[number])
            client.last_payment = max(client.last_payment or last[number], last[number])
        if issue <= as_of:
            c = client.currency(inv["currency"])
            if amount > 0:
                c["invoices"] += 1
                m = months_back(as_of, issue)
                if m < MONTHS:
                    c["sales"][m] += amount
                client.issue_days.add(issue)
            balance = amount - got
            if balance < 0:
                c["credits"] += balance
            elif balance > 0:
                c["owed"] += balance
                c["open"].append((due, number, balance))
                if due < as_of:
                    c["past_due"] += balance
                if (as_of - due).days > GRACE:
                    c["past_grace"] += balance
                    c["late_open"].append((due, balance))
        if amount <= 0 or got < amount or (as_of - last[number]).days >= WINDOW:
            continue
        client.paid += 1
        completed, first = last[number], earliest[number]
        if (completed - due).days <= GRACE:
            late = False
        elif first is not None and (first - due).days > GRACE:
            late = True
        else:
            client.unknown += 1
            continue
        start = max(first, issue) if first is not None else issue
        days_late = max((start - due).days, 0)
        client.late += late
        client.days_late += days_late
        if first == completed:  # paid on a day known exactly
            client.dated += 1
            client.days_to_pay += (completed - issue).days
        if (as_of - completed).days < RECENT:
            client.recent += 1
            client.recent_late_days += days_late
    return clients


def figures(client, as_of):
    """The client's entry of `kindly clients --format json`, and the raw average lateness."""
    # The open invoices past grace the credits leave owing, credits used oldest first.
    late = {}  # currency -> [(due, balance)] still owed
    for code, c in client.currencies.items():
        credit, owing = -c["credits"], []
        for due, balance in sorted(c["late_open"]):
            if credit >= balance:
                credit -= balance
            else:
                credit = 0
                owing.append(due)
        if owing:
            late[code] = owing
    overdue = late
    open_late = sum(len(dues) for dues in late.values())
    open_days = sum((as_of - due).days for dues in late.values() for due in dues)
    known = client.paid - client.unknown
    judged = known + open_late
    avg_late = (client.days_late + open_days) / judged if judged else None
    trend = ""
    earlier = known - client.recent
    if client.recent >= 2 and earlier >= 2:
        recent_avg = client.recent_late_days / client.recent
        earlier_avg = (client.days_late - client.recent_late_days) / earlier
        trend = ("improving" if recent_avg <= earlier_avg - 5 else
                 "worse" if recent_avg >= earlier_avg + 5 else "steady")
    main = None
    for code in sorted(client.currencies):
        if client.currencies[code]["invoices"] > (client.currencies[main]["invoices"]
                                                  if main else 0):
            main = code
    dso = add = None
    if main:
        c = client.currencies[main]
        owed = max(c["owed"] + c["credits"], 0)
        past_due = max(c["past_due"] + c["credits"], 0)
        days = countback(owed, c["sales"], as_of)
        if days is not None:
            dso = round_half_away(days)
            add = round_half_away(days - countback(owed - past_due, c["sales"], as_of))
    flags = []
    if overdue:
        flags.append("overdue")
    if client.late >= 2:
        flags.append("repeat-late")
    issue_days = sorted(client.issue_days)[-13:]
    if len(issue_days) >= 4 and (as_of - issue_days[-1]).days > twice_median_gap(issue_days):
        flags.append("stopped-buying")
    pay_days = sorted(client.payment_days)[-13:]
    if overdue and pay_days:
        since = min(dues[0] for dues in overdue.values())
        usual = STOPPED_PAYING_DAYS
        if len(pay_days) >= 2:
            usual = max(usual, twice_median_gap(pay_days) // 2)
        if (as_of - max(pay_days[-1], since)).days > usual:
            flags.append("stopped-paying")

    def one_decimal(x):
        return None if x is None else float("%.1f" % x)

    entry = {
        "client": client.code,
        "name": client.name,
        "balance": {code: ref.cents_str(c["owed"] + c["credits"])
                    for code, c in sorted(client.currencies.items())
                    if c["owed"] + c["credits"] != 0},
        "main_currency": main,
        "invoices_paid": client.paid,
        "late_paid": client.late,
        "timing_unknown": client.unknown,
        "open_late": open_late,
        "avg_days_late": one_decimal(avg_late),
        "avg_days_to_pay": one_decimal(client.days_to_pay / client.dated if client.dated else None),
        "on_time_rate": float("%.2f" % ((known - client.late) / judged)) if judged else None,
        "trend": trend,
        "dso": dso,
        "add": add,
        "last_payment": client.last_payment.isoformat() if client.last_payment else None,
        "flags": flags,
    }
    return entry, avg_late


def forecast(clients, as_of):
    zero = lambda: {"overdue": 0, "weeks": [0] * WEEKS, "later": 0, "at_risk": 0, "total": 0}
    sums, invoices = {}, []
    for code in sorted(clients):
        client = clients[code]
        entry, avg_late = figures(client, as_of)
        expected = []
        for currency in sorted(client.currencies):
            c = client.currencies[currency]
            credit = -c["credits"]
            for due, number, balance in sorted(c["open"]):
                used = min(credit, balance)
                credit -= used
                if balance - used > 0:
                    expected.append((currency, due, number, balance - used, used))
        if not expected:
            continue
        known = entry["invoices_paid"] - entry["timing_unknown"]
        oldest = max(0, max((as_of - due).days for _, due, _, _, _ in expected))
        paid_lately = (client.last_payment is not None
                       and (as_of - client.last_payment).days <= AT_RISK_DAYS)
        at_risk = ((known > 0 and entry["late_paid"] == known)
                   or (not paid_lately and oldest > AT_RISK_DAYS))
        for currency, due, number, balance, used in expected:
            s = sums.setdefault(currency, zero())
            s["total"] += balance
            when = due + timedelta(days=round_half_away(avg_late) if avg_late is not None else 0)
            days = (when - as_of).days
            if at_risk:
                column = "at risk"
                s["at_risk"] += balance
            elif days < 0:
                column = "overdue"
                s["overdue"] += balance
            elif days // 7 < WEEKS:
                column = "week %d" % (days // 7 + 1)
                s["weeks"][days // 7] += balance
            else:
                column = "later"
                s["later"] += balance
            invoices.append({"client": code, "name": client.name, "invoice": number,
                             "currency": currency, "balance": ref.cents_str(balance),
                             "credited": ref.cents_str(used), "due": due.isoformat(),
                             "expected": when.isoformat(), "promised": False,
                             "column": column})
    weeks = [{"week": w + 1, "from": (as_of + timedelta(days=7 * w)).isoformat(),
              "to": (as_of + timedelta(days=7 * w + 6)).isoformat()} for w in range(WEEKS)]
    return {
        "as_of": as_of.isoformat(),
        "weeks": weeks,
        "currencies": [{"currency": code,
                        "overdue": ref.cents_str(s["overdue"]),
                        "weeks": [ref.cents_str(x) for x in s["weeks"]],
                        "later": ref.cents_str(s["later"]),
                        "at_risk": ref.cents_str(s["at_risk"]),
                        "total": ref.cents_str(s["total"])} for code, s in sorted(sums.items())],
        "invoices": invoices,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("invoices", help="generic invoices CSV")
    ap.add_argument("payments", nargs="?", help="generic payments CSV (none: balance-only)")
    ap.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    args = ap.parse_args()
    as_of = ref.to_date(args.as_of, "--as-of")
    payments = (ref.read_payments(args.payments) if args.payments
                else ref.payments_from_balances(args.invoices, as_of))
    clients = behaviour(ref.read_invoices(args.invoices), payments, as_of)
    listed = {code: c for code, c in clients.items() if c.currencies}
    json.dump({"clients": [figures(listed[code], as_of)[0] for code in sorted(listed)],
               "forecast": forecast(listed, as_of)}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
