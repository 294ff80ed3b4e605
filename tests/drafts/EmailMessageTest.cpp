// A draft reminder email read back the way a mail client would: headers unfolded and
// decoded, parts split at the boundary, quoted-printable decoded. The decoders here are
// written independently of EmailMessage.cpp so the two cannot share a mistake.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "drafts/BatchWriter.h"
#include "drafts/EmailMessage.h"
#include "drafts/Templates.h"
#include "tests/drafts/DraftFixtures.h"

namespace kindly::drafts {
namespace {

using testing::harbourLights;
using testing::kAsOf;

// Acme's chasing reminder of DraftFixtures.h: two USD invoices past due, one EUR not yet due.
Reminder acmeReminder() { return testing::acmeFollowUp(); }

// The message BatchWriter would write for `reminder`, rendered from the built-in templates.
EmailMessage draftFor(const Reminder& reminder, const Sender& sender = harbourLights()) {
  const RenderedReminder rendered = Templates().renderReminder(reminder, sender, kAsOf);
  EmailMessage message;
  message.date = kAsOf;
  message.messageId =
      EmailMessage::makeMessageId(kAsOf, clientSlug(reminder.clientName, reminder.clientCode),
                                  reminder.clientCode, sender.from);
  message.from = sender.from;
  message.toName = reminder.clientName;
  message.toAddress = reminder.email;
  message.replyTo = sender.replyTo;
  message.subject = rendered.subject;
  message.textBody = rendered.text;
  message.htmlBody = rendered.html;
  return message;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string decodeBase64(std::string_view text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const std::size_t value = alphabet.find(c);
    if (value == std::string::npos) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

// RFC 2047: "=?UTF-8?B?...?=" words decoded, the white space between two of them dropped.
std::string decodeHeaderValue(std::string_view value) {
  std::string out;
  std::string pendingSpace;
  bool afterWord = false;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.substr(i, 10) == "=?UTF-8?B?") {
      const std::size_t end = value.find("?=", i + 10);
      if (!afterWord) out += pendingSpace;
      out += decodeBase64(value.substr(i + 10, end - i - 10));
      pendingSpace.clear();
      afterWord = true;
      i = end + 2;
    } else if (value[i] == ' ' || value[i] == '\t') {
      pendingSpace += value[i++];
    } else {
      out += pendingSpace;
      pendingSpace.clear();
      out += value[i++];
      afterWord = false;
    }
  }
  return out + pendingSpace;
}

std::string decodeQuotedPrintable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.substr(i + 1, 2) == "\r\n") {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

struct Part {
  std::string contentType;
  std::string encoded;  // as written in the message
  std::string body;     // decoded
};

struct ParsedMessage {
  std::string headerBlock;                                   // raw, folded
  std::vector<std::pair<std::string, std::string>> headers;  // unfolded, still encoded
  std::string boundary;
  std::vector<Part> parts;

  std::vector<std::string> values(const std::string& name) const {
    std::vector<std::string> found;
    for (const auto& [key, value] : headers) {
      if (lower(key) == lower(name)) found.push_back(value);
    }
    return found;
  }
  std::string value(const std::string& name) const {
    const std::vector<std::string> found = values(name);
    return found.empty() ? std::string() : found.front();
  }
};

std::vector<std::pair<std::string, std::string>> unfoldHeaders(const std::string& block) {
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t start = 0;
  while (start < block.size()) {
    std::size_t end = block.find("\r\n", start);
    if (end == std::string::npos) end = block.size();
    const std::string line = block.substr(start, end - start);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      headers.back().second += line;
    } else {
      const std::size_t colon = line.find(':');
      std::string value = line.substr(colon + 1);
      if (!value.empty() && value[0] == ' ') value.erase(0, 1);
      headers.emplace_back(line.substr(0, colon), value);
    }
    start = end + 2;
  }
  return headers;
}

ParsedMessage parse(const std::string& mime) {
  ParsedMessage message;
  const std::size_t headerEnd = mime.find("\r\n\r\n");
  message.headerBlock = mime.substr(0, headerEnd);
  message.headers = unfoldHeaders(message.headerBlock);
  const std::string contentType = message.value("Content-Type");
  const std::size_t quote = contentType.find("boundary=\"") + 10;
  message.boundary = contentType.substr(quote, contentType.find('"', quote) - quote);
  const std::string delimiter = "\r\n--" + message.boundary;
  std::size_t position = mime.find(delimiter, headerEnd);
  while (position != std::string::npos && mime.compare(position + delimiter.size(), 2, "--")) {
    const std::size_t partStart = position + delimiter.size() + 2;
    const std::size_t next = mime.find(delimiter, partStart);
    const std::string part = mime.substr(partStart, next - partStart);
    const std::size_t bodyStart = part.find("\r\n\r\n");
    Part parsed;
    for (const auto& [key, value] : unfoldHeaders(part.substr(0, bodyStart))) {
      if (lower(key) == "content-type") parsed.contentType = value;
    }
    parsed.encoded = part.substr(bodyStart + 4);
    parsed.body = decodeQuotedPrintable(parsed.encoded);
    message.parts.push_back(parsed);
    position = next;
  }
  return message;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> found;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    found.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return found;
}

TEST(EmailMessage, clientNameWithLineBreaksAndBccCannotAddAHeader) {
  Reminder reminder = acmeReminder();
  reminder.clientName = "Acme Ltd\r\nBcc: thief@evil.example\nX-Evil: 1\r";
  EmailMessage message = draftFor(reminder);
  message.subject = "Your invoices\r\nBcc: thief@evil.example";

  const ParsedMessage parsed = parse(message.toMime());

  EXPECT_TRUE(parsed.values("Bcc").empty());
  EXPECT_TRUE(parsed.values("X-Evil").empty());
  EXPECT_EQ(parsed.values("To").size(), 1u);
  EXPECT_EQ(parsed.values("Subject").size(), 1u);
  for (const std::string& line : lines(parsed.headerBlock)) {
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  }
  EXPECT_EQ(decodeHeaderValue(parsed.value("To")),
            "\"Acme Ltd Bcc: thief@evil.example X-Evil: 1\" <ap@acme.example>");
}

TEST(EmailMessage, emailAddressThatCouldInjectAHeaderIsLeftOutButTheDraftIsWritten) {
  for (const std::string address :
       {"ap@acme.example\r\nBcc: thief@evil.example", "ap@acme.example>, thief@evil.example",
        "ap @acme.example", "not-an-address", ""}) {
    Reminder reminder = acmeReminder();
    reminder.email = address;
    const ParsedMessage parsed = parse(draftFor(reminder).toMime());
    EXPECT_TRUE(parsed.values("To").empty()) << address;
    EXPECT_TRUE(parsed.values("Bcc").empty()) << address;
    EXPECT_EQ(parsed.parts.size(), 2u) << address;
  }
}

TEST(EmailMessage, nonAsciiNameIsEncodedAndReadsBackTheSame) {
  const std::string name = "Zoë Åkesson-Müller, Café «Les Deux Magots» 東京商事株式会社";
  Reminder reminder = acmeReminder();
  reminder.clientName = name;
  const EmailMessage message = draftFor(reminder);
  const ParsedMessage parsed = parse(message.toMime());

  for (const char c : parsed.headerBlock) {
    EXPECT_TRUE(static_cast<unsigned char>(c) < 0x80) << "raw 8-bit byte in the headers";
  }
  EXPECT_NE(parsed.value("To").find("=?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(decodeHeaderValue(parsed.value("To")), name + " <ap@acme.example>");
  for (const std::string& line : lines(parsed.headerBlock)) {
    // A Message-ID cannot be folded; it stays within the hard limit of 998.
    EXPECT_LE(line.size(), line.starts_with("Message-ID:") ? 998u : 78u) << line;
  }
}

TEST(EmailMessage, longNonAsciiSubjectIsFoldedAndReadsBackTheSame) {
  EmailMessage message = draftFor(acmeReminder());
  std::string subject;
  for (int i = 0; i < 120; ++i) subject += "Rappel amical — facture n° " + std::to_string(i) + " ";
  subject.pop_back();
  message.subject = subject;
  const ParsedMessage parsed = parse(message.toMime());
  EXPECT_EQ(decodeHeaderValue(parsed.value("Subject")), subject);
  for (const std::string& line : lines(parsed.headerBlock)) EXPECT_LE(line.size(), 998u);
}

TEST(EmailMessage, longPlainSubjectIsFoldedAtSpaces) {
  EmailMessage message = draftFor(acmeReminder());
  std::string subject;
  for (int i = 0; i < 80; ++i) subject += "invoice INV-" + std::to_string(1000 + i) + " ";
  subject.pop_back();
  message.subject = subject;
  const ParsedMessage parsed = parse(message.toMime());
  EXPECT_EQ(parsed.value("Subject"), subject);
  for (const std::string& line : lines(parsed.headerBlock)) EXPECT_LE(line.size(), 78u);
}

TEST(EmailMessage, displayNameWithACommaStaysOneAddress) {
  Reminder reminder = acmeReminder();
  reminder.clientName = "Smith, \"Jo\"";
  const ParsedMessage parsed = parse(draftFor(reminder).toMime());
  EXPECT_EQ(parsed.value("To"), "\"Smith, \\\"Jo\\\"\" <ap@acme.example>");
}

TEST(EmailMessage, boundaryNeverAppearsInsideTheBodies) {
  EmailMessage message = draftFor(acmeReminder());
  // Bodies that try to guess the boundary: every prefix of it, and the delimiter lines.
  message.textBody = "--=_kindly_\r\n=_kindly_0000000000000000\r\n--\r\n" + message.textBody;
  message.htmlBody = "<p>--=_kindly_ =_ --</p>\n" + message.htmlBody;
  const std::string mime = message.toMime();
  const ParsedMessage parsed = parse(mime);

  ASSERT_FALSE(parsed.boundary.empty());
  ASSERT_EQ(parsed.parts.size(), 2u);
  for (const Part& part : parsed.parts) {
    EXPECT_EQ(part.encoded.find(parsed.boundary), std::string::npos);
  }
  EXPECT_NE(parsed.parts[0].body.find("--=_kindly_\r\n=_kindly_0000000000000000"),
            std::string::npos);
  // Exactly two part delimiters and one closing delimiter.
  std::size_t delimiters = 0;
  for (std::size_t at = mime.find("--" + parsed.boundary); at != std::string::npos;
       at = mime.find("--" + parsed.boundary, at + 1)) {
    ++delimiters;
  }
  EXPECT_EQ(delimiters, 3u);
}

TEST(EmailMessage, plainTextComesBeforeHtml) {
  const ParsedMessage parsed = parse(draftFor(acmeReminder()).toMime());
  EXPECT_NE(parsed.value("Content-Type").find("multipart/alternative"), std::string::npos);
  ASSERT_EQ(parsed.parts.size(), 2u);
  EXPECT_EQ(parsed.parts[0].contentType, "text/plain; charset=UTF-8");
  EXPECT_EQ(parsed.parts[1].contentType, "text/html; charset=UTF-8");
}

TEST(EmailMessage, headersCarryTheAsOfDayNotTheClock) {
  const ParsedMessage parsed = parse(draftFor(acmeReminder()).toMime());
  EXPECT_EQ(parsed.value("Date"), "Fri, 20 Nov 2026 09:00:00 +0000");
  EXPECT_TRUE(parsed.value("Message-ID").starts_with("<kindly.20261120.acme-ltd."));
  EXPECT_EQ(parsed.value("From"), "Accounts <ar@example.com>");
  EXPECT_EQ(parsed.value("Reply-To"), "ar@example.com");
  EXPECT_EQ(parsed.value("MIME-Version"), "1.0");
  EXPECT_EQ(parsed.value("X-Unsent"), "1");
  EXPECT_EQ(draftFor(acmeReminder()).toMime(), draftFor(acmeReminder()).toMime());
}

TEST(EmailMessage, everyLineOfTheBodyFitsIn76Characters) {
  Reminder reminder = acmeReminder();
  reminder.clientName = std::string(300, 'x') + " " + std::string(100, '=') + " éèê";
  const std::string mime = draftFor(reminder).toMime();
  const std::size_t bodyStart = mime.find("\r\n\r\n");
  for (const std::string& line : lines(mime.substr(bodyStart + 4))) {
    EXPECT_LE(line.size(), 76u) << line;
  }
  const ParsedMessage parsed = parse(mime);
  EXPECT_NE(parsed.parts[0].body.find(std::string(300, 'x') + " " + std::string(100, '=')),
            std::string::npos);
}

TEST(EmailMessage, scriptInAClientNameIsEscapedInTheHtmlPart) {
  Reminder reminder = acmeReminder();
  reminder.clientName = "<script>alert('x')</script> & Co";
  reminder.invoices[0].number = "<b>INV-1001</b>";
  const ParsedMessage parsed = parse(draftFor(reminder).toMime());
  const std::string& html = parsed.parts[1].body;
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>INV"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&amp; Co"), std::string::npos);
  // The plain-text part shows the name as it is, not as HTML entities.
  EXPECT_NE(parsed.parts[0].body.find("Hello <script>alert('x')</script> & Co team,"),
            std::string::npos);
}

TEST(EmailMessage, emptyNameGetsAWarmGreetingWithoutDearComma) {
  for (const std::string name : {"", "   ", "\r\n"}) {
    Reminder reminder = acmeReminder();
    reminder.clientName = name;
    const ParsedMessage parsed = parse(draftFor(reminder).toMime());
    for (const Part& part : parsed.parts) {
      EXPECT_EQ(part.body.find("Dear ,"), std::string::npos);
      EXPECT_EQ(part.body.find("Dear"), std::string::npos);
      EXPECT_NE(part.body.find("Hello there,"), std::string::npos);
    }
    EXPECT_EQ(parsed.value("To"), "ap@acme.example");
  }
}

TEST(EmailMessage, everyOpenInvoiceAndTheTotalAppearInBothParts) {
  const ParsedMessage parsed = parse(draftFor(acmeReminder()).toMime());
  ASSERT_EQ(parsed.parts.size(), 2u);
  for (const Part& part : parsed.parts) {
    for (const std::string expected :
         {"INV-1001", "INV-1007", "INV-1010", "2026-09-01", "2026-10-01", "50 days past due",
          "6 days past due", "due in 11 days", "USD 1,234.50", "USD 50.00", "EUR 10.00",
          "USD 1,284.50", "Bank transfer to 12-34-56 12345678", "Sam, Harbour Lights",
          "Harbour Lights Ltd", "in a couple of weeks"}) {
      EXPECT_NE(part.body.find(expected), std::string::npos)
          << expected << " missing from " << part.contentType;
    }
  }
  EXPECT_EQ(decodeHeaderValue(parsed.value("Subject")),
            "A friendly reminder about 3 open invoices from Harbour Lights Ltd");
}

// DESIGN §8: no threats, guilt or irritation, no shouting; every draft thanks, offers help
// and promises an unhurried follow-up.
TEST(EmailMessage, noRenderedReminderUsesAForbiddenPhrase) {
  const std::vector<std::string> forbidden = {"already contacted you",
                                              "no choice",
                                              "immediately",
                                              "final demand",
                                              "legal action",
                                              "final notice",
                                              "final reminder",
                                              "failure to",
                                              "urgent",
                                              "overdue!",
                                              "collection agency",
                                              "you failed",
                                              "you have not",
                                              "unfortunately",
                                              "as soon as possible",
                                              "asap",
                                              "dear ,",
                                              "last chance"};
  Reminder single = acmeReminder();
  single.invoices.erase(single.invoices.begin() + 1, single.invoices.end());
  Reminder anonymous = acmeReminder();
  anonymous.clientName = "";
  Sender bare;
  bare.from = "ar@example.com";
  std::vector<RenderedReminder> outputs;
  for (const Reminder& reminder : {acmeReminder(), single, anonymous}) {
    outputs.push_back(Templates().renderReminder(reminder, harbourLights(), kAsOf));
    outputs.push_back(Templates().renderReminder(reminder, bare, kAsOf));
  }
  for (const RenderedReminder& output : outputs) {
    for (const std::string& text : {output.subject, output.text, output.html}) {
      const std::string lowered = lower(text);
      for (const std::string& phrase : forbidden) {
        EXPECT_EQ(lowered.find(phrase), std::string::npos) << phrase << " in:\n" << text;
      }
      // Shouting: a word of four or more capital letters (currency codes have three).
      std::size_t capitals = 0;
      for (const char c : text) {
        capitals = std::isupper(static_cast<unsigned char>(c)) ? capitals + 1 : 0;
        EXPECT_LT(capitals, 4u) << "capitals in:\n" << text;
        if (capitals >= 4) break;
      }
    }
    for (const std::string& body : {output.text, output.html}) {
      const std::string lowered = lower(body);
      EXPECT_NE(lowered.find("thank you"), std::string::npos);
      EXPECT_NE(lowered.find("if anything on an invoice looks wrong"), std::string::npos);
      EXPECT_NE(lowered.find("another date or way to pay"), std::string::npos);
      EXPECT_NE(lowered.find("just reply"), std::string::npos);
      EXPECT_NE(lowered.find("in a couple of weeks"), std::string::npos);
    }
  }
}

TEST(EmailMessage, subjectNamesTheInvoiceWhenThereIsOnlyOne) {
  Reminder reminder = acmeReminder();
  reminder.invoices.erase(reminder.invoices.begin() + 1, reminder.invoices.end());
  const RenderedReminder rendered = Templates().renderReminder(reminder, harbourLights(), kAsOf);
  EXPECT_EQ(rendered.subject, "A friendly reminder about invoice INV-1001 from Harbour Lights Ltd");
}

TEST(EmailMessage, messageIdFallsBackWhenTheSenderHasNoUsableAddress) {
  const std::string id =
      EmailMessage::makeMessageId(kAsOf, "acme-ltd", "C1", "Accounts <AR@Example.COM>");
  EXPECT_TRUE(id.starts_with("kindly.20261120.acme-ltd.")) << id;
  EXPECT_TRUE(id.ends_with("@example.com")) << id;
  const std::string fallback = EmailMessage::makeMessageId(kAsOf, "", "C1", "not an address");
  EXPECT_TRUE(fallback.starts_with("kindly.20261120.client.")) << fallback;
  EXPECT_TRUE(fallback.ends_with("@kindly.invalid")) << fallback;
}

// "Acme Ltd" and "ACME, Ltd." give one slug: their messages were taken for one, and the
// second client's reminder was skipped as already sent.
TEST(EmailMessage, clientsOfTheSameSlugGetTheirOwnMessageId) {
  const std::string from = "ar@example.com";
  const std::string first = EmailMessage::makeMessageId(kAsOf, "acme-ltd", "C1", from);
  const std::string second = EmailMessage::makeMessageId(kAsOf, "acme-ltd", "C2", from);
  EXPECT_NE(first, second);
  EXPECT_EQ(first, EmailMessage::makeMessageId(kAsOf, "acme-ltd", "C1", from));
  EXPECT_NE(first, EmailMessage::makeMessageId(kAsOf.plusDays(1), "acme-ltd", "C1", from));
}

std::vector<std::string> addressesOf(std::string_view header) {
  std::vector<std::string> addresses;
  if (const auto mailboxes = parseAddressList(header)) {
    for (const Mailbox& mailbox : *mailboxes) addresses.push_back(mailbox.address);
  }
  return addresses;
}

using Addresses = std::vector<std::string>;

// The name 'Acme", attacker@evil.example, "Ltd' is written quoted and escaped; read back
// with quotes toggled at every '"', it sent the client's statement to the attacker too.
TEST(EmailMessage, nameWithQuotesAndCommasAddsNoRecipient) {
  EmailMessage message;
  message.toName = "Acme\", attacker@evil.example, \"Ltd";
  message.toAddress = "ap@acme.example";
  const std::string mime = message.toMime();
  const std::size_t to = mime.find("\r\nTo: ") + 6;
  const std::string header = mime.substr(to, mime.find("\r\n", to) - to);
  EXPECT_EQ(addressesOf(header), Addresses{"ap@acme.example"}) << header;
  const auto mailboxes = parseAddressList(header);
  ASSERT_TRUE(mailboxes);
  EXPECT_EQ(mailboxes->front().name, "Acme\", attacker@evil.example, \"Ltd");
}

TEST(EmailMessage, addressListIsReadAsMailProgramsReadIt) {
  EXPECT_EQ(addressesOf("a@x.example"), Addresses{"a@x.example"});
  EXPECT_EQ(addressesOf("A <a@x.example>, \"B, C\" <b@x.example>"),
            (Addresses{"a@x.example", "b@x.example"}));
  EXPECT_EQ(addressesOf("\"x\\\" <evil@x.example>, \\\"\" <a@x.example>"),
            Addresses{"a@x.example"});
  EXPECT_EQ(addressesOf("A (the boss, evil@x.example) <a@x.example>"), Addresses{"a@x.example"});
  EXPECT_EQ(addressesOf("Clients: a@x.example, b@x.example;"),
            (Addresses{"a@x.example", "b@x.example"}));
  EXPECT_EQ(addressesOf("a@x.example, , b@x.example"), (Addresses{"a@x.example", "b@x.example"}));
}

TEST(EmailMessage, addressListThatCannotBeReadWithCertaintyGivesNoRecipient) {
  for (const std::string_view header :
       {"\"unclosed <a@x.example>", "A <a@x.example", "A (unclosed <a@x.example>",
        "<a@x.example> <b@x.example>", "A <a@x.example> trailing", "not an address",
        "a@x.example, not an address", "Group: a@x.example", "<a@x.example>>"}) {
    EXPECT_FALSE(parseAddressList(header)) << header;
  }
}

}  // namespace
}  // namespace kindly::drafts
