// `kindly aging`: the aging report in the format asked for.
#include "aging/AgingEngine.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/AgingOutput.h"

namespace kindly::cli {

int AgingCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("aging takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  const auto options = agingOptions(context);
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
