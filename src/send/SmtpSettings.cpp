// The password is never a configuration value of its own: a kindly.ini is often shared or
// committed, so it names where the password is kept instead.
#include "send/SmtpSettings.h"

#include <Poco/Environment.h>
#include <Poco/Net/IPAddress.h>
#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/EmailMessage.h"

namespace kindly::send {

namespace {

using Config = Poco::Util::AbstractConfiguration;

std::string value(const Config& config, const std::string& key) {
  return config.hasProperty(key) ? std::string(trim(config.getString(key))) : std::string();
}

unsigned number(const std::string& key, std::string_view text, unsigned highest) {
  unsigned n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || n > highest) {
    throw UsageError("[" + key + "]: '" + std::string(text) + "' is not a number up to " +
                     std::to_string(highest));
  }
  return n;
}

std::string passwordFromFile(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    throw UsageError("smtp.password_file: " + path + ": no such file");
  }
  if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    throw UsageError("smtp.password_file: " + path +
                     " can be read by others; make it readable by you alone (chmod 600)");
  }
  std::ifstream in(path);
  if (!in) throw UsageError("smtp.password_file: " + path + " cannot be read");
  std::string first;
  std::getline(in, first);
  return std::string(trim(first));
}

// Only a name that cannot mean another machine counts: a name looked up in DNS may point
// anywhere, so "localhost" is the one name taken on trust.
bool isLoopback(const std::string& host) {
  if (toLower(host) == "localhost") return true;
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

}  // namespace

SmtpSettings smtpSettings(const Config& config) {
  SmtpSettings settings;
  if (const auto host = value(config, "smtp.host"); !host.empty()) settings.host = host;
  const std::string security = toLower(value(config, "smtp.security"));
  if (security == "none") {
    settings.security = Security::None;
    settings.port = 25;
  } else if (security == "tls") {
    settings.security = Security::Tls;
    settings.port = 465;
  } else if (security.empty() || security == "starttls") {
    settings.security = Security::StartTls;
  } else {
    throw UsageError("smtp.security: '" + security + "' is not one of none, starttls, tls");
  }
  if (const auto port = value(config, "smtp.port"); !port.empty()) {
    settings.port = static_cast<unsigned short>(number("smtp.port", port, 65535));
  }
  settings.caFile = value(config, "smtp.ca_file");
  if (!settings.caFile.empty()) {
    struct stat status {};
    if (::stat(settings.caFile.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
      throw UsageError("smtp.ca_file: " + settings.caFile + ": no such file");
    }
  }
  settings.user = value(config, "smtp.user");
  const std::string variable = value(config, "smtp.password_env");
  const std::string file = value(config, "smtp.password_file");
  if (!variable.empty()) {
    settings.password = Poco::Environment::get(variable, "");
    if (settings.password.empty()) {
      throw UsageError("smtp.password_env: the environment variable " + variable + " is not set");
    }
  } else if (!file.empty()) {
    settings.password = passwordFromFile(file);
  }
  if (!settings.user.empty() && settings.password.empty()) {
    throw UsageError(
        "smtp.user is set but no password: set smtp.password_env or "
        "smtp.password_file");
  }
  if (!settings.user.empty() && settings.security == Security::None && !isLoopback(settings.host)) {
    throw UsageError("smtp.security = none would send the password of " + settings.user + " to " +
                     settings.host +
                     " unencrypted; set [smtp] security = starttls or tls (none is for a mail "
                     "server on this machine only)");
  }
  settings.bcc = value(config, "mail.bcc");
  if (!settings.bcc.empty()) {
    const auto mailbox = drafts::parseMailbox(settings.bcc);
    if (!mailbox) throw UsageError("mail.bcc: '" + settings.bcc + "' is not a usable address");
    settings.bcc = mailbox->address;
  }
  if (const auto pause = value(config, "smtp.pause_ms"); !pause.empty()) {
    settings.pauseMs = number("smtp.pause_ms", pause, 3600000);
  }
  if (config.hasProperty("smtp.retry_delays_ms")) {
    settings.retryDelaysMs.clear();
    std::istringstream delays(value(config, "smtp.retry_delays_ms"));
    for (std::string delay; std::getline(delays, delay, ',');) {
      const auto text = trim(delay);
      if (!text.empty()) {
        settings.retryDelaysMs.push_back(number("smtp.retry_delays_ms", text, 3600000));
      }
    }
  }
  if (const auto timeout = value(config, "smtp.timeout_seconds"); !timeout.empty()) {
    settings.timeoutSeconds = number("smtp.timeout_seconds", timeout, 3600);
  }
  return settings;
}

}  // namespace kindly::send
