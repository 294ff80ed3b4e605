// How to reach the mail server: [smtp] and [mail] of the configuration.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <string>
#include <vector>

namespace kindly::send {

enum class Security { None, StartTls, Tls };

struct SmtpSettings {
  std::string host = "localhost";
  unsigned short port = 587;
  Security security = Security::StartTls;
  std::string user;      // no login when empty
  std::string password;  // from password_env or password_file, never from the command line
  // The certificates (PEM) the server's certificate must be signed by; the system's trusted
  // authorities when empty. Either way the certificate is checked, and the host name with it.
  std::string caFile;
  std::string bcc;  // [mail] bcc: an archive copy, as an envelope recipient only
  unsigned pauseMs = 1000;
  // The waits before each new try after a 4xx reply; their number is the number of retries.
  std::vector<unsigned> retryDelaysMs = {2000, 10000, 30000};
  unsigned timeoutSeconds = 60;
};

// Reads [smtp] host, port, security (none | starttls | tls), ca_file, user, password_env or
// password_file, pause_ms, retry_delays_ms ("2000,10000"), timeout_seconds and [mail] bcc.
// Throws UsageError naming the key when a value is not understood, when the password's
// variable is unset or empty, when the password file can be read by anyone but its owner, when
// the CA file is missing, or when a login would go unencrypted (security = none) to a host
// other than this machine (127.0.0.0/8, ::1, localhost).
SmtpSettings smtpSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace kindly::send
