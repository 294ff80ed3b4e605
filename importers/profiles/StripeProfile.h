// Stripe's invoice export (Dashboard > Invoices > Export): one row per invoice, its columns
// named differently from one version of the export to the next.
#pragma once

#include <optional>

#include "importers/Profile.h"

namespace kindly::importers {

class StripeProfile : public Profile {
 public:
  std::string name() const override { return "stripe"; }
  std::string description() const override { return "Stripe invoice export"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // Needs Customer, Amount Due and Amount Paid or Amount Remaining, beside one of Stripe's
  // own names: "Date (UTC)", "Created (UTC)", "Due Date (UTC)" or "Amount Remaining".
  int recognise(const Row& row) const override;
  // Fails without an invoice number or id, a customer, a date and a total or amount due.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  // The customer id (cus_...) is the client code. A draft has no number yet: its id (in_...)
  // stands in.
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  bool isFullExport() const override { return true; }

 private:
  ParseSettings settings_;
  std::optional<std::size_t> id_;
  std::optional<std::size_t> number_;
  std::optional<std::size_t> customer_;
  std::optional<std::size_t> customerName_;
  std::optional<std::size_t> email_;
  std::optional<std::size_t> issueDate_;
  std::optional<std::size_t> dueDate_;
  std::optional<std::size_t> currency_;
  std::optional<std::size_t> total_;
  std::optional<std::size_t> paid_;
  std::optional<std::size_t> remaining_;
  std::optional<std::size_t> status_;
};

}  // namespace kindly::importers
