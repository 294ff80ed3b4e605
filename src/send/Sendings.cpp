// Every change is a single statement, so a row is never half-written whatever kills the run,
// and the claim is a compare-and-set: SQLite takes the write lock before the UPDATE reads,
// so of two runs claiming one message exactly one sees its row change.
#include "send/Sendings.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

using namespace Poco::Data::Keywords;

namespace kindly::send {

namespace {

// The states in which a message may have reached the server, or did, furthest along first.
constexpr std::array<std::string_view, 5> kTaken = {"sent", "sending", "unknown", "bounced",
                                                    "refused"};

// "('sent', 'sending', ...)", for SQL.
std::string takenList() {
  std::string list;
  for (const auto state : kTaken) list += (list.empty() ? "('" : ", '") + std::string(state) + "'";
  return list + ")";
}

// "CASE state WHEN 'sent' THEN 0 ... END": how far along a state is, for ORDER BY.
std::string takenRank() {
  std::string rank = "CASE state";
  for (std::size_t i = 0; i < kTaken.size(); ++i) {
    rank += " WHEN '" + std::string(kTaken[i]) + "' THEN " + std::to_string(i);
  }
  return rank + " END";
}

std::optional<Sending> firstRow(Poco::Data::Statement& select) {
  std::vector<std::string> batches, files, states, messageIds, replies, claimers;
  std::vector<Poco::Int64> attempts;
  select, into(batches), into(files), into(states), into(messageIds), into(attempts), into(replies),
      into(claimers);
  select.execute();
  if (states.empty()) return std::nullopt;
  return Sending{batches[0],  files[0],   states[0],  messageIds[0],
                 attempts[0], replies[0], claimers[0]};
}

}  // namespace

bool isTaken(const std::string& state) {
  return std::find(kTaken.begin(), kTaken.end(), state) != kTaken.end();
}

Sendings::Sendings(store::Database& database, std::string batch)
    : database_(database), batch_(std::move(batch)) {}

std::set<std::string> Sendings::filesTakenUp() {
  std::vector<std::string> files;
  database_.session() << "SELECT file FROM sendings WHERE batch = ? AND state <> 'queued'",
      bind(batch_), into(files), now;
  return {files.begin(), files.end()};
}

std::optional<Sending> Sendings::find(const std::string& file, std::int64_t clientId) {
  Poco::Data::Statement select(database_.session());
  select << "SELECT batch, file, state, message_id, attempts, last_reply, claimed_by "
            "FROM sendings WHERE batch = ? AND client_id = ? AND file = ?",
      bind(batch_), bind(clientId), bind(file);
  return firstRow(select);
}

std::optional<Sending> Sendings::takenElsewhere(const std::string& messageId,
                                                const std::string& file, std::int64_t clientId) {
  if (messageId.empty()) return std::nullopt;
  // The Message-ID carries the client: another row of it is the same message, whatever
  // client a manifest names for it.
  Poco::Data::Statement select(database_.session());
  select << "SELECT batch, file, state, message_id, attempts, last_reply, claimed_by "
            "FROM sendings WHERE message_id = ? "
            "AND NOT (batch = ? AND client_id = ? AND file = ?) AND state IN " +
                takenList() + " ORDER BY " + takenRank() + ", rowid LIMIT 1",
      bind(messageId), bind(batch_), bind(clientId), bind(file);
  return firstRow(select);
}

void Sendings::queue(const std::string& file, std::int64_t clientId, const std::string& messageId) {
  database_.session() << "INSERT OR IGNORE INTO sendings (batch, file, client_id, state, "
                         "message_id) VALUES (?, ?, ?, 'queued', ?)",
      bind(batch_), bind(file), bind(clientId), bind(messageId), now;
}

bool Sendings::claim(const std::string& file, std::int64_t clientId, const Sending& seen,
                     const std::string& messageId, const std::string& runner,
                     const std::string& recipients, bool evenIfTaken) {
  const int resend = evenIfTaken ? 1 : 0;
  Poco::Data::Statement update(database_.session());
  update << "UPDATE sendings SET state = 'sending', attempts = attempts + 1, "
            "claimed_by = ?, recipients = ?, last_reply = '', message_id = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
            "WHERE batch = ? AND client_id = ? AND file = ? AND state = ? AND attempts = ? "
            "AND (state IN ('queued', 'failed') OR (? AND state <> 'sent')) "
            "AND NOT EXISTS (SELECT 1 FROM sendings other "
            "  WHERE other.message_id = ? AND other.message_id <> '' "
            "    AND NOT (other.batch = ? AND other.client_id = ? AND other.file = ?) "
            "    AND (other.state = 'sent' OR (NOT ? AND other.state IN " +
                takenList() + ")))",
      bind(runner), bind(recipients), bind(messageId), bind(batch_), bind(clientId), bind(file),
      bind(seen.state), bind(static_cast<Poco::Int64>(seen.attempts)), bind(resend),
      bind(messageId), bind(batch_), bind(clientId), bind(file), bind(resend);
  return update.execute() == 1;
}

bool Sendings::markStopped(const std::string& file, std::int64_t clientId,
                           const std::string& claimedBy) {
  Poco::Data::Statement update(database_.session());
  update << "UPDATE sendings SET state = 'unknown', "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
            "last_reply = 'stopped during the exchange with the mail server' "
            "WHERE batch = ? AND client_id = ? AND file = ? AND state = 'sending' "
            "AND claimed_by = ?",
      bind(batch_), bind(clientId), bind(file), bind(claimedBy);
  return update.execute() == 1;
}

void Sendings::setState(const std::string& file, std::int64_t clientId, const std::string& state,
                        const std::string& reply) {
  database_.session() << "UPDATE sendings SET state = ?, last_reply = ?, "
                         "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                         "sent_at = CASE WHEN ? = 'sent' "
                         "THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE sent_at END "
                         "WHERE batch = ? AND client_id = ? AND file = ?",
      bind(state), bind(reply), bind(state), bind(batch_), bind(clientId), bind(file), now;
}

}  // namespace kindly::send
