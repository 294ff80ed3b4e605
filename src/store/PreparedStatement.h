// A statement prepared once and run for many rows, directly on the ledger's SQLite handle.
// Poco::Data prepares a statement that returns rows anew on every execute(); an import runs
// a few statements a million times, so its per-row writes go through this instead.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/Database.h"

namespace kindly::store {

class PreparedStatement {
 public:
  // Prepares `sql` on the database's connection; throws StoreError when it does not compile.
  PreparedStatement(Database& database, std::string_view sql);

  // Binds parameter `index` (1-based). Text is copied, so the argument may go away.
  PreparedStatement& bind(int index, std::int64_t value);
  PreparedStatement& bind(int index, std::string_view value);
  // Binds NULL when `value` is empty.
  PreparedStatement& bind(int index, std::optional<std::int64_t> value);

  // Runs to the next row: true when one is available to read with the column functions,
  // false when the statement is done. Throws StoreError on failure.
  bool step();
  std::int64_t columnInt(int index) const;
  // The integer of column `index`, or nullopt when it is NULL.
  std::optional<std::int64_t> columnOptionalInt(int index) const;
  std::string_view columnText(int index) const;
  // Rows changed by the last run of an INSERT, UPDATE or DELETE.
  int changes() const;

  // Makes the statement ready to run again with new bindings.
  void reset();

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  sqlite3* db_;
  std::string ledgerPath_;  // for messages
  std::unique_ptr<sqlite3_stmt, Finalize> statement_;
};

}  // namespace kindly::store
