// Both manifests hold the same rows in the same order; only the notation differs.
#include "drafts/Manifest.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>
#include <string_view>

namespace kindly::drafts {

namespace {

std::string balanceText(const money::Totals& balance) {
  std::string text;
  for (const auto& [currency, amount] : balance) {
    if (!text.empty()) text += "; ";
    text += currency.code() + " " + amount.toDecimal();
  }
  return text;
}

// One RFC 4180 cell. A leading = + - @ (tab, CR) would make a spreadsheet evaluate the cell
// as a formula, so such a cell starts with a ' that keeps it plain text.
std::string csvCell(std::string value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string manifestCsv(const std::vector<BatchEntry>& entries) {
  std::string csv =
      "sequence,client,name,email,purpose,step,channel,invoices,balance,file,day,balances_as_"
      "at\r\n";
  for (const BatchEntry& entry : entries) {
    std::string invoices;
    for (const std::string& number : entry.invoiceNumbers) {
      if (!invoices.empty()) invoices += ' ';
      invoices += number;
    }
    const std::string cells[] = {std::to_string(entry.sequence),
                                 entry.clientCode,
                                 entry.clientName,
                                 entry.email,
                                 entry.purpose,
                                 entry.step,
                                 entry.channel,
                                 invoices,
                                 balanceText(entry.balance),
                                 entry.file,
                                 entry.day,
                                 entry.balancesAsAt};
    bool first = true;
    for (const std::string& cell : cells) {
      if (!first) csv += ',';
      csv += csvCell(cell);
      first = false;
    }
    csv += "\r\n";
  }
  return csv;
}

std::string manifestJson(dates::Date asOf, const std::vector<BatchEntry>& entries) {
  Poco::JSON::Array::Ptr drafts = new Poco::JSON::Array;
  for (const BatchEntry& entry : entries) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("sequence", static_cast<Poco::UInt64>(entry.sequence));
    item->set("client", entry.clientCode);
    item->set("name", entry.clientName);
    item->set("email", entry.email);
    item->set("purpose", entry.purpose);
    item->set("step", entry.step);
    item->set("channel", entry.channel);
    Poco::JSON::Array::Ptr invoices = new Poco::JSON::Array;
    for (const std::string& number : entry.invoiceNumbers) invoices->add(number);
    item->set("invoices", invoices);
    Poco::JSON::Object::Ptr balance = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [currency, amount] : entry.balance) {
      balance->set(currency.code(), amount.toDecimal());
    }
    item->set("balance", balance);
    item->set("file", entry.file);
    item->set("day", entry.day);
    item->set("balances_as_at", entry.balancesAsAt);
    drafts->add(item);
  }
  Poco::JSON::Object manifest(Poco::JSON_PRESERVE_KEY_ORDER);
  manifest.set("as_of", asOf.iso());
  manifest.set("drafts", drafts);
  std::ostringstream out;
  manifest.stringify(out);
  out << '\n';
  return out.str();
}

}  // namespace kindly::drafts
