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

}  // namespace

int LogCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() != 1) {
    throw UsageError("log takes one client code or invoice number; usage: kindly " + usage());
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
