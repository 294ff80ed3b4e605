// Xero's invoice export (Business > Invoices > Export): one row per line item with the
// invoice's totals repeated, credit notes and overpayments listed among the invoices.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "importers/Profile.h"

namespace kindly::importers {

class XeroProfile : public Profile {
 public:
  std::string name() const override { return "xero"; }
  std::string description() const override { return "Xero invoice export"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // Needs ContactName and InvoiceAmountDue or InvoiceAmountPaid, names only Xero uses.
  int recognise(const Row& row) const override;
  // Fails without ContactName, InvoiceNumber, InvoiceDate, DueDate, Total, and one of
  // InvoiceAmountDue and InvoiceAmountPaid.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  // Credit notes and overpayments become negative invoices; an overpayment, which has no
  // invoice number, is given one: "OVERPAYMENT <contact> <date> <total>".
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  bool isFullExport() const override { return true; }

 private:
  ParseSettings settings_;
  std::optional<std::size_t> contact_;
  std::optional<std::size_t> email_;
  std::optional<std::size_t> number_;
  std::optional<std::size_t> issueDate_;
  std::optional<std::size_t> dueDate_;
  std::optional<std::size_t> total_;
  std::optional<std::size_t> amountPaid_;
  std::optional<std::size_t> amountDue_;
  std::optional<std::size_t> currency_;
  std::optional<std::size_t> type_;
  std::optional<std::size_t> status_;
  std::map<std::string, int> overpayments_;  // overpayments read, by contact, date and total
  std::string lastOverpayment_;              // of the row above, "" when it was none
};

}  // namespace kindly::importers
