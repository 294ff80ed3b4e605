// The message is sent raw: the .eml is already a whole RFC 5322 message, and rebuilding it
// through MailMessage would change what the reviewer approved.
#include "send/MailServer.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Environment.h>

#include <sstream>

#include "base/Error.h"
#include "base/Text.h"
#include "send/SmtpConnection.h"

namespace kindly::send {

namespace {

std::string base64(const std::string& text) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);  // one line: an AUTH argument may not be folded
  encoder << text;
  encoder.close();
  return out.str();
}

std::string withCode(const SmtpReply& reply) {
  return std::to_string(reply.code) + " " + reply.text();
}

Delivery fromCode(int code) {
  if (code >= 200 && code < 400) return Delivery::Accepted;
  if (code >= 400 && code < 500) return Delivery::Deferred;
  return Delivery::Refused;
}

// EHLO, or HELO from a server that knows no extensions. Returns the reply, which lists the
// extensions.
SmtpReply hello(SmtpConnection& connection) {
  const std::string name = Poco::Environment::nodeName();
  SmtpReply reply = connection.command("EHLO " + name);
  if (reply.code / 100 == 2) return reply;
  reply = connection.command("HELO " + name);
  if (reply.code / 100 != 2) {
    throw Error("the mail server " + connection.where() +
                " refused the greeting: " + withCode(reply));
  }
  return reply;
}

// Whether the EHLO reply names `mechanism` on its AUTH line ("AUTH PLAIN LOGIN").
bool offersAuth(const SmtpReply& hello, const std::string& mechanism) {
  for (const auto& line : hello.lines) {
    std::istringstream words(toLower(line));
    std::string word;
    words >> word;
    if (word != "auth") continue;
    while (words >> word) {
      if (word == toLower(mechanism)) return true;
    }
  }
  return false;
}

// PLAIN, as Kindly always used; LOGIN only for a server that offers it and not PLAIN.
void logIn(SmtpConnection& connection, const SmtpReply& hello, const SmtpSettings& settings) {
  SmtpReply reply;
  if (offersAuth(hello, "LOGIN") && !offersAuth(hello, "PLAIN")) {
    reply = connection.command("AUTH LOGIN");
    if (reply.code == 334) reply = connection.command(base64(settings.user));
    if (reply.code == 334) reply = connection.command(base64(settings.password));
  } else {
    reply = connection.command("AUTH PLAIN " + base64(std::string(1, '\0') + settings.user +
                                                      std::string(1, '\0') + settings.password));
  }
  if (reply.code / 100 != 2) {
    throw Error("the mail server " + connection.where() + " refused the login of " + settings.user +
                ": " + withCode(reply) + "; check [smtp] user and the password");
  }
}

}  // namespace

MailServer::MailServer(SmtpSettings settings) : settings_(std::move(settings)) {}

MailServer::~MailServer() { drop(); }

void MailServer::connect() {
  if (connection_ && connection_->usable()) return;
  drop();
  auto connection = std::make_unique<SmtpConnection>(settings_);
  const std::string& where = connection->where();
  if (connection->greeting().code / 100 != 2) {
    throw Error("the mail server " + where +
                " does not take mail now: " + withCode(connection->greeting()));
  }
  SmtpReply greeting = hello(*connection);
  if (settings_.security == Security::StartTls) {
    const SmtpReply reply = connection->command("STARTTLS");
    if (reply.code / 100 != 2) {
      throw Error(where + " does not offer STARTTLS (" + withCode(reply) +
                  "); set [smtp] security = tls or none");
    }
    connection->startTls();
    // What the server said before the encryption no longer counts: greet it again.
    greeting = hello(*connection);
  }
  if (!settings_.user.empty()) logIn(*connection, greeting, settings_);
  connection_ = std::move(connection);
}

ServerReply MailServer::send(const std::string& from, const std::vector<std::string>& recipients,
                             const std::string& data) {
  try {
    connect();
  } catch (const Error& e) {
    return {Delivery::NotSent, 0, e.what()};
  }
  auto& connection = *connection_;
  try {
    SmtpReply reply = connection.command("MAIL FROM:<" + from + ">");
    if (reply.code / 100 == 5) {
      // The sender or the session is refused (say, 530: a login is needed), not the
      // client's address: nothing bounced, and a later run may go through.
      reset();
      return {Delivery::NotSent, reply.code,
              "the server refused the sender " + from + ": " + reply.text()};
    }
    for (std::size_t i = 0; reply.code / 100 == 2 && i < recipients.size(); ++i) {
      reply = connection.command("RCPT TO:<" + recipients[i] + ">");
    }
    if (reply.code / 100 == 2) reply = connection.command("DATA");
    if (reply.code != 354) {
      reset();
      return {fromCode(reply.code), reply.code, reply.text()};
    }
  } catch (const SmtpError& e) {
    drop();
    return {Delivery::NotSent, 0, e.what()};
  }
  try {
    const SmtpReply taken = connection.data(data);
    if (!connection.usable()) drop();
    return {fromCode(taken.code), taken.code, taken.text()};
  } catch (const SmtpError& e) {
    // The data may have reached the server: whether it was taken is not known.
    drop();
    return {Delivery::Unknown, 0, std::string("no reply after the data: ") + e.what()};
  }
}

void MailServer::close() {
  if (!connection_) return;
  if (connection_->usable()) {
    try {
      connection_->command("QUIT");
    } catch (const SmtpError&) {
      // Everything is recorded already: a server gone before goodbye changes nothing.
    }
  }
  connection_.reset();
}

// Leaves the server ready for the next message; a connection that cannot say even that is
// given up, and the next message opens a new one.
void MailServer::reset() {
  try {
    if (connection_->command("RSET").code / 100 == 2) return;
  } catch (const SmtpError&) {
  }
  drop();
}

// Closes without a goodbye: after a failure the connection is in no state for one.
void MailServer::drop() { connection_.reset(); }

}  // namespace kindly::send
