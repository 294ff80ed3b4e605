// One draft email as an RFC 5322 / MIME message: headers that no name or invoice field can
// break out of, and a multipart/alternative body (plain text first, then HTML).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"

namespace kindly::drafts {

// A display name and an address, as in "Accounts <ar@example.com>".
struct Mailbox {
  std::string name;  // may be empty
  std::string address;
};

// True for an address that can go in a header as it is: printable ASCII, at most 254
// characters, one '@' with text on both sides, and no spaces, control characters, quotes,
// commas, semicolons, brackets or angle brackets.
bool isUsableAddress(std::string_view address);

// Reads "Accounts <ar@example.com>", "\"Smith, Jo\" <jo@example.com>" or a bare
// "ar@example.com" (surrounding spaces ignored); nullopt when the address is not usable.
std::optional<Mailbox> parseMailbox(std::string_view text);

// Reads an address-list header value as RFC 5322 has it, the way mail programs read it:
// commas inside quoted strings ("Acme\", x@evil.example, \"Ltd"), comments and angle
// brackets do not separate addresses, a backslash escapes the next character, groups
// ("Clients: a@x, b@y;") give their members. Encoded-words in names are left as they are.
// nullopt when any part is malformed (an unclosed quote, comment or angle bracket, an
// address that is not usable): a header that cannot be read with certainty gives no
// recipients at all rather than a guess.
std::optional<std::vector<Mailbox>> parseAddressList(std::string_view value);

struct EmailMessage {
  dates::Date date;       // the Date header reads this day at 09:00:00 +0000
  std::string messageId;  // without angle brackets (see makeMessageId); omitted when empty
  std::string from;       // "Accounts <ar@example.com>"; omitted when not parseMailbox-able
  std::string toName;     // the client's name; may be empty
  std::string toAddress;  // To is omitted when this is not isUsableAddress()
  std::string replyTo;    // like `from`; omitted when empty or not usable
  std::string subject;
  std::string textBody;  // UTF-8; any line endings
  std::string htmlBody;  // UTF-8; any line endings

  // The whole message with CRLF line endings, ready to save as .eml: Date, Message-ID,
  // From, To, Reply-To, Subject, MIME-Version, X-Unsent: 1 (mail clients open it as a
  // draft), then a multipart/alternative body whose text/plain and text/html parts are
  // UTF-8, quoted-printable, with lines of at most 76 characters. In header values NUL is
  // dropped and CR, LF and other control characters become a space; a value that is not
  // printable ASCII is written as RFC 2047 encoded-words; no header line exceeds 998
  // characters. Invalid UTF-8 bytes become U+FFFD. The same message gives the same bytes.
  std::string toMime() const;

  // "kindly.YYYYMMDD.SLUG.CLIENT@DOMAIN": the day's message to one client, whatever its
  // place in the batch. CLIENT is 16 hex digits of a hash of `clientCode`, so that clients
  // whose names give the same slug ("Acme Ltd", "ACME, Ltd.") never share a Message-ID;
  // DOMAIN is the domain of `from`'s address, lower-cased, or "kindly.invalid" when it has
  // none that can be used. `clientSlug` should hold only [a-z0-9-]; others are dropped.
  static std::string makeMessageId(dates::Date day, std::string_view clientSlug,
                                   std::string_view clientCode, std::string_view from);
};

}  // namespace kindly::drafts
