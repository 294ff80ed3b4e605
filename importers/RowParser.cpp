// Business rules of a row: an invoice needs a number, a client, a due date and an amount in
// one currency; the export's own balance, when present, tells how much is paid.
#include "importers/RowParser.h"

#include <algorithm>

#include "base/Text.h"
#include "importers/Terms.h"
#include "money/LineAmount.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

namespace {

// A status as stored: in lower case, words apart where the software runs them together
// (Zoho's "PartiallyPaid" is "partially paid").
std::string statusOf(std::string_view text) {
  std::string status;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i > 0 && c >= 'A' && c <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') status += ' ';
    status += c;
  }
  return toLower(status);
}

}  // namespace

std::string_view RowParser::value(const std::vector<std::string_view>& fields, Field field) const {
  const auto column = layout_.column(field);
  if (!column || *column >= fields.size()) return {};
  return trim(fields[*column]);
}

std::variant<std::pair<money::ParsedAmount, bool>, FieldProblem> RowParser::invoiceAmount(
    const std::vector<std::string_view>& fields, money::Currency currency) const {
  using Amount = std::pair<money::ParsedAmount, bool>;
  // The invoice's total when the row gives it (repeated on every line of a line-item export).
  const auto total = value(fields, Field::Amount);
  const bool lines = layout_.column(Field::LineTotal) ||
                     (layout_.column(Field::Quantity) && layout_.column(Field::UnitPrice));
  if (!total.empty() || !lines) {
    const auto amount = money::parseAmount(total, currency, settings_.decimalMark);
    if (!amount) return FieldProblem{Field::Amount, amount.error()};
    return Amount{*amount, false};
  }
  // Else the line's own amount: its total, or its quantity times its unit price.
  if (const auto lineTotal = value(fields, Field::LineTotal);
      !lineTotal.empty() || !layout_.column(Field::Quantity)) {
    const auto amount = money::parseAmount(lineTotal, currency, settings_.decimalMark);
    if (!amount) return FieldProblem{Field::LineTotal, amount.error()};
    return Amount{*amount, true};
  }
  const auto price =
      money::parseAmount(value(fields, Field::UnitPrice), currency, settings_.decimalMark);
  if (!price) return FieldProblem{Field::UnitPrice, price.error()};
  const auto line =
      money::lineAmount(value(fields, Field::Quantity), price->money, settings_.decimalMark);
  if (!line) return FieldProblem{Field::Quantity, line.error()};
  return Amount{money::ParsedAmount{*line, price->currencyNamed}, true};
}

std::variant<InvoiceRecord, FieldProblem> RowParser::invoice(
    const std::vector<std::string_view>& fields) const {
  const auto number = value(fields, Field::InvoiceNumber);
  if (number.empty()) return FieldProblem{Field::InvoiceNumber, "the invoice number is empty"};

  std::string_view code = value(fields, Field::ClientId);
  std::string_view name = value(fields, Field::ClientName);
  if (code.empty() && name.empty()) {
    return FieldProblem{layout_.column(Field::ClientId) ? Field::ClientId : Field::ClientName,
                        "no client: both the client id and the client name are empty"};
  }
  if (name.empty()) name = code;
  for (Field text : {Field::InvoiceNumber, Field::ClientId, Field::ClientName, Field::ClientEmail,
                     Field::AppliesTo, Field::ContactName}) {
    if (!isValidUtf8(value(fields, text))) {
      return FieldProblem{text, "the text is not valid UTF-8"};
    }
  }

  auto currency = settings_.defaultCurrency;
  if (const auto code3 = value(fields, Field::Currency); !code3.empty()) {
    const auto named = money::Currency::fromCode(code3);
    if (!named) {
      return FieldProblem{Field::Currency,
                          "'" + std::string(code3) + "' is not an ISO 4217 currency code"};
    }
    currency = *named;
  }

  dates::Date issue;
  const auto issueText = value(fields, Field::IssueDate);
  if (layout_.column(Field::IssueDate) && issueText.empty()) {
    return FieldProblem{Field::IssueDate, "the issue date is empty"};
  }
  if (!issueText.empty()) {
    const auto parsed = dates::parseDate(issueText, settings_.dateOrder);
    if (!parsed) return FieldProblem{Field::IssueDate, parsed.error()};
    issue = *parsed;
  }
  // The due date as given; else as the terms (the row's, else the map's) say; else, with an
  // issue date, that day, as assumed and said by the import.
  auto dueFrom = DueDateFrom::File;
  std::optional<dates::Date> due;
  if (const auto dueText = value(fields, Field::DueDate); !dueText.empty()) {
    const auto parsed = dates::parseDate(dueText, settings_.dateOrder);
    if (!parsed) return FieldProblem{Field::DueDate, parsed.error()};
    due = *parsed;
  } else if (issueText.empty()) {
    return FieldProblem{layout_.column(Field::DueDate) ? Field::DueDate : Field::IssueDate,
                        "the due date is empty"};
  } else if (const auto terms = value(fields, Field::Terms); !terms.empty()) {
    due = dueFromTerms(terms, issue);
    if (!due) {
      return FieldProblem{Field::Terms, "cannot tell the due date from the terms '" +
                                            std::string(terms) +
                                            "' (Kindly reads \"Net 30\", \"30 days\", "
                                            "\"Due on receipt\", \"EOM\")"};
    }
    dueFrom = DueDateFrom::Terms;
  } else if (settings_.termsDays) {
    due = issue.plusDays(*settings_.termsDays);
    dueFrom = DueDateFrom::Terms;
  } else {
    due = issue;
    dueFrom = DueDateFrom::IssueDate;
  }
  if (issueText.empty()) issue = *due;

  const auto amount = invoiceAmount(fields, currency);
  if (auto* problem = std::get_if<FieldProblem>(&amount)) return *problem;
  const auto& [parsed, amountIsLine] = std::get<std::pair<money::ParsedAmount, bool>>(amount);
  if (parsed.currencyNamed && parsed.money.currency() != currency &&
      layout_.column(Field::Currency)) {
    return FieldProblem{Field::Amount, "the amount is in " + parsed.money.currency().code() +
                                           " but the currency column says " + currency.code()};
  }
  currency = parsed.money.currency();

  InvoiceRecord record{.number = std::string(number),
                       .numberColumn = layout_.column(Field::InvoiceNumber),
                       .dueDateColumn = layout_.column(Field::DueDate),
                       .clientCode = std::string(code),
                       .clientName = std::string(name),
                       .clientEmail = std::string(value(fields, Field::ClientEmail)),
                       .contactName = std::string(value(fields, Field::ContactName)),
                       .issueDate = issue,
                       .dueDate = *due,
                       .amount = parsed.money,
                       .status = statusOf(value(fields, Field::Status)),
                       .paidSoFar = std::nullopt,
                       .appliesTo = std::string(value(fields, Field::AppliesTo)),
                       .dueDateFrom = dueFrom,
                       .amountIsLine = amountIsLine};
  if (!record.appliesTo.empty()) {
    if (!record.amount.isNegative()) {
      return FieldProblem{Field::AppliesTo,
                          "only a credit note (a negative amount) applies to another invoice"};
    }
    if (record.appliesTo == record.number) {
      return FieldProblem{Field::AppliesTo, "a credit note cannot apply to itself"};
    }
  }

  // The export's own view of what is paid: amount paid, else amount - balance. A draft shows
  // its whole total as its balance and a void one nothing: neither says what was paid.
  for (Field field : {Field::AmountPaid, Field::Balance}) {
    if (!store::isOwed(record.status)) break;
    const auto text = value(fields, field);
    if (text.empty()) continue;
    const auto figure = money::parseAmount(text, currency, settings_.decimalMark);
    if (!figure) return FieldProblem{field, figure.error()};
    if (figure->money.currency() != currency) {
      return FieldProblem{field, "in " + figure->money.currency().code() +
                                     ", not in the invoice's " + currency.code()};
    }
    if (field == Field::AmountPaid) {
      record.paidSoFar = figure->money;
    } else if (amountIsLine) {
      record.openBalance = figure->money;  // of the whole invoice, not of this line
    } else {
      record.paidSoFar = record.amount - figure->money;
    }
    break;
  }
  if (!record.paidSoFar && !record.openBalance && record.status == "paid") {
    if (amountIsLine) {
      record.openBalance = money::Money::zero(currency);
    } else {
      record.paidSoFar = record.amount;
    }
  }
  if (const auto paidOn = value(fields, Field::PaymentDate); !paidOn.empty()) {
    const auto parsed = dates::parseDate(paidOn, settings_.dateOrder);
    if (!parsed) return FieldProblem{Field::PaymentDate, parsed.error()};
    record.lastPaidOn = *parsed;
  }
  return record;
}

std::variant<PaymentRecord, FieldProblem> RowParser::payment(
    const std::vector<std::string_view>& fields) const {
  const auto number = value(fields, Field::InvoiceNumber);
  const auto code = value(fields, Field::ClientId);
  const auto name = value(fields, Field::ClientName);
  if (number.empty() && code.empty() && name.empty()) {
    return FieldProblem{layout_.column(Field::InvoiceNumber) ? Field::InvoiceNumber
                        : layout_.column(Field::ClientId)    ? Field::ClientId
                                                             : Field::ClientName,
                        layout_.column(Field::ClientId) || layout_.column(Field::ClientName)
                            ? "the payment names neither an invoice nor a client"
                            : "the invoice number is empty"};
  }
  for (Field text : {Field::InvoiceNumber, Field::ClientId, Field::ClientName}) {
    if (!isValidUtf8(value(fields, text))) return FieldProblem{text, "the text is not valid UTF-8"};
  }
  const auto dateText = value(fields, Field::PaymentDate);
  if (dateText.empty()) return FieldProblem{Field::PaymentDate, "the payment date is empty"};
  const auto date = dates::parseDate(dateText, settings_.dateOrder);
  if (!date) return FieldProblem{Field::PaymentDate, date.error()};
  const auto amount = value(fields, Field::Amount);
  if (amount.empty()) return FieldProblem{Field::Amount, "the amount is empty"};
  const auto reference = value(fields, Field::Reference);
  if (!isValidUtf8(reference)) return FieldProblem{Field::Reference, "the text is not valid UTF-8"};
  return PaymentRecord{.invoiceNumber = std::string(number),
                       .clientCode = std::string(code),
                       .clientName = std::string(name.empty() ? code : name),
                       .paymentDate = *date,
                       .amountText = std::string(amount),
                       .reference = std::string(reference),
                       .numberColumn = layout_.column(Field::InvoiceNumber),
                       .amountColumn = layout_.column(Field::Amount)};
}

// A row with fewer cells than the header, or with values beyond it, is refused whole: its
// cells no longer line up with the names.
void RowParser::read(const std::vector<std::string_view>& row, std::size_t width,
                     RecordSink& sink) const {
  if (row.size() < width) {
    return sink.reject(std::nullopt, "the row has " + std::to_string(row.size()) +
                                         " fields but the header has " + std::to_string(width));
  }
  if (std::any_of(row.begin() + width, row.end(), [](auto f) { return !trim(f).empty(); })) {
    return sink.reject(width, "the row has more fields than the header (an unquoted comma?)");
  }
  const auto rejectProblem = [&](const FieldProblem& problem) {
    sink.reject(columnOf(problem.field), problem.reason);
  };
  if (layout_.kind() == RecordKind::Invoices) {
    auto parsed = invoice(row);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) return rejectProblem(*problem);
    return sink.invoice(std::get<InvoiceRecord>(parsed));
  }
  auto parsed = payment(row);
  if (auto* problem = std::get_if<FieldProblem>(&parsed)) return rejectProblem(*problem);
  sink.payment(std::get<PaymentRecord>(parsed));
}

}  // namespace kindly::importers
