// Writes a batch of reminder drafts for a person to review: a folder batch-YYYY-MM-DD
// holding one .eml per client and a manifest.csv listing them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "drafts/Reminder.h"

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
  BatchWriter(std::string outDir, dates::Date asOf, Sender sender);

  // Writes the batch folder outDir/batch-YYYY-MM-DD (replacing one of the same date) and
  // returns its entries. The folder appears whole or not at all: it is written under a
  // temporary name and renamed at the end. Throws kindly::Error when it cannot be written.
  std::vector<BatchEntry> write(const std::vector<Reminder>& reminders);

  // The folder write() creates.
  std::string batchPath() const;

 private:
  std::string outDir_;
  dates::Date asOf_;
  Sender sender_;
};

}  // namespace kindly::drafts
