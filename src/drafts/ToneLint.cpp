// The tone rules. Words are read in the text a client sees, so CSS, attributes, tag names
// and Mustache keys never count as shouting or as unkind phrases; line breaks are kept
// through every step so a position still tells the line of the source.
#include "drafts/ToneLint.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <utility>

#include "base/Text.h"

namespace kindly::drafts {

namespace {

constexpr auto npos = std::string_view::npos;

bool isAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiLetter(char c) { return isAsciiUpper(c) || isAsciiLower(c); }
// Bytes of UTF-8 sequences belong to words: "Fällig" is one word.
bool isWordByte(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || isAsciiLetter(c) || isAsciiDigit(c);
}
bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char asciiLower(char c) { return isAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

int lineAt(std::string_view text, std::size_t position) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + position, '\n'));
}

// The line breaks within `dropped`, or one space when it held none, so that removing
// markup neither moves later lines nor joins the words around it.
std::string standIn(std::string_view dropped) {
  const auto breaks = std::count(dropped.begin(), dropped.end(), '\n');
  return breaks > 0 ? std::string(breaks, '\n') : std::string(" ");
}

struct MustacheTag {
  std::string source;  // as written: "{{#invoices}}"
  std::string key;     // the name inside: "invoices"; empty for comments and section ends
  int line;
};

// A template's text with its Mustache tags taken out, and the tags.
struct WithoutMustache {
  std::string text;  // the same line breaks as the source
  std::vector<MustacheTag> tags;
};

std::string tagKey(std::string_view tag, std::size_t braces) {
  std::string_view inside = trim(tag.substr(braces, tag.size() - 2 * braces));
  // Comments and delimiter changes show nothing; a section's end repeats its start.
  if (!inside.empty() && std::string_view("!=/").find(inside.front()) != npos) return "";
  if (!inside.empty() && std::string_view("#^&>{").find(inside.front()) != npos) {
    inside = trim(inside.substr(1));
  }
  return std::string(inside);
}

// Tags are removed, not replaced by a space: "{{#one}}invoice{{/one}}" reads "invoice".
WithoutMustache withoutMustache(std::string_view source) {
  WithoutMustache result;
  std::size_t i = 0;
  while (i < source.size()) {
    const std::size_t open = source.find("{{", i);
    result.text += source.substr(i, open == npos ? npos : open - i);
    if (open == npos) break;
    const std::size_t braces = source.compare(open, 3, "{{{") == 0 ? 3 : 2;
    const std::size_t close = source.find(std::string(braces, '}'), open + braces);
    if (close == npos) {  // an unclosed tag is shown as it stands
      result.text += source.substr(open);
      break;
    }
    const std::string_view tag = source.substr(open, close + braces - open);
    result.tags.push_back({std::string(tag), tagKey(tag, braces), lineAt(source, open)});
    result.text += std::string(std::count(tag.begin(), tag.end(), '\n'), '\n');
    i = close + braces;
  }
  return result;
}

// The end of the markup that starts at `start` ('<'), one past its last byte; npos when
// the '<' starts no markup ("a < b").
std::size_t markupEnd(std::string_view lowered, std::size_t start) {
  if (lowered.compare(start, 4, "<!--") == 0) {
    const std::size_t end = lowered.find("-->", start + 4);
    return end == npos ? lowered.size() : end + 3;
  }
  const char next = start + 1 < lowered.size() ? lowered[start + 1] : '\0';
  if (!isAsciiLetter(next) && next != '/' && next != '!' && next != '?') return npos;
  std::size_t end = lowered.find('>', start);
  if (end == npos) return npos;
  std::size_t nameEnd = start + 1;
  while (nameEnd < lowered.size() && isAsciiLetter(lowered[nameEnd])) ++nameEnd;
  const std::string_view name = lowered.substr(start + 1, nameEnd - start - 1);
  // A style sheet or script is never read by the client: skip to its closing tag.
  if (name == "style" || name == "script") {
    const std::size_t closing = lowered.find("</" + std::string(name), end);
    end = closing == npos ? npos : lowered.find('>', closing);
    if (end == npos) return lowered.size();
  }
  return end + 1;
}

// `text` without HTML markup (tags, comments, style sheets, scripts) and with entities
// ("&nbsp;") read as a space.
std::string withoutHtml(std::string_view text) {
  const std::string lowered = toLower(text);
  std::string visible;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const std::size_t end = markupEnd(lowered, i);
      if (end != npos) {
        visible += standIn(text.substr(i, end - i));
        i = end;
        continue;
      }
    } else if (text[i] == '&') {
      std::size_t end = i + 1;
      while (end < text.size() &&
             (isAsciiLetter(text[end]) || isAsciiDigit(text[end]) || text[end] == '#')) {
        ++end;
      }
      if (end > i + 1 && end < text.size() && text[end] == ';') {
        visible += ' ';
        i = end + 1;
        continue;
      }
    }
    visible += text[i++];
  }
  return visible;
}

// Where `phrase` (lower case) next starts in `text` at or after `from`, at the start of a
// word, ignoring ASCII case, a space in it matching any run of whitespace; npos when absent.
// "urgent" is found in "Urgently", never in "insurgent".
std::size_t findPhrase(std::string_view text, std::string_view phrase, std::size_t from) {
  for (std::size_t start = from; start < text.size(); ++start) {
    if (start > 0 && isWordByte(text[start - 1])) continue;
    std::size_t at = start;
    std::size_t matched = 0;
    for (; matched < phrase.size(); ++matched) {
      if (at >= text.size()) break;
      if (phrase[matched] == ' ') {
        if (!isSpace(text[at])) break;
        while (at < text.size() && isSpace(text[at])) ++at;
      } else {
        if (asciiLower(text[at]) != phrase[matched]) break;
        ++at;
      }
    }
    if (matched == phrase.size()) return start;
  }
  return npos;
}

bool mentionsAny(std::string_view text, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view phrase) { return findPhrase(text, phrase, 0) != npos; });
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Rule 1: threats, blame, guilt and irritation.
constexpr std::string_view kIrritated =
    "sounds irritated: let each reminder stand on its own, as warm as the first";
constexpr std::string_view kPressing =
    "pressures the client: suggest a reasonable time frame and offer help instead";
constexpr std::string_view kThreatening =
    "reads as a threat: say when you will be in touch again, and offer help instead";
constexpr std::string_view kBlaming =
    "blames the client: say what is still open and ask whether anything is wrong";

struct UnkindPhrase {
  std::string_view phrase;  // lower case, words separated by one space
  std::string_view why;
};

constexpr UnkindPhrase kUnkindPhrases[] = {
    {"already contacted you", kIrritated},
    {"already reminded you", kIrritated},
    {"several times", kIrritated},
    {"repeatedly", kIrritated},
    {"again and again", kIrritated},
    {"immediately", kPressing},
    {"urgent", kPressing},
    {"last chance", kPressing},
    {"no choice", kThreatening},
    {"we will be forced", kThreatening},
    {"final demand", kThreatening},
    {"final notice", kThreatening},
    {"legal action", kThreatening},
    {"collections", kThreatening},
    {"collection agency", kThreatening},
    {"failure to pay", kBlaming},
    {"you failed", kBlaming},
    {"you have ignored", kBlaming},
    {"overdue for too long", kBlaming},
};

void findUnkindPhrases(std::string_view visible, std::vector<ToneFinding>& findings) {
  std::vector<std::pair<std::size_t, ToneFinding>> found;
  for (const auto& unkind : kUnkindPhrases) {
    for (std::size_t at = findPhrase(visible, unkind.phrase, 0); at != npos;
         at = findPhrase(visible, unkind.phrase, at + 1)) {
      found.push_back(
          {at, {lineAt(visible, at), quoted(unkind.phrase) + " " + std::string(unkind.why)}});
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, finding] : found) findings.push_back(std::move(finding));
}

// Rule 2: shouting. Payment schemes and formats are written in capitals by everyone;
// naming one is not shouting.
constexpr std::string_view kNamesInCapitals[] = {"BACS", "BPAY",  "CHAPS", "HMRC", "HTML",
                                                 "HTTP", "HTTPS", "IBAN",  "SEPA", "SWIFT"};

bool isShouted(std::string_view word) {
  // Codes with digits ("ISO20022") are references, not words.
  if (std::any_of(word.begin(), word.end(),
                  [](char c) { return isAsciiLower(c) || isAsciiDigit(c); })) {
    return false;
  }
  if (std::count_if(word.begin(), word.end(), isAsciiUpper) < 4) return false;
  return std::find(std::begin(kNamesInCapitals), std::end(kNamesInCapitals), word) ==
         std::end(kNamesInCapitals);
}

void findShouting(std::string_view visible, bool subject, std::vector<ToneFinding>& findings) {
  std::size_t i = 0;
  while (i < visible.size()) {
    std::size_t end = i + 1;
    if (isWordByte(visible[i])) {
      while (end < visible.size() && isWordByte(visible[end])) ++end;
      const std::string_view word = visible.substr(i, end - i);
      if (isShouted(word)) {
        findings.push_back({lineAt(visible, i), quoted(word) +
                                                    " in capitals reads as shouting: write it in "
                                                    "lower case (a capital first letter is fine)"});
      }
    } else if (visible[i] == '!') {
      while (end < visible.size() && visible[end] == '!') ++end;
      const std::string_view marks = visible.substr(i, end - i);
      if (subject) {
        findings.push_back(
            {lineAt(visible, i),
             quoted(marks) + " in a subject reads as alarm: end the subject plainly"});
      } else if (marks.size() > 1) {
        findings.push_back({lineAt(visible, i),
                            quoted(marks) + " reads as shouting: one exclamation mark at most"});
      }
    }
    i = end;
  }
}

// Rule 3: every message thanks the client and offers help.
void findMissingKindness(std::string_view visible, std::vector<ToneFinding>& findings) {
  if (!mentionsAny(visible, {"thank"})) {
    findings.push_back({1, "no thank-you: thank the client, for their business or their patience"});
  }
  if (!mentionsAny(visible, {"help", "another date", "another way to pay", "anything wrong",
                             "let us know", "reply", "happy to", "glad to"})) {
    findings.push_back({1,
                        "no offer of help: offer another date or another way to pay, ask whether "
                        "anything is wrong, and invite a reply"});
  }
}

// Rule 4: a check-in asks after the client; money has no place in it.
constexpr std::string_view kMoneyWords[] = {
    "amount",  "amounts", "balance",  "balances", "invoice", "invoiced",    "invoices", "money",
    "overdue", "owe",     "owed",     "owes",     "owing",   "outstanding", "paid",     "pay",
    "paying",  "payment", "payments", "pays",     "total",   "totals"};

bool isMoneyWord(std::string_view word) {
  const std::string lowered = toLower(word);
  return std::find(std::begin(kMoneyWords), std::end(kMoneyWords), lowered) !=
         std::end(kMoneyWords);
}

constexpr std::string_view kNoMoneyInCheckIn =
    ": ask after the client and their plans, with no word of invoices or payments";

void findMoney(const WithoutMustache& source, std::string_view visible,
               std::vector<ToneFinding>& findings) {
  for (std::size_t i = 0; i < visible.size();) {
    std::size_t end = i + 1;
    if (isWordByte(visible[i])) {
      while (end < visible.size() && isWordByte(visible[end])) ++end;
      const std::string_view word = visible.substr(i, end - i);
      if (isMoneyWord(word)) {
        findings.push_back({lineAt(visible, i), "a check-in mentions money (" + quoted(word) + ")" +
                                                    std::string(kNoMoneyInCheckIn)});
      }
    }
    i = end;
  }
  // A tag's name says what it shows: {{#invoices}}, {{total_text}}, {{payment_instructions}}.
  for (const MustacheTag& tag : source.tags) {
    std::size_t i = 0;
    bool money = false;
    while (i < tag.key.size() && !money) {
      std::size_t end = i;
      while (end < tag.key.size() && isAsciiLetter(tag.key[end])) ++end;
      money = isMoneyWord(std::string_view(tag.key).substr(i, end - i));
      i = end + 1;
    }
    if (money) {
      findings.push_back({tag.line, "a check-in mentions money (" + tag.source + ")" +
                                        std::string(kNoMoneyInCheckIn)});
    }
  }
}

// Whether one of the dot-separated parts of a template's name ("reminder", "email", "text"
// in "reminder.email.text") is one of `parts`.
bool namePartIs(std::string_view name, std::initializer_list<std::string_view> parts) {
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t dot = std::min(name.find('.', start), name.size());
    const std::string_view part = name.substr(start, dot - start);
    if (std::find(parts.begin(), parts.end(), part) != parts.end()) return true;
    start = dot + 1;
  }
  return false;
}

bool isSubject(std::string_view name) { return namePartIs(name, {"subject"}); }

// A call script ("call.txt") or a letter is read by the client as much as an email is.
bool isMessageBody(std::string_view name) {
  return !isSubject(name) && namePartIs(name, {"text", "txt", "html", "call", "letter"});
}

}  // namespace

std::vector<ToneFinding> toneFindings(std::string_view name, std::string_view text) {
  const WithoutMustache source = withoutMustache(text);
  const std::string visible = withoutHtml(source.text);
  std::vector<ToneFinding> findings;
  findUnkindPhrases(visible, findings);
  findShouting(visible, isSubject(name), findings);
  if (isMessageBody(name)) findMissingKindness(visible, findings);
  if (name.starts_with("check-in")) findMoney(source, visible, findings);
  std::stable_sort(findings.begin(), findings.end(),
                   [](const ToneFinding& a, const ToneFinding& b) { return a.line < b.line; });
  return findings;
}

}  // namespace kindly::drafts
