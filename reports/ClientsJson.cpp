// Key order is part of the documented format. Undefined figures are null; the others are
// numbers rounded as the table shows them. Written straight to the stream: tens of thousands
// of clients through Poco::JSON objects took a quarter of `kindly clients`.
#include "reports/ClientsOutput.h"
#include "reports/JsonText.h"

namespace kindly::reports {

namespace {

void writeKey(std::ostream& out, const char* key) { out << ",\"" << key << "\":"; }

void writeOptional(std::ostream& out, const char* key, const std::optional<int>& value) {
  writeKey(out, key);
  if (value) {
    out << *value;
  } else {
    out << "null";
  }
}

void writeClient(std::ostream& out, const aging::ClientBehavior& client) {
  out << "{\"client\":";
  writeJsonString(out, client.clientCode);
  writeKey(out, "name");
  writeJsonString(out, client.clientName);
  writeKey(out, "balance");
  out << '{';
  const char* separator = "";
  for (const auto& balance : client.balances) {
    out << separator;
    writeJsonString(out, balance.currency().code());
    out << ':';
    writeJsonString(out, balance.toDecimal());
    separator = ",";
  }
  out << '}';
  writeKey(out, "main_currency");
  if (client.mainCurrency) {
    writeJsonString(out, client.mainCurrency->code());
  } else {
    out << "null";
  }
  writeKey(out, "invoices_paid");
  out << client.invoicesPaid;
  writeKey(out, "late_paid");
  out << client.latePaid;
  writeKey(out, "timing_unknown");
  out << client.timingUnknown;
  writeKey(out, "open_late");
  out << client.openLate;
  writeKey(out, "avg_days_late");
  writeJsonNumber(out, daysText(client.avgDaysLate));
  writeKey(out, "avg_days_to_pay");
  writeJsonNumber(out, daysText(client.avgDaysToPay));
  writeKey(out, "on_time_rate");
  writeJsonNumber(out, rateText(client.onTimeRate));
  writeKey(out, "trend");
  writeJsonString(out, client.trend);
  writeOptional(out, "dso", client.dso);
  writeOptional(out, "add", client.add);
  writeKey(out, "last_payment");
  if (client.lastPayment) {
    writeJsonString(out, client.lastPayment->iso());
  } else {
    out << "null";
  }
  writeKey(out, "flags");
  out << '[';
  separator = "";
  for (const auto& flag : client.flags) {
    out << separator;
    writeJsonString(out, flag);
    separator = ",";
  }
  out << "]}";
}

}  // namespace

void writeClientsJson(std::ostream& out, const std::vector<aging::ClientBehavior>& clients) {
  out << '[';
  const char* separator = "";
  for (const auto& client : clients) {
    out << separator;
    writeClient(out, client);
    separator = ",";
  }
  out << "]\n";
}

}  // namespace kindly::reports
