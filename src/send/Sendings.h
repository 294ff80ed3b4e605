// The ledger's record of each email of a batch handed to the mail server (table sendings),
// so that a message goes out once even when a run is killed half-way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/Database.h"

namespace kindly::send {

// queued -> sending -> sent | failed | bounced | refused | unknown. "sending" is written and
// committed before the exchange with the server: found at the start of a run, it means the
// previous one stopped during the exchange, so whether the message went out is unknown.
// "bounced" is a client's address refused; "refused" the message itself, the address good.
struct Sending {
  std::string state;
  std::string messageId;
  std::int64_t attempts = 0;
  std::string lastReply;
};

class Sendings {
 public:
  // The rows of the batch folder `batch` (an absolute path).
  Sendings(store::Database& database, std::string batch);

  std::optional<Sending> find(const std::string& file);
  // True when a message with this Message-ID was sent from another folder or file: the same
  // batch copied or written again must not go out twice.
  bool sentElsewhere(const std::string& messageId, const std::string& file);
  // Adds the file as queued when the batch has no row for it yet.
  void queue(const std::string& file, std::int64_t clientId, const std::string& messageId);
  // Turns rows a stopped run left in "sending" into "unknown"; returns how many.
  int markInterrupted();
  // Sets the state (and the reply that led to it); "sending" counts an attempt, "sent"
  // stamps sent_at. The caller holds the transaction.
  void setState(const std::string& file, const std::string& state, const std::string& reply,
                const std::string& recipients = "");

 private:
  store::Database& database_;
  std::string batch_;
};

}  // namespace kindly::send
