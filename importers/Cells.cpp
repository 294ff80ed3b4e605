// Reasons are worded for the person fixing the export, and name the value as written.
#include "importers/Cells.h"

#include "base/Text.h"

namespace kindly::importers {

void Cells::fail(std::optional<std::size_t> column, std::string reason) {
  if (failed_) return;
  failed_ = true;
  sink_.reject(column, std::move(reason));
}

bool Cells::check(bool ok, std::optional<std::size_t> column, std::string reason) {
  if (!ok) fail(column, std::move(reason));
  return ok;
}

std::string Cells::text(std::optional<std::size_t> column) {
  if (failed_) return {};
  const auto value = Columns::cell(row_, column);
  if (!isValidUtf8(value)) {
    fail(column, "the text is not valid UTF-8");
    return {};
  }
  return std::string(value);
}

std::string Cells::required(std::optional<std::size_t> column, std::string_view what) {
  auto value = text(column);
  check(failed_ || !value.empty(), column, "the " + std::string(what) + " is empty");
  return value;
}

std::optional<dates::Date> Cells::date(std::optional<std::size_t> column, std::string_view what,
                                       bool optional) {
  if (failed_) return std::nullopt;
  const auto value = Columns::cell(row_, column);
  if (value.empty()) {
    if (!optional) fail(column, "the " + std::string(what) + " is empty");
    return std::nullopt;
  }
  const auto parsed = dates::parseDate(value, settings_.dateOrder);
  if (!parsed) {
    fail(column, parsed.error());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<money::Currency> Cells::currency(std::optional<std::size_t> column) {
  if (failed_) return std::nullopt;
  const auto value = Columns::cell(row_, column);
  if (value.empty()) return settings_.defaultCurrency;
  const auto currency = money::Currency::fromCode(value);
  if (!currency) fail(column, "'" + std::string(value) + "' is not an ISO 4217 currency code");
  return currency;
}

std::optional<money::Money> Cells::amount(std::optional<std::size_t> column,
                                          money::Currency currency, std::string_view what,
                                          bool optional) {
  if (failed_) return std::nullopt;
  const auto value = Columns::cell(row_, column);
  if (value.empty()) {
    if (!optional) fail(column, "the " + std::string(what) + " is empty");
    return std::nullopt;
  }
  const auto parsed = money::parseAmount(value, currency, settings_.decimalMark);
  if (!parsed) {
    fail(column, parsed.error());
    return std::nullopt;
  }
  if (parsed->money.currency() != currency) {
    fail(column, "the " + std::string(what) + " is in " + parsed->money.currency().code() +
                     ", not in " + currency.code());
    return std::nullopt;
  }
  return parsed->money;
}

std::string unsignedAmount(std::string_view text) {
  text = trim(text);
  if (text.starts_with('-')) text.remove_prefix(1);
  if (text.starts_with('(') && text.ends_with(')')) text = text.substr(1, text.size() - 2);
  return std::string(text);
}

std::optional<std::string> invoiceProblem(const InvoiceRecord& invoice) {
  if (invoice.number.empty()) return "the invoice number is empty";
  if (invoice.clientCode.empty() && invoice.clientName.empty()) {
    return "no client: both the client id and name are empty";
  }
  return std::nullopt;
}

}  // namespace kindly::importers
