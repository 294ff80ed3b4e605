// A ledger that does not exist yet, built in a file of its own beside its place and put there
// whole: a command that fails halfway, or a dry run, leaves no ledger behind, and a ledger
// another process made meanwhile is never replaced.
#pragma once

#include <memory>
#include <string>

#include "store/Database.h"

namespace kindly::store {

class NewLedger {
 public:
  // Creates the ledger that will be `path` in "PATH.new-PID", named `path` in its messages.
  // Throws StoreError as Database does.
  explicit NewLedger(const std::string& path);
  // Removes the file being built, and its journal files, unless it was put in place.
  ~NewLedger();
  NewLedger(const NewLedger&) = delete;
  NewLedger& operator=(const NewLedger&) = delete;

  Database& database() { return *database_; }
  // Closes the ledger (its write-ahead log folded into the file) and links it in as `path`.
  // Throws StoreError, with nothing put in place, when a ledger is there already or the link
  // cannot be made.
  void putInPlace();

 private:
  void discard();

  std::string path_;
  std::string building_;
  std::unique_ptr<Database> database_;
};

}  // namespace kindly::store
