// Key order is part of the documented format, hence JSON_PRESERVE_KEY_ORDER everywhere.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "reports/AgingOutput.h"

namespace kindly::reports {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr newObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr bucketObject(const std::vector<std::string>& labels,
                         const std::vector<money::Money>& buckets) {
  auto object = newObject();
  for (std::size_t i = 0; i < labels.size(); ++i) object->set(labels[i], buckets[i].toDecimal());
  return object;
}

}  // namespace

void writeAgingJson(std::ostream& out, const aging::AgingReport& report) {
  const auto labels = report.edges.labels();
  auto root = newObject();
  root->set("as_of", report.asOf.iso());
  root->set("basis", report.basis == aging::Basis::Due ? "due" : "issue");
  Array::Ptr bucketNames = new Array;
  for (const auto& label : labels) bucketNames->add(label);
  root->set("buckets", bucketNames);

  Array::Ptr clients = new Array;
  for (const auto& row : report.clients) {
    auto client = newObject();
    client->set("client", row.clientCode);
    client->set("name", row.clientName);
    client->set("currency", row.balance.currency().code());
    client->set("balance", row.balance.toDecimal());
    client->set("buckets", bucketObject(labels, row.buckets));
    client->set("credits", row.credits.toDecimal());
    client->set("not_yet_issued", row.notYetIssued.toDecimal());
    client->set("open_invoices", row.openInvoices);
    client->set("oldest_days_overdue", row.oldestDaysOverdue);
    Array::Ptr flags = new Array;
    for (const auto& flag : row.flags) flags->add(flag);
    client->set("flags", flags);
    clients->add(client);
  }
  root->set("clients", clients);

  Array::Ptr totals = new Array;
  for (const auto& total : report.totals) {
    auto object = newObject();
    object->set("currency", total.balance.currency().code());
    object->set("balance", total.balance.toDecimal());
    object->set("buckets", bucketObject(labels, total.buckets));
    object->set("credits", total.credits.toDecimal());
    object->set("not_yet_issued", total.notYetIssued.toDecimal());
    totals->add(object);
  }
  root->set("totals", totals);
  root->stringify(out);
  out << '\n';
}

}  // namespace kindly::reports
