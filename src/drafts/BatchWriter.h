// Writes a batch of drafts for a person to review: a folder batch-YYYY-MM-DD holding each
// follow-up's drafts (.eml, .call.txt, .letter.html) and manifest.csv + manifest.json.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"
#include "drafts/Manifest.h"
#include "drafts/Reminder.h"
#include "drafts/Templates.h"

namespace kindly::drafts {

class BatchWriter {
 public:
  // `templates` defaults to the built-in ones; pass Templates::withOverrides(dir) for a
  // person's own.
  BatchWriter(std::string outDir, dates::Date asOf, Sender sender,
              Templates templates = Templates());

  // Writes the batch folder outDir/batch-YYYY-MM-DD (replacing one of the same date) and
  // returns its entries, one per file. The folder appears whole or not at all: it is written
  // under a temporary name and renamed at the end. Throws kindly::Error when it cannot be
  // written. Creates outDir when missing. Reminder number N (from 1, in the order given)
  // gives one file per channel, "NNN-slug" (see clientSlug) + ".eml", ".call.txt" or
  // ".letter.html", in the order of its channels. An email without a usable address is
  // still written, with no To header and an empty manifest email. manifest.csv and
  // manifest.json list the entries (see Manifest.h). Writes nothing to the ledger: a draft
  // is not a contact until it is sent. The same reminders and as-of date give the same bytes.
  std::vector<BatchEntry> write(const std::vector<Reminder>& reminders);

  // The folder write() creates.
  std::string batchPath() const;

 private:
  // The .eml of `reminder`, addressed to entry.email.
  std::string emailDraft(const Reminder& reminder, const BatchEntry& entry,
                         const std::string& slug) const;

  std::string outDir_;
  dates::Date asOf_;
  Sender sender_;
  Templates templates_;
};

// The file-name part for a client: lower-case ASCII letters and digits from `clientName`,
// simple accents folded ("é" to "e", "ß" to "ss"), other letters dropped, every run of
// anything else one '-', no '-' at either end, at most 40 characters. Falls back to the same
// made from `clientCode`, then to "client". "Crème Brûlée & Co." gives "creme-brulee-co".
std::string clientSlug(std::string_view clientName, std::string_view clientCode);

}  // namespace kindly::drafts
