// Writes a batch of reminder drafts for a person to review: a folder batch-YYYY-MM-DD
// holding one .eml per client and a manifest.csv listing them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "drafts/Templates.h"

namespace kindly::drafts {

// One line of the manifest.
struct BatchEntry {
  std::size_t sequence = 0;  // 1, 2, 3... as in the file name "001-acme-ltd.eml"
  std::string clientCode;
  std::string clientName;
  std::string email;
  std::string channel;  // "email"
  std::string step;     // "reminder"
  std::vector<std::string> invoiceNumbers;
  money::Totals balance;
  std::string file;  // name inside the batch folder
};

class BatchWriter {
 public:
  // `templates` defaults to the built-in ones; pass Templates::withOverrides(dir) for a
  // person's own.
  BatchWriter(std::string outDir, dates::Date asOf, Sender sender,
              Templates templates = Templates());

  // Writes the batch folder outDir/batch-YYYY-MM-DD (replacing one of the same date) and
  // returns its entries. The folder appears whole or not at all: it is written under a
  // temporary name and renamed at the end. Throws kindly::Error when it cannot be written.
  // Creates outDir when missing. Each reminder becomes "NNN-slug.eml" (see clientSlug); one
  // without a usable email is still written, with no To header and an empty manifest email.
  // manifest.csv (RFC 4180, CRLF) has the columns sequence, client, name, email, channel,
  // step, invoices (numbers joined by ' '), balance ("EUR 10.00; USD 1234.50", by code),
  // file; a cell starting with = + - @ (or a tab or CR) gets a leading ' so a spreadsheet
  // cannot take it for a formula. The same reminders and as-of date give the same bytes.
  std::vector<BatchEntry> write(const std::vector<Reminder>& reminders);

  // The folder write() creates.
  std::string batchPath() const;

 private:
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
