// Reports that are not receivables (a Stripe balance report, a bank statement), known by
// their headers so that the import names what the file is and which export to use instead,
// rather than calling it an unknown layout.
#pragma once

#include <string_view>
#include <vector>

#include "importers/Profile.h"

namespace kindly::importers {

// A kind of report that is not receivables: its header names, all present in its header
// row, and what to export instead.
struct NotReceivables {
  std::string_view name;         // "stripe-balance"
  std::string_view description;  // "a Stripe balance report"
  std::vector<std::string_view> header;
  std::string_view instead;  // "export Stripe's invoices (Billing > Invoices > Export)"
};

class NotReceivablesProfile : public Profile {
 public:
  explicit NotReceivablesProfile(const NotReceivables& report) : report_(report) {}

  std::string name() const override { return std::string(report_.name); }
  std::string description() const override { return std::string(report_.description); }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // 90 when every name of the report's header is there: above every receivables format.
  int recognise(const Row& row) const override;
  // Always fails, saying what the file is and what to export instead.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;

 private:
  const NotReceivables& report_;
};

// The reports known not to be receivables.
const std::vector<NotReceivables>& notReceivables();

}  // namespace kindly::importers
