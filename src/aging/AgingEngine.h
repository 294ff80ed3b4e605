// Ages the ledger as of a date: each invoice's balance counts the payments made by then,
// and lands in a bucket by how many days it is past its due (or issue) date.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aging/Aging.h"
#include "store/Database.h"
#include "store/PreparedStatement.h"

namespace kindly::aging {

struct AgingOptions {
  dates::Date asOf;
  Basis basis = Basis::Due;
  BucketEdges edges;
  int graceDays = 3;         // days past due before a payment or an invoice counts as late
  int lateWindowDays = 365;  // how far back repeat lateness is counted
  int repeatLateAfter = 2;   // late payments in the window that make a client repeat-late
  // Only this client (by code) and this currency; empty: every one.
  std::string client;
  std::optional<money::Currency> currency;
};

// The options' client and currency filters as SQL conditions on the clients `c` and the
// invoices `i` of a query ("" when there are none), and the binding of their parameters,
// numbered ?8 and ?9 so that they never clash with a query's own.
std::string filterSql(const AgingOptions& options);
void bindFilters(store::PreparedStatement& statement, const AgingOptions& options);

// Adds open invoices, in the order AgingEngine::openInvoices() gives them, into an aging
// report: a positive balance issued by the as-of date goes into its bucket, a negative one
// into credits, one issued later into notYetIssued. "overdue" marks a client owing more than
// graceDays past due once its credits in the currency are used against the oldest first.
class AgingTally {
 public:
  explicit AgingTally(const AgingOptions& options);
  void add(const OpenInvoice& invoice);
  // The report, with "repeat-late" on the clients in `repeatLate` (sorted) and the totals.
  AgingReport finish(const std::vector<std::string>& repeatLate);

 private:
  const AgingOptions& options_;
  AgingReport report_;
  std::vector<std::int64_t> pastGrace_;  // per client row: owed more than grace past due
};

class LedgerAsOf;

class AgingEngine {
 public:
  explicit AgingEngine(store::Database& database) : database_(database) {}

  // Every invoice with a non-zero balance as of options.asOf (void and draft invoices, and
  // those written off by then and not undone, excluded), of the client and currency the
  // options filter on, ordered by client code, currency, due date and number.
  std::vector<OpenInvoice> openInvoices(const AgingOptions& options);
  // The same invoices one at a time, none kept: for reading a large ledger in little memory.
  void eachOpenInvoice(const AgingOptions& options,
                       const std::function<void(const OpenInvoice&)>& visit);

  // The aging report: the open invoices tallied per client and currency, with flags.
  AgingReport age(const AgingOptions& options);

 private:
  store::Database& database_;
};

// The aging report of a ledger read with the same options (client, as-of date); "repeat-late"
// marks the clients who paid late at least options.repeatLateAfter times in the window.
AgingReport age(const LedgerAsOf& ledger, const AgingOptions& options);

// An AgingTally of `invoices` (ordered by client and currency). `repeatLate` must be sorted.
AgingReport summarise(const std::vector<OpenInvoice>& invoices, const AgingOptions& options,
                      const std::vector<std::string>& repeatLate);

}  // namespace kindly::aging
