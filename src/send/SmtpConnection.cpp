// Replies are read here rather than by Poco's SMTPClientSession, whose reader keeps every
// continuation line a server sends: a server flooding "250-..." would grow it without end.
// Every exchange has one deadline kept by a watchdog, as a socket timeout only bounds a read.
#include "send/SmtpConnection.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <sys/socket.h>

#include <algorithm>
#include <csignal>
#include <cstring>

namespace kindly::send {

namespace {

void prepareProcess() {
  static const bool ready = [] {
    Poco::Net::initializeSSL();
    // A write to a connection the server (or the watchdog) closed must fail as an error the
    // run can record, not end the process with SIGPIPE; OpenSSL writes without MSG_NOSIGNAL.
    std::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)ready;
}

Poco::Net::Context::Ptr clientContext(const std::string& caFile) {
  // The server's certificate must be signed by an authority of caFile, or of the system when
  // there is none, and name the host; strict so that the name is checked on loopback too.
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                Poco::Net::Context::VERIFY_STRICT, 9, caFile.empty(),
                                "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
}

// What a hostile server sends may end up on the terminal and in the ledger: no control
// characters, and not too much of it in an error message.
std::string printable(std::string_view text, std::size_t most = std::string::npos) {
  std::string out(text.substr(0, most));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string SmtpReply::text() const {
  std::string joined;
  for (const auto& line : lines) joined += (joined.empty() ? "" : " ") + line;
  return joined;
}

SmtpConnection::SmtpConnection(const SmtpSettings& settings)
    : settings_(settings),
      where_(settings.host + ":" + std::to_string(settings.port)),
      timeout_(settings.timeoutSeconds) {
  prepareProcess();
  const Poco::Timespan timeout(static_cast<long>(settings_.timeoutSeconds), 0);
  try {
    // The connect is bounded by its own timeout; the watchdog needs the socket it makes.
    socket_.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
    socket_.setReceiveTimeout(timeout);
    socket_.setSendTimeout(timeout);
    fd_ = socket_.impl()->sockfd();
  } catch (const Poco::Exception& e) {
    usable_ = false;
    throw SmtpError("cannot reach the mail server " + where_ + ": " + e.displayText());
  }
  withinTimeout([this] {
    if (settings_.security == Security::Tls) secure();
    greeting_ = readReply();
  });
}

SmtpConnection::~SmtpConnection() {
  // A failed connection may be stuck mid-record: shut it down so that closing it (TLS says
  // goodbye first) cannot wait on the server.
  if (!usable_ && fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

template <typename Step>
void SmtpConnection::withinTimeout(Step step) {
  if (!usable_) throw SmtpError("the connection to the mail server " + where_ + " was lost");
  watchdog_.arm(fd_, std::chrono::steady_clock::now() + timeout_);
  const auto late = [this] {
    usable_ = false;
    return SmtpError("the mail server " + where_ + " did not answer within " +
                     std::to_string(timeout_.count()) + " seconds ([smtp] timeout_seconds)");
  };
  try {
    step();
  } catch (const SmtpError&) {
    if (watchdog_.disarm()) throw late();
    usable_ = false;
    throw;
  } catch (const Poco::Net::SSLException& e) {
    if (watchdog_.disarm()) throw late();
    usable_ = false;
    throw SmtpError("cannot reach the mail server " + where_ + " securely: " + e.displayText() +
                    "; if it uses a certificate of its own, set [smtp] ca_file to the "
                    "certificate it is signed with");
  } catch (const Poco::Exception& e) {
    if (watchdog_.disarm()) throw late();
    usable_ = false;
    throw SmtpError("the connection to the mail server " + where_ + " failed: " + e.displayText());
  }
  // In time, but only just: the socket is shut down, so the next exchange cannot use it.
  if (watchdog_.disarm()) usable_ = false;
}

SmtpReply SmtpConnection::command(const std::string& line) {
  if (line.find_first_of("\r\n") != std::string::npos) {
    // An address with a line break in it would be a second command: never sent.
    throw SmtpError("a command to the mail server " + where_ + " would hold a line break");
  }
  SmtpReply reply;
  withinTimeout([&] {
    write(line + "\r\n");
    reply = readReply();
  });
  return reply;
}

void SmtpConnection::startTls() {
  if (start_ != end_) {
    // Whatever came before the encryption but after the reply could be taken for an answer
    // over TLS: a man in the middle's injection.
    usable_ = false;
    throw SmtpError("the mail server " + where_ + " sent more than its reply to STARTTLS");
  }
  withinTimeout([this] { secure(); });
}

void SmtpConnection::secure() {
  socket_ = Poco::Net::SecureStreamSocket::attach(socket_, settings_.host,
                                                  clientContext(settings_.caFile));
}

SmtpReply SmtpConnection::data(const std::string& message) {
  std::string stuffed;
  stuffed.reserve(message.size() + message.size() / 64 + 8);
  bool lineStart = true;
  for (const char c : message) {
    // A line of its own that starts with a dot would otherwise end the message early.
    if (lineStart && c == '.') stuffed += '.';
    stuffed += c;
    lineStart = c == '\n';
  }
  if (!stuffed.ends_with("\r\n")) stuffed += "\r\n";
  stuffed += ".\r\n";
  SmtpReply reply;
  withinTimeout([&] {
    write(stuffed);
    reply = readReply();
  });
  return reply;
}

void SmtpConnection::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const int chunk = static_cast<int>(std::min<std::size_t>(bytes.size(), 64 * 1024));
    const int sent = socket_.sendBytes(bytes.data(), chunk);
    if (sent <= 0) throw SmtpError("the mail server " + where_ + " closed the connection");
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

std::string SmtpConnection::readLine() {
  std::string line;
  for (;;) {
    if (start_ == end_) {
      const int received = socket_.receiveBytes(buffer_.data(), static_cast<int>(buffer_.size()));
      if (received <= 0) throw SmtpError("the mail server " + where_ + " closed the connection");
      start_ = 0;
      end_ = static_cast<std::size_t>(received);
    }
    const char* begin = buffer_.data() + start_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - start_));
    const std::size_t take =
        newline ? static_cast<std::size_t>(newline - begin) + 1 : end_ - start_;
    if (line.size() + take > kMaxReplyLineBytes) {
      throw SmtpError("the mail server " + where_ + " sent a reply line longer than " +
                      std::to_string(kMaxReplyLineBytes) +
                      " bytes; it does not answer as a mail server should");
    }
    line.append(begin, take);
    start_ += take;
    if (newline) break;
  }
  line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

SmtpReply SmtpConnection::readReply() {
  SmtpReply reply;
  for (;;) {
    if (reply.lines.size() == kMaxReplyLines) {
      throw SmtpError("the mail server " + where_ + " sent a reply of more than " +
                      std::to_string(kMaxReplyLines) +
                      " lines; it does not answer as a mail server should");
    }
    const std::string line = readLine();
    const bool wellFormed = line.size() >= 3 && isDigit(line[0]) && isDigit(line[1]) &&
                            isDigit(line[2]) &&
                            (line.size() == 3 || line[3] == ' ' || line[3] == '-');
    if (!wellFormed) {
      throw SmtpError("the mail server " + where_ + " sent something that is not an SMTP reply: '" +
                      printable(line, 80) + "'");
    }
    if (reply.lines.empty()) reply.code = std::stoi(line.substr(0, 3));
    reply.lines.push_back(line.size() > 4 ? printable(std::string_view(line).substr(4)) : "");
    if (line.size() == 3 || line[3] == ' ') return reply;
  }
}

}  // namespace kindly::send
