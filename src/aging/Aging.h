// What the aging engine returns: open balances per client and currency, split by how long
// they are overdue, with totals per currency. Plain values, ready for any report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/Result.h"
#include "dates/Date.h"
#include "money/Money.h"

namespace kindly::aging {

// Which date days overdue are counted from.
enum class Basis { Due, Issue };

// The upper edges of the overdue buckets: {30, 60, 90} gives current, 1-30, 31-60, 61-90, 90+.
// "current" holds what is not yet overdue (day 0 and before).
class BucketEdges {
 public:
  BucketEdges() : edges_{30, 60, 90} {}
  // Parses "30,60,90": strictly increasing positive whole days; fails with a reason otherwise.
  static Result<BucketEdges> parse(std::string_view text);

  const std::vector<int>& edges() const { return edges_; }
  // "current", "1-30", "31-60", "61-90", "90+".
  std::vector<std::string> labels() const;
  std::size_t bucketCount() const { return edges_.size() + 2; }
  // Index into labels() for an invoice `daysOverdue` days past its date.
  std::size_t bucketFor(int daysOverdue) const;

 private:
  explicit BucketEdges(std::vector<int> edges) : edges_(std::move(edges)) {}
  std::vector<int> edges_;
};

// Where an invoice issued after the as-of date is shown: apart from the buckets, since it
// was not yet receivable then, yet never left out of a balance.
inline constexpr const char* kNotYetIssued = "not yet issued";

// One client's open balance in one currency.
struct ClientAging {
  std::string clientCode;
  std::string clientName;
  money::Money balance;               // buckets + credits + notYetIssued
  std::vector<money::Money> buckets;  // one per BucketEdges::labels(), each >= 0
  money::Money credits;               // <= 0: credit notes and overpayments not yet used
  money::Money notYetIssued;          // balances of invoices issued after the as-of date
  int openInvoices = 0;               // invoices issued by then with a positive balance
  int oldestDaysOverdue = 0;          // of those invoices; 0 when none is overdue
  std::vector<std::string> flags;     // "overdue", "repeat-late"
};

struct CurrencyTotal {
  money::Money balance;
  std::vector<money::Money> buckets;
  money::Money credits;
  money::Money notYetIssued;
};

struct AgingReport {
  dates::Date asOf;
  Basis basis = Basis::Due;
  BucketEdges edges;
  std::vector<ClientAging> clients;   // ordered by client code, then currency
  std::vector<CurrencyTotal> totals;  // one per currency, ordered by code
};

// One invoice that still has a balance (positive, or negative for a credit).
struct OpenInvoice {
  std::string clientCode;
  std::string clientName;
  std::string number;
  dates::Date issueDate;
  dates::Date dueDate;
  money::Money amount;
  money::Money paid;
  money::Money balance;
  int daysOverdue = 0;
  std::size_t bucket = 0;     // index into BucketEdges::labels()
  bool notYetIssued = false;  // issued after the as-of date: counted apart from the buckets
};

}  // namespace kindly::aging
