// The batch's table of contents, one row per draft file: manifest.csv for a spreadsheet,
// manifest.json for a mail-merge or sending tool.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "money/Money.h"

namespace kindly::drafts {

// One draft file of a batch. The drafts of one follow-up share its sequence number: a step
// with a letter and an email gives two rows, "004-acme-ltd.letter.html" and
// "004-acme-ltd.eml".
struct BatchEntry {
  std::size_t sequence = 0;  // 1, 2, 3... as in the file name "001-acme-ltd.eml"
  std::string clientCode;
  std::string clientName;
  std::string email;    // usable as a To address, else ""
  std::string purpose;  // "chase", "resolve", "heads-up", "thank-you", "check-in"
  std::string step;     // "gentle-reminder", "persistent-3", "check-in"...
  std::string channel;  // "email", "call", "letter"
  std::vector<std::string> invoiceNumbers;
  money::Totals balance;  // what the draft is about, per currency; none for a check-in
  std::string file;       // name inside the batch folder
  std::string day;           // the day the follow-up is for, "2026-11-23"; "" when not known
  std::string balancesAsAt;  // the latest import's day: the balances it shows are as at then
};

// RFC 4180 with CRLF line ends: sequence, client, name, email, purpose, step, channel,
// invoices (numbers joined by ' '), balance ("EUR 10.00; USD 1234.50", by currency code),
// file, day, balances_as_at. A cell starting with = + - @ (or a tab or CR) gets a leading ' so a spreadsheet
// cannot take it for a formula.
std::string manifestCsv(const std::vector<BatchEntry>& entries);

// One line: {"as_of":"2026-11-20","drafts":[{"sequence":1,"client":"C1","name":"Acme Ltd",
// "email":"ap@acme.example","purpose":"chase","step":"gentle-reminder","channel":"email",
// "invoices":["INV-1"],"balance":{"USD":"1500.00"},"file":"001-acme-ltd.eml",
// "day":"2026-11-20","balances_as_at":"2026-11-20"}]}, keys in this order, amounts as exact
// decimal strings keyed by currency code.
std::string manifestJson(dates::Date asOf, const std::vector<BatchEntry>& entries);

// The entries of BATCH_DIR/manifest.json, every key read back. Throws kindly::Error naming the file
// when it is missing, not a manifest, or names a file outside the batch.
std::vector<BatchEntry> readManifestJson(const std::string& batchDir);

}  // namespace kindly::drafts
