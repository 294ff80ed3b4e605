// Finding the invoice a payment's free text names, for formats that have no field linking a
// payment to its invoice (IIF memos, Sage 50 receipt details).
#pragma once

#include <string>
#include <string_view>

namespace kindly::importers {

// The invoice number `text` names after "invoice" or "inv" ("Invoice 1042", "Inv #00123",
// "payment for invoice no. 7"), or "" when it names none. The number keeps its zeros.
std::string invoiceNamedIn(std::string_view text);

}  // namespace kindly::importers
