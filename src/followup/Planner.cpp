// One decision per client, in this order: chase what is overdue (or resolve a dispute about
// it), else thank a late payer who paid on time, else give a late payer a heads-up before a
// due date or plan the first reminder, else check in with a client who stopped buying.
#include "followup/Planner.h"

#include <algorithm>
#include <set>

namespace kindly::followup {

namespace {

bool isTouchPoint(const std::string& step) {
  return step == kHeadsUp || step == kThankYou || step == kCheckIn;
}

// The invoices the client owes in a currency where its net balance is positive: a credit
// that covers what it owes in a currency settles that currency.
std::vector<OwedInvoice> chasedInvoices(const ClientSituation& client) {
  std::vector<OwedInvoice> chased;
  for (const auto& invoice : client.invoices) {
    const auto net = client.balance.find(invoice.balance.currency());
    if (net != client.balance.end() && net->second.minorUnits() > 0) chased.push_back(invoice);
  }
  std::stable_sort(chased.begin(), chased.end(), [](const auto& a, const auto& b) {
    return a.due != b.due ? a.due < b.due : a.number < b.number;
  });
  return chased;
}

// The oldest of the chased invoices that the client's credits, used against the oldest first
// in each currency, leave owing: the ladder counts from its due date.
const OwedInvoice& oldestOwing(const ClientSituation& client,
                               const std::vector<OwedInvoice>& chased) {
  money::Totals credit;  // per currency: what the invoices add up to beyond the net balance
  for (const auto& invoice : chased) money::addTo(credit, invoice.balance);
  for (auto& [currency, amount] : credit) amount -= client.balance.at(currency);
  for (const auto& invoice : chased) {
    money::Money& left = credit.at(invoice.balance.currency());
    if (left.minorUnits() < invoice.balance.minorUnits()) return invoice;
    left -= invoice.balance;
  }
  return chased.back();  // unreachable: the net balances are positive
}

// No email on file: what would be emailed is posted as a letter instead.
std::vector<Channel> reachable(std::vector<Channel> channels, const ClientSituation& client) {
  if (!client.email.empty()) return channels;
  std::vector<Channel> out;
  for (Channel channel : channels) {
    if (channel == Channel::Email) channel = Channel::Letter;
    if (std::find(out.begin(), out.end(), channel) == out.end()) out.push_back(channel);
  }
  return out;
}

// The first business day on or after `wanted`, the as-of date and the end of the gap after
// the last contact of any kind.
dates::Date earliestDay(dates::Date wanted, const ClientSituation& client, dates::Date asOf,
                        const Cadence& cadence) {
  dates::Date day = std::max(wanted, asOf);
  if (!client.contacts.empty()) {
    day = std::max(day, client.contacts.back().day.plusDays(cadence.minGapDays));
  }
  return cadence.calendar.onOrAfter(day);
}

std::string plural(int n, const std::string& one) {
  return std::to_string(n) + ' ' + one + (n == 1 ? "" : "s");
}

// About how many days after the step at `taken` (0 for the first) the one after it comes.
int stepAfter(std::size_t taken, const Cadence& cadence) {
  const auto& ladder = cadence.ladder;
  const int gap = taken + 1 < ladder.size() ? cadence.daysAfterDue(ladder[taken + 1]) -
                                                  cadence.daysAfterDue(ladder[taken])
                                            : cadence.repeatEveryDays;
  return std::max(gap, cadence.minGapDays);
}

// From `day` to the business day `gap` days later.
int daysToNext(dates::Date day, int gap, const Cadence& cadence) {
  return cadence.calendar.onOrAfter(day.plusDays(gap)) - day;
}

FollowUp chase(const ClientSituation& client, const std::vector<OwedInvoice>& chased,
               const OwedInvoice& oldest, dates::Date asOf, const Cadence& cadence) {
  const dates::Date anchor = oldest.due;
  // Contacts made since the oldest overdue invoice fell due are the steps already taken. A step
  // is one follow-up whatever its channels and however often it is logged: the email and the
  // letter of a statement, or a call logged twice, take one step.
  std::vector<dates::Date> made;
  std::set<std::string> stepsTaken;
  for (const auto& contact : client.contacts) {
    if (contact.day <= anchor || isTouchPoint(contact.step)) continue;
    if (!contact.step.empty() && !stepsTaken.insert(contact.step).second) continue;
    made.push_back(contact.day);
  }
  const std::size_t taken = made.size();
  FollowUp next;
  dates::Date wanted;
  if (taken < cadence.ladder.size()) {
    const LadderStep& step = cadence.ladder[taken];
    next.step = step.name;
    next.channels = step.channels;
    wanted = anchor.plusDays(cadence.daysAfterDue(step));
    // Never further from the last step taken than the ladder puts them (the oldest overdue
    // invoice may have been paid, and a younger one's due date taken its place).
    if (taken > 0) {
      const int gap = cadence.daysAfterDue(step) - cadence.daysAfterDue(cadence.ladder[taken - 1]);
      wanted = std::min(wanted, made.back().plusDays(gap));
    }
  } else {
    // Past the ladder: for ever, alternating email and call.
    const std::size_t n = taken - cadence.ladder.size() + 1;
    next.step = "persistent-" + std::to_string(n);
    next.channels = {n % 2 == 1 ? Channel::Email : Channel::Call};
    wanted = made.back().plusDays(cadence.repeatEveryDays);
  }
  if (client.stoppedPaying) {
    // Mail has gone unanswered in money: a person's voice, never a harsher word. The step
    // keeps its place on the ladder; only its channel changes.
    next.channels = {Channel::Call};
  }
  next.channels = reachable(next.channels, client);
  next.purpose = client.disputed ? Purpose::Resolve : Purpose::Chase;
  next.invoices = chased;
  next.date = earliestDay(wanted, client, asOf, cadence);
  next.reason = oldest.number + " is " + plural(asOf - anchor, "day") + " overdue; " +
                plural(static_cast<int>(taken), "follow-up") + " made";
  if (client.disputed) next.reason += "; a dispute stands: let's resolve it";
  if (client.stoppedPaying) {
    next.reason += client.lastPayment
                       ? "; nothing paid since " + client.lastPayment->iso() + ": a personal call"
                       : "; nothing paid for a while: a personal call";
  }
  if (client.promisedUntil && *client.promisedUntil >= asOf) {
    // The client said when it would pay: wait until the promise and its grace have passed.
    next.date = std::max(next.date, cadence.calendar.onOrAfter(client.promisedUntil->plusDays(1)));
    next.reason += "; paused for a promise to pay, until " + client.promisedUntil->iso();
  }
  // The step after this one comes its gap after this one, or on its own day after the due
  // date if that is sooner (as `wanted` above), never within the minimum gap.
  int gap = stepAfter(taken, cadence);
  if (taken + 1 < cadence.ladder.size()) {
    const auto ownDay = anchor.plusDays(cadence.daysAfterDue(cadence.ladder[taken + 1]));
    gap = std::max(std::min(gap, ownDay - next.date), cadence.minGapDays);
  }
  next.thenAfterDays = daysToNext(next.date, gap, cadence);
  return next;
}

std::optional<FollowUp> thankYou(const ClientSituation& client, dates::Date asOf,
                                 const Cadence& cadence) {
  if (!client.repeatLate || !client.lastPaidOnTime) return std::nullopt;
  const dates::Date paid = *client.lastPaidOnTime;
  if (asOf - paid > kThankYouWithinDays) return std::nullopt;
  for (const auto& contact : client.contacts) {
    if (contact.step == kThankYou && contact.day >= paid) return std::nullopt;
  }
  return FollowUp{.date = earliestDay(asOf, client, asOf, cadence),
                  .purpose = Purpose::ThankYou,
                  .step = kThankYou,
                  .channels = reachable({Channel::Email}, client),
                  .invoices = {},
                  .reason = "paid on time on " + paid.iso() + ": thank you"};
}

std::optional<FollowUp> checkIn(const ClientSituation& client, dates::Date asOf,
                                const Cadence& cadence) {
  if (!client.stoppedBuying) return std::nullopt;
  for (const auto& contact : client.contacts) {
    if (contact.step == kCheckIn && asOf - contact.day < kCheckInEveryDays) return std::nullopt;
  }
  return FollowUp{.date = earliestDay(asOf, client, asOf, cadence),
                  .purpose = Purpose::CheckIn,
                  .step = kCheckIn,
                  .channels = reachable({Channel::Email}, client),
                  .invoices = {},
                  .reason = "a regular client who has not bought lately: check in"};
}

// Nothing overdue yet: a repeat-late client hears a heads-up before the next due date; every
// other client's next follow-up is the first reminder, once the grace days are past.
FollowUp beforeDue(const ClientSituation& client, const std::vector<OwedInvoice>& chased,
                   const OwedInvoice& first, dates::Date asOf, const Cadence& cadence) {
  const LadderStep& step = cadence.ladder.front();
  const auto firstReminder =
      earliestDay(first.due.plusDays(cadence.daysAfterDue(step)), client, asOf, cadence);
  if (client.repeatLate) {
    const bool told = std::any_of(client.contacts.begin(), client.contacts.end(), [&](auto& c) {
      return c.step == kHeadsUp && c.day >= first.issued;
    });
    const auto day =
        earliestDay(first.due.plusDays(-cadence.headsUpDaysBefore), client, asOf, cadence);
    if (!told && day < first.due) {
      return FollowUp{
          .date = day,
          .purpose = Purpose::HeadsUp,
          .step = kHeadsUp,
          .channels = reachable({Channel::Email}, client),
          .invoices = chased,
          .reason = first.number + " falls due on " + first.due.iso() + ": a friendly heads-up",
          .thenAfterDays = firstReminder - day};
    }
  }
  return FollowUp{.date = firstReminder,
                  .purpose = client.disputed ? Purpose::Resolve : Purpose::Chase,
                  .step = step.name,
                  .channels = reachable(step.channels, client),
                  .invoices = chased,
                  .reason = first.number + " falls due on " + first.due.iso(),
                  .thenAfterDays = daysToNext(firstReminder, stepAfter(0, cadence), cadence)};
}

}  // namespace

std::string_view purposeName(Purpose purpose) {
  switch (purpose) {
    case Purpose::Chase:
      return "chase";
    case Purpose::Resolve:
      return "resolve";
    case Purpose::HeadsUp:
      return "heads-up";
    case Purpose::ThankYou:
      return "thank-you";
    case Purpose::CheckIn:
      return "check-in";
  }
  return "chase";
}

std::optional<FollowUp> nextFollowUp(const ClientSituation& client, dates::Date asOf,
                                     const Cadence& cadence) {
  const auto chased = chasedInvoices(client);
  const OwedInvoice* oldest = chased.empty() ? nullptr : &oldestOwing(client, chased);
  if (oldest && oldest->due < asOf) return chase(client, chased, *oldest, asOf, cadence);
  if (auto thanks = thankYou(client, asOf, cadence)) return thanks;
  if (oldest) return beforeDue(client, chased, *oldest, asOf, cadence);
  return checkIn(client, asOf, cadence);
}

}  // namespace kindly::followup
