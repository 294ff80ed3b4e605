// `kindly forecast`: expected collections per week for the next 13 weeks, per currency.
#include "aging/Forecast.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/ForecastOutput.h"

namespace kindly::cli {

int ForecastCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("forecast takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  const auto options = agingOptions(context);
  const auto forecast = aging::forecast(context.ledger(), options);
  switch (format) {
    case OutputFormat::Table:
      reports::writeForecastTable(context.out, forecast);
      break;
    case OutputFormat::Csv:
      reports::writeForecastCsv(context.out, forecast);
      break;
    case OutputFormat::Json:
      reports::writeForecastJson(context.out, forecast);
      break;
  }
  return kDone;
}

}  // namespace kindly::cli
