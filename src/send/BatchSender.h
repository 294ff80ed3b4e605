// Sends the email drafts of a reviewed batch, each exactly once, and logs each sent email as
// a contact so that the plan moves on; calls and letters are listed for a person to do.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "dates/Date.h"
#include "drafts/Manifest.h"
#include "send/Sendings.h"
#include "send/SmtpSettings.h"
#include "store/Database.h"

namespace kindly::send {

struct SendOptions {
  dates::Date day;                   // the day the contacts are logged on
  bool dryRun = false;               // say what would be sent; write and send nothing
  std::set<std::string> only;        // client codes; empty for all
  std::optional<std::size_t> limit;  // at most this many messages this run
  std::set<std::string> resend;      // files a person decided to send again
  // The Date header of a message handed to the server now (RFC 5322); "" keeps the draft's.
  std::function<std::string()> dateNow;
};

struct SendSummary {
  std::size_t sent = 0;
  std::size_t wouldSend = 0;  // in a dry run
  std::size_t alreadySent = 0;
  std::size_t toDo = 0;            // calls and letters, for a person
  std::size_t leftOver = 0;        // not sent this run because of --limit
  std::size_t needsAttention = 0;  // deleted, bounced, unknown, unreadable, or refused for now
};

class BatchSender {
 public:
  // `batchDir` is the folder `kindly remind` wrote, under any spelling (a trailing slash, a
  // symbolic link): the ledger knows it by its canonical path. `out` gets one line per draft.
  BatchSender(store::Database& ledger, std::string batchDir, SmtpSettings settings,
              std::ostream& out);

  // Goes through manifest.json in order. Each message is claimed for this run before the
  // exchange with the server, and its outcome committed after, a sent email's contact in the
  // same transaction as its "sent". A message another run is sending, or that may have gone
  // out from another copy of the batch, is not sent. Throws kindly::Error when the manifest
  // cannot be read or the server cannot be reached at all (what was sent stays recorded).
  SendSummary run(const SendOptions& options);

 private:
  // Says why a message that may have gone out (`row`, of this folder or, at `where`, of
  // another) is not sent again.
  void reportTaken(const Sending& row, const drafts::BatchEntry& entry, const std::string& who,
                   const std::string& where);

  store::Database& ledger_;
  std::string batchDir_;
  SmtpSettings settings_;
  std::ostream& out_;
};

}  // namespace kindly::send
