// Ages the ledger as of a date: each invoice's balance counts the payments made by then,
// and lands in a bucket by how many days it is past its due (or issue) date.
#pragma once

#include <string>
#include <vector>

#include "aging/Aging.h"
#include "store/Database.h"

namespace kindly::aging {

struct AgingOptions {
  dates::Date asOf;
  Basis basis = Basis::Due;
  BucketEdges edges;
  int graceDays = 3;         // days past due before a payment or an invoice counts as late
  int lateWindowDays = 365;  // how far back repeat lateness is counted
  int repeatLateAfter = 2;   // late payments in the window that make a client repeat-late
};

class AgingEngine {
 public:
  explicit AgingEngine(store::Database& database) : database_(database) {}

  // Every invoice with a non-zero balance as of options.asOf (void and draft invoices, and
  // those written off by then and not undone, excluded), ordered by client code, currency,
  // due date and number.
  std::vector<OpenInvoice> openInvoices(const AgingOptions& options);

  // The aging report: openInvoices() summed per client and currency, with flags.
  AgingReport age(const AgingOptions& options);

 private:
  // Codes of the clients who paid late at least options.repeatLateAfter times lately.
  std::vector<std::string> repeatLateClients(const AgingOptions& options);

  store::Database& database_;
};

// The invoices fully paid by an as-of date, as an SQL subquery with one parameter (the as-of
// day) and the columns client_id, issue_day, due_day and paid_day: the day of the payment
// that completed the invoice, taken as the latest one on or before the as-of date. Credit
// notes, void and draft invoices are left out. One definition for aging's repeat-late flag
// and for client behaviour.
std::string settledInvoicesSql();

// Sums open invoices (ordered by client and currency) into an aging report. A positive
// balance goes into its bucket, a negative one into credits; "overdue" marks a client with
// a balance more than graceDays past due. `repeatLate` must be sorted.
AgingReport summarise(const std::vector<OpenInvoice>& invoices, const AgingOptions& options,
                      const std::vector<std::string>& repeatLate);

}  // namespace kindly::aging
