// DATEV writes each booking once, from the side of its Konto: "S" debits it, "H" credits it,
// and the amount is always positive. A client is a debtor account (Personenkonto); its name
// is in DATEV's master data, not in the batch, so the account number stands for it. A credit
// to a debtor is taken as money received against the invoice its Belegfeld 1 names, or, when
// it names none, as the client's credit on account.
#include "importers/profiles/DatevProfile.h"

#include <algorithm>

#include "base/Text.h"
#include "importers/Cells.h"

namespace kindly::importers {

namespace {

const FormatTable& datevFormat() {
  static const FormatTable format{
      .name = "datev",
      .description = "DATEV booking batch (EXTF Buchungsstapel)",
      .kind = RecordKind::Mixed,
      .columns = {{Field::Amount,
                   {"Umsatz (ohne Soll/Haben-Kz)", "Umsatz"},
                   Need::Required,
                   "amount (always positive: its side says which way)"},
                  {Field::Side,
                   {"Soll/Haben-Kennzeichen", "Soll-/Haben-Kennzeichen"},
                   Need::Required,
                   "S debits the Konto, H credits it"},
                  {Field::Currency, {"WKZ Umsatz"}},
                  {Field::Account, {"Konto"}, Need::Required, "account (a debtor: the client)"},
                  {Field::OffsetAccount,
                   {"Gegenkonto (ohne BU-Schlüssel)", "Gegenkonto"},
                   Need::Required,
                   "offset account (a debtor: the client)"},
                  {Field::IssueDate,
                   {"Belegdatum"},
                   Need::Required,
                   "issue_date / payment_date (DDMM, the year from the first line)"},
                  {Field::InvoiceNumber,
                   {"Belegfeld 1"},
                   Need::Required,
                   "invoice_number (of a payment: the invoice it pays)"},
                  {Field::Memo, {"Buchungstext"}, Need::Optional, "reference (of payments)"},
                  {Field::DueDate, {"Zugeordnete Fälligkeit", "Fälligkeit"}}},
      .own = {"Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen"}};
  return format;
}

bool isDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The day of "20160101", or nullopt.
std::optional<dates::Date> ymd(std::string_view text) {
  text = trim(text);
  if (text.size() != 8 || !isDigits(text)) return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) {
    return std::stoi(std::string(text.substr(at, length)));
  };
  return dates::Date::fromYmd(number(0, 4), number(4, 2), number(6, 2));
}

}  // namespace

DatevProfile::DatevProfile() : FormatProfile(datevFormat()) {}

Result<bool> DatevProfile::begin(const Row& /*header*/) {
  if (!settings().decimalMarkGiven) settings().decimalMark = money::DecimalMark::Comma;
  return true;
}

void DatevProfile::title(const Row& row, RecordSink& sink) {
  const auto cell = [&](std::size_t at) { return at < row.size() ? trim(row[at]) : ""; };
  // The batch header: format, version, category, name, format version, created, ..., the
  // fiscal year's start (13th), the account length (14th), the period (15th and 16th), the
  // currency (22nd).
  if (cell(0) == "EXTF" || cell(0) == "DTVF") {
    periodFrom_ = ymd(cell(14));
    periodTo_ = ymd(cell(15));
    if (!periodFrom_) periodFrom_ = ymd(cell(12));
    const auto length = cell(13);
    if (length.size() == 1 && length[0] >= '4' && length[0] <= '8')
      accountLength_ = length[0] - '0';
    batchCurrency_ = std::string(cell(21));
  }
  sink.skip("title rows");
}

std::optional<dates::Date> DatevProfile::dayOf(std::string_view text) const {
  text = trim(text);
  if (!isDigits(text)) return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) {
    return std::stoi(std::string(text.substr(at, length)));
  };
  if (text.size() == 8) return dates::Date::fromYmd(number(4, 4), number(2, 2), number(0, 2));
  // "902" is 9 February: DATEV writes the day without its leading zero too.
  if (text.size() != 3 && text.size() != 4) return std::nullopt;
  if (!periodFrom_) return std::nullopt;
  const std::size_t dayLength = text.size() - 2;
  const int day = number(0, dayLength), month = number(dayLength, 2);
  // A period may run over the new year: a day before its start is in the year it ends.
  auto date = dates::Date::fromYmd(periodFrom_->year(), month, day);
  if (date && *date < *periodFrom_ && periodTo_ && periodTo_->year() != periodFrom_->year()) {
    date = dates::Date::fromYmd(periodTo_->year(), month, day);
  }
  return date;
}

bool DatevProfile::isDebtor(std::string_view account) const {
  account = trim(account);
  return account.size() == static_cast<std::size_t>(accountLength_ + 1) && isDigits(account) &&
         account[0] >= '1' && account[0] <= '6';
}

void DatevProfile::read(const Row& row, RecordSink& sink) {
  const auto account = Columns::cell(row, column(Field::Account));
  const auto offset = Columns::cell(row, column(Field::OffsetAccount));
  const bool debtorIsAccount = isDebtor(account);
  if (!debtorIsAccount && !isDebtor(offset)) return sink.skip("bookings between other accounts");
  const auto debtor = std::string(debtorIsAccount ? account : offset);
  const auto debtorColumn = column(debtorIsAccount ? Field::Account : Field::OffsetAccount);

  Cells cells(row, sink, settings());
  const auto side = toLower(cells.required(column(Field::Side), "Soll/Haben-Kennzeichen"));
  if (cells.failed()) return;
  if (!cells.check(side == "s" || side == "h", column(Field::Side),
                   "'" + side + "' is neither S (Soll) nor H (Haben)")) {
    return;
  }
  const auto dateText = cells.required(column(Field::IssueDate), "Belegdatum");
  if (cells.failed()) return;
  const auto day = dayOf(dateText);
  if (!cells.check(day.has_value(), column(Field::IssueDate),
                   periodFrom_ || dateText.size() == 8
                       ? "'" + dateText + "' is not a day (DDMM or DDMMYYYY)"
                       : "the Belegdatum '" + dateText +
                             "' has no year, and the file has no first line (EXTF) giving its "
                             "period")) {
    return;
  }
  auto currencyText = cells.text(column(Field::Currency));
  if (currencyText.empty()) currencyText = batchCurrency_;
  std::optional<money::Currency> currency = settings().defaultCurrency;
  if (!currencyText.empty()) currency = money::Currency::fromCode(currencyText);
  if (!cells.check(currency.has_value(), column(Field::Currency),
                   "'" + currencyText + "' is not an ISO 4217 currency code")) {
    return;
  }
  auto amount = cells.amount(column(Field::Amount), *currency, "Umsatz");
  auto number = cells.text(column(Field::InvoiceNumber));
  // "0" stands for no document number.
  if (number.find_first_not_of('0') == std::string::npos) number.clear();
  const auto text = cells.text(column(Field::Memo));
  const auto dueText = cells.text(column(Field::DueDate));
  if (cells.failed()) return;
  if (amount->isNegative()) amount = -*amount;
  if (!cells.check(!amount->isZero(), column(Field::Amount), "an amount of zero")) return;
  // The side is the Konto's: the debtor is debited when it is the Konto booked S, or the
  // Gegenkonto of a booking H.
  const bool debited = (side == "s") == debtorIsAccount;
  if (!debited) {
    sink.payment(
        PaymentRecord{.invoiceNumber = number,
                      .clientCode = debtor,
                      .clientName = debtor,
                      .paymentDate = *day,
                      .amountText = unsignedAmount(Columns::cell(row, column(Field::Amount))),
                      .reference = text,
                      .currency = currency,
                      .invoiceMayBeEarlier = true,
                      .numberColumn = number.empty() ? debtorColumn : column(Field::InvoiceNumber),
                      .amountColumn = column(Field::Amount)});
    return;
  }
  std::optional<dates::Date> due;
  if (!dueText.empty()) {
    due = dayOf(dueText);
    if (!cells.check(due.has_value(), column(Field::DueDate),
                     "'" + dueText + "' is not a day (DDMMYYYY)")) {
      return;
    }
  }
  // A debit with no Belegfeld 1 is owed all the same: named by its day and amount, which
  // stay the same from one export of the batch to the next.
  const auto invoiceNumber =
      number.empty() ? "booking " + debtor + " " + day->iso() + " " + amount->toDecimal() : number;
  sink.invoice(InvoiceRecord{.number = invoiceNumber,
                             .numberColumn = column(Field::InvoiceNumber),
                             .dueDateColumn = column(Field::DueDate),
                             .clientCode = debtor,
                             .clientName = debtor,
                             .clientEmail = {},
                             .issueDate = *day,
                             .dueDate = due.value_or(*day),
                             .amount = *amount,
                             .status = {},
                             .paidSoFar = std::nullopt,
                             .dueDateFrom = due ? DueDateFrom::File : DueDateFrom::IssueDate,
                             // An invoice booked over several revenue accounts (two tax rates)
                             // is several bookings in a row: their amounts add up.
                             .amountIsLine = true});
}

}  // namespace kindly::importers
