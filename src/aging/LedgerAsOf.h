// The ledger read once as of a date: every owed invoice with the payments made on it by then,
// tallied as it streams by into the open invoices (kept compactly, in aging order) and each
// client's payment record. The aging, client behaviour, the plan and the forecast all work
// from one reading, so a report that shows them all reads a million invoices once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "aging/Aging.h"
#include "aging/AgingEngine.h"
#include "aging/ClientTally.h"
#include "store/Database.h"

namespace kindly::aging {

// A client of the ledger and what its invoices added up to.
struct LedgerClient {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  ClientTally tally;
};

class LedgerAsOf {
 public:
  // Reads the clients, the write-offs, the payments dated by options.asOf and the owed
  // invoices (void and draft ones left out) of options.client, or of every client when it is
  // empty; options.currency is not applied here. Throws store::StoreError when the ledger
  // cannot be read or names a currency or client it does not have.
  LedgerAsOf(store::Database& database, const AgingOptions& options);

  // Every client of the ledger, ordered by id.
  const std::vector<LedgerClient>& clients() const { return clients_; }

  // The open invoices of AgingEngine::openInvoices(), of `currency` only when set, one at a
  // time: the invoice passed is reused for the next one.
  void eachOpenInvoice(const AgingOptions& options,
                       const std::function<void(const OpenInvoice&)>& visit) const;

  // Codes, sorted, of the clients who paid late at least options.repeatLateAfter times in
  // the window, counting only invoices in options.currency when it is set.
  std::vector<std::string> repeatLateClients(const AgingOptions& options) const;

 private:
  // An open invoice, without the strings a million of them would cost.
  struct OpenEntry {
    std::uint32_t client = 0;  // index into clients_
    std::uint32_t numberAt = 0;
    std::uint32_t numberLength = 0;
    std::int32_t issueDay = 0;
    std::int32_t dueDay = 0;
    money::Currency currency;
    std::int64_t amount = 0;
    std::int64_t paid = 0;
  };

  void readClients(store::Database& database);
  void readInvoices(store::Database& database, const AgingOptions& options);
  void sortOpenInvoices();
  std::string_view numberOf(const OpenEntry& entry) const {
    return std::string_view(numbers_).substr(entry.numberAt, entry.numberLength);
  }

  std::vector<LedgerClient> clients_;
  std::vector<OpenEntry> open_;
  std::string numbers_;  // the open invoices' numbers, end to end
};

}  // namespace kindly::aging
