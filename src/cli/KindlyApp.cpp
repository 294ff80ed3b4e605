// Options may come before or after the command name; each command says which it takes, so
// `kindly aging --dry-run` is refused rather than silently ignored.
#include "cli/KindlyApp.h"

#include <Poco/Data/DataException.h>
#include <Poco/File.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <iostream>
#include <new>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Command.h"

namespace kindly::cli {

namespace {

using Poco::Util::Option;

struct OptionSpec {
  const char* name;
  const char* argument;  // nullptr for a switch
  const char* binding;   // configuration key
  const char* help;
};

constexpr OptionSpec kOptions[] = {
    {"db", "FILE", "ledger.path", "the ledger (default $KINDLY_DB, else ./kindly.db)"},
    {"config", "FILE", nullptr, "configuration file (default ./kindly.ini when present)"},
    {"as-of", "DATE", "run.as_of", "the day to work as of (default today)"},
    {"format", "FORMAT", "run.format",
     "table, csv or json; for report, xlsx, csv or json; for import, the export's format"},
    {"basis", "BASIS", "aging.basis", "count days overdue from the due or issue date"},
    {"buckets", "DAYS", "aging.buckets", "bucket edges, like 30,60,90"},
    {"grace-days", "N", "aging.grace_days", "days past due before something counts as late"},
    {"currency", "CODE", "run.currency",
     "import: the currency of files that name none (default USD); else: only this currency"},
    {"client", "CODE", "run.client", "only this client"},
    {"date-order", "ORDER", "import.date_order", "DMY, MDY or YMD for numeric dates"},
    {"decimal-comma", nullptr, "import.decimal_comma", "amounts are written 1.234,56"},
    {"dry-run", nullptr, "run.dry_run", "check and report, write nothing"},
    {"map", "FILE", "import.map", "an INI naming the columns of a layout Kindly does not know"},
    {"inspect", nullptr, "import.inspect", "show what Kindly sees in the files; import nothing"},
    {"sheet", "NAME", "import.sheet",
     "of a workbook, only this sheet (default: every sheet of invoices or payments)"},
    {"all", nullptr, "rejects.all", "include rejects of earlier imports"},
    {"out", "DIR", "remind.out", "where the drafts batch goes (default ./out)"},
    {"templates", "DIR", "remind.templates", "templates that replace the built-in ones"},
    {"through", "DATE", "remind.through",
     "remind: also draft what falls due up to DATE (on a Friday, Monday's follow-ups)"},
    {"stale-ok", nullptr, "remind.stale_ok",
     "remind, send: go on although the latest import is older than [remind] max_import_age_days"},
    {"flag", "FLAG", "clients.flag",
     "only clients flagged overdue, repeat-late, stopped-buying, stopped-paying, disputed or "
     "promised"},
    {"sort", "KEY", "clients.sort", "order clients by code, name, balance, late or dso"},
    {"channel", "HOW", "log.channel", "email, call, letter, visit or other"},
    {"outcome", "WHAT", "log.outcome",
     "reached, voicemail, no-answer, promised, disputed or paid-already"},
    {"promise", "DATE", "log.promise", "the day the client promised to pay"},
    {"step", "NAME", "log.step", "the follow-up step the contact carried out (see kindly plan)"},
    {"dispute", "TEXT", "log.dispute", "what the client disputes"},
    {"resolved", "TEXT", "log.resolved", "how a dispute was resolved"},
    {"note", "TEXT", "log.note", "a free note about the client or invoice"},
    {"reason", "TEXT", "run.reason",
     "why: a write-off or its undo, an import undone, a contact withdrawn"},
    {"undo", nullptr, "writeoff.undo", "undo the invoice's write-off"},
    {"undo-last", nullptr, "import.undo_last",
     "import: undo the latest import (its files all together), kept in the ledger as undone"},
    {"retract", "ID", "log.retract",
     "log: withdraw contact #ID (a contact, promise, dispute, resolution or note logged by "
     "mistake)"},
    {"only", "CLIENT", "send.only", "send: only these clients (repeat, or join with commas)"},
    {"limit", "N", "send.limit", "send: at most N messages this run"},
    {"resend", "FILE", "send.resend",
     "send: send this draft again after a person checked it (repeat, or join with commas)"},
    {"help", nullptr, nullptr, "show this help"},
};

// Options a person may give more than once; their values are kept joined by commas.
bool isListOption(const std::string& name) { return name == "only" || name == "resend"; }

}  // namespace

void KindlyApp::defineOptions(Poco::Util::OptionSet& options) {
  for (const auto& spec : kOptions) {
    Option option(spec.name, "", spec.help, false);
    option.repeatable(isListOption(spec.name));
    if (spec.argument) option.argument(spec.argument);
    if (spec.binding) option.binding(spec.binding);
    options.addOption(option);
  }
}

void KindlyApp::handleOption(const std::string& name, const std::string& value) {
  std::string bound = value.empty() && name != "config" && name != "db" ? "true" : value;
  if (isListOption(name) && given_.contains(name)) {
    bound = config().getString("send." + name) + "," + value;
  }
  Application::handleOption(name, bound);
  given_.insert(name);
  // Messages about a setting name the option a person typed (see settingName()).
  for (const auto& spec : kOptions) {
    if (spec.binding && name == spec.name) {
      config().setString(std::string("cli.given.") + spec.binding, "--" + name);
    }
  }
  if (name == "config") configFile_ = value;
  if (name == "help") helpRequested_ = true;
}

void KindlyApp::initialize(Poco::Util::Application& self) {
  Application::initialize(self);
  if (configFile_.empty() && Poco::File("kindly.ini").exists()) configFile_ = "kindly.ini";
}

int KindlyApp::main(const std::vector<std::string>& args) {
  try {
    if (!configFile_.empty()) {
      const Poco::File file(configFile_);
      if (!file.exists()) throw UsageError(configFile_ + ": no such file");
      // Poco would read a folder for ever.
      if (file.isDirectory())
        throw UsageError(configFile_ + ": a folder, not a configuration file");
      // An INI file whatever its name: Poco would go by the extension, and refuse
      // `--config settings` as an "unsupported configuration file type".
      try {
        config().add(new Poco::Util::IniFileConfiguration(configFile_), PRIO_DEFAULT, false);
      } catch (const Poco::Exception& e) {
        throw UsageError(configFile_ + ": cannot read the configuration file: " + e.displayText());
      }
      config().setString("cli.config_file", configFile_);
    }
    if (helpRequested_ || args.empty() || args.front() == "help") {
      printHelp();
      return args.empty() && !helpRequested_ ? kFailed : kDone;
    }
    auto commands = allCommands();
    auto command = std::find_if(commands.begin(), commands.end(),
                                [&](const auto& c) { return c->name() == args.front(); });
    if (command == commands.end()) {
      throw UsageError("no command '" + args.front() + "'; `kindly help` lists them");
    }
    const auto accepted = (*command)->options();
    for (const auto& name : given_) {
      if (name == "db" || name == "config" || name == "help") continue;
      if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
        throw UsageError((*command)->name() + " does not take --" + name + "; usage: kindly " +
                         (*command)->usage());
      }
    }
    Context context(config(), std::cout, std::cerr);
    return (*command)->run({args.begin() + 1, args.end()}, context);
  } catch (const Error& e) {
    // Errors quote file names, sheet names and cells: one line, whatever they hold.
    std::cerr << "kindly: " << oneLine(e.what()) << '\n';
  } catch (const Poco::Data::DataException& e) {
    std::cerr << "kindly: the ledger " << oneLine(ledgerPath(config())) << ": "
              << oneLine(store::ledgerFailure(e)) << '\n';
  } catch (const Poco::Exception& e) {
    std::cerr << "kindly: " << oneLine(e.displayText()) << '\n';
  } catch (const std::bad_alloc&) {
    // Every write is one transaction, rolled back when it does not finish.
    std::cerr << "kindly: not enough memory to finish; nothing was changed\n";
  } catch (const std::exception& e) {
    std::cerr << "kindly: " << oneLine(e.what()) << '\n';
  }
  return kFailed;
}

void KindlyApp::printHelp() const {
  std::cout << "usage: kindly [--db FILE] [--config FILE] COMMAND [options]\n\ncommands:\n";
  for (const auto& command : allCommands()) {
    std::cout << "  " << command->usage() << "\n      " << command->summary() << '\n';
  }
  std::cout << "\noptions:\n";
  for (const auto& spec : kOptions) {
    std::string left = std::string("--") + spec.name;
    if (spec.argument) left += std::string(" ") + spec.argument;
    left.resize(std::max<std::size_t>(left.size() + 1, 22), ' ');
    std::cout << "  " << left << spec.help << '\n';
  }
}

}  // namespace kindly::cli
