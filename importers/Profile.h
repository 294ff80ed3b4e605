// An export format: how to recognise its header, and how each of its rows becomes an
// invoice, a payment, a row to skip (titles, totals, footers) or a row to reject.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Result.h"
#include "dates/DateParser.h"
#include "importers/Records.h"
#include "money/AmountParser.h"

namespace kindly::importers {

using Row = std::vector<std::string_view>;

// How values are read where the file itself does not say.
struct ParseSettings {
  dates::DateOrder dateOrder = dates::DateOrder::Unknown;
  money::DecimalMark decimalMark = money::DecimalMark::Point;
  bool decimalMarkGiven = false;  // by --decimal-comma or a map; else the file settles it
  money::Currency defaultCurrency = *money::Currency::fromCode("USD");  // when a file names none
  // Days from issue to due for invoices whose row gives neither a due date nor terms (a
  // map's `terms = 30`); nullopt: due when issued, as the import then says.
  std::optional<int> termsDays{};
};

// What a profile makes of the current row. Every row must end in exactly one call of
// invoice(), payment(), skip() or reject().
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // The row holds an invoice (or a credit note: a negative amount). Line-item exports give
  // one per row, repeating the invoice's totals: consecutive rows of one invoice are merged
  // by the import, which checks that they agree.
  virtual void invoice(const InvoiceRecord& record) = 0;
  // The row holds a payment applied to an invoice.
  virtual void payment(const PaymentRecord& record) = 0;
  // The row holds nothing to import, and is counted under `kind`: "title rows", "total
  // rows", "headings", "footer rows", "lines of a transaction above".
  virtual void skip(std::string_view kind) = 0;
  // The row is refused; `column` is the 0-based cell at fault, nullopt for the whole row.
  virtual void reject(std::optional<std::size_t> column, std::string reason) = 0;
  // The export says what day it was made as of ("As of November 20, 2026"); may be called
  // along with any of the above.
  virtual void exportDate(dates::Date date) = 0;
};

// Which rows a file holds: files of invoices are imported before files of payments.
enum class RecordKind { Invoices, Mixed, Payments };

class Profile {
 public:
  virtual ~Profile() = default;
  // The --format name: "generic", "xero", "qbo-aging"...
  virtual std::string name() const = 0;
  // For people: "Xero invoice export".
  virtual std::string description() const = 0;
  virtual RecordKind kind() const = 0;

  // How surely `row` is this format's header row: 0 not at all; 100 a header no other
  // format could have. The generic layouts answer at most 10, so a known export wins.
  virtual int recognise(const Row& row) const = 0;
  // Starts a file whose header is `header`. Fails, naming the missing columns, when the
  // header lacks what the profile needs (possible when --format forces a profile).
  virtual Result<bool> start(const Row& header, const ParseSettings& settings) = 0;
  // Reads a row above the header (a report's title block): skip() it, and give the
  // export's date when the row states it.
  virtual void title(const Row& row, RecordSink& sink);
  // Reads one row below the header.
  virtual void read(const Row& row, RecordSink& sink) = 0;

  // After start(): the columns holding dates, read once first to settle whether the file
  // writes day or month first when --date-order does not say.
  virtual std::vector<std::size_t> dateColumns() const { return {}; }
  // After start(): the columns holding amounts written as people write them, read first to
  // settle the decimal mark when neither an option nor a map says it.
  virtual std::vector<std::size_t> amountColumns() const { return {}; }
  // The order the format's own software writes when the dates leave it open (QuickBooks:
  // month first); Unknown when such a file must be given --date-order.
  virtual dates::DateOrder usualDateOrder() const { return dates::DateOrder::Unknown; }
  // True for exports that list every open invoice (aging reports, full invoice lists): an
  // open invoice missing from this week's file is then reported for a person to check.
  virtual bool isFullExport() const { return false; }
  // After start(): what the profile reads from `column` ("due_date", "Total (repeated on
  // every line)"), for `kindly import --inspect`; "" when it reads nothing there.
  virtual std::string columnField(std::size_t /*column*/) const { return {}; }
};

// Every known profile, the generic layouts last.
std::vector<std::unique_ptr<Profile>> allProfiles();
// The profile called `name`, or nullptr.
std::unique_ptr<Profile> profileNamed(std::string_view name);

}  // namespace kindly::importers
