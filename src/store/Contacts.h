// What people tell Kindly about a client, kept forever: contacts and their outcome, promises
// to pay, disputes and their resolution, free notes. Rows are added, never changed, except
// that one logged by mistake can be withdrawn: the row stays, marked with the day and why, and
// counts nowhere (every reader of what counts reads the view contacts_in_effect).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"
#include "store/Database.h"

namespace kindly::store {

enum class ContactKind { Contact, Promise, Dispute, Resolved, Note };

// "contact", "promise", "dispute", "resolved", "note": the kind as the ledger stores it.
std::string_view kindName(ContactKind kind);

// The channels and outcomes a contact may have; "" means not said.
bool isContactChannel(std::string_view channel);  // email call letter visit other
bool isContactOutcome(std::string_view outcome);  // reached voicemail no-answer promised
                                                  // disputed paid-already

struct ContactRecord {
  std::int64_t id = 0;        // set when read back
  std::int64_t clientId = 0;  // set when read back
  ContactKind kind = ContactKind::Note;
  dates::Date day;
  std::optional<std::int64_t> invoiceId;  // when it is about one invoice
  std::string invoiceNumber;              // set when read back, "" for the client as a whole
  std::string channel;
  std::string outcome;
  std::optional<dates::Date> promisedDay;  // a promise: the day the client said it would pay
  std::string text;
  std::string step;  // the follow-up step the contact carried out ("gentle-reminder"), or ""
  std::optional<dates::Date> retractedDay;  // set when read back: withdrawn as a mistake
  std::string retractReason;                // why, when a person said
};

class ContactLog {
 public:
  explicit ContactLog(Database& database) : database_(database) {}

  // Adds one record for the client. The caller has checked channel and outcome and holds
  // the transaction when several records belong together. Throws StoreError.
  void add(std::int64_t clientId, const ContactRecord& record);

  // The client's records dated on or before asOf, oldest first (then in the order added),
  // the withdrawn ones too (retractedDay set), whatever the day they were withdrawn: a record
  // withdrawn was a mistake, never true, so it counts at no date, but stays to be seen.
  std::vector<ContactRecord> forClient(std::int64_t clientId, dates::Date asOf);
  // The record with this id, withdrawn or not, or nullopt.
  std::optional<ContactRecord> find(std::int64_t id);
  // Marks the record `id` withdrawn on `day`, keeping `reason` ("" when none was given); the
  // caller has checked that it is not withdrawn already. Throws StoreError.
  void retract(std::int64_t id, dates::Date day, const std::string& reason);

 private:
  Database& database_;
};

}  // namespace kindly::store
