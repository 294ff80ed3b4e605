// manifest.json read back, for `kindly send`: the manifest rather than a folder listing
// decides what is sent, since a file a reviewer adds to the folder is not a planned draft.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/Error.h"
#include "drafts/Manifest.h"
#include "money/AmountParser.h"

namespace kindly::drafts {

std::vector<BatchEntry> readManifestJson(const std::string& batchDir) {
  const std::string path = (std::filesystem::path(batchDir) / "manifest.json").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": no such file; is " + batchDir + " a batch of kindly remind?");
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<BatchEntry> entries;
  try {
    Poco::JSON::Parser parser;
    const auto root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    const auto drafts = root->getArray("drafts");
    if (!drafts) throw Error(path + ": no \"drafts\" list");
    for (std::size_t i = 0; i < drafts->size(); ++i) {
      const auto draft = drafts->getObject(static_cast<unsigned>(i));
      if (!draft) throw Error(path + ": draft " + std::to_string(i + 1) + " is not an object");
      BatchEntry entry;
      entry.sequence = draft->optValue<std::size_t>("sequence", 0);
      entry.clientCode = draft->optValue<std::string>("client", "");
      entry.clientName = draft->optValue<std::string>("name", "");
      entry.email = draft->optValue<std::string>("email", "");
      entry.purpose = draft->optValue<std::string>("purpose", "");
      entry.step = draft->optValue<std::string>("step", "");
      entry.channel = draft->optValue<std::string>("channel", "");
      entry.file = draft->optValue<std::string>("file", "");
      entry.day = draft->optValue<std::string>("day", "");
      entry.balancesAsAt = draft->optValue<std::string>("balances_as_at", "");
      // What the draft is about, so that a batch written again lists a kept draft whole.
      if (const auto invoices = draft->getArray("invoices")) {
        for (std::size_t k = 0; k < invoices->size(); ++k) {
          entry.invoiceNumbers.push_back(
              invoices->getElement<std::string>(static_cast<unsigned>(k)));
        }
      }
      if (const auto balance = draft->getObject("balance")) {
        for (const auto& [code, amount] : *balance) {
          const auto currency = money::Currency::fromCode(code);
          const auto parsed =
              currency ? money::parseAmount(amount.toString(), *currency, money::DecimalMark::Point)
                       : Result<money::ParsedAmount>(Failure{"no currency " + code});
          if (!parsed) {
            throw Error(path + ": draft " + std::to_string(i + 1) +
                        " has a balance Kindly cannot read: " + parsed.error());
          }
          entry.balance.emplace(parsed->money.currency(), parsed->money);
        }
      }
      // A name is printed and put in commands to copy: what Kindly itself writes
      // ("003-cafe-lumiere.eml"), letters, digits, '.', '-' and '_', nothing else.
      const bool plain = entry.file.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
                         std::string::npos;
      if (entry.file.empty() || !plain || entry.file.starts_with('.')) {
        throw Error(path + ": draft " + std::to_string(i + 1) + " has no usable file name");
      }
      if (entry.channel != "email" && entry.channel != "call" && entry.channel != "letter") {
        throw Error(path + ": draft " + std::to_string(i + 1) + " has no channel Kindly knows " +
                    "(email, call or letter)");
      }
      entries.push_back(std::move(entry));
    }
  } catch (const Poco::Exception& e) {
    throw Error(path + ": not a batch manifest: " + e.displayText());
  }
  return entries;
}

}  // namespace kindly::drafts
