// Rendering a reminder with mstch: the values offered to the templates are prepared here,
// already cleaned and formatted, so a template only arranges words around them.
#include "drafts/Templates.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mstch/mstch.hpp>
#include <utility>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/BuiltinTemplates.h"

namespace kindly::drafts {

namespace {

// A one-line value (a name, a company): control characters, line breaks included, become
// spaces and runs of spaces collapse, so a stray CR/LF cannot reshape the letter.
std::string oneLine(std::string_view text) {
  std::string out;
  for (const char c : repairUtf8(text)) {
    const auto byte = static_cast<unsigned char>(c);
    const bool space = byte < 0x20 || byte == 0x7F || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

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

// "USD 1,234.50": toDecimal()'s exact digits with thousands grouped for the reader.
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

std::string daysOverdueText(int days) {
  if (days > 1) return std::to_string(days) + " days past due";
  if (days == 1) return "1 day past due";
  if (days == 0) return "due today";
  if (days == -1) return "due tomorrow";
  return "due in " + std::to_string(-days) + " days";
}

std::string readFile(const std::filesystem::path& path) {
  std::error_code error;
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, error) || !in) {
    throw Error("cannot read template " + path.string());
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw Error("cannot read template " + path.string());
  return text;
}

const std::string kNoTemplate;

}  // namespace

Templates::Templates() : templates_(builtinTemplates()) {}

Templates Templates::withOverrides(const std::string& folder) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    throw Error("templates folder not found or not a folder: " + folder);
  }
  Templates templates;
  for (auto& [name, text] : templates.templates_) {
    const std::filesystem::path path = std::filesystem::path(folder) / (name + ".mustache");
    if (std::filesystem::exists(path, error)) text = readFile(path);
  }
  return templates;
}

const std::string& Templates::source(const std::string& name) const {
  const auto found = templates_.find(name);
  return found == templates_.end() ? kNoTemplate : found->second;
}

RenderedReminder Templates::renderReminder(const Reminder& reminder, const Sender& sender,
                                           dates::Date asOf) const {
  mstch::array invoices;
  for (const aging::OpenInvoice& invoice : reminder.invoices) {
    invoices.push_back(mstch::map{
        {"number", oneLine(invoice.number)},
        {"issue_date", invoice.issueDate.iso()},
        {"due_date", invoice.dueDate.iso()},
        {"days_overdue", std::to_string(invoice.daysOverdue)},
        {"days_overdue_text", daysOverdueText(invoice.daysOverdue)},
        {"balance", formatAmount(invoice.balance)},
    });
  }
  mstch::array totals;
  std::string totalText;
  for (const auto& [currency, amount] : reminder.balance) {
    totals.push_back(mstch::map{{"currency", currency.code()}, {"amount", formatAmount(amount)}});
    totalText += (totalText.empty() ? "" : " and ") + formatAmount(amount);
  }
  const std::string name = oneLine(reminder.clientName);
  const std::string company = oneLine(sender.companyName);
  const std::string signature = multiLine(sender.signature);
  const std::string instructions = multiLine(sender.paymentInstructions);
  const mstch::map context{
      {"name", name},
      {"has_name", !name.empty()},
      {"company", company},
      {"has_company", !company.empty()},
      {"signature", signature},
      {"has_signature", !signature.empty()},
      {"payment_instructions", instructions},
      {"has_payment_instructions", !instructions.empty()},
      {"as_of", asOf.iso()},
      {"invoices", invoices},
      {"totals", totals},
      {"total_text", totalText},
      {"invoice_count", std::to_string(reminder.invoices.size())},
      {"one_invoice", reminder.invoices.size() == 1},
      {"first_invoice",
       reminder.invoices.empty() ? std::string() : oneLine(reminder.invoices.front().number)},
  };
  RenderedReminder rendered;
  rendered.subject = oneLine(mstch::render(source("reminder.subject"), context));
  rendered.text = mstch::render(source("reminder.text"), context);
  rendered.html = mstch::render(source("reminder.html"), context);
  return rendered;
}

}  // namespace kindly::drafts
