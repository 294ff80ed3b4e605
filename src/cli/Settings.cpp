// Keys follow the INI sections of the configuration file ([aging] buckets = ...); the
// command-line options are bound to the same keys, so an option always wins over the file.
#include "cli/Settings.h"

#include <Poco/Environment.h>
#include <Poco/LocalDateTime.h>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Command.h"
#include "dates/DateParser.h"
#include "importers/profiles/MappedProfile.h"
#include "store/ClientLedger.h"

namespace kindly::cli {

namespace {

// How a message names a setting: the option when one was given on the command line, else
// the configuration file's section and key ("kindly.ini: [aging] buckets").
std::string settingName(const Config& config, const std::string& key) {
  if (config.hasProperty("cli.given." + key)) return config.getString("cli.given." + key);
  const auto dot = key.find('.');
  return config.getString("cli.config_file", "the configuration") + ": [" + key.substr(0, dot) +
         "] " + key.substr(dot + 1);
}

money::Currency currency(const Config& config, const std::string& key, const std::string& code) {
  const auto currency = money::Currency::fromCode(code);
  if (!currency) {
    throw UsageError(settingName(config, key) + ": '" + code +
                     "' is not an ISO 4217 currency code");
  }
  return *currency;
}

}  // namespace

int wholeNumber(const Config& config, const std::string& key, int fallback) {
  const std::string text = config.getString(key, std::to_string(fallback));
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= 0) return value;
  } catch (const std::exception&) {
  }
  throw UsageError(settingName(config, key) + ": '" + text + "' is not a whole number of days");
}

dates::Date today() {
  // $KINDLY_TODAY pins the clock, as --as-of pins a run: for reproducible tests and demos.
  const std::string pinned = Poco::Environment::get("KINDLY_TODAY", "");
  if (!pinned.empty()) {
    const auto date = dates::parseDate(pinned, dates::DateOrder::YMD);
    if (!date) throw UsageError("$KINDLY_TODAY: " + date.error());
    return *date;
  }
  const Poco::LocalDateTime now;
  return *dates::Date::fromYmd(now.year(), now.month(), now.day());
}

dates::Date asOf(const Config& config) {
  if (!config.hasProperty("run.as_of")) return today();
  const std::string text = config.getString("run.as_of");
  const auto date = dates::parseDate(text, dates::DateOrder::YMD);
  if (!date) throw UsageError("--as-of: " + date.error());
  return *date;
}

dates::Date throughDay(const Config& config, dates::Date asOf) {
  if (!config.hasProperty("remind.through")) return asOf;
  const auto date = dates::parseDate(config.getString("remind.through"), dates::DateOrder::YMD);
  if (!date) throw UsageError("--through: " + date.error());
  if (*date < asOf) {
    throw UsageError("--through: " + date->iso() + " is before the as-of date, " + asOf.iso());
  }
  // A batch is a week's work at most: further ahead, the plan will have moved.
  if (*date - asOf > 7) {
    throw UsageError("--through: " + date->iso() + " is more than a week after " + asOf.iso());
  }
  return *date;
}

std::string reasonGiven(const Config& config) {
  const std::string reason(trim(config.getString("run.reason", "")));
  // A switch given no value reads "true": --reason with nothing after it.
  if (reason == "true") throw UsageError("--reason needs TEXT: why");
  return reason;
}

OutputFormat outputFormat(const Config& config) {
  const std::string format = toLower(config.getString("run.format", "table"));
  if (format == "table") return OutputFormat::Table;
  if (format == "csv") return OutputFormat::Csv;
  if (format == "json") return OutputFormat::Json;
  throw UsageError("--format: '" + format + "' is not one of table, csv, json");
}

aging::AgingOptions agingOptions(const Config& config) {
  aging::AgingOptions options;
  options.asOf = asOf(config);
  const std::string basis = toLower(config.getString("aging.basis", "due"));
  if (basis == "issue") {
    options.basis = aging::Basis::Issue;
  } else if (basis != "due") {
    throw UsageError(settingName(config, "aging.basis") + ": '" + basis +
                     "' is not one of due, issue");
  }
  if (config.hasProperty("aging.buckets")) {
    auto edges = aging::BucketEdges::parse(config.getString("aging.buckets"));
    if (!edges) throw UsageError(settingName(config, "aging.buckets") + ": " + edges.error());
    options.edges = *edges;
  }
  options.graceDays = wholeNumber(config, "aging.grace_days", options.graceDays);
  // Filters are for one run only: never read from the configuration file.
  options.client = config.getString("run.client", "");
  if (config.hasProperty("run.currency"))
    options.currency = currency(config, "run.currency", config.getString("run.currency"));
  return options;
}

aging::AgingOptions agingOptions(Context& context) {
  auto options = agingOptions(context.config);
  if (options.client.empty()) return options;
  const auto client = store::ClientLedger(context.ledger()).findClient(options.client);
  if (!client) throw UsageError("--client: no client '" + options.client + "' in the ledger");
  options.client = client->code;
  return options;
}

importers::ImportOptions importOptions(const Config& config) {
  importers::ImportOptions options;
  options.asOf = asOf(config);
  options.dryRun = config.getBool("run.dry_run", false);
  // For files that name no currency: --currency, else [aging] currency, else USD.
  const std::string currencyKey =
      config.hasProperty("run.currency") ? "run.currency" : "aging.currency";
  options.source.parse.defaultCurrency =
      currency(config, currencyKey, config.getString(currencyKey, "USD"));
  // The map's [format] is read first, so that an option on the command line still wins.
  if (config.hasProperty("import.map")) {
    options.source.map = std::make_shared<const importers::ColumnMap>(
        importers::readColumnMap(config.getString("import.map"), options.source));
  }
  if (config.hasProperty("import.date_order")) {
    const std::string name = config.getString("import.date_order");
    const auto order = dates::dateOrderFromName(name);
    if (!order) {
      throw UsageError(settingName(config, "import.date_order") + ": '" + name +
                       "' is not one of DMY, MDY, YMD");
    }
    options.source.parse.dateOrder = *order;
  }
  options.source.format = config.getString("run.format", "");
  if (options.source.map && !options.source.format.empty()) {
    throw UsageError("--map names the columns itself: give it without --format");
  }
  if (config.getBool("import.decimal_comma", false)) {
    options.source.parse.decimalMark = money::DecimalMark::Comma;
    options.source.parse.decimalMarkGiven = true;
  }
  options.source.table.sheet = config.getString("import.sheet", "");
  return options;
}

followup::Cadence cadence(const Config& config) {
  followup::Cadence cadence;
  if (config.hasProperty("cadence.ladder")) {
    auto ladder = followup::Cadence::parseLadder(config.getString("cadence.ladder"));
    if (!ladder) throw UsageError(settingName(config, "cadence.ladder") + ": " + ladder.error());
    cadence.ladder = std::move(*ladder);
  }
  cadence.minGapDays = wholeNumber(config, "cadence.min_gap_days", cadence.minGapDays);
  cadence.graceDays = wholeNumber(config, "aging.grace_days", cadence.graceDays);
  cadence.repeatEveryDays =
      wholeNumber(config, "cadence.repeat_every_days", cadence.repeatEveryDays);
  if (cadence.repeatEveryDays < 1) {
    throw UsageError(settingName(config, "cadence.repeat_every_days") + ": at least 1");
  }
  cadence.headsUpDaysBefore =
      wholeNumber(config, "cadence.heads_up_days", cadence.headsUpDaysBefore);
  auto calendar = followup::BusinessCalendar::parse(config.getString("calendar.holidays", ""));
  if (!calendar)
    throw UsageError(settingName(config, "calendar.holidays") + ": " + calendar.error());
  cadence.calendar = std::move(*calendar);
  return cadence;
}

drafts::Sender sender(const Config& config) {
  return drafts::Sender{.companyName = config.getString("company.name", ""),
                        .from = config.getString("mail.from", ""),
                        .replyTo = config.getString("mail.reply_to", ""),
                        .signature = config.getString("mail.signature", ""),
                        .paymentInstructions = config.getString("payment.instructions", "")};
}

}  // namespace kindly::cli
