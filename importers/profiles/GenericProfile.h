// Kindly's own layouts (README, "What import accepts"): a header row naming the columns,
// one invoice or one payment per row. Also what a --map file describes.
#pragma once

#include "importers/GenericLayout.h"
#include "importers/Profile.h"
#include "importers/RowParser.h"

namespace kindly::importers {

class GenericProfile : public Profile {
 public:
  std::string name() const override { return "generic"; }
  std::string description() const override;
  // Known after start(): invoices or payments, by the header.
  RecordKind kind() const override { return layout_.kind(); }
  int recognise(const Row& row) const override;
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;
  std::vector<std::size_t> dateColumns() const override;
  std::vector<std::size_t> amountColumns() const override;
  std::string columnField(std::size_t column) const override;

 protected:
  // Starts reading rows of `layout` below `header`: a row is as wide as the header's names.
  void begin(const GenericLayout& layout, const Row& header, const ParseSettings& settings);

 private:
  GenericLayout layout_;
  std::optional<RowParser> parser_;
  std::size_t columns_ = 0;
};

}  // namespace kindly::importers
