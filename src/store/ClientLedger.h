// One client's side of the ledger: finding a client or an invoice by what a person types,
// and a client's invoices and payments up to a date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"
#include "money/Money.h"
#include "store/Database.h"
#include "store/DateKnown.h"

namespace kindly::store {

struct ClientRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string email;
};

struct InvoiceRef {
  std::int64_t id = 0;
  std::string number;
  ClientRef client;
};

// An invoice as a client's timeline shows it. A negative amount is a credit note.
struct ClientInvoice {
  std::int64_t id = 0;
  std::string number;
  dates::Date issueDate;
  dates::Date dueDate;
  money::Money amount;
  std::string status;  // as imported, lower case; "" when the export gave none
};

// A credit note applied to an invoice is kept as two payments, each referenced by the other's
// number: what the credit settled on the invoice, and the credit used up on the credit note.
inline constexpr std::string_view kCreditNoteReference = "credit note ";  // + credit note
inline constexpr std::string_view kAppliedToReference = "applied to ";    // + invoice

struct ClientPayment {
  std::int64_t id = 0;
  std::string invoiceNumber;
  dates::Date day;
  money::Money amount;
  std::string reference;
  bool inferred = false;  // deduced from a status or a balance, not read from a payment row
  DateKnown dateKnown = DateKnown::Exact;
  std::optional<dates::Date> paidAfter;  // a bounded payment was made after this day
};

class ClientLedger {
 public:
  explicit ClientLedger(Database& database) : database_(database) {}

  // The client with this code, or nullopt.
  std::optional<ClientRef> findClient(std::string_view code);
  // The invoice with this number, with its client, or nullopt.
  std::optional<InvoiceRef> findInvoice(std::string_view number);

  // The client's invoices issued on or before asOf, by issue date, then number.
  std::vector<ClientInvoice> invoices(std::int64_t clientId, dates::Date asOf);
  // The payments on the client's invoices made on or before asOf, by day, then invoice.
  std::vector<ClientPayment> payments(std::int64_t clientId, dates::Date asOf);
  // What the invoice still owes as of asOf: its amount less the payments made by then.
  money::Money balance(std::int64_t invoiceId, dates::Date asOf);

 private:
  Database& database_;
};

}  // namespace kindly::store
