// `kindly log`: what a person did or heard, recorded in one transaction — a contact and its
// outcome (with a promise to pay when there is one), a dispute, its resolution, a note.
#include <Poco/Data/Transaction.h>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/ContactText.h"
#include "cli/Settings.h"
#include "dates/DateParser.h"
#include "followup/Planner.h"
#include "store/ClientLedger.h"
#include "store/Contacts.h"

namespace kindly::cli {

namespace {

std::string option(const Config& config, const std::string& key) {
  return config.hasProperty(key) ? std::string(trim(config.getString(key))) : std::string();
}

// A ladder step, "persistent-N", or a touch point: what a draft carried out.
bool isFollowUpStep(const std::string& step, const followup::Cadence& cadence) {
  for (const auto& rung : cadence.ladder) {
    if (rung.name == step) return true;
  }
  if (step == followup::kHeadsUp || step == followup::kThankYou || step == followup::kCheckIn) {
    return true;
  }
  const std::string persistent = "persistent-";
  return step.starts_with(persistent) && step.size() > persistent.size() &&
         step.find_first_not_of("0123456789", persistent.size()) == std::string::npos;
}

std::string stepNames(const followup::Cadence& cadence) {
  std::string names;
  for (const auto& rung : cadence.ladder) names += rung.name + ", ";
  return names + "persistent-N, " + followup::kHeadsUp + ", " + followup::kThankYou + ", " +
         followup::kCheckIn;
}

// The records the options ask for, not yet tied to a client or an invoice.
std::vector<store::ContactRecord> recordsAsked(const Config& config, dates::Date day) {
  const std::string channel = toLower(option(config, "log.channel"));
  std::string outcome = toLower(option(config, "log.outcome"));
  const std::string promise = option(config, "log.promise");
  if (!channel.empty() && !store::isContactChannel(channel)) {
    throw UsageError("--channel: '" + channel +
                     "' is not one of email, call, letter, visit, other");
  }
  if (!outcome.empty() && !store::isContactOutcome(outcome)) {
    throw UsageError("--outcome: '" + outcome +
                     "' is not one of reached, voicemail, no-answer, promised, disputed, "
                     "paid-already");
  }
  std::optional<dates::Date> promisedDay;
  if (!promise.empty()) {
    const auto date = dates::parseDate(promise, dates::DateOrder::YMD);
    if (!date) throw UsageError("--promise: " + date.error());
    if (*date < day) {
      throw UsageError("--promise: " + date->iso() + " is before the day logged, " + day.iso());
    }
    promisedDay = *date;
    // A promise is what the client said: the outcome is "promised" unless the person says
    // more precisely how they heard it ("reached").
    if (outcome.empty()) outcome = "promised";
    if (outcome != "promised" && outcome != "reached") {
      throw UsageError("--promise with --outcome " + outcome +
                       ": a promise is heard from a client reached");
    }
  }

  // A promise with no day would pause nothing: the planner could not know until when.
  if (!promisedDay && outcome == "promised") {
    throw UsageError(
        "--outcome promised needs --promise DATE, the day the client said it would "
        "pay");
  }

  const std::string step = toLower(option(config, "log.step"));
  if (!step.empty() && !isFollowUpStep(step, cadence(config))) {
    throw UsageError("--step: '" + step + "' is not a step of the cadence (" +
                     stepNames(cadence(config)) + ")");
  }

  std::vector<store::ContactRecord> records;
  if (!channel.empty() || !outcome.empty() || promisedDay || !step.empty()) {
    store::ContactRecord contact;
    contact.kind = promisedDay ? store::ContactKind::Promise : store::ContactKind::Contact;
    contact.day = day;
    contact.channel = channel;
    contact.outcome = outcome;
    contact.promisedDay = promisedDay;
    contact.step = step;
    records.push_back(std::move(contact));
  }
  const std::pair<const char*, store::ContactKind> texts[] = {
      {"log.dispute", store::ContactKind::Dispute},
      {"log.resolved", store::ContactKind::Resolved},
      {"log.note", store::ContactKind::Note}};
  for (const auto& [key, kind] : texts) {
    store::ContactRecord said;
    said.kind = kind;
    said.day = day;
    said.text = option(config, key);
    if (!said.text.empty()) records.push_back(std::move(said));
  }
  if (records.empty()) {
    throw UsageError(
        "log needs at least one of --channel, --outcome, --promise, --step, --dispute, "
        "--resolved, --note");
  }
  return records;
}

// The number --retract names: "12" or "#12", as `kindly client` shows it.
std::int64_t contactNumber(const Config& config) {
  std::string text(trim(config.getString("log.retract")));
  const std::string given = text;
  if (text.starts_with('#')) text.erase(0, 1);
  if (!text.empty() && text.size() <= 18 &&
      text.find_first_not_of("0123456789") == std::string::npos) {
    if (const auto id = std::stoll(text); id > 0) return id;
  }
  throw UsageError("--retract: '" + given +
                   "' is not a contact's number; `kindly client CODE` shows each one's #number");
}

// `kindly log CLIENT --retract ID`: a record logged by mistake withdrawn. The row stays,
// marked with the day and why, and counts nowhere from then on.
int retractRecord(const std::string& named, Context& context, std::string_view usage) {
  for (const char* key : {"log.channel", "log.outcome", "log.promise", "log.step", "log.dispute",
                          "log.resolved", "log.note"}) {
    const std::string given = "cli.given." + std::string(key);
    if (context.config.hasProperty(given)) {
      throw UsageError("--retract withdraws a record and logs nothing new: it does not take " +
                       context.config.getString(given) + "; usage: kindly " + std::string(usage));
    }
  }
  const std::int64_t id = contactNumber(context.config);
  const std::string reason = reasonGiven(context.config);
  const dates::Date day = asOf(context.config);

  auto& ledger = context.ledger();
  store::ClientLedger clients(ledger);
  std::optional<store::ClientRef> client = clients.findClient(named);
  std::optional<store::InvoiceRef> invoice;
  if (!client) {
    invoice = clients.findInvoice(named);
    if (!invoice) throw UsageError("no client or invoice '" + named + "' in the ledger");
    client = invoice->client;
  }
  const std::string who = client->code + ' ' + client->name;

  store::ContactLog log(ledger);
  Poco::Data::Transaction transaction(ledger.session());
  const auto record = log.find(id);
  const std::string number = "contact #" + std::to_string(id);
  if (!record) {
    throw UsageError("no " + number + " in the ledger; `kindly client " + client->code +
                     "` shows each of its contacts with its #number; nothing was withdrawn");
  }
  if (record->clientId != client->id) {
    throw UsageError(number + " was logged for another client than " + who + "; `kindly client " +
                     client->code + "` shows its own contacts; nothing was withdrawn");
  }
  if (invoice && record->invoiceId != invoice->id) {
    throw UsageError(number + " is not about " + invoice->number +
                     "; name the client to withdraw it; nothing was withdrawn");
  }
  if (record->retractedDay) {
    throw UsageError(number + " was withdrawn already, on " + record->retractedDay->iso() +
                     ": nothing to withdraw");
  }
  log.retract(id, day, reason);
  transaction.commit();
  std::string what = describeContact(*record);
  if (!record->invoiceNumber.empty()) what = record->invoiceNumber + ": " + what;
  context.out << "Withdrew " << number << " for " << oneLine(who) << " (" << record->day.iso()
              << ": " << oneLine(what) << ") on " << day.iso()
              << (reason.empty() ? "." : ": " + oneLine(sentence(reason))) << '\n';
  return kDone;
}

}  // namespace

int LogCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) {
    throw UsageError("log takes one client code or invoice number; usage: kindly " + usage());
  }
  if (context.config.hasProperty("log.retract")) {
    return retractRecord(args.front(), context, usage());
  }
  if (context.config.hasProperty("cli.given.run.reason")) {
    throw UsageError("--reason goes with --retract: what is logged says itself what happened");
  }
  auto records = recordsAsked(context.config, asOf(context.config));

  auto& ledger = context.ledger();
  store::ClientLedger clients(ledger);
  // A client code first: it is what a person usually has in mind.
  std::optional<store::ClientRef> client = clients.findClient(args.front());
  std::string about;
  if (!client) {
    const auto invoice = clients.findInvoice(args.front());
    if (!invoice) throw UsageError("no client or invoice '" + args.front() + "' in the ledger");
    client = invoice->client;
    about = " about " + invoice->number;
    for (auto& record : records) record.invoiceId = invoice->id;
  }

  store::ContactLog log(ledger);
  Poco::Data::Transaction transaction(ledger.session());
  for (const auto& record : records) log.add(client->id, record);
  transaction.commit();
  for (const auto& record : records) {
    context.out << "Logged for " << oneLine(client->code + ' ' + client->name + about) << ": "
                << oneLine(sentence(describeContact(record))) << '\n';
  }
  return kDone;
}

}  // namespace kindly::cli
