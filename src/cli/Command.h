// A subcommand of `kindly`: its name, the options it takes, and what it does.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/Database.h"

namespace kindly::cli {

// The documented exit statuses.
enum ExitStatus { kDone = 0, kNeedsAttention = 1, kFailed = 2 };

// What a command works with: the merged configuration (file, then options), the output
// streams, and the ledger, opened on first use.
class Context {
 public:
  Context(Poco::Util::AbstractConfiguration& config, std::ostream& out, std::ostream& err)
      : config(config), out(out), err(err) {}

  // The ledger at --db, else $KINDLY_DB, else ./kindly.db. Throws UsageError when there is
  // none: only an import creates a ledger (see ImportCommand).
  store::Database& ledger();

  Poco::Util::AbstractConfiguration& config;
  std::ostream& out;
  std::ostream& err;

 private:
  std::unique_ptr<store::Database> ledger_;
};

// The ledger's path: --db, else $KINDLY_DB, else ./kindly.db.
std::string ledgerPath(const Poco::Util::AbstractConfiguration& config);

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  // "import FILE... [--dry-run]" for the help text.
  virtual std::string usage() const = 0;
  virtual std::string summary() const = 0;
  // The long names of the options this command accepts, beyond --db, --config and --help.
  virtual std::vector<std::string> options() const = 0;
  // Runs with the arguments after the command name; returns an ExitStatus. Throws
  // kindly::Error (mapped to kFailed by the caller) when it cannot proceed.
  virtual int run(const std::vector<std::string>& args, Context& context) = 0;
};

// Every command, in the order the help lists them.
std::vector<std::unique_ptr<Command>> allCommands();

}  // namespace kindly::cli
