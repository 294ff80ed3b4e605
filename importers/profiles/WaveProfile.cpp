// In Accounts Receivable a debit is an invoice raised and a credit a payment received (or
// a credit applied) against it. Wave's export gives no due date, so an invoice is taken as
// due on the day it is dated, Wave's own default terms ("due on receipt"). Wave has no
// customer id in this export, so clients are matched by name.
#include "importers/profiles/WaveProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

bool isReceivable(std::string_view account) {
  return matchingKey(account).starts_with("accountsreceivable");
}

const FormatTable& waveFormat() {
  static const FormatTable format{
      .name = "wave",
      .description = "Wave accounting transactions export",
      // Invoices and payments in one file: its payments are read after all its invoices.
      .kind = RecordKind::Mixed,
      .columns = {
          {Field::Reference, {"Transaction ID"}, Need::Optional, "reference (of payments)"},
          {Field::IssueDate, {"Transaction Date"}, Need::Required, "issue_date / payment_date"},
          {Field::Account,
           {"Account Name"},
           Need::Required,
           "which rows count: Accounts Receivable"},
          {Field::Amount,
           {"Amount (One column)"},
           Need::Either,
           "amount (debit: invoice, credit: payment)"},
          {Field::Debit,
           {"Debit Amount (Two Column Approach)"},
           Need::Either,
           "amount of an invoice"},
          {Field::Credit,
           {"Credit Amount (Two Column Approach)"},
           Need::Optional,
           "amount of a payment"},
          {Field::ClientName, {"Customer"}, Need::Required},
          {Field::InvoiceNumber, {"Invoice Number"}, Need::Required},
          {Field::DueDate, {"Due Date"}}}};
  return format;
}

}  // namespace

WaveProfile::WaveProfile() : FormatProfile(waveFormat()) {}

void WaveProfile::read(const Row& row, RecordSink& sink) {
  if (!isReceivable(Columns::cell(row, column(Field::Account))))
    return sink.skip("other transactions");
  Cells cells(row, sink, settings());
  const auto currency = settings().defaultCurrency;  // Wave exports in the business's currency
  const auto date = cells.date(column(Field::IssueDate), "transaction date");
  const std::string number = cells.required(column(Field::InvoiceNumber), "invoice number");
  std::optional<money::Money> amount;
  std::optional<std::size_t> amountColumn = column(Field::Amount);
  if (column(Field::Amount)) {
    amount = cells.amount(column(Field::Amount), currency, "amount");
  } else {
    const auto debit = cells.amount(column(Field::Debit), currency, "debit", true);
    const auto credit = cells.amount(column(Field::Credit), currency, "credit", true);
    amountColumn = debit ? column(Field::Debit) : column(Field::Credit);
    if (!cells.failed())
      amount = debit.value_or(money::Money::zero(currency)) -
               credit.value_or(money::Money::zero(currency));
  }
  if (cells.failed()) return;
  if (!cells.check(!amount->isZero(), amountColumn, "an amount of zero")) return;

  if (amount->isNegative()) {
    sink.payment(PaymentRecord{.invoiceNumber = number,
                               .paymentDate = *date,
                               .amountText = unsignedAmount(Columns::cell(row, amountColumn)),
                               .reference = cells.text(column(Field::Reference)),
                               .numberColumn = column(Field::InvoiceNumber),
                               .amountColumn = amountColumn});
    return;
  }
  auto customer = cells.required(column(Field::ClientName), "customer");
  const auto due = cells.date(column(Field::DueDate), "due date", true);
  if (cells.failed()) return;
  sink.invoice(InvoiceRecord{.number = number,
                             .numberColumn = column(Field::InvoiceNumber),
                             .clientCode = {},  // no ids: matched by name
                             .clientName = customer,
                             .clientEmail = {},
                             .issueDate = *date,
                             .dueDate = due.value_or(*date),
                             .amount = *amount,
                             .status = {},
                             .paidSoFar = std::nullopt});
}

}  // namespace kindly::importers
