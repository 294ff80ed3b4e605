// `kindly report FILE.xlsx`: the owner's workbook.
#include "aging/AgingEngine.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/AgingWorkbook.h"

namespace kindly::cli {

int ReportCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) throw UsageError("report needs one FILE.xlsx; usage: kindly " + usage());
  const auto options = agingOptions(context.config);
  aging::AgingEngine engine(context.ledger());
  const auto invoices = engine.openInvoices(options);
  const auto report = engine.age(options);
  reports::writeAgingWorkbook(args.front(), report, invoices,
                              {.companyName = context.config.getString("company.name", "")});
  context.out << "Wrote " << args.front() << ": " << report.clients.size() << " client rows, "
              << invoices.size() << " open invoices, as of " << options.asOf.iso() << ".\n";
  return kDone;
}

}  // namespace kindly::cli
