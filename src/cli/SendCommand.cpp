// `kindly send BATCH_DIR`: the reviewed emails of a batch out through the mail server, each
// once, each logged as a contact; the calls and letters listed for a person.
#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/LocalDateTime.h>

#include <charconv>
#include <sstream>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/Freshness.h"
#include "cli/Settings.h"
#include "drafts/Manifest.h"
#include "send/BatchSender.h"
#include "send/SmtpSettings.h"
#include "store/ClientLedger.h"

namespace kindly::cli {

namespace {

// "C1,C2" from --only C1 --only C2 or --only C1,C2.
std::set<std::string> listOption(const Config& config, const std::string& key) {
  std::set<std::string> items;
  std::istringstream text(config.getString(key, ""));
  for (std::string item; std::getline(text, item, ',');) {
    const auto name = trim(item);
    if (!name.empty()) items.emplace(name);
  }
  return items;
}

std::optional<std::size_t> limitOption(const Config& config) {
  if (!config.hasProperty("send.limit")) return std::nullopt;
  const std::string text(trim(config.getString("send.limit")));
  std::size_t limit = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw UsageError("--limit: '" + text + "' is not a number of messages");
  }
  return limit;
}

std::string emails(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " email" : " emails");
}

}  // namespace

int SendCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) {
    throw UsageError("send takes one batch folder; usage: kindly " + usage());
  }
  const std::string batchDir = args.front();
  if (!Poco::File(batchDir).exists() || !Poco::File(batchDir).isDirectory()) {
    throw UsageError(batchDir + ": no such batch folder");
  }
  send::SendOptions options;
  options.day = asOf(context.config);
  options.dryRun = context.config.getBool("run.dry_run", false);
  options.only = listOption(context.config, "send.only");
  options.resend = listOption(context.config, "send.resend");
  options.limit = limitOption(context.config);
  // A mistyped code would send nothing and say nothing of it.
  if (!options.only.empty()) {
    std::set<std::string> inBatch;
    for (const auto& entry : drafts::readManifestJson(batchDir)) inBatch.insert(entry.clientCode);
    store::ClientLedger clients(context.ledger());
    std::set<std::string> codes;
    for (const auto& code : options.only) {
      const auto client = clients.findClient(code);
      if (!client) throw UsageError("--only: no client '" + code + "' in the ledger");
      if (!inBatch.contains(client->code)) {
        throw UsageError("--only: " + batchDir + " holds no draft for " + client->code);
      }
      codes.insert(client->code);
    }
    options.only = std::move(codes);
  }
  // Balances that old may have been paid since: nothing goes out on them unless a person says.
  if (!freshBalancesDay(context, options.day)) return kNeedsAttention;
  // The moment each message is handed over, not the day it was drafted (RFC 5322 date).
  options.dateNow = [] {
    return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%w, %e %b %Y %H:%M:%S %z");
  };
  // A dry run needs no password: it only says what would go out.
  const send::SmtpSettings settings =
      options.dryRun ? send::SmtpSettings() : send::smtpSettings(context.config);

  send::BatchSender sender(context.ledger(), batchDir, settings, context.out);
  const auto summary = sender.run(options);
  if (options.dryRun) {
    context.out << "Dry run, nothing sent or recorded: would send " << emails(summary.wouldSend);
  } else {
    context.out << "Sent " << emails(summary.sent);
  }
  if (summary.alreadySent > 0) context.out << ", " << summary.alreadySent << " already sent";
  if (summary.leftOver > 0) context.out << ", " << summary.leftOver << " left for a later run";
  if (summary.needsAttention > 0) {
    context.out << ", " << summary.needsAttention << " to look at";
  }
  if (summary.toDo > 0) {
    context.out << "; " << summary.toDo
                << (summary.toDo == 1 ? " call or letter" : " calls or letters") << " to do";
  }
  context.out << ".\n";
  return summary.needsAttention > 0 ? kNeedsAttention : kDone;
}

}  // namespace kindly::cli
