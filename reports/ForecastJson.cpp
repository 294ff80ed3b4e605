// Key order is part of the documented format, hence JSON_PRESERVE_KEY_ORDER; amounts are
// decimal strings, the weeks an array of kForecastWeeks.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/ForecastOutput.h"

namespace kindly::reports {

void writeForecastJson(std::ostream& out, const aging::Forecast& forecast) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("as_of", forecast.asOf.iso());
  Array::Ptr weeks = new Array;
  for (int week = 0; week < aging::kForecastWeeks; ++week) {
    Object::Ptr span = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto from = forecast.asOf.plusDays(7 * week);
    span->set("week", week + 1);
    span->set("from", from.iso());
    span->set("to", from.plusDays(6).iso());
    weeks->add(span);
  }
  root.set("weeks", weeks);
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
  root.set("currencies", currencies);
  Array::Ptr invoices = new Array;
  for (const auto& payment : forecast.payments) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("client", payment.clientCode);
    object->set("name", payment.clientName);
    object->set("invoice", payment.number);
    object->set("currency", payment.balance.currency().code());
    object->set("balance", payment.balance.toDecimal());
    object->set("due", payment.dueDate.iso());
    object->set("expected", payment.expectedDate.iso());
    object->set("promised", payment.promised);
    object->set("column", columnText(payment));
    invoices->add(object);
  }
  root.set("invoices", invoices);
  root.stringify(out);
  out << '\n';
}

}  // namespace kindly::reports
