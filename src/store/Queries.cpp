// A file's older rejects are superseded by its latest import: re-importing a fixed export
// clears them from the list, while the history keeps them.
#include "store/Queries.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

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

std::vector<StoredReject> rejects(Database& database, bool history) {
  Poco::Data::Statement select(database.session());
  select << "SELECT i.file, r.line, r.column_number, r.column_name, r.reason, r.raw "
            "FROM rejects r JOIN imports i ON i.id = r.import_id " +
                std::string(
                    history ? "" : "WHERE i.id IN (SELECT MAX(id) FROM imports GROUP BY file) ") +
                "ORDER BY i.id, r.line, r.id";
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<StoredReject> out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    out.push_back(StoredReject{.file = rows[0].convert<std::string>(),
                               .line = rows[1].convert<std::size_t>(),
                               .column = rows[2].convert<std::size_t>(),
                               .columnName = rows[3].convert<std::string>(),
                               .reason = rows[4].convert<std::string>(),
                               .text = rows[5].convert<std::string>()});
  }
  return out;
}

}  // namespace kindly::store
