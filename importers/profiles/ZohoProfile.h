// Zoho Books' invoice export (Invoice.csv): one row per line item, the invoice's date, status,
// customer, total and balance repeated on each, so an invoice's lines collapse to one.
#pragma once

#include <optional>
#include <string>

#include "importers/Profile.h"

namespace kindly::importers {

class ZohoProfile : public Profile {
 public:
  std::string name() const override { return "zoho"; }
  std::string description() const override { return "Zoho Books invoice export"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // Needs Zoho's own "Invoice Status" and "Customer Name" beside an invoice number and a
  // balance.
  int recognise(const Row& row) const override;
  // Fails without Invoice Number, Customer Name, Invoice Date, Due Date, Total or Balance.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  // Exported with "All Invoices", the file lists every invoice the organisation has.
  bool isFullExport() const override { return true; }
  std::string columnField(std::size_t column) const override;

 private:
  ParseSettings settings_;
  std::optional<std::size_t> number_;
  std::optional<std::size_t> status_;
  std::optional<std::size_t> customerId_;
  std::optional<std::size_t> customerName_;
  std::optional<std::size_t> email_;
  std::optional<std::size_t> issueDate_;
  std::optional<std::size_t> dueDate_;
  std::optional<std::size_t> currency_;
  std::optional<std::size_t> total_;
  std::optional<std::size_t> balance_;
  std::optional<std::size_t> lastPaid_;
};

}  // namespace kindly::importers
