// The ledger's record of each email of a batch handed to the mail server (table sendings),
// so that a message goes out once even when a run is killed half-way or two runs overlap.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "store/Database.h"

namespace kindly::send {

// queued -> sending -> sent | failed | bounced | refused | unknown. "sending" is claimed
// and committed before the exchange with the server: found by a later run, it means a run
// is sending the message now or stopped during the exchange, so whether it went out is not
// known (claimedBy tells which run it was). "bounced" is a client's address refused;
// "refused" the message itself, the address good.
struct Sending {
  std::string batch;  // the folder it was taken up from
  std::string file;
  std::string state;
  std::string messageId;
  std::int64_t attempts = 0;
  std::string lastReply;
  std::string claimedBy;  // "host pid" of the run that last claimed it
};

// True for the states in which a message may have reached the server, or did: no run sends
// it again unless a person says so.
bool isTaken(const std::string& state);

// One client's message in one batch folder is one row; the same message (the same
// Message-ID) taken up from another folder, a copy say, is checked through its other rows.
class Sendings {
 public:
  // The rows of the batch folder `batch`, its canonical path.
  Sendings(store::Database& database, std::string batch);

  std::optional<Sending> find(const std::string& file, std::int64_t clientId);
  // The files of the batch a run has taken up (any state but queued): a person's sending is
  // under way or done, so the draft must stay as it is.
  std::set<std::string> filesTakenUp();
  // The row of the same message (the same Message-ID, which carries the client) in another
  // folder or file that is furthest along (sent, then sending, unknown, bounced, refused);
  // nullopt when none is taken.
  std::optional<Sending> takenElsewhere(const std::string& messageId, const std::string& file,
                                        std::int64_t clientId);
  // Adds the file as queued when the batch has no row for it yet.
  void queue(const std::string& file, std::int64_t clientId, const std::string& messageId);
  // Takes the message `messageId` (the draft's, as it is now) for the run `runner`: its
  // row goes from `seen` (as read by find) to "sending" in one conditional UPDATE, only from
  // queued or failed, and only when no row of the same Message-ID elsewhere is taken.
  // `evenIfTaken` (a person's --resend) lifts both, but a message sent, here or elsewhere,
  // is never claimed again. False when another run changed the row first or holds the
  // message: then it must not be sent.
  bool claim(const std::string& file, std::int64_t clientId, const Sending& seen,
             const std::string& messageId, const std::string& runner, const std::string& recipients,
             bool evenIfTaken);
  // Turns a row left in "sending" by the run `claimedBy`, known to have stopped, into
  // "unknown"; false when the row has changed since (another run took it up).
  bool markStopped(const std::string& file, std::int64_t clientId, const std::string& claimedBy);
  // Sets the state (and the reply that led to it) of a claimed row; "sent" stamps sent_at.
  // The caller holds the transaction.
  void setState(const std::string& file, std::int64_t clientId, const std::string& state,
                const std::string& reply);

 private:
  store::Database& database_;
  std::string batch_;
};

}  // namespace kindly::send
