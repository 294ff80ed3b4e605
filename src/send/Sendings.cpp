// Every change is a single UPDATE, so a row is never half-written whatever kills the run.
#include "send/Sendings.h"

#include <Poco/Data/Statement.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace kindly::send {

Sendings::Sendings(store::Database& database, std::string batch)
    : database_(database), batch_(std::move(batch)) {}

std::optional<Sending> Sendings::find(const std::string& file) {
  std::vector<std::string> states, messageIds, replies;
  std::vector<Poco::Int64> attempts;
  database_.session() << "SELECT state, message_id, attempts, last_reply FROM sendings "
                         "WHERE batch = ? AND file = ?",
      into(states), into(messageIds), into(attempts), into(replies), bind(batch_), bind(file), now;
  if (states.empty()) return std::nullopt;
  return Sending{states[0], messageIds[0], attempts[0], replies[0]};
}

bool Sendings::sentElsewhere(const std::string& messageId, const std::string& file) {
  if (messageId.empty()) return false;
  int count = 0;
  database_.session() << "SELECT COUNT(*) FROM sendings WHERE message_id = ? AND "
                         "state = 'sent' AND NOT (batch = ? AND file = ?)",
      into(count), bind(messageId), bind(batch_), bind(file), now;
  return count > 0;
}

void Sendings::queue(const std::string& file, std::int64_t clientId, const std::string& messageId) {
  database_.session() << "INSERT OR IGNORE INTO sendings (batch, file, client_id, state, "
                         "message_id) VALUES (?, ?, ?, 'queued', ?)",
      bind(batch_), bind(file), bind(clientId), bind(messageId), now;
}

int Sendings::markInterrupted() {
  Poco::Data::Statement update(database_.session());
  update << "UPDATE sendings SET state = 'unknown', "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
            "last_reply = 'stopped during the exchange with the mail server' "
            "WHERE batch = ? AND state = 'sending'",
      bind(batch_);
  return static_cast<int>(update.execute());
}

void Sendings::setState(const std::string& file, const std::string& state, const std::string& reply,
                        const std::string& recipients) {
  const int attempt = state == "sending" ? 1 : 0;
  database_.session() << "UPDATE sendings SET state = ?, last_reply = ?, "
                         "attempts = attempts + ?, "
                         "recipients = CASE WHEN ? = '' THEN recipients ELSE ? END, "
                         "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                         "sent_at = CASE WHEN ? = 'sent' "
                         "THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE sent_at END "
                         "WHERE batch = ? AND file = ?",
      bind(state), bind(reply), bind(attempt), bind(recipients), bind(recipients), bind(state),
      bind(batch_), bind(file), now;
}

}  // namespace kindly::send
