// The command table and the ledger's location.
#include "cli/Commands.h"

#include <Poco/Environment.h>

#include <filesystem>

#include "base/Error.h"
#include "cli/Command.h"

namespace kindly::cli {

std::string ledgerPath(const Poco::Util::AbstractConfiguration& config) {
  return config.getString("ledger.path", Poco::Environment::get("KINDLY_DB", "kindly.db"));
}

store::Database& Context::ledger() {
  if (!ledger_) {
    const auto path = ledgerPath(config);
    // A command run in the wrong folder must not answer "nothing is owed" from an empty ledger
    // it made itself: only an import creates one.
    // An empty file (a `touch`, a copy that failed) is no ledger either.
    std::error_code unknown;
    if (path != ":memory:" &&
        (!std::filesystem::exists(path) || std::filesystem::file_size(path, unknown) == 0)) {
      throw UsageError("no ledger at " + path +
                       "; `kindly import FILE` creates one, or choose another with --db FILE "
                       "or $KINDLY_DB");
    }
    ledger_ = std::make_unique<store::Database>(path);
  }
  return *ledger_;
}

std::vector<std::unique_ptr<Command>> allCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ImportCommand>());
  commands.push_back(std::make_unique<RejectsCommand>());
  commands.push_back(std::make_unique<AgingCommand>());
  commands.push_back(std::make_unique<ClientsCommand>());
  commands.push_back(std::make_unique<ForecastCommand>());
  commands.push_back(std::make_unique<PlanCommand>());
  commands.push_back(std::make_unique<ReportCommand>());
  commands.push_back(std::make_unique<RemindCommand>());
  commands.push_back(std::make_unique<SendCommand>());
  commands.push_back(std::make_unique<LintTemplatesCommand>());
  commands.push_back(std::make_unique<ClientCommand>());
  commands.push_back(std::make_unique<LogCommand>());
  commands.push_back(std::make_unique<WriteOffCommand>());
  return commands;
}

}  // namespace kindly::cli
