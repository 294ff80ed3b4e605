// Writes a batch of drafts for a person to review: a folder batch-YYYY-MM-DD holding each
// follow-up's drafts (.eml, .call.txt, .letter.html) and manifest.csv + manifest.json.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dates/Date.h"
#include "drafts/Manifest.h"
#include "drafts/Reminder.h"
#include "drafts/Templates.h"

namespace kindly::drafts {

// What writing a batch did to the batch of the same day already there: a person's work in it
// is kept as they left it.
struct BatchChanges {
  bool existed = false;                 // a batch of the day was there before
  std::size_t added = 0;                // drafts of follow-ups new to the batch
  std::size_t updated = 0;              // drafts nobody changed, rewritten because the plan changed
  std::size_t removed = 0;              // drafts nobody changed, of follow-ups no longer due
  std::vector<std::string> keptEdited;  // drafts a person changed, kept as they are
  std::vector<std::string> keptSent;    // drafts `kindly send` took up, kept as they are
  std::vector<std::string> keptDeleted;  // drafts a person deleted, left out
  // "FILE: ...; check it before sending": a kept draft the plan no longer agrees with.
  std::vector<std::string> toCheck;
};

class BatchWriter {
 public:
  // `templates` defaults to the built-in ones; pass Templates::withOverrides(dir) for a
  // person's own.
  BatchWriter(std::string outDir, dates::Date asOf, Sender sender,
              Templates templates = Templates());

  // Writes the batch folder outDir/batch-YYYY-MM-DD and returns its entries, one per file, in
  // the order of their sequence numbers. The folder appears whole or not at all: it is
  // written under a temporary name and renamed at the end. Throws kindly::Error when it
  // cannot be written. Creates outDir when missing. Reminder number N (from 1, in the order
  // given) gives one file per channel, "NNN-slug" (see clientSlug) + ".eml", ".call.txt" or
  // ".letter.html", in the order of its channels, each dated the reminder's day (else the
  // batch's). An email without a usable address is still written, with no To header and an
  // empty manifest email. manifest.csv and manifest.json list the entries (see Manifest.h);
  // a hidden file ".drafted" keeps the digest of every draft as written. Writes nothing to the
  // ledger: a draft is not a contact until it is sent. The same reminders and as-of date give
  // the same bytes.
  //
  // When the day's batch is there already, a person's work in it is kept: a draft changed
  // since it was written, or named in `sentFiles` (taken up by `kindly send`), stays as it
  // is; a draft deleted stays deleted; files the batch did not write are left alone. Only a
  // draft nobody changed is rewritten when the plan changed, or removed when its follow-up is
  // no longer due; a follow-up new to the batch is added under the next sequence number.
  // `changes`, when given, says what was done.
  std::vector<BatchEntry> write(const std::vector<Reminder>& reminders,
                                const std::set<std::string>& sentFiles = {},
                                BatchChanges* changes = nullptr);

  // The folder write() creates.
  std::string batchPath() const;

 private:
  // Every draft of `reminders`, numbered from 1: its entry and its bytes.
  std::vector<std::pair<BatchEntry, std::string>> render(
      const std::vector<Reminder>& reminders) const;
  // The .eml of `reminder`, addressed to entry.email, dated `day`.
  std::string emailDraft(const Reminder& reminder, const BatchEntry& entry, const std::string& slug,
                         dates::Date day) const;

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
