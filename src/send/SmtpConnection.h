// One connection to a mail server at the level of SMTP lines and replies: each exchange ends
// within [smtp] timeout_seconds, and each reply is held to a bounded size.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "send/SmtpSettings.h"
#include "send/SocketWatchdog.h"

namespace kindly::send {

// RFC 5321 allows reply lines of 512 octets; servers exceed it a little, never by this much.
constexpr std::size_t kMaxReplyLineBytes = 4096;
// An EHLO reply has one line per extension: a few dozen at most.
constexpr std::size_t kMaxReplyLines = 100;

struct SmtpReply {
  int code = 0;
  // The text of each line after its code, control characters replaced by '?'.
  std::vector<std::string> lines;

  // The lines joined by spaces.
  std::string text() const;
};

// The connection failed, an exchange outlasted the timeout, or the server does not answer as
// SMTP says. The message names the server.
class SmtpError : public Error {
 public:
  using Error::Error;
};

class SmtpConnection {
 public:
  // Connects to settings.host:port (TLS from the first byte when settings.security is Tls) and
  // reads the greeting, all within settings.timeoutSeconds. Throws SmtpError.
  explicit SmtpConnection(const SmtpSettings& settings);
  ~SmtpConnection();
  SmtpConnection(const SmtpConnection&) = delete;
  SmtpConnection& operator=(const SmtpConnection&) = delete;

  const SmtpReply& greeting() const { return greeting_; }
  // "host:port", for messages.
  const std::string& where() const { return where_; }
  // False once an exchange failed: the connection is then to be closed.
  bool usable() const { return usable_; }

  // Sends `line` (without CRLF, none inside) and reads the reply, within the timeout. Throws
  // SmtpError; the message never repeats the line, which may hold a password.
  SmtpReply command(const std::string& line);

  // Switches to TLS after the server's 2xx to STARTTLS, checking its certificate and the host
  // name, within the timeout. Throws SmtpError.
  void startTls();

  // Sends the message (CRLF lines) dot-stuffed and ended by a lone dot, and reads the reply,
  // all within the timeout. Throws SmtpError.
  SmtpReply data(const std::string& message);

 private:
  template <typename Step>
  void withinTimeout(Step step);
  void secure();
  void write(std::string_view bytes);
  std::string readLine();
  SmtpReply readReply();

  SmtpSettings settings_;
  std::string where_;
  std::chrono::seconds timeout_;
  Poco::Net::StreamSocket socket_;
  int fd_ = -1;
  bool usable_ = true;
  SmtpReply greeting_;
  std::array<char, kMaxReplyLineBytes> buffer_{};
  std::size_t start_ = 0;  // buffer_[start_, end_) is received and not read yet
  std::size_t end_ = 0;
  SocketWatchdog watchdog_;
};

}  // namespace kindly::send
