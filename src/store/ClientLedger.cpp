// Plain reads through Poco::Data: each runs once per command, so nothing is kept prepared.
#include "store/ClientLedger.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace kindly::store {

namespace {

money::Currency currencyOf(const std::string& code) {
  const auto currency = money::Currency::fromCode(code);
  if (!currency) throw StoreError("the ledger holds an unknown currency '" + code + "'");
  return *currency;
}

}  // namespace

std::optional<ClientRef> ClientLedger::findClient(std::string_view code) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT id, code, name, email FROM clients WHERE code = ?", bind(std::string(code));
  select.execute();
  Poco::Data::RecordSet rows(select);
  if (!rows.moveFirst()) return std::nullopt;
  return ClientRef{.id = rows[0].convert<std::int64_t>(),
                   .code = rows[1].convert<std::string>(),
                   .name = rows[2].convert<std::string>(),
                   .email = rows[3].convert<std::string>()};
}

std::optional<InvoiceRef> ClientLedger::findInvoice(std::string_view number) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT i.id, i.number, c.id, c.code, c.name, c.email "
            "FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.number = ?",
      bind(std::string(number));
  select.execute();
  Poco::Data::RecordSet rows(select);
  if (!rows.moveFirst()) return std::nullopt;
  return InvoiceRef{.id = rows[0].convert<std::int64_t>(),
                    .number = rows[1].convert<std::string>(),
                    .client = ClientRef{.id = rows[2].convert<std::int64_t>(),
                                        .code = rows[3].convert<std::string>(),
                                        .name = rows[4].convert<std::string>(),
                                        .email = rows[5].convert<std::string>()}};
}

std::vector<ClientInvoice> ClientLedger::invoices(std::int64_t clientId, dates::Date asOf) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT id, number, issue_day, due_day, currency, amount, status FROM invoices "
            "WHERE client_id = ? AND issue_day <= ? ORDER BY issue_day, number",
      bind(clientId), bind(static_cast<std::int64_t>(asOf.dayNumber()));
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<ClientInvoice> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    out.push_back(
        ClientInvoice{.id = rows[0].convert<std::int64_t>(),
                      .number = rows[1].convert<std::string>(),
                      .issueDate = dates::Date::fromDayNumber(rows[2].convert<std::int32_t>()),
                      .dueDate = dates::Date::fromDayNumber(rows[3].convert<std::int32_t>()),
                      .amount = money::Money(rows[5].convert<std::int64_t>(),
                                             currencyOf(rows[4].convert<std::string>())),
                      .status = rows[6].convert<std::string>()});
  }
  return out;
}

std::vector<ClientPayment> ClientLedger::payments(std::int64_t clientId, dates::Date asOf) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT p.id, i.number, p.payment_day, p.currency, p.amount, p.reference, "
            "       p.inferred, p.date_known, p.paid_after_day "
            "FROM payments p JOIN invoices i ON i.id = p.invoice_id "
            "WHERE i.client_id = ? AND p.payment_day <= ? "
            "ORDER BY p.payment_day, i.number, p.id",
      bind(clientId), bind(static_cast<std::int64_t>(asOf.dayNumber()));
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<ClientPayment> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    out.push_back(ClientPayment{.id = rows[0].convert<std::int64_t>(),
                                .invoiceNumber = rows[1].convert<std::string>(),
                                .day = dates::Date::fromDayNumber(rows[2].convert<std::int32_t>()),
                                .amount = money::Money(rows[4].convert<std::int64_t>(),
                                                       currencyOf(rows[3].convert<std::string>())),
                                .reference = rows[5].convert<std::string>(),
                                .inferred = rows[6].convert<int>() != 0,
                                .dateKnown = static_cast<DateKnown>(rows[7].convert<int>()),
                                .paidAfter = std::nullopt});
    if (!rows[8].isEmpty()) {
      out.back().paidAfter = dates::Date::fromDayNumber(rows[8].convert<std::int32_t>());
    }
  }
  return out;
}

money::Money ClientLedger::balance(std::int64_t invoiceId, dates::Date asOf) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT i.currency, i.amount - COALESCE((SELECT SUM(amount) FROM payments "
            "  WHERE invoice_id = i.id AND currency = i.currency AND payment_day <= ?), 0) "
            "FROM invoices i WHERE i.id = ?",
      bind(static_cast<std::int64_t>(asOf.dayNumber())), bind(invoiceId);
  select.execute();
  Poco::Data::RecordSet rows(select);
  if (!rows.moveFirst()) throw StoreError("no invoice with id " + std::to_string(invoiceId));
  return money::Money(rows[1].convert<std::int64_t>(), currencyOf(rows[0].convert<std::string>()));
}

}  // namespace kindly::store
