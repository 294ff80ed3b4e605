// `kindly remind`: the plan's follow-ups due on the as-of date, drafted for a person to
// review. Nothing is logged: a draft becomes a contact when it is sent or the call is made.
#include <map>
#include <string>

#include "cli/Commands.h"
#include "cli/Settings.h"
#include "drafts/BatchWriter.h"
#include "drafts/DueToday.h"
#include "drafts/Templates.h"
#include "followup/PlanReader.h"

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

}  // namespace

int RemindCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("remind takes no arguments; usage: kindly " + usage());
  const auto options = agingOptions(context.config);
  // A wrong templates folder is reported before anything is read or written.
  const std::string templates = context.config.getString("remind.templates", "");
  drafts::BatchWriter writer(
      context.config.getString("remind.out", "out"), options.asOf, sender(context.config),
      templates.empty() ? drafts::Templates() : drafts::Templates::withOverrides(templates));
  const auto plan = followup::planFollowUps(context.ledger(), options, cadence(context.config));
  const auto reminders = drafts::remindersDueOn(plan, options.asOf);
  const auto entries = writer.write(reminders);

  if (entries.empty()) {
    context.out << "No follow-up is due on " << options.asOf.iso() << "; " << writer.batchPath()
                << " holds an empty manifest.\n";
    return kDone;
  }
  context.out << "Wrote " << counted(entries.size(), "draft", "drafts") << " for "
              << counted(reminders.size(), "follow-up", "follow-ups") << " due "
              << options.asOf.iso() << " to " << writer.batchPath()
              << " for review: " << filesByChannel(entries) << ".\n";
  std::size_t unaddressed = 0;
  for (const auto& entry : entries) unaddressed += entry.channel == "email" && entry.email.empty();
  if (unaddressed > 0) {
    context.out << counted(unaddressed, "email has", "emails have")
                << " no usable address on file: add one before sending, or call.\n";
  }
  context.out << "Nothing is logged until a draft is sent or a call made: record each with "
                 "kindly log CLIENT --step STEP (the manifest names the step).\n";
  return kDone;
}

}  // namespace kindly::cli
