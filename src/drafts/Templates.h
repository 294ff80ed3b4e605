// The Mustache templates drafts are written from: the built-in ones, or a person's own from
// a folder, chosen per part of a draft by TemplateNames' fallback order and rendered with
// DraftValues' values.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/Date.h"
#include "drafts/Reminder.h"

namespace kindly::drafts {

// One email, ready to be put in an EmailMessage.
struct RenderedReminder {
  std::string subject;  // one line: runs of spaces, tabs and line breaks become one space
  std::string text;     // text/plain body
  std::string html;     // text/html body; every value in it is HTML-escaped
};

// The text of the template file at `path`. Throws kindly::Error naming it when it is not a
// plain file (a FIFO, a device, a folder), is larger than a template may be (64 KB), or
// cannot be read; never waits on the file.
std::string readTemplateFile(const std::string& path);
// What keeps a template's `text` from being rendered: a tag Kindly does not render, sections
// that do not close in order or nest deeper than 4; nullopt when nothing does.
struct TemplateProblem {
  std::size_t line;  // 1-based
  std::string reason;
};
std::optional<TemplateProblem> templateProblem(std::string_view text);

class Templates {
 public:
  // The templates compiled into the binary (builtinTemplates()).
  Templates();

  // The built-in templates, and every "<name>.mustache" file in `folder`, which replaces the
  // built-in template of that name or adds one ("statement.letter.html.mustache"); files
  // not ending in ".mustache" are ignored. Throws kindly::Error naming the path when
  // `folder` is not a readable folder, a template file cannot be read, or a ".mustache"
  // file's name is not one isTemplateName() accepts (a misspelt name would silently be
  // ignored otherwise), or a template's tags are not the Mustache Kindly renders safely:
  // {{name}}, {{{name}}}, {{&name}}, sections that close in order, {{! comments }} (the
  // message gives the line and the tag).
  static Templates withOverrides(const std::string& folder);

  // The name of the template `part` of `reminder`'s draft is written from: the first of
  // templateCandidates() that is loaded. The built-in templates hold every last resort, so
  // there always is one.
  std::string chosenFor(const Reminder& reminder, const std::string& part) const;

  // The email of `reminder` as of `asOf`, from its "email.subject", "email.text" and
  // "email.html" templates, whatever its channels.
  RenderedReminder renderReminder(const Reminder& reminder, const Sender& sender,
                                  dates::Date asOf) const;
  // The call script (plain text) from its "call.txt" template.
  std::string renderCallScript(const Reminder& reminder, const Sender& sender,
                               dates::Date asOf) const;
  // The printable letter (a standalone HTML page) from its "letter.html" template.
  std::string renderLetter(const Reminder& reminder, const Sender& sender, dates::Date asOf) const;

  // The text of the template `name` ("reminder.email.html"), as loaded; empty when unknown.
  const std::string& source(const std::string& name) const;
  // Every template name loaded, in order.
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace kindly::drafts
