// One row of an export, read and checked, ready for the ledger; or why it was refused.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dates/Date.h"
#include "money/Money.h"

namespace kindly::importers {

// How an invoice's due date is known: given by the file, reckoned from its terms, or, with
// neither, assumed to be its issue date. The import says what it assumed.
enum class DueDateFrom { File, Terms, IssueDate };

struct InvoiceRecord {
  std::string number;
  std::optional<std::size_t> numberColumn;     // 0-based, for rejects that are about the number
  std::optional<std::size_t> dueDateColumn{};  // 0-based, for warnings about the due date
  std::string clientCode;  // the export's client id; "" when it has none (matched by name)
  std::string clientName;
  std::string clientEmail;
  std::string contactName{};  // the person to greet at the client; "" when the file has none
  dates::Date issueDate;
  dates::Date dueDate;
  money::Money amount;
  std::string status;                     // lower case; "" when the file has none
  std::optional<money::Money> paidSoFar;  // when the export says how much is paid
  // The amount is what is still open, not what was invoiced (aged receivables reports): for
  // an invoice the ledger knows, its amount stands and the difference is what is paid.
  bool amountIsOpenBalance = false;
  // A credit note: the invoice it was issued against ("" when the file does not say). Its
  // credit then settles that invoice rather than standing as an unapplied credit.
  std::string appliesTo{};
  DueDateFrom dueDateFrom = DueDateFrom::File;
  // The amount is this row's line only (a line total, or quantity x unit price): the lines
  // of one invoice on consecutive rows add up to its amount.
  bool amountIsLine = false;
  // For such an invoice, what the export says is still open of the whole of it (its lines
  // repeat it): what is paid is known once the lines are added up.
  std::optional<money::Money> openBalance{};
  // The day of the latest payment, when the export says (a paid-date or last-payment-date
  // column): a payment inferred from the balance is dated by it, and its date is known.
  std::optional<dates::Date> lastPaidOn{};

  friend bool operator==(const InvoiceRecord&, const InvoiceRecord&) = default;
};

struct PaymentRecord {
  std::string invoiceNumber;  // "" for a payment on account: it then names its client
  std::string clientCode{};
  std::string clientName{};
  dates::Date paymentDate;
  std::string amountText;  // parsed once the invoice, hence the currency, is known
  std::string reference;
  // The currency the file states for the payment: it must be its invoice's; one on account
  // is kept in it (else in the default currency).
  std::optional<money::Currency> currency{};
  // A booking paying an invoice of an earlier period, which the ledger may not hold: then
  // kept as the client's credit on account rather than set aside.
  bool invoiceMayBeEarlier = false;
  std::optional<std::size_t> numberColumn;  // 0-based, for rejects
  std::optional<std::size_t> amountColumn;
};

// A row that did not go into the ledger, and why.
struct Reject {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;  // 1-based; 0 when the whole row is at fault
  std::string columnName;  // the header's own text
  std::string reason;
  std::string text;  // the row as read
};

}  // namespace kindly::importers
