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
  Accepted,  // 2xx after the data: sent
  Deferred,  // a 4xx reply: try again later
  Refused,   // a 5xx reply: the address or message is refused for good
  NotSent,   // the connection failed before the data went out: safe to try again
  Unknown,   // the connection failed while the data went out or before the reply
};

struct ServerReply {
  Delivery delivery = Delivery::Unknown;
  int code = 0;      // the SMTP reply code, 0 when there was none
  std::string text;  // the reply's text (without the code), or what went wrong
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

  // MAIL FROM `from`, RCPT TO each recipient, DATA with `data` (CRLF lines; dot-stuffed on
  // the way). Connects first when needed. Never throws for what the server or the network
  // does: the reply says.
  ServerReply send(const std::string& from, const std::vector<std::string>& recipients,
                   const std::string& data);

  // Says goodbye (QUIT) when connected; errors are ignored, everything is already recorded.
  void close();

 private:
  void reset();
  void drop();

  SmtpSettings settings_;
  std::unique_ptr<SmtpConnection> connection_;
};

}  // namespace kindly::send
