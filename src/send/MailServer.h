// One connection to the mail server, opened on first use and again after it is lost.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "send/SmtpSettings.h"

namespace kindly::send {

class SmtpConnection;

// What became of one message handed to the server.
enum class Delivery {
  Accepted,        // 2xx after the data: sent
  Deferred,        // a 4xx reply: try again later
  Bounced,         // a 5xx to a client's address: that address is refused for good
  MessageRefused,  // a 5xx at or after DATA: the message is refused, not an address
  SenderRefused,   // a 5xx to MAIL FROM: the sender or the session is refused, not a client
  NotSent,         // the connection failed before the data went out: safe to try again
  Unknown,         // the connection failed while the data went out or before the reply
};

// What the server said to one RCPT TO.
enum class RecipientOutcome { Accepted, Deferred, Refused };

struct RecipientReply {
  std::string address;
  bool archiveCopy = false;  // one of the `copies` of send(), not a client's address
  RecipientOutcome outcome = RecipientOutcome::Refused;
  int code = 0;
  std::string text;
};

struct ServerReply {
  Delivery delivery = Delivery::Unknown;
  int code = 0;      // the SMTP reply code that decided, 0 when there was none
  std::string text;  // that reply's text (without the code), or what went wrong
  // Each RCPT TO's reply, in the order sent; empty when none was sent.
  std::vector<RecipientReply> recipients;
};

class MailServer {
 public:
  explicit MailServer(SmtpSettings settings);
  ~MailServer();
  MailServer(const MailServer&) = delete;
  MailServer& operator=(const MailServer&) = delete;

  // Connects, secures and logs in unless already connected. Throws kindly::Error naming the
  // server when it cannot.
  void connect();

  // MAIL FROM `from`, RCPT TO each of `recipients` and then of `copies` (archive copies:
  // envelope recipients only), and DATA with `data` (CRLF lines; dot-stuffed on the way) once
  // every one of `recipients` was accepted, whatever became of the copies. Connects first when
  // needed. Never throws for what the server or the network does: the reply says.
  ServerReply send(const std::string& from, const std::vector<std::string>& recipients,
                   const std::vector<std::string>& copies, const std::string& data);

  // Says goodbye (QUIT) when connected; errors are ignored, everything is already recorded.
  void close();

 private:
  void reset();
  void drop();

  SmtpSettings settings_;
  std::unique_ptr<SmtpConnection> connection_;
};

}  // namespace kindly::send
