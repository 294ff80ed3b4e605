// `kindly import`: a line per file that always adds up, then every rejected row.
#include "base/Error.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "importers/ImportJob.h"

namespace kindly::cli {

int ImportCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.empty()) throw UsageError("import needs at least one FILE; usage: kindly " + usage());
  const auto options = importOptions(context.config);
  importers::ImportJob job(context.ledger(), options);
  const auto summaries = job.run(args);

  std::size_t rejected = 0;
  for (const auto& s : summaries) {
    context.out << s.file << ": " << s.read << ' ' << s.kind << " rows: " << s.added << " new, ";
    if (s.kind == "invoices") context.out << s.updated << " updated, ";
    context.out << s.unchanged << " unchanged, " << s.rejected << " rejected\n";
    if (s.inferredPayments > 0) {
      context.out << s.file << ": " << s.inferredPayments
                  << " payments inferred from a fall in balance, dated " << options.asOf.iso()
                  << '\n';
    }
    rejected += s.rejected;
  }
  for (const auto& s : summaries) {
    for (const auto& r : s.rejects) {
      context.err << r.file << ':' << r.line << ':' << r.column << ": "
                  << (r.columnName.empty() ? "" : r.columnName + ": ") << r.reason << '\n';
    }
  }
  if (options.dryRun) context.out << "Dry run: nothing was written.\n";
  if (rejected > 0) {
    context.out << rejected << " rows set aside; `kindly rejects` lists them.\n";
    return kNeedsAttention;
  }
  return kDone;
}

}  // namespace kindly::cli
