// Reports put titles above their header (QuickBooks: company, report name, "As of" line),
// so the header is looked for among the first rows; those rows are kept and replayed.
#include "importers/SourceFile.h"

#include <algorithm>

#include "base/Error.h"
#include "importers/GenericLayout.h"
#include "importers/profiles/MappedProfile.h"
#include "importers/profiles/NotReceivablesProfile.h"

namespace kindly::importers {

namespace {

// How far down a header may sit: reports have a few title rows, an IIF file its lists of
// accounts and customers before the transactions.
constexpr std::size_t kHeaderSearchRows = 500;
// Rows sampled before deciding a file's dates are ISO and need no order.
constexpr std::size_t kDateSampleRows = 100;

struct StoredRow {
  std::vector<std::string> cells;
  std::size_t line;
  std::string problem;
};

// Replays rows already read, then goes on reading the file.
class ReplayTable : public Table {
 public:
  ReplayTable(std::unique_ptr<Table> table, std::vector<StoredRow> stored)
      : table_(std::move(table)), stored_(std::move(stored)) {}

  bool next() override {
    if (++index_ < stored_.size()) {
      views_.assign(stored_[index_].cells.begin(), stored_[index_].cells.end());
      return true;
    }
    replaying_ = false;
    return table_->next();
  }
  const std::vector<std::string_view>& fields() const override {
    return replaying_ ? views_ : table_->fields();
  }
  std::size_t line() const override { return replaying_ ? stored_[index_].line : table_->line(); }
  const std::string& problem() const override {
    return replaying_ ? stored_[index_].problem : table_->problem();
  }
  std::string describe() const override { return table_->describe(); }
  const std::string& path() const override { return table_->path(); }
  double progress() const override { return table_->progress(); }

 private:
  std::unique_ptr<Table> table_;
  std::vector<StoredRow> stored_;
  std::size_t index_ = static_cast<std::size_t>(-1);
  bool replaying_ = true;
  std::vector<std::string_view> views_;
};

// Decides how a file's numeric dates are ordered, reading it once first. A day above 12 in
// any date column settles them all: one file writes its dates one way.
dates::DateOrder sniffDateOrder(const std::string& path, const TableOptions& tableOptions,
                                std::size_t headerLine, const std::vector<std::size_t>& columns,
                                const std::vector<std::string>& header) {
  auto table = openTable(path, tableOptions);
  bool more = table->next();
  while (more && table->line() <= headerLine) more = table->next();
  std::vector<dates::DateOrderSniffer> sniffers(columns.size());
  dates::DateOrderSniffer allColumns;
  for (std::size_t rows = 1; more; more = table->next(), ++rows) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] >= table->fields().size()) continue;
      sniffers[i].observe(table->fields()[columns[i]]);
      allColumns.observe(table->fields()[columns[i]]);
    }
    // Plainly ISO after a sample: no need to read on.
    if (rows == kDateSampleRows) {
      const auto verdict = allColumns.verdict();
      if (verdict && *verdict == dates::DateOrder::Unknown) return dates::DateOrder::Unknown;
    }
  }
  if (const auto verdict = allColumns.verdict()) return *verdict;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto verdict = sniffers[i].verdict();
    if (!verdict) {
      throw InputError(path + ": column '" + header[columns[i]] + "': " + verdict.error());
    }
  }
  throw InputError(path +
                   ": the date columns disagree on day and month order; say --date-order DMY "
                   "or MDY");
}

// The decimal mark the file's amounts show: the first amount that shows one settles it, as
// one file writes its amounts one way. Point when none does.
money::DecimalMark sniffDecimalMark(const std::string& path, const TableOptions& tableOptions,
                                    std::size_t headerLine,
                                    const std::vector<std::size_t>& columns) {
  auto table = openTable(path, tableOptions);
  bool more = table->next();
  while (more && table->line() <= headerLine) more = table->next();
  for (; more; more = table->next()) {
    for (const std::size_t column : columns) {
      if (column >= table->fields().size()) continue;
      if (const auto mark = money::decimalMarkOf(table->fields()[column])) return *mark;
    }
  }
  return money::DecimalMark::Point;
}

}  // namespace

SourceFile openSource(const std::string& path, const SourceOptions& options) {
  auto table = openTable(path, options.table);
  std::vector<StoredRow> stored;
  while (stored.size() < kHeaderSearchRows && table->next()) {
    stored.push_back(
        {{table->fields().begin(), table->fields().end()}, table->line(), table->problem()});
  }
  if (stored.empty()) throw UnknownLayout(path + ": the file has no header row");

  // The best score over the first rows wins; the earliest row among equals.
  auto candidates = allProfiles();
  if (!options.format.empty()) {
    auto forced = profileNamed(options.format);
    if (!forced) {
      std::string names;
      for (const auto& profile : candidates) {
        // Reports that are not receivables are recognised only to be named, never imported.
        if (dynamic_cast<const NotReceivablesProfile*>(profile.get())) continue;
        names += (names.empty() ? "" : ", ") + profile->name();
      }
      throw InputError("--format: no format '" + options.format + "'; the formats are " + names);
    }
    candidates.clear();
    candidates.push_back(std::move(forced));
  }
  if (options.map) {
    candidates.clear();
    candidates.push_back(std::make_unique<MappedProfile>(*options.map));
  }
  std::size_t bestRow = 0;
  Profile* best = nullptr;
  int bestScore = 0;
  for (std::size_t r = 0; r < stored.size(); ++r) {
    const Row row(stored[r].cells.begin(), stored[r].cells.end());
    for (auto& profile : candidates) {
      const int score = profile->recognise(row);
      if (score > bestScore) {
        bestScore = score;
        best = profile.get();
        bestRow = r;
      }
    }
  }
  const Row first(stored[0].cells.begin(), stored[0].cells.end());
  if (!best) {
    if (options.map) {
      throw UnknownLayout(path + ": no row among the first " + std::to_string(stored.size()) +
                          " names any column of " + options.map->file);
    }
    if (!options.format.empty()) {
      // Read as the format's header, the first row names the columns it lacks.
      const auto started = candidates[0]->start(first, options.parse);
      throw UnknownLayout(path + ":" + std::to_string(stored[0].line) + ": not a " +
                          candidates[0]->description() + ": " +
                          (started ? std::string("no header row of that format in the first rows")
                                   : started.error()));
    }
    const auto generic = GenericLayout::match(first);
    throw UnknownLayout(path + ":" + std::to_string(stored[0].line) + ": " +
                        (generic ? std::string("no header row") : generic.error()) +
                        "; `kindly import --inspect` shows what Kindly sees, and --map FILE "
                        "names the columns of a layout it does not know");
  }

  SourceFile source;
  source.sheet = options.table.sheet;
  const Row header(stored[bestRow].cells.begin(), stored[bestRow].cells.end());
  source.header = stored[bestRow].cells;
  source.headerLine = stored[bestRow].line;
  source.titleRows = bestRow;
  source.settings = options.parse;
  auto started = best->start(header, source.settings);
  if (!started) {
    throw InputError(path + ":" + std::to_string(source.headerLine) + ": " + started.error());
  }
  if (source.settings.dateOrder == dates::DateOrder::Unknown && !best->dateColumns().empty()) {
    try {
      source.settings.dateOrder = sniffDateOrder(path, options.table, source.headerLine,
                                                 best->dateColumns(), source.header);
    } catch (const InputError&) {
      // Every date reads both ways: the format's own habit decides, where it has one.
      if (best->usualDateOrder() == dates::DateOrder::Unknown) throw;
      source.settings.dateOrder = best->usualDateOrder();
    }
    if (source.settings.dateOrder != dates::DateOrder::Unknown) {
      best->start(header, source.settings);
    }
  }
  if (!source.settings.decimalMarkGiven && !best->amountColumns().empty()) {
    const auto mark =
        sniffDecimalMark(path, options.table, source.headerLine, best->amountColumns());
    if (mark != source.settings.decimalMark) {
      source.settings.decimalMark = mark;
      best->start(header, source.settings);
    }
  }
  for (auto& profile : candidates) {
    if (profile.get() == best) source.profile = std::move(profile);
  }
  // The header row itself is not replayed: it is no record and no title.
  stored.erase(stored.begin() + static_cast<std::ptrdiff_t>(bestRow));
  source.table = std::make_unique<ReplayTable>(std::move(table), std::move(stored));
  return source;
}

}  // namespace kindly::importers
