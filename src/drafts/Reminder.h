// One client's consolidated follow-up: every open invoice it owes, in one message.
#pragma once

#include <string>
#include <vector>

#include "aging/Aging.h"
#include "money/Money.h"

namespace kindly::drafts {

struct Reminder {
  std::string clientCode;
  std::string clientName;
  std::string email;                         // may be empty: no email on file
  std::vector<aging::OpenInvoice> invoices;  // the client's positive balances, oldest first
  money::Totals balance;                     // what the client owes, per currency
  int oldestDaysOverdue = 0;
};

// Who the reminders come from, from the [company], [mail] and [payment] configuration.
struct Sender {
  std::string companyName;
  std::string from;  // "Accounts <ar@example.com>"
  std::string replyTo;
  std::string signature;
  std::string paymentInstructions;
};

}  // namespace kindly::drafts
