// Errors carry SQLite's own message: they are failures of the environment (disk, locks).
#include "store/PreparedStatement.h"

#include <Poco/Data/SQLite/Utility.h>

#include <string>

namespace kindly::store {

PreparedStatement::PreparedStatement(Database& database, std::string_view sql)
    : db_(Poco::Data::SQLite::Utility::dbHandle(database.session())), ledgerPath_(database.path()) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    throw StoreError("cannot prepare a ledger statement: " + std::string(sqlite3_errmsg(db_)));
  }
  statement_.reset(statement);
}

PreparedStatement& PreparedStatement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_.get(), index, value);
  return *this;
}

PreparedStatement& PreparedStatement::bind(int index, std::string_view value) {
  sqlite3_bind_text(statement_.get(), index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

PreparedStatement& PreparedStatement::bind(int index, std::optional<std::int64_t> value) {
  if (!value) {
    sqlite3_bind_null(statement_.get(), index);
    return *this;
  }
  return bind(index, *value);
}

bool PreparedStatement::step() {
  const int status = sqlite3_step(statement_.get());
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  throw StoreError("the ledger " + ledgerPath_ +
                   " refused a write: " + ledgerFailure(status, sqlite3_errmsg(db_)));
}

std::int64_t PreparedStatement::columnInt(int index) const {
  return sqlite3_column_int64(statement_.get(), index);
}

std::optional<std::int64_t> PreparedStatement::columnOptionalInt(int index) const {
  if (sqlite3_column_type(statement_.get(), index) == SQLITE_NULL) return std::nullopt;
  return columnInt(index);
}

std::string_view PreparedStatement::columnText(int index) const {
  const auto* text = sqlite3_column_text(statement_.get(), index);
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), index))};
}

int PreparedStatement::changes() const { return sqlite3_changes(db_); }

void PreparedStatement::reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
}

}  // namespace kindly::store
