// smtpSettings: a login goes unencrypted only to a mail server on this machine.
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include "base/Error.h"
#include "send/SmtpSettings.h"

namespace kindly::send {
namespace {

constexpr const char* kPasswordVariable = "KINDLY_SMTP_SETTINGS_TEST_PASSWORD";

Poco::AutoPtr<Poco::Util::MapConfiguration> loginConfig(const std::string& host,
                                                        const std::string& security) {
  ::setenv(kPasswordVariable, "secret", 1);
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("smtp.host", host);
  config->setString("smtp.security", security);
  config->setString("smtp.user", "accounts@example.com");
  config->setString("smtp.password_env", kPasswordVariable);
  return config;
}

TEST(SmtpSettings, loginWithoutEncryptionToAnotherHostIsRefused) {
  for (const std::string host : {"mail.example.com", "192.0.2.25", "10.0.0.1", "128.0.0.1",
                                 "2001:db8::1", "localhost.example.com"}) {
    try {
      smtpSettings(*loginConfig(host, "none"));
      ADD_FAILURE() << host << " should be refused";
    } catch (const UsageError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(host), std::string::npos) << message;
      EXPECT_NE(message.find("security = starttls or tls"), std::string::npos) << message;
      EXPECT_EQ(message.find("secret"), std::string::npos) << "the password is never shown";
    }
  }
}

TEST(SmtpSettings, loginWithoutEncryptionToThisMachineIsAllowed) {
  for (const std::string host : {"127.0.0.1", "127.8.9.10", "::1", "localhost", "LocalHost"}) {
    EXPECT_EQ(smtpSettings(*loginConfig(host, "none")).password, "secret") << host;
  }
}

TEST(SmtpSettings, encryptedLoginToAnotherHostIsAllowed) {
  EXPECT_EQ(smtpSettings(*loginConfig("mail.example.com", "starttls")).user,
            "accounts@example.com");
  EXPECT_EQ(smtpSettings(*loginConfig("mail.example.com", "tls")).user, "accounts@example.com");
}

TEST(SmtpSettings, withoutLoginAnyHostIsAllowedUnencrypted) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("smtp.host", "mail.example.com");
  config->setString("smtp.security", "none");
  EXPECT_EQ(smtpSettings(*config).port, 25);
}

}  // namespace
}  // namespace kindly::send
