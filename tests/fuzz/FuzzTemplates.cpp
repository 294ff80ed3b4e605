// A person's own template, and the values it is rendered with, from any bytes: a templates
// folder holding one fuzzed template, rendered into an email, a call script and a letter.
// Rendering may refuse a template only with kindly::Error.
//
// The first byte picks which template the fuzzed one replaces and the follow-up's purpose;
// the rest is the template, then NUL-separated values: the client's name, the contact, the
// reason, the company, the signature, the payment instructions and an invoice number.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "drafts/TemplateNames.h"
#include "drafts/Templates.h"
#include "tests/fuzz/FuzzFiles.h"

namespace {

using namespace kindly;

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\0', start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kParts[] = {"email.subject", "email.text", "email.html", "call.txt",
                                       "letter.html"};
  static const followup::Purpose kPurposes[] = {
      followup::Purpose::Chase, followup::Purpose::Resolve, followup::Purpose::HeadsUp,
      followup::Purpose::ThankYou, followup::Purpose::CheckIn};
  const std::uint8_t pick = data[0];
  std::vector<std::string> parts = split(fuzz::bytesOf(data + 1, size - 1));
  parts.resize(8);

  drafts::Reminder reminder;
  reminder.clientCode = "C0001";
  reminder.clientName = parts[1];
  reminder.contactName = parts[2];
  reminder.email = "ap@acme.example";
  reminder.purpose = kPurposes[(pick / 5) % 5];
  reminder.channels = {followup::Channel::Email, followup::Channel::Call,
                       followup::Channel::Letter};
  const dates::Date issued = *dates::Date::fromYmd(2026, 9, 1);
  const dates::Date due = *dates::Date::fromYmd(2026, 10, 1);
  const money::Money owed(123450, *money::Currency::fromCode("USD"));
  reminder.invoices = {{parts[7], issued, due, owed}};
  money::addTo(reminder.balance, owed);
  reminder.reason = parts[3];
  const drafts::Sender sender{.companyName = parts[4],
                              .from = "Accounts <ar@example.com>",
                              .replyTo = "ar@example.com",
                              .signature = parts[5],
                              .paymentInstructions = parts[6]};
  // The template the draft is written from: the first name tried for its part.
  const std::string name =
      drafts::templateCandidates(reminder.purpose, reminder.step, kParts[pick % 5]).front();
  fuzz::FuzzFolder templatesFolder;  // one of its own, so that only this template is in it
  templatesFolder.write(name + ".mustache", parts[0]);
  const dates::Date asOf = *dates::Date::fromYmd(2026, 11, 20);
  try {
    const auto templates = drafts::Templates::withOverrides(templatesFolder.path().string());
    (void)templates.renderReminder(reminder, sender, asOf);
    (void)templates.renderCallScript(reminder, sender, asOf);
    (void)templates.renderLetter(reminder, sender, asOf);
  } catch (const Error&) {
  }
  return 0;
}
