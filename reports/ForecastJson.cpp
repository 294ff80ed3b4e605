// Key order is part of the documented format, hence JSON_PRESERVE_KEY_ORDER; amounts are
// decimal strings, the weeks an array of kForecastWeeks. The invoices are written one at a
// time: one document of every open invoice would take many times the memory of the
// forecast itself.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/ForecastOutput.h"

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

void writeInvoice(std::ostream& out, const aging::ExpectedPayment& payment) {
  Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("client", payment.clientCode);
  object.set("name", payment.clientName);
  object.set("invoice", payment.number);
  object.set("currency", payment.balance.currency().code());
  object.set("balance", payment.balance.toDecimal());
  object.set("credited", payment.credited.toDecimal());
  object.set("due", payment.dueDate.iso());
  object.set("expected", payment.expectedDate.iso());
  object.set("promised", payment.promised);
  object.set("column", columnText(payment));
  object.stringify(out);
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
