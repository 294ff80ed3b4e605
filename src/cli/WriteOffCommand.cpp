// `kindly writeoff`: a person's explicit act, with a reason, and its undo. Both are kept: the
// row stays, the undo is written on it.
#include <Poco/Data/Transaction.h>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/ContactText.h"
#include "cli/Settings.h"
#include "store/ClientLedger.h"
#include "store/WriteOffs.h"

namespace kindly::cli {

int WriteOffCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) {
    throw UsageError("writeoff takes one invoice number; usage: kindly " + usage());
  }
  const std::string reason(trim(context.config.getString("run.reason", "")));
  if (reason.empty() || reason == "true") {
    throw UsageError(
        "writeoff needs --reason TEXT: a write-off is a person's decision, and "
        "says why");
  }
  const bool undo = context.config.getBool("writeoff.undo", false);
  const dates::Date day = asOf(context.config);

  auto& ledger = context.ledger();
  store::ClientLedger clients(ledger);
  const auto invoice = clients.findInvoice(args.front());
  if (!invoice) throw UsageError("no invoice '" + args.front() + "' in the ledger");
  const std::string who = oneLine(invoice->client.code + ' ' + invoice->client.name);

  store::WriteOffLog writeOffs(ledger);
  Poco::Data::Transaction transaction(ledger.session());
  const auto active = writeOffs.active(invoice->id);
  if (undo) {
    if (!active) throw UsageError(invoice->number + " is not written off: nothing to undo");
    if (day < active->day) {
      throw UsageError("--as-of " + day.iso() + " is before " + invoice->number +
                       " was written off, on " + active->day.iso());
    }
    writeOffs.undo(active->id, day, reason);
    transaction.commit();
    context.out << "Undid the write-off of " << oneLine(invoice->number) << " (" << who
                << ", written off on " << active->day.iso() << ") on " << day.iso() << ": "
                << sentence(reason) << '\n';
    return kDone;
  }
  if (active) {
    throw UsageError(invoice->number + " is already written off, on " + active->day.iso() + " (" +
                     active->reason + "); --undo undoes that");
  }
  const auto balance = clients.balance(invoice->id, day);
  if (balance.isZero() || balance.isNegative()) {
    throw UsageError(invoice->number + " owes nothing as of " + day.iso() +
                     ": nothing to write off");
  }
  writeOffs.writeOff(invoice->id, day, reason);
  transaction.commit();
  context.out << "Wrote off " << oneLine(invoice->number) << " (" << who << ", "
              << balance.toDecimal() << ' ' << balance.currency().code() << " owed) on "
              << day.iso() << ": " << sentence(reason) << '\n';
  return kDone;
}

}  // namespace kindly::cli
