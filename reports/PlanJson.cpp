// DESIGN §10's keys in its order, then purpose and written_off; one line.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/PlanOutput.h"

namespace kindly::reports {

void writePlanJson(std::ostream& out, const std::vector<followup::PlannedFollowUp>& plan) {
  Poco::JSON::Array list;
  for (const auto& row : plan) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("client", row.clientCode);
    item->set("name", row.clientName);
    const auto& next = row.next;
    item->set("next_date", next ? Poco::Dynamic::Var(next->date.iso()) : Poco::Dynamic::Var());
    item->set("step", next ? next->step : "");
    item->set("channel", next ? channelsText(next->channels) : "");
    Poco::JSON::Array::Ptr invoices = new Poco::JSON::Array;
    if (next) {
      for (const auto& invoice : next->invoices) invoices->add(invoice.number);
    }
    item->set("invoices", invoices);
    Poco::JSON::Object::Ptr balance = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [currency, amount] : row.balance)
      balance->set(currency.code(), amount.toDecimal());
    item->set("balance", balance);
    item->set("reason", next ? next->reason : "nothing to chase");
    item->set("purpose", next ? std::string(followup::purposeName(next->purpose)) : "");
    Poco::JSON::Array::Ptr writtenOff = new Poco::JSON::Array;
    for (const auto& number : row.writtenOff) writtenOff->add(number);
    item->set("written_off", writtenOff);
    list.add(item);
  }
  list.stringify(out);
  out << '\n';
}

}  // namespace kindly::reports
