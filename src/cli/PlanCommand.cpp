// `kindly plan`: each client's next follow-up, and why.
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "followup/PlanReader.h"
#include "reports/PlanOutput.h"

namespace kindly::cli {

int PlanCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("plan takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  const auto options = agingOptions(context);
  const auto plan = followup::planFollowUps(context.ledger(), options, cadence(context.config));
  switch (format) {
    case OutputFormat::Table:
      reports::writePlanTable(context.out, options.asOf, plan);
      break;
    case OutputFormat::Csv:
      reports::writePlanCsv(context.out, plan);
      break;
    case OutputFormat::Json:
      reports::writePlanJson(context.out, plan);
      break;
  }
  return kDone;
}

}  // namespace kindly::cli
