// The tone rules of DESIGN §8, checked on a reminder template before any client reads it:
// no threats, blame, guilt or irritation; no shouting; every message thanks and offers help;
// a check-in says no word of money.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kindly::drafts {

// One place where a template breaks a tone rule.
struct ToneFinding {
  int line;            // 1-based line of the template's source text
  std::string reason;  // what reads unkindly, and what to write instead
};

// The findings in the template `name` (its file name without ".mustache", like
// "reminder.email.text" or "call.txt") whose source is `text`: empty when it is kind.
// Ordered by line, and on one line by rule, in the order below.
//
// Phrases and capitals are read in the text a client sees: Mustache tags ({{...}},
// {{{...}}}) removed, HTML tags, comments, <style> and <script> removed, entities read as a
// space. The rules, and the templates they apply to by name:
//  - every template: threats, blame, guilt or irritation ("legal action", "you failed",
//    "already contacted you", ...), matched ignoring case with any whitespace between
//    words, at the line where the phrase starts; words of four or more letters in capitals
//    (names like IBAN or SWIFT aside); "!!";
//  - a subject (a part of the name, between dots, is "subject"): any "!";
//  - a message body (a part is "text", "txt", "html", "call" or "letter", none "subject"):
//    no thank-you, or no offer of help (another date, another way to pay, a reply, ...),
//    at line 1;
//  - a check-in (name starts with "check-in"): any word of money ("invoice", "balance",
//    "payment", ...), in the text or in a tag's name ({{#invoices}}, {{total_text}}).
std::vector<ToneFinding> toneFindings(std::string_view name, std::string_view text);

}  // namespace kindly::drafts
