// A file's older rejects are superseded by its latest import: re-importing a fixed export
// clears them from the list, while the history keeps them. An import undone counts nowhere:
// its rejects are no longer listed, and the file's import before it is its latest again.
#include "store/Queries.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace kindly::store {

std::map<std::string, ClientContact> clientContacts(Database& database) {
  std::vector<std::string> codes, names, emails;
  database.session() << "SELECT code, name, email FROM clients ORDER BY code", into(codes),
      into(names), into(emails), now;
  std::map<std::string, ClientContact> contacts;
  for (std::size_t i = 0; i < codes.size(); ++i) contacts[codes[i]] = {names[i], emails[i]};
  return contacts;
}

namespace {

// A line or column number as stored: a ledger written before row numbers were checked may
// hold a negative one, which must not keep every reject from being listed.
std::size_t count(Poco::Int64 stored) { return stored < 0 ? 0 : static_cast<std::size_t>(stored); }

}  // namespace

std::vector<StoredReject> rejects(Database& database, bool history) {
  Poco::Data::Statement select(database.session());
  select << "SELECT i.file, r.line, r.column_number, r.column_name, r.reason, r.raw "
            "FROM rejects r JOIN imports_in_effect i ON i.id = r.import_id " +
                std::string(history ? ""
                                    : "WHERE i.id IN (SELECT MAX(id) FROM imports_in_effect "
                                      "GROUP BY file) ") +
                "ORDER BY i.id, r.line, r.id";
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<StoredReject> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    out.push_back(StoredReject{.file = rows[0].convert<std::string>(),
                               .line = count(rows[1].convert<Poco::Int64>()),
                               .column = count(rows[2].convert<Poco::Int64>()),
                               .columnName = rows[3].convert<std::string>(),
                               .reason = rows[4].convert<std::string>(),
                               .text = rows[5].convert<std::string>()});
  }
  return out;
}

std::optional<dates::Date> latestImportDay(Database& database) {
  Poco::Nullable<Poco::Int64> day;
  database.session() << "SELECT MAX(as_of_day) FROM imports_in_effect", into(day), now;
  if (day.isNull()) return std::nullopt;
  return dates::Date::fromDayNumber(static_cast<std::int32_t>(day.value()));
}

}  // namespace kindly::store
