// A hard link fails on an existing name, where a rename would overwrite it: two first imports
// at once cannot replace each other's ledger.
#include "store/NewLedger.h"

#include <unistd.h>

#include <filesystem>

namespace kindly::store {

namespace fs = std::filesystem;

NewLedger::NewLedger(const std::string& path)
    : path_(path), building_(path + ".new-" + std::to_string(::getpid())) {
  discard();  // a file left by an earlier process of the same id is no ledger of ours
  try {
    database_ = std::make_unique<Database>(building_, path_);
  } catch (...) {
    discard();
    throw;
  }
}

NewLedger::~NewLedger() { discard(); }

void NewLedger::putInPlace() {
  database_.reset();
  std::error_code failed;
  fs::create_hard_link(building_, path_, failed);
  discard();
  if (failed) {
    throw StoreError("the ledger " + path_ +
                     (fs::exists(path_)
                          ? ": another command created it while this one ran"
                          : ": the new ledger cannot be put in place: " + failed.message()) +
                     "; nothing was written");
  }
}

void NewLedger::discard() {
  database_.reset();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(building_ + suffix, ignored);
  }
}

}  // namespace kindly::store
