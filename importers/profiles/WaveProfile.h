// Wave's accounting transactions export: every line of every journal transaction. Invoices
// and the payments against them are the lines in Accounts Receivable; the rest is skipped.
#pragma once

#include <optional>
#include <string>

#include "importers/Profile.h"

namespace kindly::importers {

class WaveProfile : public Profile {
 public:
  std::string name() const override { return "wave"; }
  std::string description() const override { return "Wave accounting transactions export"; }
  // Invoices and payments in one file: its payments are read after all its invoices.
  RecordKind kind() const override { return RecordKind::Mixed; }
  // Needs Wave's "Account Name", "Transaction Date" and one of its amount columns.
  int recognise(const Row& row) const override;
  // Fails without Transaction Date, Account Name, Customer, Invoice Number or an amount.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  std::string columnField(std::size_t column) const override;

 private:
  ParseSettings settings_;
  std::optional<std::size_t> transactionId_;
  std::optional<std::size_t> date_;
  std::optional<std::size_t> account_;
  std::optional<std::size_t> amount_;  // signed: debits positive
  std::optional<std::size_t> debit_;   // or the two-column approach
  std::optional<std::size_t> credit_;
  std::optional<std::size_t> customer_;
  std::optional<std::size_t> number_;
  std::optional<std::size_t> dueDate_;  // not in Wave's own export; kept when a person adds it
};

}  // namespace kindly::importers
