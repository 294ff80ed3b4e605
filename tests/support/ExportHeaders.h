// The header rows of the exports Kindly reads, for the profile tests: each profile must know
// its own header and leave the others' alone.
#pragma once

#include <string>
#include <vector>

namespace kindly::testing {

inline const std::vector<std::string> kGenericHeader{"invoice_number", "client_id",  "client_name",
                                                     "client_email",   "issue_date", "due_date",
                                                     "amount",         "currency",   "amount_paid"};
// Xero's invoice export with its line-item columns, as Xero writes it.
inline const std::vector<std::string> kXeroHeader{
    "ContactName",       "EmailAddress",     "POAddressLine1", "InvoiceNumber", "Reference",
    "InvoiceDate",       "DueDate",          "PlannedDate",    "Total",         "TaxTotal",
    "InvoiceAmountPaid", "InvoiceAmountDue", "Description",    "Quantity",      "UnitAmount",
    "LineAmount",        "Currency",         "Type",           "Sent",          "Status"};
// Xero's invoice export cut down to the invoice's own columns.
inline const std::vector<std::string> kXeroHeaderWithoutLines{"ContactName",
                                                              "EmailAddress",
                                                              "InvoiceNumber",
                                                              "Reference",
                                                              "InvoiceDate",
                                                              "DueDate",
                                                              "Total",
                                                              "TaxTotal",
                                                              "InvoiceAmountPaid",
                                                              "InvoiceAmountDue",
                                                              "Currency",
                                                              "Type",
                                                              "Sent",
                                                              "Status"};
inline const std::vector<std::string> kXeroAgedHeader{
    "Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Current", "< 1 Month",
    "1 Month",      "2 Months",       "3 Months",          "Older",    "Total"};
inline const std::vector<std::string> kStripeHeader{"id",
                                                    "Number",
                                                    "Customer",
                                                    "Customer Name",
                                                    "Customer Email",
                                                    "Date (UTC)",
                                                    "Due Date (UTC)",
                                                    "Currency",
                                                    "Amount Due",
                                                    "Amount Paid",
                                                    "Amount Remaining",
                                                    "Total",
                                                    "Status"};
inline const std::vector<std::string> kFreshBooksHeader{
    "Client Name", "Invoice #",  "Date Issued", "Due Date", "Invoice Status",
    "Currency",    "Line Total", "Total",       "Paid",     "Outstanding"};
// QuickBooks Online's A/R Aging Detail, whose first column is an empty indent.
inline const std::vector<std::string> kQboAgingHeader{
    "", "Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"};
// The same without the indent column, as a spreadsheet saved from it may have it.
inline const std::vector<std::string> kQboAgingHeaderWithoutIndent{
    "Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"};
inline const std::vector<std::string> kQboInvoicesHeader{
    "Date", "Num", "Customer", "Due Date", "Amount", "Open Balance", "Status"};
inline const std::vector<std::string> kIifHeader{"!TRNS", "TRNSID", "TRNSTYPE", "DATE", "ACCNT",
                                                 "NAME",  "AMOUNT", "DOCNUM",   "MEMO", "DUEDATE"};
inline const std::vector<std::string> kSageHeader{
    "No",   "Type",           "Account", "Nominal", "Dept", "Details", "Date",
    "Ref",  "Ex.Ref",         "Net",     "Tax",     "T/C",  "Paid",    "Amount Paid",
    "Bank", "Bank Rec. Date", "VAT"};
// The headers the QuickBooks, IIF and Sage tests check every profile against (Stripe's and
// FreshBooks' are not among them).
inline const std::vector<std::vector<std::string>> kEveryHeader{
    kGenericHeader,  kXeroHeaderWithoutLines, kXeroAgedHeader,
    kQboAgingHeader, kQboInvoicesHeader,      kIifHeader,
    kSageHeader};

}  // namespace kindly::testing
