// Write-offs: a person's explicit act, with a reason, kept forever. An undo is another act
// recorded on the same row (its day and reason); a later write-off of the invoice is a new row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "store/Database.h"

namespace kindly::store {

struct WriteOff {
  std::int64_t id = 0;
  std::string invoiceNumber;
  dates::Date day;
  std::string reason;
  std::optional<dates::Date> undoneDay;
  std::string undoReason;
};

class WriteOffLog {
 public:
  explicit WriteOffLog(Database& database) : database_(database) {}

  // The invoice's write-off that has not been undone, or nullopt.
  std::optional<WriteOff> active(std::int64_t invoiceId);
  // Records a write-off; the caller has checked that none is active. Throws StoreError.
  void writeOff(std::int64_t invoiceId, dates::Date day, const std::string& reason);
  // Marks the write-off `writeOffId` undone on `day`; the caller has checked it is active.
  void undo(std::int64_t writeOffId, dates::Date day, const std::string& reason);

  // The write-offs of the client's invoices dated on or before asOf, oldest first. An undo
  // dated after asOf is left out (undoneDay empty), so that the past reads as it was.
  std::vector<WriteOff> forClient(std::int64_t clientId, dates::Date asOf);

 private:
  Database& database_;
};

// The SQL condition "invoice i is written off as of the day bound to both `?`": a write-off
// dated on or before that day and not undone by then. For the aging and the reminders.
inline constexpr const char* kWrittenOffSql =
    "EXISTS (SELECT 1 FROM writeoffs w WHERE w.invoice_id = i.id AND w.day <= ? "
    "AND (w.undone_day IS NULL OR w.undone_day > ?))";

}  // namespace kindly::store
