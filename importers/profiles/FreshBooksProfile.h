// FreshBooks' invoice list exported to CSV: one row per invoice, or one per line with the
// invoice's totals repeated, and what is paid and outstanding on each.
#pragma once

#include <optional>

#include "importers/Profile.h"

namespace kindly::importers {

class FreshBooksProfile : public Profile {
 public:
  std::string name() const override { return "freshbooks"; }
  std::string description() const override { return "FreshBooks invoice export"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // Needs "Date Issued", FreshBooks' own name, beside a client and an invoice number.
  int recognise(const Row& row) const override;
  // Fails without a client, invoice number, issue date, due date and invoice total: the
  // Invoice Details report, with line totals only, is refused here rather than summed.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  bool isFullExport() const override { return true; }

 private:
  ParseSettings settings_;
  std::optional<std::size_t> client_;
  std::optional<std::size_t> email_;
  std::optional<std::size_t> number_;
  std::optional<std::size_t> issueDate_;
  std::optional<std::size_t> dueDate_;
  std::optional<std::size_t> status_;
  std::optional<std::size_t> currency_;
  std::optional<std::size_t> total_;
  std::optional<std::size_t> lineTotal_;
  std::optional<std::size_t> paid_;
  std::optional<std::size_t> outstanding_;
  std::optional<std::size_t> datePaid_;
};

}  // namespace kindly::importers
