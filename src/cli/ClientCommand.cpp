// `kindly client ID`: one client's story as of a date — who they are and what they owe, then
// everything that happened, oldest first, then what is open and how they pay.
#include <algorithm>
#include <cmath>
#include <set>

#include "aging/AgingEngine.h"
#include "aging/ClientBehavior.h"
#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/ContactText.h"
#include "cli/Settings.h"
#include "reports/ClientsOutput.h"
#include "store/ClientLedger.h"
#include "store/Contacts.h"
#include "store/WriteOffs.h"

namespace kindly::cli {

namespace {

struct Event {
  dates::Date day;
  std::string text;
};

std::string amountText(const money::Money& amount) {
  return amount.toDecimal() + ' ' + amount.currency().code();
}

// The timeline, oldest first. On one day invoices come first, then payments, contacts and
// write-offs, each in the order the ledger holds them: a stable sort of the lists in that
// order keeps the output the same for the same ledger.
std::vector<Event> timeline(store::Database& ledger, const store::ClientRef& client,
                            dates::Date asOf) {
  std::vector<Event> events;
  store::ClientLedger clients(ledger);
  for (const auto& invoice : clients.invoices(client.id, asOf)) {
    std::string text = invoice.amount.isNegative()
                           ? "credit note " + invoice.number + ": " + amountText(invoice.amount)
                           : "invoice " + invoice.number + ": " + amountText(invoice.amount) +
                                 ", due " + invoice.dueDate.iso();
    if (!invoice.status.empty()) text += " (" + invoice.status + ")";
    events.push_back({invoice.issueDate, std::move(text)});
  }
  for (const auto& payment : clients.payments(client.id, asOf)) {
    // A credit note's application is one event, told from the invoice's side.
    if (payment.reference.starts_with(store::kAppliedToReference)) continue;
    if (payment.reference.starts_with(store::kCreditNoteReference)) {
      events.push_back({payment.day, payment.invoiceNumber + " settled by " + payment.reference +
                                         ": " + amountText(payment.amount)});
      continue;
    }
    std::string text = "payment on " + payment.invoiceNumber + ": " + amountText(payment.amount);
    if (!payment.reference.empty()) text += ", ref " + payment.reference;
    if (payment.dateKnown == store::DateKnown::Unknown) {
      text += " (inferred: paid by this day, on a day not known)";
    } else if (payment.dateKnown == store::DateKnown::Bounded && payment.paidAfter) {
      text += " (inferred: paid after " + payment.paidAfter->iso() + ", by this day)";
    } else if (payment.inferred) {
      text += " (inferred)";
    }
    events.push_back({payment.day, std::move(text)});
  }
  // Each contact with its number, for `kindly log CODE --retract N`; one withdrawn stays in
  // the story, said to be withdrawn, and counts nowhere.
  for (const auto& record : store::ContactLog(ledger).forClient(client.id, asOf)) {
    std::string text = describeContact(record);
    if (!record.invoiceNumber.empty()) text = record.invoiceNumber + ": " + text;
    text += " [#" + std::to_string(record.id);
    if (record.retractedDay) {
      text += ", withdrawn on " + record.retractedDay->iso();
      if (!record.retractReason.empty()) text += ": " + record.retractReason;
    }
    events.push_back({record.day, text + "]"});
  }
  std::vector<Event> undone;
  for (const auto& writeOff : store::WriteOffLog(ledger).forClient(client.id, asOf)) {
    events.push_back({writeOff.day, writeOff.invoiceNumber + " written off: " + writeOff.reason});
    if (writeOff.undoneDay) {
      undone.push_back({*writeOff.undoneDay, "write-off of " + writeOff.invoiceNumber +
                                                 " undone: " + writeOff.undoReason});
    }
  }
  events.insert(events.end(), undone.begin(), undone.end());
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.day < b.day; });
  return events;
}

// The behaviour figures of `kindly clients`, in a sentence or two.
void writeFigures(std::ostream& out, const aging::ClientBehavior& figures, int windowDays) {
  out << "Paid in the last " << windowDays << " days: " << figures.invoicesPaid
      << (figures.invoicesPaid == 1 ? " invoice, " : " invoices, ") << figures.latePaid << " late";
  if (figures.timingUnknown > 0) out << ", " << figures.timingUnknown << " unknown";
  if (figures.openLate > 0) {
    out << "; open and late so far: " << figures.openLate
        << (figures.openLate == 1 ? " invoice" : " invoices");
  }
  if (figures.avgDaysLate) {
    out << "; on average " << reports::daysText(figures.avgDaysLate) << " days late";
    if (figures.avgDaysToPay)
      out << " and " << reports::daysText(figures.avgDaysToPay) << " days to pay";
    out << "; " << std::lround(figures.onTimeRate.value_or(0) * 100) << "% on time";
  }
  if (!figures.trend.empty()) out << "; trend " << figures.trend;
  if (figures.dso) out << "; DSO " << *figures.dso << " days";
  if (figures.add) out << ", ADD " << *figures.add << " days";
  if (figures.lastPayment) out << "; last payment " << figures.lastPayment->iso();
  out << '\n';
}

std::string overdueText(const aging::OpenInvoice& invoice, dates::Date asOf) {
  if (invoice.balance.isNegative()) return "credit";
  const int days = asOf - invoice.dueDate;
  if (days > 0) return std::to_string(days) + (days == 1 ? " day" : " days") + " overdue";
  if (days == 0) return "due today";
  return "not yet due";
}

}  // namespace

int ClientCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) throw UsageError("client takes one client code; usage: kindly " + usage());
  auto options = agingOptions(context.config);
  auto& ledger = context.ledger();
  const auto client = store::ClientLedger(ledger).findClient(args.front());
  if (!client) throw UsageError("no client '" + args.front() + "' in the ledger");
  options.client = client->code;

  aging::AgingEngine engine(ledger);
  std::vector<aging::OpenInvoice> open = engine.openInvoices(options);
  // The aging counts invoices issued after the as-of date apart; the story of a client as of
  // a day leaves them out, like every other later event.
  std::erase_if(open, [](const auto& invoice) { return invoice.notYetIssued; });
  const auto behaviors = aging::clientBehaviors(ledger, options);
  const auto behavior = std::find_if(behaviors.begin(), behaviors.end(),
                                     [&](const auto& b) { return b.clientCode == client->code; });

  auto& out = context.out;
  out << oneLine(client->code) << ' ' << oneLine(client->name);
  if (!client->email.empty()) out << " <" << oneLine(client->email) << '>';
  money::Totals balance;
  for (const auto& invoice : open) money::addTo(balance, invoice.balance);
  out << "\nBalance as of " << options.asOf.iso() << ':';
  const char* separator = " ";
  for (const auto& [currency, amount] : balance) {
    out << separator << amountText(amount);
    separator = ", ";
  }
  out << (balance.empty() ? " nothing owed\n" : "\n");
  if (behavior != behaviors.end()) writeFigures(out, *behavior, options.lateWindowDays);
  out << '\n';
  const auto events = timeline(ledger, *client, options.asOf);
  for (const auto& event : events) out << event.day.iso() << "  " << oneLine(event.text) << '\n';
  if (events.empty()) out << "Nothing recorded by " << options.asOf.iso() << ".\n";

  out << "\nOpen invoices:" << (open.empty() ? " none\n" : "\n");
  std::size_t width = 0;
  for (const auto& invoice : open) width = std::max(width, oneLine(invoice.number).size());
  for (const auto& invoice : open) {
    const std::string number = oneLine(invoice.number);
    out << "  " << number << std::string(width - std::min(width, number.size()), ' ') << "  due "
        << invoice.dueDate.iso() << "  " << amountText(invoice.balance) << "  "
        << overdueText(invoice, options.asOf) << '\n';
  }
  const std::vector<std::string> none;
  const auto& flags = behavior != behaviors.end() ? behavior->flags : none;
  out << "Flags:";
  for (const auto& flag : flags) out << ' ' << flag;
  out << (flags.empty() ? " none\n" : "\n");
  return kDone;
}

}  // namespace kindly::cli
