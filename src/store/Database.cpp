// Opening the ledger and migrating it forward.
#include "store/Database.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Exception.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/Schema.h"

using namespace Poco::Data::Keywords;

namespace kindly::store {

namespace {

template <class Failure>
bool is(const Poco::Exception& e) {
  return dynamic_cast<const Failure*>(&e) != nullptr;
}

// True when SQLite could not write the ledger or the journal files beside it: a ledger on
// read-only media, or in a folder of someone else's, is opened for reading only.
bool isReadOnly(const std::string& path) {
  if (path == ":memory:" || ::access(path.c_str(), F_OK) != 0) return false;
  const std::string folder = std::filesystem::path(path).parent_path().string();
  return ::access(path.c_str(), W_OK) != 0 ||
         ::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0;
}

// "file:/a%20b/kindly.db?mode=ro": a URI filename, its path percent-encoded where a URI
// would read it otherwise.
std::string readOnlyUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#' || c == ' ') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

Poco::Data::Session openSession(const std::string& path, const std::string& shownAs) {
  static const bool registered = [] {
    // Each connection is used by one thread only: SQLite need not lock it on every call,
    // which costs a tenth of a large import.
    Poco::Data::SQLite::Utility::setThreadMode(Poco::Data::SQLite::Utility::THREAD_MODE_MULTI);
    Poco::Data::SQLite::Connector::registerConnector();
    return true;
  }();
  (void)registered;
  try {
    // Login timeout 0: Poco would retry a file SQLite cannot open (a missing folder) for 60 s.
    return Poco::Data::Session("SQLite", path, 0);
  } catch (const Poco::Exception& e) {
    throw StoreError("cannot open the ledger " + shownAs + ": " + ledgerFailure(e));
  }
}

// Runs several ;-separated statements (Poco::Data prepares one at a time).
void executeScript(Poco::Data::Session& session, std::string_view sql) {
  char* message = nullptr;
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session);
  if (const int code = sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &message);
      code != SQLITE_OK) {
    std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    throw StoreError("cannot update the ledger's schema: " + ledgerFailure(code, reason));
  }
}

}  // namespace

std::string ledgerFailure(int sqliteCode, const std::string& sqliteMessage) {
  // Every write is one transaction, rolled back when it fails: nothing was changed.
  switch (sqliteCode & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another program is writing to it (a second kindly, a sqlite3 shell?); nothing "
             "was changed: run this again once it is done";
    case SQLITE_READONLY:
      return "it is read-only (the file, or the folder it is in); nothing was changed";
    case SQLITE_FULL:
      return "the disk is full, or a limit on file size was reached; nothing was changed";
    case SQLITE_IOERR:
      return "the disk failed to read or write it (full, or failing?); nothing was changed";
    case SQLITE_CANTOPEN:
      return "it cannot be opened or created there (a missing or read-only folder?)";
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "permission denied";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "the file is damaged, or is not a Kindly ledger (" + sqliteMessage + ")";
    default:
      return sqliteMessage;
  }
}

std::string ledgerFailure(const Poco::Exception& e) {
  namespace sqlite = Poco::Data::SQLite;
  int code = SQLITE_ERROR;
  if (is<sqlite::DBLockedException>(e)) code = SQLITE_BUSY;
  if (is<sqlite::TableLockedException>(e)) code = SQLITE_LOCKED;
  if (is<sqlite::ReadOnlyException>(e)) code = SQLITE_READONLY;
  if (is<sqlite::DatabaseFullException>(e)) code = SQLITE_FULL;
  if (is<sqlite::IOErrorException>(e)) code = SQLITE_IOERR;
  if (is<sqlite::CantOpenDBFileException>(e)) code = SQLITE_CANTOPEN;
  if (is<Poco::Data::ConnectionFailedException>(e)) code = SQLITE_CANTOPEN;
  if (is<sqlite::DBAccessDeniedException>(e)) code = SQLITE_PERM;
  if (is<sqlite::CorruptImageException>(e)) code = SQLITE_CORRUPT;
  return ledgerFailure(code, e.message().empty() ? e.displayText() : e.message());
}

Database::Database(const std::string& path, const std::string& shownAs)
    : path_(shownAs.empty() ? path : shownAs),
      readOnly_(isReadOnly(path)),
      session_(openSession(readOnly_ ? readOnlyUri(path, "mode=ro") : path, path_)) {
  try {
    // Another writer (a second kindly, a sqlite3 shell) gets a few seconds before we fail.
    session_ << "PRAGMA busy_timeout = 5000", now;
    if (readOnly_) {
      // A ledger in write-ahead mode whose folder cannot take the shared-memory file cannot
      // be read the usual way; on read-only media nothing changes it, so it is read as is.
      try {
        schemaVersion();
      } catch (const Poco::Exception& e) {
        // Only when the log's files are what failed; another program writing is no reason.
        const bool logFiles = is<Poco::Data::SQLite::CantOpenDBFileException>(e) ||
                              is<Poco::Data::SQLite::ReadOnlyException>(e);
        if (!logFiles) throw;
        session_ = openSession(readOnlyUri(path, "immutable=1"), path_);
      }
    } else if (path != ":memory:") {
      session_ << "PRAGMA journal_mode = WAL", now;
    }
    session_ << "PRAGMA foreign_keys = ON", now;
    session_ << "PRAGMA synchronous = NORMAL", now;
    migrate();
  } catch (const Poco::Exception& e) {
    throw StoreError("cannot open the ledger " + path_ + ": " + ledgerFailure(e));
  }
}

int Database::schemaVersion() {
  int version = 0;
  session_ << "PRAGMA user_version", into(version), now;
  return version;
}

void Database::migrate() {
  const auto& all = migrations();
  const int version = schemaVersion();
  if (version > static_cast<int>(all.size())) {
    throw StoreError("the ledger " + path_ + " was written by a newer Kindly (schema " +
                     std::to_string(version) + ")");
  }
  if (version == static_cast<int>(all.size())) return;
  int tables = 0;
  session_ << "SELECT COUNT(*) FROM sqlite_master", into(tables), now;
  if (version < 0 || (version == 0 && tables > 0)) {
    throw StoreError(path_ +
                     " is a database of another program, not a Kindly ledger; nothing "
                     "was changed: choose another file with --db");
  }
  if (readOnly_) {
    throw StoreError("the ledger " + path_ +
                     " is read-only and was written by an earlier "
                     "Kindly: open it once where it can be written to bring it up to date");
  }
  Poco::Data::Transaction transaction(session_);
  for (std::size_t i = version; i < all.size(); ++i) executeScript(session_, all[i]);
  session_ << "PRAGMA user_version = " + std::to_string(all.size()), now;
  transaction.commit();
}

}  // namespace kindly::store
