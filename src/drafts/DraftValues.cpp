// Formatting for readers: grouped amounts, "3 days past due", dates written out in letters,
// and a greeting that never leaves a blank where a name should be.
#include "drafts/DraftValues.h"

#include <algorithm>
#include <array>

#include "base/Text.h"
#include "drafts/EmailMessage.h"

namespace kindly::drafts {

namespace {

// A value that may span lines (payment instructions, a signature): line breaks are kept as
// "\n", other control characters become spaces.
std::string multiLine(std::string_view text) {
  std::string out;
  const std::string valid = repairUtf8(text);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += '\n';
    } else if (byte < 0x20 || byte == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return std::string(trim(out));
}

std::string daysOverdueText(int days) {
  if (days > 1) return std::to_string(days) + " days past due";
  if (days == 1) return "1 day past due";
  if (days == 0) return "due today";
  if (days == -1) return "due tomorrow";
  return "due in " + std::to_string(-days) + " days";
}

// "20 November 2026": a letter's date, unambiguous in every country.
std::string longDate(dates::Date day) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(day.day()) + " " + kMonths[static_cast<std::size_t>(day.month() - 1)] +
         " " + std::to_string(day.year());
}

// The client code as one shell word, for the `kindly log` line of a call script.
std::string shellWord(std::string_view text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
  if (plain) return std::string(text);
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The address replies reach: Reply-To when it is usable, else From's.
std::string replyAddress(const Sender& sender) {
  if (const auto mailbox = parseMailbox(sender.replyTo)) return mailbox->address;
  if (const auto mailbox = parseMailbox(sender.from)) return mailbox->address;
  return "";
}

bool talksMoney(followup::Purpose purpose) {
  return purpose != followup::Purpose::ThankYou && purpose != followup::Purpose::CheckIn;
}

mstch::array invoiceRows(const Reminder& reminder, dates::Date asOf) {
  mstch::array rows;
  for (const followup::OwedInvoice& invoice : reminder.invoices) {
    const int days = asOf - invoice.due;
    rows.push_back(mstch::map{
        {"number", oneLine(invoice.number)},
        {"issue_date", invoice.issued.iso()},
        {"due_date", invoice.due.iso()},
        {"days_overdue", std::to_string(std::max(days, 0))},
        {"is_overdue", days > 0},
        {"days_overdue_text", daysOverdueText(days)},
        {"balance", formatAmount(invoice.balance)},
    });
  }
  return rows;
}

// One total per currency of the invoices listed: what is owed in it net of credits, and the
// credits taken off when they make it differ from the invoices' sum.
mstch::array totalRows(const Reminder& reminder, std::string& totalText, bool& anyCredit) {
  money::Totals invoiced;
  for (const followup::OwedInvoice& invoice : reminder.invoices) {
    money::addTo(invoiced, invoice.balance);
  }
  mstch::array rows;
  for (const auto& [currency, sum] : invoiced) {
    const auto net = reminder.balance.find(currency);
    const money::Money owed = net == reminder.balance.end() ? sum : net->second;
    const money::Money credit = owed - sum;
    anyCredit = anyCredit || !credit.isZero();
    rows.push_back(mstch::map{{"currency", currency.code()},
                              {"amount", formatAmount(owed)},
                              {"invoiced", formatAmount(sum)},
                              {"credit", formatAmount(credit)},
                              {"has_credit", !credit.isZero()}});
    totalText += (totalText.empty() ? "" : " and ") + formatAmount(owed);
  }
  return rows;
}

}  // namespace

std::string formatAmount(const money::Money& amount) {
  const std::string decimal = amount.toDecimal();
  const bool negative = !decimal.empty() && decimal.front() == '-';
  const std::string magnitude = negative ? decimal.substr(1) : decimal;
  const std::size_t point = magnitude.find('.');
  const std::string whole = magnitude.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : magnitude.substr(point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return amount.currency().code() + " " + (negative ? "-" : "") + grouped + fraction;
}

namespace {

// The persistent emails take turns among three wordings, so that a client who hears from us
// every four weeks does not read the same note twice in a row: persistent-1 and -2 (an email
// and a call) are turn 1, -3 and -4 turn 2, -5 and -6 turn 3, -7 turn 1 again. Every other
// step is turn 1.
int turnOf(std::string_view step) {
  constexpr std::string_view kPersistent = "persistent-";
  if (!step.starts_with(kPersistent)) return 1;
  int n = 0;
  for (const char c : step.substr(kPersistent.size())) {
    if (c < '0' || c > '9' || n > 100000) return 1;
    n = n * 10 + (c - '0');
  }
  return n < 1 ? 1 : (n - 1) / 2 % 3 + 1;
}

}  // namespace

std::string timeFrame(dates::Date day, int days) {
  if (days <= 0) return "soon";
  const auto monday = [](dates::Date d) { return d.plusDays(-static_cast<int>(d.weekday())); };
  const int weeks = (monday(day.plusDays(days)) - monday(day)) / 7;
  if (weeks == 0) return "later this week";
  if (weeks == 1) return "next week";
  if (weeks == 2) return "in a couple of weeks";
  if (weeks <= 5) return "in a few weeks";
  return "in a month or two";
}

std::string greetingFor(std::string_view contactName, std::string_view clientName) {
  const std::string contact = oneLine(contactName);
  if (!contact.empty()) return "Dear " + contact;
  const std::string client = oneLine(clientName);
  if (!client.empty()) return "Hello " + client + " team";
  return "Hello there";
}

mstch::map draftValues(const Reminder& reminder, const Sender& sender, dates::Date asOf,
                       followup::Channel channel) {
  const bool talksOfMoney = talksMoney(reminder.purpose);
  std::string totalText;
  bool anyCredit = false;
  const mstch::array invoices = talksOfMoney ? invoiceRows(reminder, asOf) : mstch::array{};
  const mstch::array totals =
      talksOfMoney ? totalRows(reminder, totalText, anyCredit) : mstch::array{};
  const std::string name = oneLine(reminder.clientName);
  const std::string contact = oneLine(reminder.contactName);
  const std::string email = oneLine(reminder.email);
  const std::string company = oneLine(sender.companyName);
  const std::string signature = multiLine(sender.signature);
  const std::string instructions = talksOfMoney ? multiLine(sender.paymentInstructions) : "";
  const std::string reply = replyAddress(sender);
  const bool listsInvoices = talksOfMoney && !reminder.invoices.empty();
  const auto uses = [&](followup::Channel other) {
    return std::find(reminder.channels.begin(), reminder.channels.end(), other) !=
           reminder.channels.end();
  };
  return mstch::map{
      {"greeting", greetingFor(reminder.contactName, reminder.clientName)},
      {"contact", contact},
      {"has_contact", !contact.empty()},
      {"name", name},
      {"has_name", !name.empty()},
      {"client", oneLine(reminder.clientCode)},
      {"log_client", shellWord(oneLine(reminder.clientCode))},
      {"email", email},
      {"has_email", !email.empty()},
      {"company", company},
      {"has_company", !company.empty()},
      {"signature", signature},
      {"has_signature", !signature.empty()},
      {"reply_address", reply},
      {"has_reply_address", !reply.empty()},
      {"payment_instructions", instructions},
      {"has_payment_instructions", !instructions.empty()},
      {"as_of", asOf.iso()},
      {"as_of_long", longDate(asOf)},
      {"balances_as_at", reminder.balancesAsAt.value_or(asOf).iso()},
      {"balances_as_at_long", longDate(reminder.balancesAsAt.value_or(asOf))},
      {"next_contact", timeFrame(asOf, reminder.thenAfterDays)},
      {"turn_1", turnOf(reminder.step) == 1},
      {"turn_2", turnOf(reminder.step) == 2},
      {"turn_3", turnOf(reminder.step) == 3},
      {"purpose", std::string(followup::purposeName(reminder.purpose))},
      {"step", oneLine(reminder.step)},
      {"channel", std::string(followup::channelName(channel))},
      {"also_by_email", channel != followup::Channel::Email && uses(followup::Channel::Email)},
      {"also_by_letter", channel != followup::Channel::Letter && uses(followup::Channel::Letter)},
      {"reason", oneLine(reminder.reason)},
      {"invoices", invoices},
      {"has_invoices", listsInvoices},
      {"invoice_count", std::to_string(listsInvoices ? reminder.invoices.size() : 0)},
      {"one_invoice", listsInvoices && reminder.invoices.size() == 1},
      {"first_invoice", listsInvoices ? oneLine(reminder.invoices.front().number) : ""},
      {"log_invoice",
       listsInvoices ? shellWord(oneLine(reminder.invoices.front().number)) : std::string()},
      {"first_due_date", listsInvoices ? reminder.invoices.front().due.iso() : ""},
      {"totals", totals},
      {"total_text", totalText},
      {"has_credit", anyCredit},
  };
}

}  // namespace kindly::drafts
