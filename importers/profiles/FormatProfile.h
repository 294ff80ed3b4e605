// An export format read through its FormatTable: one header resolution for every format
// (the missing columns named exactly), and the table telling what each column means. What is
// left in a format's own class is only its quirks, in read().
#pragma once

#include <optional>
#include <string>

#include "importers/GenericLayout.h"
#include "importers/Profile.h"

namespace kindly::importers {

class FormatProfile : public Profile {
 public:
  // `format` must outlive the profile: the tables are static data.
  explicit FormatProfile(const FormatTable& format) : format_(format) {}

  std::string name() const override { return std::string(format_.name); }
  std::string description() const override { return std::string(format_.description); }
  RecordKind kind() const override { return format_.kind; }
  // recogniseFormat() under the table.
  int recognise(const Row& row) const override;
  // Finds the table's columns in `header`, failing with the required ones it lacks; reads
  // dates in the format's usual order unless `settings` give one; then begin().
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  std::vector<std::size_t> dateColumns() const override { return layout_.dateColumns(); }
  std::vector<std::size_t> amountColumns() const override { return layout_.amountColumns(); }
  dates::DateOrder usualDateOrder() const override { return format_.usualDateOrder; }
  bool isFullExport() const override { return format_.fullExport; }
  std::string columnField(std::size_t column) const override;

 protected:
  // After the columns are found: what the format needs beyond them (settings of its own,
  // a check the table cannot state). Fails like start().
  virtual Result<bool> begin(const Row& /*header*/) { return true; }

  // The column of `field` in this file, or nullopt.
  std::optional<std::size_t> column(Field field) const { return layout_.column(field); }
  const GenericLayout& layout() const { return layout_; }
  const ParseSettings& settings() const { return settings_; }
  ParseSettings& settings() { return settings_; }

 private:
  const FormatTable& format_;
  GenericLayout layout_;
  ParseSettings settings_;
};

}  // namespace kindly::importers
