// `kindly report FILE.xlsx`: the owner's workbook; `--format csv|json DIR`: the same tables as
// files for other tools.
#include "aging/LedgerAsOf.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/AgingWorkbook.h"
#include "reports/ReportTablesFiles.h"
#include "reports/ReportTablesLedger.h"

namespace kindly::cli {

int ReportCommand::run(const std::vector<std::string>& args, Context& context) {
  const std::string format = toLower(context.config.getString("run.format", "xlsx"));
  if (format != "xlsx" && format != "csv" && format != "json") {
    throw UsageError("--format: '" + format + "' is not one of xlsx, csv, json");
  }
  const bool workbook = format == "xlsx";
  if (args.size() != 1) {
    throw UsageError(std::string("report needs one ") + (workbook ? "FILE.xlsx" : "DIR") +
                     "; usage: kindly " + usage());
  }
  const auto options = agingOptions(context.config);
  const auto cadence = cli::cadence(context.config);
  const aging::LedgerAsOf ledger(context.ledger(), options);
  const auto report = reports::readOwnerReport(context.ledger(), ledger, options, cadence,
                                               context.config.getString("company.name", ""));
  const reports::OpenInvoiceSource openInvoices = [&](const auto& visit) {
    ledger.eachOpenInvoice(options, visit);
  };
  const std::size_t invoices =
      workbook ? reports::writeAgingWorkbook(args.front(), report, openInvoices)
               : reports::writeReportTables(args.front(),
                                            format == "csv" ? reports::TableFileFormat::Csv
                                                            : reports::TableFileFormat::Json,
                                            report, openInvoices);
  context.out << "Wrote " << args.front() << ": " << report.aging.clients.size() << " client rows, "
              << invoices << " open invoices, as of " << options.asOf.iso() << ".\n";
  return kDone;
}

}  // namespace kindly::cli
