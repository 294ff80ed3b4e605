// Key order is part of the documented format, hence JSON_PRESERVE_KEY_ORDER. Undefined
// figures are null; the others are numbers rounded as the table shows them.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/ClientsOutput.h"

namespace kindly::reports {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The figure as a JSON number with the decimals the other formats print, or null.
Poco::Dynamic::Var number(const std::string& text) {
  if (text.empty()) return Poco::Dynamic::Var();
  return std::stod(text);
}

}  // namespace

void writeClientsJson(std::ostream& out, const std::vector<aging::ClientBehavior>& clients) {
  // One client at a time, as an Array of them would print: "[", the objects with "," between
  // them, "]". A document of every client at once holds far more than the clients.
  out << '[';
  const char* separator = "";
  for (const auto& client : clients) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("client", client.clientCode);
    object->set("name", client.clientName);
    Object::Ptr balances = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& balance : client.balances) {
      balances->set(balance.currency().code(), balance.toDecimal());
    }
    object->set("balance", balances);
    object->set("main_currency", client.mainCurrency
                                     ? Poco::Dynamic::Var(client.mainCurrency->code())
                                     : Poco::Dynamic::Var());
    object->set("invoices_paid", client.invoicesPaid);
    object->set("late_paid", client.latePaid);
    object->set("timing_unknown", client.timingUnknown);
    object->set("open_late", client.openLate);
    object->set("avg_days_late", number(daysText(client.avgDaysLate)));
    object->set("avg_days_to_pay", number(daysText(client.avgDaysToPay)));
    object->set("on_time_rate", number(rateText(client.onTimeRate)));
    object->set("trend", client.trend);
    object->set("dso", client.dso ? Poco::Dynamic::Var(*client.dso) : Poco::Dynamic::Var());
    object->set("add", client.add ? Poco::Dynamic::Var(*client.add) : Poco::Dynamic::Var());
    object->set("last_payment", client.lastPayment ? Poco::Dynamic::Var(client.lastPayment->iso())
                                                   : Poco::Dynamic::Var());
    Array::Ptr flags = new Array;
    for (const auto& flag : client.flags) flags->add(flag);
    object->set("flags", flags);
    out << separator;
    object->stringify(out);
    separator = ",";
  }
  out << "]\n";
}

}  // namespace kindly::reports
