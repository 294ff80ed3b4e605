// Channels and outcomes are checked here and in the CLI, not by the schema, so that a new one
// needs no migration.
#include "store/Contacts.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <algorithm>
#include <array>

using namespace Poco::Data::Keywords;

namespace kindly::store {

namespace {

constexpr std::array<std::string_view, 5> kKinds = {"contact", "promise", "dispute", "resolved",
                                                    "note"};
constexpr std::array<std::string_view, 5> kChannels = {"email", "call", "letter", "visit", "other"};
constexpr std::array<std::string_view, 6> kOutcomes = {"reached",  "voicemail", "no-answer",
                                                       "promised", "disputed",  "paid-already"};

ContactKind kindFromName(const std::string& name) {
  const auto found = std::find(kKinds.begin(), kKinds.end(), name);
  if (found == kKinds.end())
    throw StoreError("the ledger holds an unknown contact kind '" + name + "'");
  return static_cast<ContactKind>(found - kKinds.begin());
}

}  // namespace

std::string_view kindName(ContactKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

bool isContactChannel(std::string_view channel) {
  return std::find(kChannels.begin(), kChannels.end(), channel) != kChannels.end();
}

bool isContactOutcome(std::string_view outcome) {
  return std::find(kOutcomes.begin(), kOutcomes.end(), outcome) != kOutcomes.end();
}

void ContactLog::add(std::int64_t clientId, const ContactRecord& record) {
  Poco::Nullable<Poco::Int64> invoiceId;
  if (record.invoiceId) invoiceId = *record.invoiceId;
  Poco::Nullable<Poco::Int64> promisedDay;
  if (record.promisedDay) promisedDay = record.promisedDay->dayNumber();
  database_.session() << "INSERT INTO contacts (client_id, invoice_id, day, kind, channel, "
                         "outcome, promised_day, text, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      bind(clientId), use(invoiceId), bind(static_cast<Poco::Int64>(record.day.dayNumber())),
      bind(std::string(kindName(record.kind))), bind(record.channel), bind(record.outcome),
      use(promisedDay), bind(record.text), bind(record.step), now;
}

namespace {

// The columns readRecord() reads, in its order.
constexpr const char* kRecordColumns =
    "SELECT k.id, k.client_id, k.kind, k.day, COALESCE(k.invoice_id, 0), COALESCE(i.number, ''), "
    "       k.channel, k.outcome, k.promised_day IS NOT NULL, COALESCE(k.promised_day, 0), "
    "       k.text, k.step, k.retracted_day IS NOT NULL, COALESCE(k.retracted_day, 0), "
    "       COALESCE(k.retract_reason, '') "
    "FROM contacts k LEFT JOIN invoices i ON i.id = k.invoice_id ";

ContactRecord readRecord(Poco::Data::RecordSet& rows) {
  ContactRecord record{.id = rows[0].convert<std::int64_t>(),
                       .clientId = rows[1].convert<std::int64_t>(),
                       .kind = kindFromName(rows[2].convert<std::string>()),
                       .day = dates::Date::fromDayNumber(rows[3].convert<std::int32_t>()),
                       .invoiceId = std::nullopt,
                       .invoiceNumber = rows[5].convert<std::string>(),
                       .channel = rows[6].convert<std::string>(),
                       .outcome = rows[7].convert<std::string>(),
                       .promisedDay = std::nullopt,
                       .text = rows[10].convert<std::string>(),
                       .step = rows[11].convert<std::string>(),
                       .retractedDay = std::nullopt,
                       .retractReason = rows[14].convert<std::string>()};
  // Invoice ids start at 1, so 0 stands for none; any day is a valid promise, hence the flag.
  if (const auto invoiceId = rows[4].convert<std::int64_t>(); invoiceId != 0) {
    record.invoiceId = invoiceId;
  }
  if (rows[8].convert<int>() != 0) {
    record.promisedDay = dates::Date::fromDayNumber(rows[9].convert<std::int32_t>());
  }
  if (rows[12].convert<int>() != 0) {
    record.retractedDay = dates::Date::fromDayNumber(rows[13].convert<std::int32_t>());
  }
  return record;
}

}  // namespace

std::vector<ContactRecord> ContactLog::forClient(std::int64_t clientId, dates::Date asOf) {
  Poco::Data::Statement select(database_.session());
  select << std::string(kRecordColumns) +
                "WHERE k.client_id = ? AND k.day <= ? ORDER BY k.day, k.id",
      bind(clientId), bind(static_cast<Poco::Int64>(asOf.dayNumber()));
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<ContactRecord> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    out.push_back(readRecord(rows));
  }
  return out;
}

std::optional<ContactRecord> ContactLog::find(std::int64_t id) {
  Poco::Data::Statement select(database_.session());
  select << std::string(kRecordColumns) + "WHERE k.id = ?", bind(id);
  select.execute();
  Poco::Data::RecordSet rows(select);
  if (!rows.moveFirst()) return std::nullopt;
  return readRecord(rows);
}

void ContactLog::retract(std::int64_t id, dates::Date day, const std::string& reason) {
  Poco::Nullable<std::string> why;
  if (!reason.empty()) why = reason;
  database_.session() << "UPDATE contacts SET retracted_day = ?, retract_reason = ? "
                         "WHERE id = ? AND retracted_day IS NULL",
      bind(static_cast<Poco::Int64>(day.dayNumber())), use(why), bind(id), now;
}

}  // namespace kindly::store
