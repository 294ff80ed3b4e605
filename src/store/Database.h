// The ledger: one SQLite file opened through Poco::Data, its schema brought up to date on
// open. Write-ahead logging and foreign keys are always on.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <string>

#include "base/Error.h"

namespace kindly::store {

// The database cannot be opened, migrated, read or written.
class StoreError : public Error {
 public:
  using Error::Error;
};

// Why SQLite could not use the ledger, in a bookkeeper's words, from SQLite's result code and
// message: another program writing, a read-only file or folder, a full disk, a damaged file.
std::string ledgerFailure(int sqliteCode, const std::string& sqliteMessage);
// The same for an exception of Poco::Data; any other exception: its displayText().
std::string ledgerFailure(const Poco::Exception& e);

class Database {
 public:
  // Opens the ledger at `path`, creating it when missing (":memory:" for tests), and applies
  // every migration it lacks in one transaction. A ledger that cannot be written (on
  // read-only media, in a folder of someone else's) is opened for reading: writes then fail
  // as read-only. Throws StoreError when the file is another program's database (tables but
  // no Kindly schema), is newer than this program, is read-only and older, or cannot be
  // opened. Messages call the ledger `shownAs` when given (see NewLedger), else `path`.
  explicit Database(const std::string& path, const std::string& shownAs = {});

  Poco::Data::Session& session() { return session_; }
  // The ledger as messages name it.
  const std::string& path() const { return path_; }
  // PRAGMA user_version: the number of migrations applied.
  int schemaVersion();

 private:
  void migrate();

  std::string path_;
  bool readOnly_;
  Poco::Data::Session session_;
};

}  // namespace kindly::store
