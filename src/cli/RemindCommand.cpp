// `kindly remind`: one consolidated, courteous draft per client with an overdue balance.
#include "aging/AgingEngine.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "drafts/BatchWriter.h"
#include "drafts/Templates.h"
#include "followup/ChaseList.h"
#include "store/Queries.h"

namespace kindly::cli {

int RemindCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("remind takes no arguments; usage: kindly " + usage());
  const auto options = agingOptions(context.config);
  auto& ledger = context.ledger();
  const auto invoices = aging::AgingEngine(ledger).openInvoices(options);
  const auto reminders =
      followup::chaseList(invoices, store::clientContacts(ledger), options.asOf, options.graceDays);
  const std::string templates = context.config.getString("remind.templates", "");
  drafts::BatchWriter writer(
      context.config.getString("remind.out", "out"), options.asOf, sender(context.config),
      templates.empty() ? drafts::Templates() : drafts::Templates::withOverrides(templates));
  const auto entries = writer.write(reminders);
  std::size_t withoutEmail = 0;
  for (const auto& entry : entries) withoutEmail += entry.email.empty();
  context.out << "Wrote " << entries.size() << " reminder drafts to " << writer.batchPath()
              << " for review.\n";
  if (withoutEmail > 0) {
    context.out << withoutEmail << " of them have no email address on file: add one, or call.\n";
  }
  return kDone;
}

}  // namespace kindly::cli
