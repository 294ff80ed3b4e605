// The planner: for one client, as of a day, the next follow-up (DESIGN §7). Pure rules on
// plain values; PlanReader gathers the values from the ledger.
//
// While a client owes a positive net balance on an invoice that is not written off, there is
// always a next follow-up: the ladder's steps in order, then a persistent step every
// repeatEveryDays, for ever. Steps advance on contacts made, not on the calendar, so a
// missed week catches up with the step that is due next, one step at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "followup/Cadence.h"
#include "money/Money.h"

namespace kindly::followup {

// An open invoice with a positive balance, issued by the as-of date, not written off.
struct OwedInvoice {
  std::string number;
  dates::Date issued;
  dates::Date due;
  money::Money balance;
};

// The steps that are not part of chasing: they never advance the ladder.
inline constexpr const char* kHeadsUp = "heads-up";
inline constexpr const char* kThankYou = "thank-you";
inline constexpr const char* kCheckIn = "check-in";

// A contact made with the client (sent by Kindly, or logged by a person).
struct MadeContact {
  dates::Date day;
  std::string step;  // the step it carried out; "" for a contact a person logged
};

struct ClientSituation {
  std::string code;
  std::string name;
  std::string email;                         // "" when none is on file: no email steps
  std::string contactName;                   // the person to greet; "" when unknown
  std::vector<OwedInvoice> invoices;         // oldest due first
  money::Totals balance;                     // net of credits, per currency
  std::vector<std::string> writtenOff;       // its written-off invoices: not chased, still shown
  std::vector<MadeContact> contacts;         // made on or before the as-of date, oldest first
  std::optional<dates::Date> promisedUntil;  // a standing promise: promised day + grace
  bool disputed = false;
  bool repeatLate = false;
  bool stoppedBuying = false;
  // Nothing paid for a while though something is overdue: a personal call, not more mail.
  bool stoppedPaying = false;
  std::optional<dates::Date> lastPayment;     // the latest day it paid anything by
  std::optional<dates::Date> lastPaidOnTime;  // the latest invoice it paid within grace
};

enum class Purpose {
  Chase,     // a reminder of what is owed
  Resolve,   // a dispute stands: let's resolve it, on the same persistence
  HeadsUp,   // a repeat-late client, before a due date
  ThankYou,  // a repeat-late client paid on time
  CheckIn,   // a regular client stopped buying: no word of money
};

// "chase", "resolve", "heads-up", "thank-you", "check-in".
std::string_view purposeName(Purpose purpose);

struct FollowUp {
  dates::Date date;  // a business day, on or after the as-of date
  Purpose purpose = Purpose::Chase;
  std::string step;  // a ladder step's name, "persistent-N", or a touch point's
  std::vector<Channel> channels;
  std::vector<OwedInvoice> invoices;  // every owed invoice (none for a check-in)
  std::string reason;                 // why this, now: for the person who reviews the plan
  // How many days after this one, made on its date, the next follow-up would come (a business
  // day) if nothing is paid: what a draft may promise ("next week"). 0: none follows.
  int thenAfterDays = 0;
};

// A thank-you is due within this many days of an on-time payment; a check-in is repeated
// no more often than this.
inline constexpr int kThankYouWithinDays = 14;
inline constexpr int kCheckInEveryDays = 90;

// The client's next follow-up as of `asOf`, or nullopt when there is nothing to do: no
// positive net balance on an owed invoice, and no touch point due.
std::optional<FollowUp> nextFollowUp(const ClientSituation& client, dates::Date asOf,
                                     const Cadence& cadence);

}  // namespace kindly::followup
