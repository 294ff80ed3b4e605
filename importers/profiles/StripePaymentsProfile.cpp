// A charge that succeeded paid its invoice, and Stripe shows the invoice paid even once the
// charge is refunded: a refund is the business's own choice, not money the client still owes,
// so it is not taken off. Only a charge that failed brought nothing in. Amounts are in major
// units, currencies in lower case.
#include "importers/profiles/StripePaymentsProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"

namespace kindly::importers {

namespace {

const FormatTable& stripePaymentsFormat() {
  static const FormatTable format{
      .name = "stripe-payments",
      .description = "Stripe payments export",
      .kind = RecordKind::Payments,
      .columns = {{Field::Reference, {"id"}, Need::Optional, "reference (the charge's id)"},
                  {Field::PaymentDate,
                   {"Created date (UTC)", "Created (UTC)", "Created"},
                   Need::Required},
                  {Field::Amount, {"Amount"}, Need::Required},
                  {Field::Currency, {"Currency"}},
                  {Field::Status, {"Status"}, Need::Optional, "a Failed charge paid nothing"},
                  {Field::ClientId, {"Customer ID"}},
                  {Field::InvoiceNumber, {"Invoice Number"}, Need::Required}},
      .own = {"Amount Refunded", "Captured"}};
  return format;
}

}  // namespace

StripePaymentsProfile::StripePaymentsProfile() : FormatProfile(stripePaymentsFormat()) {}

void StripePaymentsProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings());
  const auto status = toLower(cells.text(column(Field::Status)));
  if (status == "failed" || status == "canceled") return sink.skip("charges that failed");
  const auto number = cells.text(column(Field::InvoiceNumber));
  if (cells.failed()) return;
  if (number.empty()) return sink.skip("charges for no invoice (sales paid at once)");
  const auto paid = cells.date(column(Field::PaymentDate), "created date");
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  const auto amount = cells.amount(column(Field::Amount), *currency, "amount");
  if (cells.failed()) return;
  if (!cells.check(amount->minorUnits() > 0, column(Field::Amount), "a charge of zero or less")) {
    return;
  }
  // As written: the import reads it in the file's decimal mark, as it does every payment.
  sink.payment(PaymentRecord{.invoiceNumber = number,
                             .clientCode = cells.text(column(Field::ClientId)),
                             .paymentDate = *paid,
                             .amountText = std::string(Columns::cell(row, column(Field::Amount))),
                             .reference = cells.text(column(Field::Reference)),
                             .currency = *currency,
                             .numberColumn = column(Field::InvoiceNumber),
                             .amountColumn = column(Field::Amount)});
}

}  // namespace kindly::importers
