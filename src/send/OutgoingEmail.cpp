// Only the header block is looked at: the body goes out byte for byte as the reviewer left it.
#include "send/OutgoingEmail.h"

#include <Poco/File.h>

#include <fstream>
#include <sstream>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/EmailMessage.h"

namespace kindly::send {

namespace {

std::string withCrlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string lowerName(const std::string& line) {
  return toLower(std::string(trim(line.substr(0, line.find(':')))));
}

// The addresses of an address-list header, read as mail programs read it; none when the
// header cannot be read with certainty.
std::vector<std::string> addressList(const std::string& value) {
  std::vector<std::string> addresses;
  if (const auto mailboxes = drafts::parseAddressList(value)) {
    for (const auto& mailbox : *mailboxes) addresses.push_back(mailbox.address);
  }
  return addresses;
}

}  // namespace

std::optional<std::string> readDraftFile(const std::string& path) {
  if (!Poco::File(path).exists()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

OutgoingEmail outgoingEmail(const std::string& draft, const std::string& date) {
  const std::string text = withCrlf(draft);
  OutgoingEmail email;
  std::size_t at = 0;
  // Header fields, each with its folded continuation lines.
  std::vector<std::pair<std::string, std::string>> fields;  // (raw lines, unfolded value)
  bool unreadableTo = false;
  while (at < text.size()) {
    const std::size_t end = text.find("\r\n", at);
    const std::string line = text.substr(at, end == std::string::npos ? end : end - at);
    const std::size_t next = end == std::string::npos ? text.size() : end + 2;
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !fields.empty()) {
      fields.back().first += line + "\r\n";
      fields.back().second += line;
    } else {
      fields.emplace_back(line + "\r\n", line);
    }
    at = next;
  }
  bool dated = false;
  for (const auto& [raw, unfolded] : fields) {
    const std::string name = lowerName(unfolded);
    const std::size_t colon = unfolded.find(':');
    const std::string value =
        colon == std::string::npos ? "" : std::string(trim(unfolded.substr(colon + 1)));
    if (name == "x-unsent") continue;
    if (name == "date" && !date.empty()) {
      if (!dated) email.data += "Date: " + date + "\r\n";
      dated = true;
      continue;
    }
    if (name != "bcc") email.data += raw;
    if (name == "from") {
      const auto from = addressList(value);
      if (!from.empty()) email.from = from.front();
    } else if (name == "to" || name == "cc" || name == "bcc") {
      // Every line counts; one that cannot be read leaves the message with no recipient.
      const auto addresses = addressList(value);
      if (addresses.empty() && (name == "to" || !value.empty())) unreadableTo = true;
      email.recipients.insert(email.recipients.end(), addresses.begin(), addresses.end());
    } else if (name == "message-id") {
      email.messageId = value;
      if (email.messageId.starts_with('<')) email.messageId.erase(0, 1);
      if (email.messageId.ends_with('>')) email.messageId.pop_back();
    }
  }
  if (!dated && !date.empty()) email.data = "Date: " + date + "\r\n" + email.data;
  email.data += text.substr(at);
  if (unreadableTo) email.recipients.clear();
  return email;
}

}  // namespace kindly::send
