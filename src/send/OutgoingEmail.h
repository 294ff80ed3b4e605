// A draft .eml read back as it is now, ready to go out: the reviewer's edits kept, the
// "X-Unsent: 1" draft marker taken off, the envelope read from its headers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kindly::send {

struct OutgoingEmail {
  std::string from;                     // the From address, the envelope sender
  std::vector<std::string> recipients;  // the To addresses
  std::string messageId;                // without angle brackets; "" when none
  std::string data;                     // the message with CRLF line ends, X-Unsent removed
};

// Reads the .eml at `path`; nullopt when the file is not there (the reviewer deleted it).
// Throws kindly::Error when it cannot be read.
std::optional<std::string> readDraftFile(const std::string& path);

// Makes the message to send from a draft's bytes. Lines end in CRLF whatever the editor
// saved; "X-Unsent" header lines (with their continuations) are dropped; the envelope sender
// is the From address and the recipients the addresses of every To line, read with
// drafts::parseAddressList; none at all when a To line cannot be read with certainty.
OutgoingEmail outgoingEmail(const std::string& draft);

}  // namespace kindly::send
