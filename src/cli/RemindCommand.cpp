// `kindly remind`: the plan's follow-ups due on the as-of date, drafted for a person to
// review. Nothing is logged: a draft becomes a contact when it is sent or the call is made.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/Freshness.h"
#include "cli/Settings.h"
#include "drafts/BatchWriter.h"
#include "drafts/DueToday.h"
#include "drafts/Manifest.h"
#include "drafts/Templates.h"
#include "followup/PlanReader.h"
#include "send/Sendings.h"

namespace kindly::cli {

namespace {

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "3 emails, 1 call script, 1 letter"
std::string filesByChannel(const std::vector<drafts::BatchEntry>& entries) {
  std::map<std::string, std::size_t> count;
  for (const auto& entry : entries) ++count[entry.channel];
  std::string text;
  const auto add = [&](const std::string& channel, const std::string& one,
                       const std::string& many) {
    if (count[channel] == 0) return;
    text += (text.empty() ? "" : ", ") + counted(count[channel], one, many);
  };
  add("email", "email", "emails");
  add("call", "call script", "call scripts");
  add("letter", "letter", "letters");
  return text;
}

// What the configuration lacks for drafts a client can be sent: each missing setting, said.
// The sender's address and name come first: without them a draft cannot go out as it is.
std::vector<std::string> senderGaps(const drafts::Sender& sender) {
  std::vector<std::string> gaps;
  if (trim(sender.from).empty()) {
    gaps.push_back(
        "[mail] from is not set: the emails have no sender, and kindly send cannot "
        "send them");
  }
  if (trim(sender.companyName).empty()) {
    gaps.push_back("[company] name is not set: the drafts do not say who they are from");
  }
  if (trim(sender.paymentInstructions).empty()) {
    gaps.push_back("[payment] instructions are not set: the drafts do not say how to pay");
  }
  return gaps;
}

void listFiles(std::ostream& out, const std::string& what, const std::vector<std::string>& files) {
  if (files.empty()) return;
  out << "  " << what << ":";
  for (std::size_t i = 0; i < files.size(); ++i) out << (i == 0 ? " " : ", ") << files[i];
  out << '\n';
}

// The follow-ups that the batches of the week before `asOf` drafted for `asOf` or later, as
// (client, step, day), each with its batch folder.
std::map<std::tuple<std::string, std::string, std::string>, std::string> draftedAhead(
    const std::string& outDir, dates::Date asOf) {
  std::map<std::tuple<std::string, std::string, std::string>, std::string> ahead;
  for (int back = 1; back <= 7; ++back) {
    const auto folder = std::filesystem::path(outDir) / ("batch-" + asOf.plusDays(-back).iso());
    std::error_code missing;
    if (!std::filesystem::exists(folder / "manifest.json", missing)) continue;
    for (const auto& entry : drafts::readManifestJson(folder.string())) {
      if (entry.day >= asOf.iso()) {
        ahead.emplace(std::make_tuple(entry.clientCode, entry.step, entry.day), folder.string());
      }
    }
  }
  return ahead;
}

}  // namespace

int RemindCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("remind takes no arguments; usage: kindly " + usage());
  const auto options = agingOptions(context.config);
  const auto through = throughDay(context.config, options.asOf);
  const auto from = sender(context.config);
  // A wrong templates folder is reported before anything is read or written.
  const std::string templates = context.config.getString("remind.templates", "");
  drafts::BatchWriter writer(
      context.config.getString("remind.out", "out"), options.asOf, from,
      templates.empty() ? drafts::Templates() : drafts::Templates::withOverrides(templates));
  const auto balancesAsAt = freshBalancesDay(context, options.asOf);
  if (!balancesAsAt) return kNeedsAttention;
  const auto plan = followup::planFollowUps(context.ledger(), options, cadence(context.config));
  auto reminders = drafts::remindersDue(plan, options.asOf, through);
  for (auto& reminder : reminders) reminder.balancesAsAt = balancesAsAt;
  // A follow-up drafted ahead in an earlier batch (a Friday's --through) is that batch's:
  // drafted again here, the client would hear the same thing twice.
  const auto ahead = draftedAhead(context.config.getString("remind.out", "out"), options.asOf);
  std::erase_if(reminders, [&](const drafts::Reminder& reminder) {
    const auto found =
        ahead.find({reminder.clientCode, reminder.step, reminder.day.value_or(options.asOf).iso()});
    if (found == ahead.end()) return false;
    context.out << "Already drafted in " << found->second << ": " << oneLine(reminder.clientCode)
                << " " << oneLine(reminder.clientName) << " (" << reminder.step << ", for "
                << reminder.day.value_or(options.asOf).iso() << ")\n";
    return true;
  });
  // Drafts `kindly send` took up stay as they are: a person is sending them, or did.
  std::set<std::string> sent;
  std::error_code missing;
  const auto batch = std::filesystem::canonical(writer.batchPath(), missing);
  if (!missing) sent = send::Sendings(context.ledger(), batch.string()).filesTakenUp();
  drafts::BatchChanges changes;
  const auto entries = writer.write(reminders, sent, &changes);

  const std::string days = through == options.asOf
                               ? "due " + options.asOf.iso()
                               : "due " + options.asOf.iso() + " to " + through.iso();
  if (changes.existed) {
    std::vector<std::string> done;
    if (changes.added > 0) done.push_back(counted(changes.added, "draft", "drafts") + " added");
    if (changes.updated > 0)
      done.push_back(std::to_string(changes.updated) +
                     " rewritten for changes in the plan or the settings");
    if (changes.removed > 0)
      done.push_back(std::to_string(changes.removed) + " removed, no longer due");
    if (done.empty()) {
      context.out << "Nothing in the plan changed for " << writer.batchPath() << ".\n";
    } else {
      context.out << "Updated " << writer.batchPath() << ":";
      for (std::size_t i = 0; i < done.size(); ++i) context.out << (i == 0 ? " " : ", ") << done[i];
      context.out << ".\n";
    }
    listFiles(context.out, "kept as a person changed them", changes.keptEdited);
    listFiles(context.out, "kept as sent", changes.keptSent);
    listFiles(context.out, "left deleted", changes.keptDeleted);
    for (const auto& line : changes.toCheck) context.out << "  " << line << '\n';
  }
  if (entries.empty()) {
    context.out << "No follow-up is "
                << (through == options.asOf ? "due on " + options.asOf.iso() : days) << "; "
                << writer.batchPath() << " holds an empty manifest.\n";
  } else {
    std::set<std::size_t> followUps;
    for (const auto& entry : entries) followUps.insert(entry.sequence);
    context.out << (changes.existed ? "It holds " : "Wrote ")
                << counted(entries.size(), "draft", "drafts") << " for "
                << counted(followUps.size(), "follow-up", "follow-ups") << " " << days
                << (changes.existed ? " " : " to " + writer.batchPath() + " ")
                << "for review: " << filesByChannel(entries) << ", with balances as at "
                << balancesAsAt->iso() << ".\n";
    std::size_t unaddressed = 0;
    for (const auto& entry : entries)
      unaddressed += entry.channel == "email" && entry.email.empty();
    if (unaddressed > 0) {
      context.out << counted(unaddressed, "email has", "emails have")
                  << " no usable address on file: add one before sending, or call.\n";
    }
    context.out << "Nothing is logged until a draft is sent or a call made: record each with "
                   "kindly log CLIENT --step STEP (the manifest names the step).\n";
  }
  const auto gaps = entries.empty() ? std::vector<std::string>{} : senderGaps(from);
  for (const auto& gap : gaps) context.err << "warning: " << gap << '\n';
  if (!gaps.empty()) {
    context.err << "Set them in kindly.ini (see the README's configuration) and run kindly "
                   "remind again: drafts nobody changed are rewritten.\n";
  }
  // Payment instructions are a courtesy; a draft without a sender is not ready to send.
  const bool noSender = trim(from.from).empty() || trim(from.companyName).empty();
  return (!entries.empty() && noSender) || !changes.toCheck.empty() ? kNeedsAttention : kDone;
}

}  // namespace kindly::cli
