// Writing the MIME message by hand: the rules that keep a draft safe (no header injection,
// a boundary that cannot occur in the bodies, short lines) are all in this one file.
#include "drafts/EmailMessage.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "base/Text.h"

namespace kindly::drafts {

namespace {

constexpr std::string_view kCrlf = "\r\n";
// RFC 5322 recommends 78 characters a line; 998 is the hard limit.
constexpr std::size_t kPreferredLine = 78;
constexpr std::size_t kMaxLine = 998;
// 39 bytes of UTF-8 make 52 base64 characters, an encoded-word of 64: with the longest
// header name used here the line stays under 78 characters (an encoded-word may be 75).
constexpr std::size_t kEncodedWordBytes = 39;

bool isPrintableAscii(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E) return false;
  }
  return true;
}

// The only defence a header needs against injection: with no CR or LF left, a value can
// never start a header of its own. Line breaks and other control characters become one
// space (a name split over two lines stays two words); NUL disappears.
std::string cleanHeaderValue(std::string_view value) {
  std::string out;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0) continue;
    if (byte < 0x20 || byte == 0x7F) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  return repairUtf8(trim(out));
}

std::string base64(std::string_view bytes) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 0x3F] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[group & 0x3F] : '=';
  }
  return out;
}

// RFC 2047 encoded-words ("=?UTF-8?B?...?="), each holding whole characters only.
std::vector<std::string> encodedWords(std::string_view utf8) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t end = std::min(i + kEncodedWordBytes, utf8.size());
    while (end < utf8.size() && end > i + 1 &&
           (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) {
      --end;
    }
    words.push_back("=?UTF-8?B?" + base64(utf8.substr(i, end - i)) + "?=");
    i = end;
  }
  return words;
}

std::string joinFolded(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += "\r\n ";
    out += word;
  }
  return out;
}

// "=?" in a plain value could be read back as the start of an encoded-word.
bool needsEncoding(std::string_view value) {
  return !isPrintableAscii(value) || value.find("=?") != std::string_view::npos;
}

// An unstructured header (Subject): as it is when printable ASCII, folded at spaces past 78
// characters; as encoded-words otherwise, or when a word is too long to fold.
std::string unstructuredHeader(std::string_view name, std::string_view rawValue) {
  const std::string value = cleanHeaderValue(rawValue);
  const std::string start = std::string(name) + ": ";
  if (needsEncoding(value)) return start + joinFolded(encodedWords(value));
  std::string out = start;
  std::size_t lineLength = out.size();
  std::size_t longestLine = 0;
  bool lineHasWord = false;
  std::size_t position = 0;
  while (position <= value.size()) {
    const std::size_t space = std::min(value.find(' ', position), value.size());
    const std::string_view word = std::string_view(value).substr(position, space - position);
    const std::size_t added = word.size() + (lineHasWord ? 1 : 0);
    if (lineHasWord && lineLength + added > kPreferredLine) {
      longestLine = std::max(longestLine, lineLength);
      out += "\r\n ";
      out += word;
      lineLength = 1 + word.size();
    } else {
      if (lineHasWord) out += ' ';
      out += word;
      lineLength += added;
    }
    lineHasWord = true;
    position = space + 1;
  }
  longestLine = std::max(longestLine, lineLength);
  if (longestLine > kMaxLine) return start + joinFolded(encodedWords(value));
  return out;
}

bool isAtext(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return byte < 0x80 && std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// The display name as an RFC 5322 phrase: atoms as they are, anything else with a special
// character ("Smith, Jo") quoted so it cannot split into two addresses.
std::string asciiPhrase(std::string_view name) {
  bool plain = true;
  for (const char c : name) plain = plain && (isAtext(c) || c == ' ');
  if (plain) return std::string(name);
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// From, To, Reply-To: the display name encoded as needed, then the checked address.
std::string mailboxHeader(std::string_view name, std::string_view displayName,
                          std::string_view address) {
  const std::string display = cleanHeaderValue(displayName);
  const std::string start = std::string(name) + ": ";
  const std::string angleAddress = "<" + std::string(address) + ">";
  if (display.empty()) return start + std::string(address);
  if (!needsEncoding(display)) {
    std::string line = start + asciiPhrase(display) + " " + angleAddress;
    if (line.size() <= kMaxLine) return line;
  }
  const std::vector<std::string> words = encodedWords(display);
  std::string out = start + joinFolded(words);
  const std::size_t lastLine =
      words.size() == 1 ? start.size() + words.back().size() : 1 + words.back().size();
  out += lastLine + 1 + angleAddress.size() <= kPreferredLine ? " " : "\r\n ";
  return out + angleAddress;
}

// "Fri, 20 Nov 2026 09:00:00 +0000": the as-of day, never the clock, so a batch written
// twice is the same batch.
std::string rfc5322Date(dates::Date day) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu",
                                                                "Fri", "Sat", "Sun"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string year = std::to_string(day.year());
  while (year.size() < 4) year.insert(0, "0");
  return std::string(kWeekdays[static_cast<std::size_t>(day.weekday())]) + ", " +
         std::to_string(day.day()) + " " + std::string(kMonths[day.month() - 1]) + " " + year +
         " 09:00:00 +0000";
}

// Quoted-printable (RFC 2045 §6.7) with CRLF line breaks. '=' is always followed by two
// hex digits or a line break, so "=_" never occurs in the output: the boundary relies on it.
std::string quotedPrintable(std::string_view body) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  const std::string text = repairUtf8(body);
  std::string out;
  std::size_t lineLength = 0;
  const auto append = [&](std::string_view token) {
    // 75 characters plus the soft break's '=' keeps every line within 76.
    if (lineLength + token.size() > 75) {
      out += "=\r\n";
      lineLength = 0;
    }
    out += token;
    lineLength += token.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += kCrlf;
      lineLength = 0;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    const bool endOfLine = i + 1 == text.size() || text[i + 1] == '\r' || text[i + 1] == '\n';
    const bool whitespace = c == ' ' || c == '\t';
    // A leading '.' is encoded so the part survives SMTP servers that mishandle dots.
    const bool literal =
        (byte >= 33 && byte <= 126 && c != '=' && !(c == '.' && lineLength == 0)) ||
        (whitespace && !endOfLine);
    if (literal) {
      append(std::string_view(&text[i], 1));
    } else {
      const char encoded[3] = {'=', kHex[byte >> 4], kHex[byte & 0x0F]};
      append(std::string_view(encoded, 3));
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, kCrlf) != 0) out += kCrlf;
  return out;
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace

bool isUsableAddress(std::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  std::size_t ats = 0;
  for (const char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) return false;
    if (std::string_view("\"(),:;<>[\\]").find(c) != std::string_view::npos) return false;
    if (c == '@') ++ats;
  }
  const std::size_t at = address.find('@');
  return ats == 1 && at > 0 && at + 1 < address.size();
}

std::optional<Mailbox> parseMailbox(std::string_view text) {
  text = trim(text);
  Mailbox mailbox;
  const std::size_t open = text.rfind('<');
  if (open == std::string_view::npos) {
    mailbox.address = std::string(text);
  } else {
    if (text.back() != '>') return std::nullopt;
    mailbox.address = std::string(text.substr(open + 1, text.size() - open - 2));
    std::string_view name = trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
      for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '\\' && i + 1 < name.size()) ++i;
        mailbox.name += name[i];
      }
    } else {
      mailbox.name = std::string(name);
    }
  }
  if (!isUsableAddress(mailbox.address)) return std::nullopt;
  return mailbox;
}

namespace {

// One address of a list, with its quoted strings unescaped and its comments dropped.
struct AddressText {
  std::string phrase;  // the text outside the angle brackets
  std::string angle;   // inside them
  bool hasAngle = false;
};

std::optional<Mailbox> mailboxOf(const AddressText& part) {
  Mailbox mailbox;
  if (part.hasAngle) {
    mailbox.name = std::string(trim(part.phrase));
    mailbox.address = std::string(trim(part.angle));
  } else {
    mailbox.address = std::string(trim(part.phrase));
  }
  if (!isUsableAddress(mailbox.address)) return std::nullopt;
  return mailbox;
}

}  // namespace

std::optional<std::vector<Mailbox>> parseAddressList(std::string_view value) {
  std::vector<Mailbox> mailboxes;
  AddressText part;
  bool anyText = false;  // the current part holds something other than spaces
  const auto finish = [&]() -> bool {
    if (!anyText && !part.hasAngle) return true;  // "a@x, , b@y" or a group's end
    const auto mailbox = mailboxOf(part);
    if (!mailbox) return false;
    mailboxes.push_back(*mailbox);
    part = AddressText();
    anyText = false;
    return true;
  };
  bool inGroup = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"') {
      // A quoted string: everything up to the closing quote is one word.
      if (part.hasAngle) return std::nullopt;
      std::string word;
      for (++i; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        word += value[i];
      }
      if (i >= value.size()) return std::nullopt;
      part.phrase += word;
      anyText = true;
    } else if (c == '(') {
      // A comment, possibly nested, is read past and dropped.
      int depth = 1;
      for (++i; i < value.size() && depth > 0; ++i) {
        if (value[i] == '\\') {
          ++i;
        } else if (value[i] == '(') {
          ++depth;
        } else if (value[i] == ')') {
          --depth;
        }
      }
      if (depth > 0) return std::nullopt;
      --i;
      part.phrase += ' ';
    } else if (c == '<') {
      if (part.hasAngle) return std::nullopt;
      const std::size_t close = value.find('>', i);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view inside = value.substr(i + 1, close - i - 1);
      if (inside.find_first_of("<\"\\(") != std::string_view::npos) return std::nullopt;
      part.angle = std::string(inside);
      part.hasAngle = true;
      i = close;
    } else if (c == '>' || c == '\\' || c == ')') {
      return std::nullopt;
    } else if (c == ',') {
      if (!finish()) return std::nullopt;
    } else if (c == ':' && !part.hasAngle) {
      // "Name:" opens a group; its name is no address.
      if (inGroup) return std::nullopt;
      inGroup = true;
      part = AddressText();
      anyText = false;
    } else if (c == ';' && inGroup) {
      if (!finish()) return std::nullopt;
      inGroup = false;
    } else {
      if (part.hasAngle && c != ' ' && c != '\t') return std::nullopt;  // text after <...>
      part.phrase += c;
      if (c != ' ' && c != '\t') anyText = true;
    }
  }
  if (inGroup || !finish()) return std::nullopt;
  return mailboxes;
}

std::string EmailMessage::makeMessageId(dates::Date day, std::string_view clientSlug,
                                        std::string_view clientCode, std::string_view from) {
  std::string slug;
  for (const char c : clientSlug) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') slug += c;
  }
  if (slug.empty()) slug = "client";
  std::string domain;
  if (const std::optional<Mailbox> mailbox = parseMailbox(from)) {
    domain = toLower(mailbox->address.substr(mailbox->address.find('@') + 1));
    const bool allowed =
        domain.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") == std::string::npos;
    if (!allowed) domain.clear();
  }
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') domain = "kindly.invalid";
  const std::string iso = day.iso();  // "2026-11-20"
  const std::string compact = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  // The code, not the place in the batch: a batch written again the same day, with clients
  // in another order, gives each client's message the Message-ID it had.
  const std::string client = hex16(fnv1a(clientCode, 14695981039346656037ULL));
  return "kindly." + compact + "." + slug + "." + client + "@" + domain;
}

std::string EmailMessage::toMime() const {
  const std::string text = quotedPrintable(textBody);
  const std::string html = quotedPrintable(htmlBody);
  // Quoted-printable never holds "=_", so this boundary cannot occur in either part; the
  // hash only makes it differ between messages, the check below is a second guarantee.
  std::uint64_t hash = fnv1a(messageId, 14695981039346656037ULL);
  hash = fnv1a(text, fnv1a("\n", hash));
  hash = fnv1a(html, fnv1a("\n", hash));
  std::string boundary = "=_kindly_" + hex16(hash);
  while (text.find(boundary) != std::string::npos || html.find(boundary) != std::string::npos) {
    boundary += "_";
  }

  std::string out;
  const auto header = [&out](std::string_view line) {
    out += line;
    out += kCrlf;
  };
  header("Date: " + rfc5322Date(date));
  const std::string id = cleanHeaderValue(messageId);
  if (!id.empty() && isPrintableAscii(id) && id.find_first_of(" <>") == std::string::npos) {
    header("Message-ID: <" + id + ">");
  }
  if (const std::optional<Mailbox> sender = parseMailbox(from)) {
    header(mailboxHeader("From", sender->name, sender->address));
  }
  const std::string_view recipient = trim(toAddress);
  if (isUsableAddress(recipient)) header(mailboxHeader("To", toName, recipient));
  if (const std::optional<Mailbox> replyAddress = parseMailbox(replyTo)) {
    header(mailboxHeader("Reply-To", replyAddress->name, replyAddress->address));
  }
  header(unstructuredHeader("Subject", subject));
  header("MIME-Version: 1.0");
  header("X-Unsent: 1");
  header("Content-Type: multipart/alternative;");
  header(" boundary=\"" + boundary + "\"");
  out += kCrlf;
  out += "This is a multi-part message in MIME format.\r\n";
  const auto part = [&](std::string_view type, const std::string& encoded) {
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: " + std::string(type) + "; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += encoded;
  };
  part("text/plain", text);
  part("text/html", html);
  out += "\r\n--" + boundary + "--\r\n";
  return out;
}

}  // namespace kindly::drafts
