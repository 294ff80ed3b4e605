// The message is sent raw: the .eml is already a whole RFC 5322 message, and rebuilding it
// through MailMessage would change what the reviewer approved. Each recipient's reply is kept
// apart, so that a refused archive copy holds no client's message back and bounces no one.
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

RecipientOutcome outcomeOf(int code) {
  if (code / 100 == 2) return RecipientOutcome::Accepted;
  if (code / 100 == 4) return RecipientOutcome::Deferred;
  return RecipientOutcome::Refused;
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
                             const std::vector<std::string>& copies, const std::string& data) {
  try {
    connect();
  } catch (const std::exception& e) {
    // Nothing went out: a lost connection that cannot be made again, a thread that could
    // not start. The message stays to be sent.
    return {Delivery::NotSent, 0, e.what(), {}};
  }
  auto& connection = *connection_;
  ServerReply result;
  try {
    const SmtpReply mail = connection.command("MAIL FROM:<" + from + ">");
    if (mail.code / 100 != 2) {
      reset();
      // A 5xx refuses the sender or the session (say, 530: a login is needed), not the
      // client's address: nothing bounced, no later message of this run would go through.
      if (mail.code / 100 == 5) {
        return {Delivery::SenderRefused,
                mail.code,
                "the server refused the sender " + from + ": " + mail.text(),
                {}};
      }
      return {Delivery::Deferred, mail.code, mail.text(), {}};
    }
    const auto ask = [&](const std::string& address, bool archiveCopy) {
      const SmtpReply reply = connection.command("RCPT TO:<" + address + ">");
      result.recipients.push_back(
          {address, archiveCopy, outcomeOf(reply.code), reply.code, reply.text()});
    };
    for (const auto& address : recipients) ask(address, false);
    for (const auto& address : copies) ask(address, true);
    // The first refused client address decides (a bounce), else the first deferred one; an
    // archive copy decides nothing.
    for (const auto outcome : {RecipientOutcome::Refused, RecipientOutcome::Deferred}) {
      for (const auto& reply : result.recipients) {
        if (reply.archiveCopy || reply.outcome != outcome) continue;
        reset();
        result.delivery =
            outcome == RecipientOutcome::Refused ? Delivery::Bounced : Delivery::Deferred;
        result.code = reply.code;
        result.text = reply.text;
        return result;
      }
    }
    const SmtpReply ready = connection.command("DATA");
    if (ready.code != 354) {
      reset();
      result.delivery = ready.code / 100 == 5 ? Delivery::MessageRefused : Delivery::Deferred;
      result.code = ready.code;
      result.text = ready.text();
      return result;
    }
  } catch (const SmtpError& e) {
    drop();
    return {Delivery::NotSent, 0, e.what(), std::move(result.recipients)};
  }
  try {
    const SmtpReply taken = connection.data(data);
    result.code = taken.code;
    result.text = taken.text();
    switch (taken.code / 100) {
      case 2:
        result.delivery = Delivery::Accepted;
        break;
      case 4:
        result.delivery = Delivery::Deferred;
        break;
      case 5:
        // The server took the addresses and then the message was refused: its content or
        // size, not an address, so nobody's address is in doubt.
        result.delivery = Delivery::MessageRefused;
        break;
      default:
        result.delivery = Delivery::Unknown;
        break;
    }
  } catch (const SmtpError& e) {
    // The data may have reached the server: whether it was taken is not known.
    drop();
    result.delivery = Delivery::Unknown;
    result.text = std::string("no reply after the data: ") + e.what();
    return result;
  }
  if (!connection.usable()) drop();
  return result;
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
