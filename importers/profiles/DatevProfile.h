// DATEV's booking batch ("EXTF" Buchungsstapel), as DATEV and the programs exporting to it
// write it: a first line describing the batch, the column names, then one booking per row.
#pragma once

#include <optional>

#include "dates/Date.h"
#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class DatevProfile : public FormatProfile {
 public:
  DatevProfile();
  // The batch's first line ("EXTF";510;21;"Buchungsstapel";...): the period its bookings
  // fall in, which gives the year of their DDMM dates, and the length of its accounts.
  void title(const Row& row, RecordSink& sink) override;
  // A booking debiting a debtor (a client's account) is an invoice, one crediting it a
  // payment; bookings between other accounts are skipped.
  void read(const Row& row, RecordSink& sink) override;
  // Dates are DATEV's own (DDMM, DDMMYYYY): read by the profile, never sniffed.
  std::vector<std::size_t> dateColumns() const override { return {}; }

 protected:
  // Amounts are written with a decimal comma, unless the user says otherwise.
  Result<bool> begin(const Row& header) override;

 private:
  // The day of a DATEV date, "0902" (its year from the batch's period) or "09022016".
  std::optional<dates::Date> dayOf(std::string_view text) const;
  // True for an account number in the debtor range: accounts one digit longer than the
  // batch's G/L accounts, starting 1 to 6 (10000 to 69999 beside 4-digit accounts).
  bool isDebtor(std::string_view account) const;

  std::optional<dates::Date> periodFrom_, periodTo_;
  int accountLength_ = 4;  // digits of a G/L account; DATEV's default
  std::string batchCurrency_;
};

}  // namespace kindly::importers
