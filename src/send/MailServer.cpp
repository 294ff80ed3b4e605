// The message is sent raw: the .eml is already a whole RFC 5322 message, and rebuilding it
// through MailMessage would change what the reviewer approved.
#include "send/MailServer.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <sstream>

#include "base/Error.h"

namespace kindly::send {

namespace {

Delivery fromCode(int code) {
  if (code >= 200 && code < 400) return Delivery::Accepted;
  if (code >= 400 && code < 500) return Delivery::Deferred;
  return Delivery::Refused;
}

Poco::Net::Context::Ptr clientContext() {
  static const bool ready = [] {
    Poco::Net::initializeSSL();
    return true;
  }();
  (void)ready;
  // The system's trusted certificates, and the server's name checked against its own.
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                Poco::Net::Context::VERIFY_RELAXED, 9, true,
                                "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
}

}  // namespace

MailServer::MailServer(SmtpSettings settings) : settings_(std::move(settings)) {}

MailServer::~MailServer() { drop(); }

void MailServer::connect() {
  if (session_) return;
  const std::string where = settings_.host + ":" + std::to_string(settings_.port);
  const Poco::Timespan timeout(static_cast<long>(settings_.timeoutSeconds), 0);
  try {
    const Poco::Net::SocketAddress address(settings_.host, settings_.port);
    if (settings_.security == Security::Tls) {
      Poco::Net::SecureStreamSocket socket(address, settings_.host, clientContext());
      session_ = std::make_unique<Poco::Net::SMTPClientSession>(socket);
    } else {
      Poco::Net::StreamSocket socket;
      socket.connect(address, timeout);
      session_ = std::make_unique<Poco::Net::SecureSMTPClientSession>(socket);
    }
    session_->setTimeout(timeout);
    session_->login();
    if (settings_.security == Security::StartTls) {
      auto& secure = static_cast<Poco::Net::SecureSMTPClientSession&>(*session_);
      if (!secure.startTLS(clientContext())) {
        throw Error(where + " does not offer STARTTLS; set [smtp] security = tls or none");
      }
    }
    if (!settings_.user.empty()) {
      session_->login(Poco::Net::SMTPClientSession::AUTH_PLAIN, settings_.user, settings_.password);
    }
  } catch (const Error&) {
    drop();
    throw;
  } catch (const Poco::Exception& e) {
    drop();
    throw Error("cannot reach the mail server " + where + ": " + e.displayText());
  }
}

ServerReply MailServer::send(const std::string& from, const std::vector<std::string>& recipients,
                             const std::string& data) {
  try {
    connect();
  } catch (const Error& e) {
    return {Delivery::NotSent, 0, e.what()};
  }
  auto& session = *session_;
  std::string reply;
  try {
    int code = session.sendCommand("MAIL FROM:<" + from + ">", reply);
    for (std::size_t i = 0; code / 100 == 2 && i < recipients.size(); ++i) {
      code = session.sendCommand("RCPT TO:<" + recipients[i] + ">", reply);
    }
    if (code / 100 == 2) code = session.sendCommand("DATA", reply);
    if (code != 354) {
      // Leave the server ready for the next message.
      std::string ignored;
      session.sendCommand("RSET", ignored);
      return {fromCode(code), code, reply};
    }
  } catch (const Poco::Exception& e) {
    drop();
    return {Delivery::NotSent, 0, e.displayText()};
  }
  try {
    std::istringstream message(data);
    session.sendMessage(message);
    return {Delivery::Accepted, 250, "accepted"};
  } catch (const Poco::Net::SMTPException& e) {
    // No reply code at all is a connection closed before the server answered.
    if (e.code() < 400 || e.code() > 599) {
      drop();
      return {Delivery::Unknown, e.code(), "no reply after the data: " + e.message()};
    }
    return {fromCode(e.code()), e.code(), e.message()};
  } catch (const Poco::Exception& e) {
    // The data may have reached the server: whether it was taken is not known.
    drop();
    return {Delivery::Unknown, 0, e.displayText()};
  }
}

void MailServer::close() {
  if (!session_) return;
  try {
    session_->close();
  } catch (const Poco::Exception&) {
  }
  session_.reset();
}

// The session's destructor says QUIT and closes the socket, ignoring errors.
void MailServer::drop() { session_.reset(); }

}  // namespace kindly::send
