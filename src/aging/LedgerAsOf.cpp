// Each table is read once, in the order it is stored, and matched in C++: the payments are
// summed per invoice into a table indexed by invoice id (ids are dense: SQLite numbers rows
// 1, 2, 3...), then the invoices stream by. Letting SQLite join or sort them would search an
// index once per invoice or sort a million rows, which costs more than reading it all.
#include "aging/LedgerAsOf.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "store/DateKnown.h"
#include "store/InvoiceStatus.h"
#include "store/PreparedStatement.h"
#include "store/WriteOffs.h"

namespace kindly::aging {

namespace {

// With options.client set, conditions that keep that client's invoices and their payments
// (the code is parameter ?8, as for filterSql()).
constexpr const char* kClientsInvoices =
    " AND client_id = (SELECT id FROM clients WHERE code = ?8)";
constexpr const char* kClientsPayments =
    " AND invoice_id IN (SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id"
    " WHERE c.code = ?8)";

// A currency code packed as its stored letters, for comparing a million payments cheaply.
std::uint32_t packedCode(std::string_view code) {
  std::uint32_t packed = 0;
  for (const char c : code.substr(0, 4)) packed = packed << 8 | static_cast<unsigned char>(c);
  return packed;
}

std::string unpackedCode(std::uint32_t packed) {
  std::string code;
  for (; packed != 0; packed >>= 8) code.insert(code.begin(), static_cast<char>(packed & 0xFF));
  return code;
}

std::int64_t checkedSum(std::int64_t a, std::int64_t b) {
  std::int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) {
    throw store::StoreError("the payments of an invoice add up to more than Kindly can count");
  }
  return sum;
}

// How a payment's date is known, as the earliest day it can have been made: its own day when
// the date is exact, the day after the earlier export when bounded, kNoDayBefore when unknown.
int earliestDayOf(const store::PreparedStatement& row, int dayColumn, int knownColumn,
                  int afterColumn) {
  switch (static_cast<store::DateKnown>(row.columnInt(knownColumn))) {
    case store::DateKnown::Exact:
      return static_cast<int>(row.columnInt(dayColumn));
    case store::DateKnown::Bounded:
      if (const auto after = row.columnOptionalInt(afterColumn))
        return static_cast<int>(*after) + 1;
      break;
    case store::DateKnown::Unknown:
      break;
  }
  return kNoDayBefore;
}

// What was paid on each invoice by the as-of date, per currency, the day of the latest
// payment, and the earliest day the last of it can have been made (DESIGN §4). A payment
// keeps the currency it was received in: one in another currency than its invoice's (the
// invoice's currency was corrected since) does not pay it.
//
// A listed payment's date is exact; only inferred payments, none in a ledger of listed
// payments, can have a bounded or unknown one. So every payment is read from the payments'
// unique index, which holds all it takes but how the date is known, and the inferred ones
// again from their own index, with it. An invoice paid by inferred payments alone takes its
// earliest day from them; one paid by both kinds (rare: an import replaces an invoice's
// inferred payments by the listed ones) is read again on its own.
class PaymentsSoFar {
 public:
  struct Paid {
    std::int64_t amount = 0;
    int lastDay = 0;
    std::uint32_t currency = 0;  // packedCode; 0 while nothing is paid
  };
  // What paidOn() tells of one invoice in one currency.
  struct PaidOn {
    std::int64_t amount = 0;
    int lastDay = 0;
    int earliestLastDay = kNoDayBefore;
  };

  PaymentsSoFar(store::Database& database, const AgingOptions& options)
      : database_(database), asOf_(options.asOf.dayNumber()) {
    store::PreparedStatement range(database, "SELECT MIN(id), MAX(id), COUNT(*) FROM invoices");
    range.step();
    first_ = range.columnInt(0);
    const std::int64_t last = range.columnInt(1), count = range.columnInt(2);
    // A table indexed by id while the ids are dense enough for it to be small; one client's
    // few invoices, or ids far apart, are looked up by key instead.
    dense_ = options.client.empty() && count > 0 && last - first_ < 2 * count + 1024;
    if (dense_) paid_.assign(static_cast<std::size_t>(last - first_ + 1), Paid{});
    const std::string ofClient = options.client.empty() ? "" : kClientsPayments;
    store::PreparedStatement select(
        database,
        "SELECT invoice_id, payment_day, amount, currency FROM payments WHERE payment_day <= ?1" +
            ofClient);
    select.bind(1, asOf_);
    if (!options.client.empty()) select.bind(8, options.client);
    while (select.step()) {
      add(select.columnInt(0), static_cast<int>(select.columnInt(1)), select.columnInt(2),
          select.columnText(3));
    }
    store::PreparedStatement inferred(
        database,
        "SELECT invoice_id, payment_day, currency, amount, date_known, paid_after_day"
        " FROM payments WHERE inferred = 1 AND payment_day <= ?1" +
            ofClient);
    inferred.bind(1, asOf_);
    if (!options.client.empty()) inferred.bind(8, options.client);
    while (inferred.step()) {
      Inferred& slot = inferredOf(inferred.columnInt(0));
      const std::uint32_t currency = packedCode(inferred.columnText(2));
      slot.mixed |= slot.currency != 0 && slot.currency != currency;
      slot.currency = currency;
      slot.amount = checkedSum(slot.amount, inferred.columnInt(3));
      slot.earliest = std::max(slot.earliest, earliestDayOf(inferred, 1, 4, 5));
    }
  }

  // What was paid on the invoice in `currency`, the day of the latest such payment, and the
  // earliest day that payment can have been made.
  PaidOn paidOn(std::int64_t invoiceId, std::string_view currency) {
    const std::uint32_t wanted = packedCode(currency);
    Paid paid;
    if (const Paid* first = slot(invoiceId); first && first->currency == wanted) {
      paid = *first;
    } else if (const auto more = others_.find(invoiceId); more != others_.end()) {
      for (const Paid& other : more->second) {
        if (other.currency == wanted) paid = other;
      }
    }
    PaidOn result{.amount = paid.amount, .lastDay = paid.lastDay, .earliestLastDay = paid.lastDay};
    if (paid.amount == 0 && paid.lastDay == 0) return result;
    const Inferred* inferred = findInferred(invoiceId);
    if (inferred == nullptr) return result;  // listed payments only: their dates are exact
    if (!inferred->mixed && inferred->currency == wanted && inferred->amount == paid.amount) {
      result.earliestLastDay = inferred->earliest;
    } else {
      result.earliestLastDay = earliestOfAll(invoiceId, currency);
    }
    return result;
  }

  // Payments on the invoice in other currencies than `currency`, each currency's summed.
  std::vector<Paid> paidInOtherCurrencies(std::int64_t invoiceId, std::string_view currency) const {
    std::vector<Paid> found;
    const std::uint32_t own = packedCode(currency);
    const Paid* first = slot(invoiceId);
    if (first && first->currency != 0 && first->currency != own) found.push_back(*first);
    if (const auto more = others_.find(invoiceId); more != others_.end()) {
      for (const Paid& paid : more->second) {
        if (paid.currency != own) found.push_back(paid);
      }
    }
    return found;
  }

 private:
  // An invoice's inferred payments added up: in one currency unless `mixed`.
  struct Inferred {
    std::int64_t amount = 0;
    int earliest = kNoDayBefore;
    std::uint32_t currency = 0;
    bool mixed = false;
  };

  const Paid* slot(std::int64_t invoiceId) const {
    if (dense_) {
      const auto at = static_cast<std::size_t>(invoiceId - first_);
      return invoiceId < first_ || at >= paid_.size() ? nullptr : &paid_[at];
    }
    const auto found = sparse_.find(invoiceId);
    return found == sparse_.end() ? nullptr : &found->second;
  }

  Inferred& inferredOf(std::int64_t invoiceId) {
    const auto at = static_cast<std::size_t>(invoiceId - first_);
    if (dense_ && invoiceId >= first_ && at < paid_.size()) {
      // Sized on the first inferred payment: a ledger of listed payments never needs it.
      if (inferred_.empty()) inferred_.resize(paid_.size());
      return inferred_[at];
    }
    return inferredSparse_[invoiceId];
  }

  const Inferred* findInferred(std::int64_t invoiceId) const {
    if (dense_) {
      // Every invoice's id is in range; an empty table: no inferred payment at all.
      const auto at = static_cast<std::size_t>(invoiceId - first_);
      if (inferred_.empty() || invoiceId < first_ || at >= inferred_.size()) return nullptr;
      return inferred_[at].currency == 0 ? nullptr : &inferred_[at];
    }
    const auto found = inferredSparse_.find(invoiceId);
    return found == inferredSparse_.end() ? nullptr : &found->second;
  }

  // The earliest day the latest payment of the invoice in `currency` can have been made,
  // from all of its payments.
  int earliestOfAll(std::int64_t invoiceId, std::string_view currency) {
    if (!ofOneInvoice_) {
      ofOneInvoice_.emplace(database_,
                            "SELECT payment_day, date_known, paid_after_day FROM payments"
                            " WHERE invoice_id = ?1 AND currency = ?2 AND payment_day <= ?3");
    }
    auto& select = *ofOneInvoice_;
    select.reset();
    select.bind(1, invoiceId).bind(2, currency).bind(3, asOf_);
    int earliest = kNoDayBefore;
    while (select.step()) earliest = std::max(earliest, earliestDayOf(select, 0, 1, 2));
    return earliest;
  }

  void add(std::int64_t invoiceId, int day, std::int64_t amount, std::string_view code) {
    Paid* paid = nullptr;
    const auto at = static_cast<std::size_t>(invoiceId - first_);
    if (dense_ && invoiceId >= first_ && at < paid_.size()) {
      paid = &paid_[at];
    } else if (!dense_) {
      paid = &sparse_[invoiceId];
    } else {
      return;  // a payment of no invoice: nothing to apply it to
    }
    const std::uint32_t currency = packedCode(code);
    if (paid->currency != 0 && paid->currency != currency) {
      // Rare: the invoice's currency was corrected after this payment came in.
      auto& more = others_[invoiceId];
      auto same = std::find_if(more.begin(), more.end(),
                               [&](const Paid& other) { return other.currency == currency; });
      if (same == more.end()) {
        more.push_back(Paid{.amount = 0, .lastDay = 0, .currency = currency});
        same = more.end() - 1;
      }
      paid = &*same;
    }
    paid->currency = currency;
    paid->amount = checkedSum(paid->amount, amount);
    paid->lastDay = std::max(paid->lastDay, day);
  }

  store::Database& database_;
  std::int64_t asOf_ = 0;
  std::int64_t first_ = 0;
  bool dense_ = false;
  std::vector<Paid> paid_;
  std::unordered_map<std::int64_t, Paid> sparse_;
  std::unordered_map<std::int64_t, std::vector<Paid>> others_;  // second currencies
  std::vector<Inferred> inferred_;                              // beside paid_, once needed
  std::unordered_map<std::int64_t, Inferred> inferredSparse_;
  std::optional<store::PreparedStatement> ofOneInvoice_;  // for invoices paid both ways
};

// The invoices written off as of the date (and not undone by then), by id.
std::vector<std::int64_t> writtenOffInvoices(store::Database& database, dates::Date asOf) {
  store::PreparedStatement select(
      database,
      "SELECT i.id FROM invoices i WHERE i.id IN (SELECT invoice_id FROM writeoffs) AND " +
          std::string(store::kWrittenOffSql) + " ORDER BY i.id");
  select.bind(1, asOf.dayNumber()).bind(2, asOf.dayNumber());
  std::vector<std::int64_t> ids;
  while (select.step()) ids.push_back(select.columnInt(0));
  return ids;
}

// The ledger stores few currencies, each in a million rows: the last one read is kept.
class CurrencyReader {
 public:
  money::Currency operator()(std::string_view code) {
    if (!last_ || code != lastCode_) {
      last_ = money::Currency::fromCode(code);
      if (!last_) throw store::StoreError("unknown currency in the ledger: " + std::string(code));
      lastCode_ = code;
    }
    return *last_;
  }

 private:
  std::string lastCode_;
  std::optional<money::Currency> last_;
};

}  // namespace

LedgerAsOf::LedgerAsOf(store::Database& database, const AgingOptions& options) {
  readClients(database);
  readInvoices(database, options);
  sortOpenInvoices();
  // Kept while a report is written: no room to spare.
  open_.shrink_to_fit();
  numbers_.shrink_to_fit();
}

void LedgerAsOf::readClients(store::Database& database) {
  store::PreparedStatement select(database, "SELECT id, code, name FROM clients ORDER BY id");
  while (select.step()) {
    clients_.push_back(LedgerClient{.id = select.columnInt(0),
                                    .code = std::string(select.columnText(1)),
                                    .name = std::string(select.columnText(2)),
                                    .tally = {}});
  }
}

void LedgerAsOf::readInvoices(store::Database& database, const AgingOptions& options) {
  const auto writtenOff = writtenOffInvoices(database, options.asOf);
  PaymentsSoFar payments(database, options);
  store::PreparedStatement select(
      database,
      "SELECT id, client_id, number, currency, issue_day, due_day, amount FROM invoices"
      " WHERE status NOT IN " +
          store::notOwedSqlList() + (options.client.empty() ? "" : kClientsInvoices));
  if (!options.client.empty()) select.bind(8, options.client);
  CurrencyReader currencyOf;
  const CountbackMonths months(options.asOf);
  while (select.step()) {
    const std::int64_t id = select.columnInt(0);
    const std::string_view currencyCode = select.columnText(3);
    const auto paid = payments.paidOn(id, currencyCode);
    const InvoiceAsOf invoice{
        .number = select.columnText(2),
        .currency = currencyOf(currencyCode),
        .issueDay = static_cast<int>(select.columnInt(4)),
        .issueMonth = months.of(static_cast<int>(select.columnInt(4))),
        .dueDay = static_cast<int>(select.columnInt(5)),
        .amount = select.columnInt(6),
        .paid = paid.amount,
        .lastPaymentDay = paid.lastDay,
        .earliestLastPaymentDay = paid.earliestLastDay,
        .writtenOff = std::binary_search(writtenOff.begin(), writtenOff.end(), id)};
    // SQLite numbers clients 1, 2, 3... as they are added, so the id is tried as a position
    // before it is searched for.
    const std::int64_t clientId = select.columnInt(1);
    auto position = static_cast<std::size_t>(clientId - 1);
    if (clientId <= 0 || position >= clients_.size() || clients_[position].id != clientId) {
      const auto found = std::lower_bound(
          clients_.begin(), clients_.end(), clientId,
          [](const LedgerClient& client, std::int64_t wanted) { return client.id < wanted; });
      if (found == clients_.end() || found->id != clientId) {
        throw store::StoreError("an invoice names a client the ledger does not have");
      }
      position = static_cast<std::size_t>(found - clients_.begin());
    }
    clients_[position].tally.add(invoice, options);
    // A payment in another currency than its invoice's pays nothing of it: it stands as the
    // client's credit in its own currency, beside the invoice.
    for (const auto& other : payments.paidInOtherCurrencies(id, currencyCode)) {
      if (invoice.issueDay <= options.asOf.dayNumber()) {
        clients_[position].tally.addCredit(currencyOf(unpackedCode(other.currency)), other.amount);
      }
      open_.push_back(OpenEntry{.client = static_cast<std::uint32_t>(position),
                                .numberAt = static_cast<std::uint32_t>(numbers_.size()),
                                .numberLength = static_cast<std::uint32_t>(invoice.number.size()),
                                .issueDay = invoice.issueDay,
                                .dueDay = invoice.dueDay,
                                .currency = currencyOf(unpackedCode(other.currency)),
                                .amount = 0,
                                .paid = other.amount});
      numbers_ += invoice.number;
    }
    if (invoice.amount == invoice.paid || invoice.writtenOff) continue;
    open_.push_back(OpenEntry{.client = static_cast<std::uint32_t>(position),
                              .numberAt = static_cast<std::uint32_t>(numbers_.size()),
                              .numberLength = static_cast<std::uint32_t>(invoice.number.size()),
                              .issueDay = invoice.issueDay,
                              .dueDay = invoice.dueDay,
                              .currency = invoice.currency,
                              .amount = invoice.amount,
                              .paid = invoice.paid});
    numbers_ += invoice.number;
  }
}

void LedgerAsOf::sortOpenInvoices() {
  // In aging order: client code, currency, due date, number.
  std::vector<std::uint32_t> byCode(clients_.size());
  for (std::uint32_t i = 0; i < byCode.size(); ++i) byCode[i] = i;
  std::sort(byCode.begin(), byCode.end(),
            [&](std::uint32_t a, std::uint32_t b) { return clients_[a].code < clients_[b].code; });
  std::vector<std::uint32_t> rank(clients_.size());
  for (std::uint32_t r = 0; r < byCode.size(); ++r) rank[byCode[r]] = r;
  std::sort(open_.begin(), open_.end(), [&](const OpenEntry& a, const OpenEntry& b) {
    if (a.client != b.client) return rank[a.client] < rank[b.client];
    if (a.currency != b.currency) return a.currency < b.currency;
    if (a.dueDay != b.dueDay) return a.dueDay < b.dueDay;
    return numberOf(a) < numberOf(b);
  });
}

void LedgerAsOf::eachOpenInvoice(const AgingOptions& options,
                                 const std::function<void(const OpenInvoice&)>& visit) const {
  if (open_.empty()) return;
  const auto zero = money::Money::zero(open_.front().currency);
  OpenInvoice invoice{.clientCode = {},
                      .clientName = {},
                      .number = {},
                      .issueDate = {},
                      .dueDate = {},
                      .amount = zero,
                      .paid = zero,
                      .balance = zero};
  for (const OpenEntry& entry : open_) {
    if (options.currency && entry.currency != *options.currency) continue;
    const LedgerClient& client = clients_[entry.client];
    invoice.clientCode.assign(client.code);
    invoice.clientName.assign(client.name);
    invoice.number.assign(numberOf(entry));
    invoice.issueDate = dates::Date::fromDayNumber(entry.issueDay);
    invoice.dueDate = dates::Date::fromDayNumber(entry.dueDay);
    invoice.amount = money::Money(entry.amount, entry.currency);
    invoice.paid = money::Money(entry.paid, entry.currency);
    invoice.balance = invoice.amount - invoice.paid;
    invoice.daysOverdue =
        options.asOf - (options.basis == Basis::Due ? invoice.dueDate : invoice.issueDate);
    invoice.bucket = options.edges.bucketFor(invoice.daysOverdue);
    invoice.notYetIssued = invoice.issueDate > options.asOf;
    visit(invoice);
  }
}

std::vector<std::string> LedgerAsOf::repeatLateClients(const AgingOptions& options) const {
  std::vector<std::string> codes;
  for (const LedgerClient& client : clients_) {
    int late = 0;
    for (const auto& [currency, count] : client.tally.latePaidIn) {
      if (!options.currency || currency == *options.currency) late += count;
    }
    if (late >= options.repeatLateAfter && late > 0) codes.push_back(client.code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

}  // namespace kindly::aging
