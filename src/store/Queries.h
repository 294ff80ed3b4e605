// Read-only lookups of the ledger used by several commands.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "store/Database.h"

namespace kindly::store {

struct ClientContact {
  std::string name;
  std::string email;
};

// Every client's name and email, by client code.
std::map<std::string, ClientContact> clientContacts(Database& database);

// A quarantined row as the ledger keeps it.
struct StoredReject {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string columnName;
  std::string reason;
  std::string text;
};

// The rejects of the latest import of each file (those still to be fixed), or of every
// import when `history` is true; in import order, then by line. Imports undone are left out.
std::vector<StoredReject> rejects(Database& database, bool history);

// The as-of day of the latest import: the day the ledger's balances are known as at; nullopt
// for a ledger no import has filled.
std::optional<dates::Date> latestImportDay(Database& database);

}  // namespace kindly::store
