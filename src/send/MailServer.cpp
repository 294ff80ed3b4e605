// The message is sent raw: the .eml is already a whole RFC 5322 message, and rebuilding it
// through MailMessage would change what the reviewer approved.
#include "send/MailServer.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
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

// An SMTP session that can switch to TLS with the server's name checked: Poco's
// SecureSMTPClientSession checks no name unless it opens the connection itself, without a
// timeout.
class Session : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;

  void startTls(const std::string& host, const Poco::Net::Context::Ptr& context) {
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
  }
};

Poco::Net::Context::Ptr clientContext(const std::string& caFile) {
  static const bool ready = [] {
    Poco::Net::initializeSSL();
    return true;
  }();
  (void)ready;
  // The server's certificate must be signed by an authority of caFile, or of the system when
  // there is none, and name the host; strict so that the name is checked on loopback too.
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                Poco::Net::Context::VERIFY_STRICT, 9, caFile.empty(),
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
      Poco::Net::SecureStreamSocket socket(clientContext(settings_.caFile));
      socket.setPeerHostName(settings_.host);
      socket.connect(address, timeout);
      session_ = std::make_unique<Session>(socket);
    } else {
      Poco::Net::StreamSocket socket;
      socket.connect(address, timeout);
      session_ = std::make_unique<Session>(socket);
    }
    session_->setTimeout(timeout);
    session_->login();
    if (settings_.security == Security::StartTls) {
      std::string reply;
      if (session_->sendCommand("STARTTLS", reply) / 100 != 2) {
        throw Error(where + " does not offer STARTTLS (" + reply +
                    "); set [smtp] security = tls or none");
      }
      static_cast<Session&>(*session_).startTls(settings_.host, clientContext(settings_.caFile));
      // What the server said before the encryption no longer counts: greet it again.
      if (settings_.user.empty()) session_->login();
    }
  } catch (const Error&) {
    drop();
    throw;
  } catch (const Poco::Net::SSLException& e) {
    drop();
    throw Error("cannot reach the mail server " + where + " securely: " + e.displayText() +
                "; if it uses a certificate of its own, set [smtp] ca_file to the "
                "certificate it is signed with");
  } catch (const Poco::Exception& e) {
    drop();
    throw Error("cannot reach the mail server " + where + ": " + e.displayText());
  }
  if (settings_.user.empty()) return;
  try {
    // Greets the server again before AUTH, as needed after STARTTLS.
    session_->login(Poco::Net::SMTPClientSession::AUTH_PLAIN, settings_.user, settings_.password);
  } catch (const Poco::Net::SMTPException& e) {
    drop();
    throw Error("the mail server " + where + " refused the login of " + settings_.user + ": " +
                e.message() + "; check [smtp] user and the password");
  } catch (const Poco::Exception& e) {
    drop();
    throw Error("cannot log in to the mail server " + where + ": " + e.displayText());
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
    if (code / 100 == 5) {
      // The sender or the session is refused (say, 530: a login is needed), not the
      // client's address: nothing bounced, and a later run may go through.
      std::string ignored;
      session.sendCommand("RSET", ignored);
      return {Delivery::NotSent, code, "the server refused the sender " + from + ": " + reply};
    }
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
