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
    for (const auto& rule : table) {
      if (names[col].empty() || !isSynonym(names[col], rule.names)) continue;
      const Field field = rule.field;
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
  for (const auto& rule : table) {
    if (rule.field != field) continue;
    for (const auto& name : header) {
      if (isSynonym(name, rule.names)) return true;
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
      "invoice_number", "client_id",  "client_name",  "client_email",
      "issue_date",     "due_date",   "amount",       "currency",
      "amount_paid",    "balance",    "status",       "payment_date",
      "reference",      "applies_to", "contact_name", "line_total",
      "quantity",       "unit_price", "terms",        "document_type",
      "account",        "debit",      "credit",       "memo",
      "document_id",    "net",        "tax"};
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
      "due_date (or terms) and amount (or line totals) columns; a payment list needs "
      "payment_date, amount and invoice_number (or a client)"};
}

Result<GenericLayout> GenericLayout::assigned(
    const std::vector<std::pair<Field, std::size_t>>& fields,
    const std::vector<std::string_view>& header) {
  std::array<int, kFieldCount> mapped;
  mapped.fill(-1);
  for (const auto& [field, column] : fields) {
    mapped[static_cast<std::size_t>(field)] = static_cast<int>(column);
  }
  // The columns the map leaves out are found by their names, as in a file of Kindly's own
  // layouts; a name that fits two columns is left to the map.
  std::vector<std::string> names;
  for (auto h : header) names.push_back(matchingKey(h));
  for (const auto& [field, column] : fields) {
    if (column < names.size()) names[column].clear();
  }
  const auto filled = [&](const std::vector<ColumnRule>& synonyms) {
    auto columns = mapped;
    if (const auto found = assign(names, synonyms)) {
      for (std::size_t f = 0; f < kFieldCount; ++f) {
        if (columns[f] < 0) columns[f] = (*found)[f];
      }
    }
    return columns;
  };
  const auto isInvoiceList = [](const std::array<int, kFieldCount>& columns) {
    return has(columns, Field::DueDate) || has(columns, Field::Terms) ||
           (!has(columns, Field::PaymentDate) &&
            (has(columns, Field::ClientId) || has(columns, Field::ClientName)));
  };
  // What the map says settles the kind; where it says neither, the names found do.
  const bool mappedInvoices = isInvoiceList(mapped);
  const bool mappedPayments = !mappedInvoices && has(mapped, Field::PaymentDate);
  const auto invoices = filled(invoiceSynonyms());
  const auto payments = filled(paymentSynonyms());
  GenericLayout layout;
  if (mappedInvoices || (!mappedPayments && isInvoiceList(invoices))) {
    const std::string missing = invoiceMissing(invoices);
    if (!missing.empty()) return Failure{"an invoice list, but no column is mapped to " + missing};
    layout.kind_ = RecordKind::Invoices;
    layout.columns_ = invoices;
    return layout;
  }
  if (mappedPayments || has(payments, Field::PaymentDate)) {
    const std::string missing = paymentMissing(payments);
    if (!missing.empty()) return Failure{"a payment list, but no column is mapped to " + missing};
    layout.kind_ = RecordKind::Payments;
    layout.columns_ = payments;
    return layout;
  }
  return Failure{
      "map an invoice list's invoice_number, client_id or client_name, due_date (or terms) and "
      "amount, or a payment list's invoice_number (or client), payment_date and amount"};
}

Result<GenericLayout> GenericLayout::fromTable(const std::vector<std::string_view>& header,
                                               const FormatTable& format) {
  std::vector<std::string> names;
  for (auto h : header) names.push_back(matchingKey(h));
  // A format's names are its software's: where a header has two of a rule's names, the first
  // name listed is the one meant ("Total" before "Amount Due").
  std::array<int, kFieldCount> found;
  found.fill(-1);
  for (const auto& rule : format.columns) {
    for (auto name : rule.names) {
      const auto at = std::find(names.begin(), names.end(), matchingKey(name));
      if (at == names.end()) continue;
      found[static_cast<std::size_t>(rule.field)] = static_cast<int>(at - names.begin());
      break;
    }
  }
  std::string missing;
  const auto lack = [&](std::string what) { missing += (missing.empty() ? "" : ", ") + what; };
  std::string either;
  bool eitherFound = false;
  for (const auto& rule : format.columns) {
    const bool present = has(found, rule.field);
    if (rule.need == Need::Required && !present) lack(std::string(rule.names.front()));
    if (rule.need != Need::Either) continue;
    eitherFound = eitherFound || present;
    either += std::string(either.empty() ? "" : " or ") + std::string(rule.names.front());
  }
  if (!either.empty() && !eitherFound) lack(either);
  if (!missing.empty()) {
    return Failure{"the header lacks " + missing};
  }
  GenericLayout layout;
  layout.kind_ = format.kind;
  layout.columns_ = found;
  return layout;
}

int recogniseFormat(const std::vector<std::string_view>& header, const FormatTable& format) {
  if (!format.own.empty()) {
    const bool own = std::any_of(header.begin(), header.end(), [&](std::string_view name) {
      return isSynonym(matchingKey(name), format.own);
    });
    if (!own) return 0;
  }
  const auto layout = GenericLayout::fromTable(header, format);
  if (!layout) return 0;
  int found = 0;
  for (const auto& rule : format.columns) found += layout->column(rule.field).has_value();
  return 20 + found;
}

std::optional<std::size_t> GenericLayout::column(Field field) const {
  const int col = columns_[static_cast<std::size_t>(field)];
  if (col < 0) return std::nullopt;
  return static_cast<std::size_t>(col);
}

std::vector<std::size_t> GenericLayout::dateColumns() const {
  std::vector<std::size_t> columns;
  for (Field field : {Field::IssueDate, Field::DueDate, Field::PaymentDate}) {
    if (auto at = column(field)) columns.push_back(*at);
  }
  return columns;
}

std::vector<std::size_t> GenericLayout::amountColumns() const {
  std::vector<std::size_t> columns;
  for (Field field :
       {Field::Amount, Field::AmountPaid, Field::Balance, Field::LineTotal, Field::UnitPrice,
        Field::Debit, Field::Credit, Field::Net, Field::Tax, Field::Freight}) {
    if (auto at = column(field)) columns.push_back(*at);
  }
  return columns;
}

std::string GenericLayout::meaningOf(std::size_t at, const FormatTable* format) const {
  std::string fields;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    const auto field = static_cast<Field>(f);
    if (column(field) != at) continue;
    std::string_view meaning = fieldName(field);
    if (format) {
      for (const auto& rule : format->columns) {
        if (rule.field == field && !rule.meaning.empty()) meaning = rule.meaning;
      }
    }
    fields += std::string(fields.empty() ? "" : ", ") + std::string(meaning);
  }
  return fields;
}

}  // namespace kindly::importers
