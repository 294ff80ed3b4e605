// Synonyms are what bookkeepers' spreadsheets and small accounting tools call the columns.
// "date" alone is the issue date of an invoice but the date of a payment.
#include "importers/GenericLayout.h"

#include <algorithm>
#include <utility>

#include "base/Text.h"

namespace kindly::importers {

namespace {

const std::vector<ColumnRule>& invoiceSynonyms() {
  static const std::vector<ColumnRule> table = {
      {Field::InvoiceNumber,
       {"invoice number", "invoice", "invoice no", "invoice no.", "invoice #", "invoice id",
        "number", "inv no", "document number", "doc no"}},
      {Field::ClientId, {"client id", "customer id", "contact id", "account", "account id"}},
      {Field::ClientName,
       {"client name", "client", "customer", "customer name", "contact", "contact name", "bill to",
        "billed to", "organization"}},
      {Field::ClientEmail, {"client email", "email", "email address", "customer email"}},
      {Field::IssueDate,
       {"issue date", "invoice date", "date", "issued", "date issued", "issued on", "issued at",
        "invoiced on", "invoiced at"}},
      {Field::DueDate,
       {"due date", "due", "date due", "due on", "due at", "due by", "payment due"}},
      {Field::Amount,
       {"amount", "total", "invoice total", "invoice amount", "total amount", "amount total",
        "grand total"}},
      {Field::Currency, {"currency", "currency code"}},
      {Field::AmountPaid, {"amount paid", "paid"}},
      {Field::Balance,
       {"balance", "amount due", "balance due", "open balance", "outstanding", "amount outstanding",
        "open amount"}},
      {Field::Status, {"status"}},
      {Field::AppliesTo, {"applies to", "applied to", "credit for", "original invoice"}},
      {Field::ContactName, {"contact person", "attention", "attn", "person to contact"}},
      {Field::LineTotal, {"line total", "item total", "line amount", "item amount"}},
      {Field::Quantity, {"quantity", "qty", "item quantity"}},
      {Field::UnitPrice,
       {"unit amount", "unit price", "rate", "item cost", "unit cost", "item price", "price"}},
      {Field::Terms, {"terms", "payment terms", "term", "terms days"}},
      // On an invoice list: the day of its latest payment.
      {Field::PaymentDate, {"date paid", "paid on", "paid date", "last payment date"}},
  };
  return table;
}

// "date" alone is the last of a payment date's names: a header with a client and a plain
// date is an invoice list, one with a client and a paid date is a list of payments.
const std::vector<ColumnRule>& paymentSynonyms() {
  static const std::vector<ColumnRule> table = {
      {Field::InvoiceNumber,
       {"invoice number", "invoice", "invoice no", "invoice no.", "invoice #", "invoice id",
        "number", "document number", "doc no"}},
      {Field::ClientId, {"client id", "customer id", "contact id", "account id"}},
      {Field::ClientName, {"client name", "client", "customer", "customer name", "contact name"}},
      {Field::PaymentDate,
       {"payment date", "paid on", "date paid", "paid at", "paid date", "date received",
        "received on", "received", "date"}},
      {Field::Amount,
       {"amount", "payment amount", "amount paid", "paid", "amount received", "payment total"}},
      {Field::Reference,
       {"reference", "ref", "payment reference", "memo", "transaction id", "check number",
        "cheque number"}},
  };
  return table;
}

// True when `name` (already a matchingKey) is one of `synonyms`, compared the same way:
// "Invoice No.", "invoice_no" and "invoice no" are one name.
bool isSynonym(const std::string& name, const std::vector<std::string_view>& synonyms) {
  return std::any_of(synonyms.begin(), synonyms.end(),
                     [&](std::string_view synonym) { return matchingKey(synonym) == name; });
}

// Column of each field under `table`; fails on two columns for one field.
Result<std::array<int, kFieldCount>> assign(const std::vector<std::string>& names,
                                            const std::vector<ColumnRule>& table) {
  std::array<int, kFieldCount> columns;
  columns.fill(-1);
  for (std::size_t col = 0; col < names.size(); ++col) {
    for (const auto& [field, synonyms, required] : table) {
      if (!isSynonym(names[col], synonyms)) continue;
      int& slot = columns[static_cast<std::size_t>(field)];
      if (slot >= 0) {
        return Failure{"columns " + std::to_string(slot + 1) + " and " + std::to_string(col + 1) +
                       " both look like " + std::string(fieldName(field))};
      }
      slot = static_cast<int>(col);
    }
  }
  return columns;
}

// True when some name of `header` is a synonym of `field` under `table`.
bool mentions(const std::vector<std::string>& header, const std::vector<ColumnRule>& table,
              Field field) {
  for (const auto& [candidate, synonyms, required] : table) {
    if (candidate != field) continue;
    for (const auto& name : header) {
      if (isSynonym(name, synonyms)) return true;
    }
  }
  return false;
}

bool has(const std::array<int, kFieldCount>& columns, Field field) {
  return columns[static_cast<std::size_t>(field)] >= 0;
}

// An invoice list names each invoice and its client, says when it is due (a date or terms)
// and what it is for (a total, or the amounts of its lines).
std::string invoiceMissing(const std::array<int, kFieldCount>& columns) {
  std::string missing;
  const auto lack = [&](bool present, std::string_view what) {
    if (!present) missing += (missing.empty() ? "" : "; ") + std::string(what);
  };
  lack(has(columns, Field::InvoiceNumber), fieldName(Field::InvoiceNumber));
  lack(has(columns, Field::ClientId) || has(columns, Field::ClientName),
       "client_id (or client_name)");
  lack(has(columns, Field::DueDate) || has(columns, Field::Terms), "due_date (or terms)");
  lack(has(columns, Field::Amount) || has(columns, Field::LineTotal) ||
           (has(columns, Field::Quantity) && has(columns, Field::UnitPrice)),
       "amount (or line_total, or quantity and unit_price)");
  return missing;
}

// A payment names its invoice, or at least its client: one paid on account is the client's
// credit until it is applied.
std::string paymentMissing(const std::array<int, kFieldCount>& columns) {
  const bool named = has(columns, Field::InvoiceNumber) || has(columns, Field::ClientId) ||
                     has(columns, Field::ClientName);
  std::string missing = named ? "" : std::string(fieldName(Field::InvoiceNumber));
  if (!has(columns, Field::Amount)) missing += std::string(missing.empty() ? "" : ", ") + "amount";
  return missing;
}

}  // namespace

std::string_view fieldName(Field field) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "invoice_number", "client_id",    "client_name", "client_email", "issue_date",
      "due_date",       "amount",       "currency",    "amount_paid",  "balance",
      "status",         "payment_date", "reference",   "applies_to",   "contact_name",
      "line_total",     "quantity",     "unit_price",  "terms"};
  return kNames[static_cast<std::size_t>(field)];
}

Result<GenericLayout> GenericLayout::match(const std::vector<std::string_view>& header) {
  std::vector<std::string> names;
  for (auto h : header) names.push_back(matchingKey(h));

  // A file with a due date or terms is an invoice list, and so is one with a client unless its date
  // is a payment's ("Date Paid"): that is a list of payments naming their clients.
  auto invoices = assign(names, invoiceSynonyms());
  auto payments = assign(names, paymentSynonyms());
  const bool paidDate =
      payments && has(*payments, Field::PaymentDate) &&
      names[static_cast<std::size_t>((*payments)[static_cast<std::size_t>(Field::PaymentDate)])] !=
          "date";
  const bool invoiceHeader = mentions(names, invoiceSynonyms(), Field::DueDate) ||
                             mentions(names, invoiceSynonyms(), Field::Terms) ||
                             (!paidDate && (mentions(names, invoiceSynonyms(), Field::ClientId) ||
                                            mentions(names, invoiceSynonyms(), Field::ClientName)));
  // A faulty invoice header is reported, not read as payments (its "date" fits them too).
  if (invoiceHeader && !invoices) return Failure{invoices.error()};
  const bool looksLikeInvoices = invoiceHeader && invoices;
  const bool looksLikePayments = payments && has(*payments, Field::PaymentDate);

  GenericLayout layout;
  if (looksLikeInvoices) {
    const auto& columns = *invoices;
    const std::string missing = invoiceMissing(columns);
    if (!missing.empty()) return Failure{"an invoice list, but with no column for " + missing};
    layout.kind_ = RecordKind::Invoices;
    layout.columns_ = columns;
    return layout;
  }
  if (looksLikePayments) {
    const auto& columns = *payments;
    const std::string missing = paymentMissing(columns);
    if (!missing.empty()) return Failure{"a payment list, but with no " + missing + " column"};
    layout.kind_ = RecordKind::Payments;
    layout.columns_ = columns;
    return layout;
  }
  if (!invoices) return Failure{invoices.error()};
  if (!payments) return Failure{payments.error()};
  return Failure{
      "unknown layout: an invoice list needs invoice_number, client_id or client_name, "
      "due_date and amount columns; a payment list needs invoice_number, payment_date and "
      "amount"};
}

Result<GenericLayout> GenericLayout::assigned(
    const std::vector<std::pair<Field, std::size_t>>& fields) {
  GenericLayout layout;
  layout.columns_.fill(-1);
  for (const auto& [field, column] : fields) {
    layout.columns_[static_cast<std::size_t>(field)] = static_cast<int>(column);
  }
  const auto& columns = layout.columns_;
  if (has(columns, Field::DueDate) || has(columns, Field::Terms) ||
      (!has(columns, Field::PaymentDate) &&
       (has(columns, Field::ClientId) || has(columns, Field::ClientName)))) {
    const std::string missing = invoiceMissing(columns);
    if (!missing.empty()) return Failure{"an invoice list, but no column is mapped to " + missing};
    layout.kind_ = RecordKind::Invoices;
    return layout;
  }
  if (has(columns, Field::PaymentDate)) {
    const std::string missing = paymentMissing(columns);
    if (!missing.empty()) return Failure{"a payment list, but no column is mapped to " + missing};
    layout.kind_ = RecordKind::Payments;
    return layout;
  }
  return Failure{
      "map an invoice list's invoice_number, client_id or client_name, due_date and amount, "
      "or a payment list's invoice_number, payment_date and amount"};
}

Result<GenericLayout> GenericLayout::fromTable(const std::vector<std::string_view>& header,
                                               const FormatTable& format) {
  std::vector<std::string> names;
  for (auto h : header) names.push_back(matchingKey(h));
  auto columns = assign(names, format.columns);
  if (!columns) return Failure{columns.error()};
  std::string missing;
  for (const auto& rule : format.columns) {
    if (rule.required && !has(*columns, rule.field)) {
      missing += (missing.empty() ? "" : ", ") + std::string(rule.names.front());
    }
  }
  if (!missing.empty()) {
    return Failure{"a " + std::string(format.description) + ", but with no " + missing + " column"};
  }
  GenericLayout layout;
  layout.kind_ = format.kind;
  layout.columns_ = *columns;
  return layout;
}

std::optional<std::size_t> GenericLayout::column(Field field) const {
  const int col = columns_[static_cast<std::size_t>(field)];
  if (col < 0) return std::nullopt;
  return static_cast<std::size_t>(col);
}

}  // namespace kindly::importers
