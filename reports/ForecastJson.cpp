// Key order is part of the documented format, hence JSON_PRESERVE_KEY_ORDER; amounts are
// decimal strings, the weeks an array of kForecastWeeks. The invoices are written one at a
// time: one document of every open invoice would take many times the memory of the
// forecast itself, and are written straight to the stream.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/ForecastOutput.h"
#include "reports/JsonText.h"

namespace kindly::reports {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr weeksOf(const aging::Forecast& forecast) {
  Array::Ptr weeks = new Array;
  for (int week = 0; week < aging::kForecastWeeks; ++week) {
    Object::Ptr span = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto from = forecast.asOf.plusDays(7 * week);
    span->set("week", week + 1);
    span->set("from", from.iso());
    span->set("to", from.plusDays(6).iso());
    weeks->add(span);
  }
  return weeks;
}

Array::Ptr currenciesOf(const aging::Forecast& forecast) {
  Array::Ptr currencies = new Array;
  for (const auto& currency : forecast.currencies) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("currency", currency.currency.code());
    object->set("overdue", currency.overdue.toDecimal());
    Array::Ptr amounts = new Array;
    for (const auto& amount : currency.weeks) amounts->add(amount.toDecimal());
    object->set("weeks", amounts);
    object->set("later", currency.later.toDecimal());
    object->set("at_risk", currency.atRisk.toDecimal());
    object->set("total", currency.total.toDecimal());
    currencies->add(object);
  }
  return currencies;
}

// One per open invoice, straight to the stream (see JsonText.h).
void writeInvoice(std::ostream& out, const aging::ExpectedPayment& payment) {
  const auto field = [&out](const char* key, std::string_view value) {
    out << ",\"" << key << "\":";
    writeJsonString(out, value);
  };
  out << "{\"client\":";
  writeJsonString(out, payment.clientCode);
  field("name", payment.clientName);
  field("invoice", payment.number);
  field("currency", payment.balance.currency().code());
  field("balance", payment.balance.toDecimal());
  field("credited", payment.credited.toDecimal());
  field("due", payment.dueDate.iso());
  field("expected", payment.expectedDate.iso());
  out << ",\"promised\":" << (payment.promised ? "true" : "false");
  field("column", columnText(payment));
  out << '}';
}

}  // namespace

void writeForecastJson(std::ostream& out, const aging::Forecast& forecast) {
  // The same text as one Object with these four keys, stringified without indentation.
  out << "{\"as_of\":\"" << forecast.asOf.iso() << "\",\"weeks\":";
  weeksOf(forecast)->stringify(out);
  out << ",\"currencies\":";
  currenciesOf(forecast)->stringify(out);
  out << ",\"invoices\":[";
  const char* separator = "";
  for (const auto& payment : forecast.payments) {
    out << separator;
    writeInvoice(out, payment);
    separator = ",";
  }
  out << "]}\n";
}

}  // namespace kindly::reports
