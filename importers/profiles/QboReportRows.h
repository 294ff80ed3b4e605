// The rows QuickBooks Online puts around a report's table: the title block with its "As of"
// line, bucket or group headings, "Total for ..." and "TOTAL" rows, and the basis stamp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dates/Date.h"
#include "importers/Cells.h"
#include "importers/Columns.h"
#include "importers/GenericLayout.h"
#include "importers/Profile.h"

namespace kindly::importers {

enum class QboRowKind { Data, Heading, Total, Footer };

// What a row below a QBO report's header is, told by its first cell alone: "TOTAL" or
// "Total for ..." is a total, "Accrual Basis <day stamp>" the footer, a row with nothing
// but its first cell a heading ("Current", "1 - 30 days past due", a customer's group).
// A customer named "Total Quality Logistics" in a data row's customer cell stays data.
QboRowKind qboRowKind(const Row& row);

// True, with the row skipped, when `row` is of the report's frame rather than a transaction:
// a heading (its text given to `heading` when there is one: a customer's group), a total, the
// footer (its stamp dating the export when `stampDates`).
bool skipQboFrame(const Row& row, RecordSink& sink, bool stampDates,
                  std::string* heading = nullptr);

// The day of a title cell "As of November 20, 2026", or nullopt.
std::optional<dates::Date> qboAsOfDate(std::string_view cell);

// The day of the footer stamp "Accrual Basis Friday, November 20, 2026 09:15 AM GMT-05:00"
// (or "Cash Basis ..."), or nullopt when the cell is no such stamp.
std::optional<dates::Date> qboStampDate(std::string_view cell);

// The columns of an invoice in QBO's A/R reports, by the names QBO has used for them, and
// then `more` of a report's own.
std::vector<ColumnRule> qboInvoiceColumns(std::vector<ColumnRule> more);

// Reads an invoice, or a credit memo when `creditMemo` (its amounts are negative whatever
// their sign in the file). paidSoFar is the amount less the open balance. The customer is
// its column's, else `heading` (the report's group heading above). Returns nullopt once
// `cells` has rejected the row.
std::optional<InvoiceRecord> readQboInvoice(const GenericLayout& layout, Cells& cells,
                                            bool creditMemo, std::string_view heading = {});

// Reads one transaction row of an A/R report into `sink`: an invoice or credit memo; a
// payment still open (received, applied to no invoice) as the customer's credit on account;
// a payment applied in full is skipped; any other type is refused with its name.
void readQboTransaction(const Row& row, const GenericLayout& layout, const ParseSettings& settings,
                        RecordSink& sink, std::string_view heading = {});

}  // namespace kindly::importers
