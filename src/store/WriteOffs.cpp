// Rows are never deleted: the history of who wrote what off, when and why, is the point.
#include "store/WriteOffs.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace kindly::store {

std::optional<WriteOff> WriteOffLog::active(std::int64_t invoiceId) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT w.id, i.number, w.day, w.reason FROM writeoffs w "
            "JOIN invoices i ON i.id = w.invoice_id "
            "WHERE w.invoice_id = ? AND w.undone_day IS NULL ORDER BY w.id DESC LIMIT 1",
      bind(invoiceId);
  select.execute();
  Poco::Data::RecordSet rows(select);
  if (!rows.moveFirst()) return std::nullopt;
  return WriteOff{.id = rows[0].convert<std::int64_t>(),
                  .invoiceNumber = rows[1].convert<std::string>(),
                  .day = dates::Date::fromDayNumber(rows[2].convert<std::int32_t>()),
                  .reason = rows[3].convert<std::string>(),
                  .undoneDay = std::nullopt,
                  .undoReason = ""};
}

void WriteOffLog::writeOff(std::int64_t invoiceId, dates::Date day, const std::string& reason) {
  database_.session() << "INSERT INTO writeoffs (invoice_id, day, reason) VALUES (?, ?, ?)",
      bind(invoiceId), bind(static_cast<Poco::Int64>(day.dayNumber())), bind(reason), now;
}

void WriteOffLog::undo(std::int64_t writeOffId, dates::Date day, const std::string& reason) {
  database_.session() << "UPDATE writeoffs SET undone_day = ?, undo_reason = ? "
                         "WHERE id = ? AND undone_day IS NULL",
      bind(static_cast<Poco::Int64>(day.dayNumber())), bind(reason), bind(writeOffId), now;
}

std::vector<WriteOff> WriteOffLog::forClient(std::int64_t clientId, dates::Date asOf) {
  const auto day = static_cast<Poco::Int64>(asOf.dayNumber());
  Poco::Data::Statement select(database_.session());
  select << "SELECT w.id, i.number, w.day, w.reason, "
            "       w.undone_day IS NOT NULL AND w.undone_day <= ?, COALESCE(w.undone_day, 0), "
            "       COALESCE(w.undo_reason, '') "
            "FROM writeoffs w JOIN invoices i ON i.id = w.invoice_id "
            "WHERE i.client_id = ? AND w.day <= ? ORDER BY w.day, w.id",
      bind(day), bind(clientId), bind(day);
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<WriteOff> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    WriteOff writeOff{.id = rows[0].convert<std::int64_t>(),
                      .invoiceNumber = rows[1].convert<std::string>(),
                      .day = dates::Date::fromDayNumber(rows[2].convert<std::int32_t>()),
                      .reason = rows[3].convert<std::string>(),
                      .undoneDay = std::nullopt,
                      .undoReason = ""};
    if (rows[4].convert<int>() != 0) {
      writeOff.undoneDay = dates::Date::fromDayNumber(rows[5].convert<std::int32_t>());
      writeOff.undoReason = rows[6].convert<std::string>();
    }
    out.push_back(std::move(writeOff));
  }
  return out;
}

}  // namespace kindly::store
