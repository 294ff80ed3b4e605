// A draft .eml read back as it is now, ready to go out: the reviewer's edits kept, the
// "X-Unsent: 1" draft marker taken off, the envelope read from its headers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kindly::send {

struct OutgoingEmail {
  std::string from;                     // the From address, the envelope sender
  std::vector<std::string> recipients;  // every To, Cc and Bcc address of the draft
  std::string messageId;                // without angle brackets; "" when none
  std::string data;  // the message with CRLF line ends, X-Unsent and Bcc removed, dated
};

// Reads the .eml at `path`; nullopt when the file is not there (the reviewer deleted it).
// Throws kindly::Error when it cannot be read.
std::optional<std::string> readDraftFile(const std::string& path);

// Makes the message to send from a draft's bytes. Lines end in CRLF whatever the editor
// saved; "X-Unsent" and "Bcc" header lines (with their continuations) are dropped, so that
// no blind copy is written into the message; the Date header becomes `date` (RFC 5322, the
// moment of sending) when it is given, so that a draft reviewed over a weekend does not go out
// dated the day it was drafted. The envelope sender is the From address and the recipients
// the addresses of every To, Cc and Bcc line, read with drafts::parseAddressList: what the
// reviewer addressed is what is delivered. None at all when one of those lines cannot be read
// with certainty.
OutgoingEmail outgoingEmail(const std::string& draft, const std::string& date = "");

}  // namespace kindly::send
