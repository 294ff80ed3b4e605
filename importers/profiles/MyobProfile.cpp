// MYOB writes money with its currency symbol in the company's locale ("$1,035.00",
// "Rp2.252.252,25"), a person's name in two columns (a company's in the first alone), and
// "*None" where a card has no id.
#include "importers/profiles/MyobProfile.h"

#include <algorithm>
#include <charconv>

#include "base/Text.h"
#include "importers/Cells.h"

namespace kindly::importers {

namespace {

const FormatTable& myobFormat() {
  static const FormatTable format{
      .name = "myob",
      .description = "MYOB sales export",
      .kind = RecordKind::Invoices,
      .columns =
          {{Field::ClientName,
            {"Co./Last Name"},
            Need::Required,
            "client_name (a person's: with First Name)"},
           {Field::ContactName, {"First Name"}, Need::Optional, "client_name (first name)"},
           {Field::InvoiceNumber, {"Invoice #", "Invoice No."}, Need::Required},
           {Field::IssueDate, {"Date"}, Need::Required},
           {Field::LineTotal,
            {"Inc-Tax Total", "Inc-Tax Amount", "Total", "Amount"},
            Need::Required,
            "line_total (with tax)"},
           {Field::Freight,
            {"Inc-Tax Freight Amount", "Freight Amount"},
            Need::Optional,
            "freight (once per invoice)"},
           {Field::Status, {"Sale Status"}, Need::Optional, "I or C: an invoice"},
           {Field::Currency, {"Currency Code"}},
           {Field::AmountPaid, {"Amount Paid"}, Need::Optional, "amount_paid (of the invoice)"},
           {Field::Terms,
            {"Terms - Payment is Due", "Payment is Due"},
            Need::Optional,
            "terms (MYOB's code)"},
           {Field::TermsDays, {"- Balance Due Days", "Balance Due Days"}},
           {Field::ClientId, {"Card ID"}}},
      .own = {"Co./Last Name"},
      // MYOB is an Australian program: its dates are day first.
      .usualDateOrder = dates::DateOrder::DMY};
  return format;
}

std::optional<int> numberIn(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The last day of `date`'s month.
dates::Date endOfMonth(dates::Date date) {
  auto next = dates::Date::fromYmd(date.year() + (date.month() == 12), date.month() % 12 + 1, 1);
  return next->plusDays(-1);
}

// Day `day` of the month `months` after `date`'s, or that month's last day when it is shorter.
dates::Date dayOfMonth(dates::Date date, int months, int day) {
  int month = date.month() + months, year = date.year();
  while (month > 12) month -= 12, ++year;
  const auto first = *dates::Date::fromYmd(year, month, 1);
  const int last = endOfMonth(first).day();
  return *dates::Date::fromYmd(year, month, std::min(std::max(day, 1), last));
}

}  // namespace

std::optional<dates::Date> myobDueDate(int code, int days, dates::Date issued) {
  switch (code) {
    case 0:
    case 1:
      return issued;
    case 2:
      return issued.plusDays(days);
    case 3: {
      // On that day of the month: this month's, unless it has passed.
      const auto due = dayOfMonth(issued, 0, days);
      return due < issued ? dayOfMonth(issued, 1, days) : due;
    }
    case 4:
      return endOfMonth(issued).plusDays(days);
    case 5:
      return dayOfMonth(issued, 1, days);
    default:
      return std::nullopt;
  }
}

MyobProfile::MyobProfile() : FormatProfile(myobFormat()) {}

Result<bool> MyobProfile::begin(const Row& /*header*/) {
  lastInvoice_.clear();
  return true;
}

void MyobProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings());
  const auto status = toLower(cells.text(column(Field::Status)));
  if (!status.empty() && status != "i" && status != "c") {
    return sink.skip("orders and quotes");
  }
  auto name = cells.required(column(Field::ClientName), "customer (Co./Last Name)");
  const auto first = cells.text(column(Field::ContactName));
  if (!first.empty()) name = first + " " + name;
  auto code = cells.text(column(Field::ClientId));
  if (code == "*None") code.clear();
  const auto number = cells.required(column(Field::InvoiceNumber), "invoice number");
  const auto issued = cells.date(column(Field::IssueDate), "date");
  const auto termsText = cells.text(column(Field::Terms));
  const auto daysText = cells.text(column(Field::TermsDays));
  if (cells.failed()) return;
  // The money names its currency ("Rp", "$"): the currency column, when there is one and it
  // is filled, must agree.
  const auto lineText = Columns::cell(row, column(Field::LineTotal));
  const auto named =
      money::parseAmount(lineText, settings().defaultCurrency, settings().decimalMark);
  if (!cells.check(static_cast<bool>(named), column(Field::LineTotal),
                   named ? std::string() : named.error())) {
    return;
  }
  auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  if (named->currencyNamed && Columns::cell(row, column(Field::Currency)).empty()) {
    currency = named->money.currency();
  }
  auto line = cells.amount(column(Field::LineTotal), *currency, "line total");
  const auto paid = cells.amount(column(Field::AmountPaid), *currency, "amount paid", true);
  const auto freight = cells.amount(column(Field::Freight), *currency, "freight", true);
  if (cells.failed()) return;
  if (freight && number != lastInvoice_) *line += *freight;
  lastInvoice_ = number;

  std::optional<dates::Date> due;
  if (!termsText.empty()) {
    const auto code = numberIn(termsText);
    const auto days = daysText.empty() ? std::optional<int>(0) : numberIn(daysText);
    if (code && days) due = myobDueDate(*code, *days, *issued);
    if (!cells.check(due.has_value(), column(Field::Terms),
                     "cannot tell the due date from MYOB's terms code '" + termsText + "' with " +
                         daysText + " days")) {
      return;
    }
  }
  InvoiceRecord record{.number = number,
                       .numberColumn = column(Field::InvoiceNumber),
                       .clientCode = code,
                       .clientName = name,
                       .clientEmail = {},
                       .issueDate = *issued,
                       .dueDate = due.value_or(*issued),
                       .amount = *line,
                       // A closed sale is paid in full.
                       .status = status == "c" ? "paid" : "",
                       .paidSoFar = paid,
                       .dueDateFrom = due ? DueDateFrom::Terms : DueDateFrom::IssueDate,
                       .amountIsLine = true};
  sink.invoice(record);
}

}  // namespace kindly::importers
