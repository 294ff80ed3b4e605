// `kindly aging`: the aging report in the format asked for.
#include "aging/AgingEngine.h"
#include "base/Error.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/AgingOutput.h"
#include "store/ClientLedger.h"

namespace kindly::cli {

int AgingCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("aging takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  auto options = agingOptions(context.config);
  if (!options.client.empty()) {
    // A mistyped code would otherwise read as a client who owes nothing.
    const auto client = store::ClientLedger(context.ledger()).findClient(options.client);
    if (!client) throw UsageError("--client: no client '" + options.client + "' in the ledger");
    options.client = client->code;
  }
  const auto report = aging::AgingEngine(context.ledger()).age(options);
  switch (format) {
    case OutputFormat::Table:
      reports::writeAgingTable(context.out, report);
      break;
    case OutputFormat::Csv:
      reports::writeAgingCsv(context.out, report);
      break;
    case OutputFormat::Json:
      reports::writeAgingJson(context.out, report);
      break;
  }
  return kDone;
}

}  // namespace kindly::cli
