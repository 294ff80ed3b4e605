// A person who gives Kindly a bank statement has the right idea and the wrong file: the
// message says so, and names the file that holds what clients owe.
#include "importers/profiles/NotReceivablesProfile.h"

#include "importers/Columns.h"

namespace kindly::importers {

const std::vector<NotReceivables>& notReceivables() {
  static const std::vector<NotReceivables> reports = {
      {"stripe-balance",
       "a Stripe balance report (money moving through the Stripe balance)",
       {"balance_transaction_id", "reporting_category", "net"},
       "export Stripe's invoices instead (Billing > Invoices > Export)"},
      {"stripe-balance",
       "a Stripe balance report (money moving through the Stripe balance)",
       {"id", "Type", "Source", "Amount", "Fee", "Net", "Available On (UTC)"},
       "export Stripe's invoices instead (Billing > Invoices > Export)"},
      {"bank-statement",
       "a bank statement (money in and out of an account)",
       {"Buchung", "Wertstellungsdatum", "Betrag"},
       "export the invoice list or the open items (Offene Posten) from the accounting system"},
      {"bank-statement",
       "a bank statement (money in and out of an account)",
       {"Buchungstag", "Valutadatum", "Betrag"},
       "export the invoice list or the open items (Offene Posten) from the accounting system"},
      {"datev-master-data",
       "DATEV master data (the names and addresses of debtors and creditors)",
       {"Konto", "Name (Adressatentyp Unternehmen)", "Adressatentyp"},
       "import the booking batch (EXTF Buchungsstapel); its clients are named by their debtor "
       "account numbers"},
      {"akaunting-vendor-payments",
       "Akaunting's payments to vendors (money paid out)",
       {"account_id", "paid_at", "vendor_id"},
       "export the invoices (Sales > Invoices > Export) and the revenues instead"},
      {"bank-statement",
       "a bank statement (money in and out of an account)",
       {"Transaction Date", "Debit", "Credit", "Balance"},
       "export the invoice list or the aged receivables report from the accounting system"},
  };
  return reports;
}

int NotReceivablesProfile::recognise(const Row& row) const {
  const Columns columns(row);
  for (auto name : report_.header) {
    if (!columns.find({name})) return 0;
  }
  return 90;
}

Result<bool> NotReceivablesProfile::start(const Row&, const ParseSettings&) {
  return Failure{std::string(report_.description) + ", not what clients owe; " +
                 std::string(report_.instead)};
}

void NotReceivablesProfile::read(const Row&, RecordSink& sink) {
  sink.reject(std::nullopt, std::string(report_.description) + ", not receivables");
}

}  // namespace kindly::importers
