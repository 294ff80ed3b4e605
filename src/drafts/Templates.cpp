// Loading the templates, choosing one per part of a draft, and rendering it with mstch.
#include "drafts/Templates.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mstch/mstch.hpp>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/BuiltinTemplates.h"
#include "drafts/DraftValues.h"
#include "drafts/TemplateNames.h"

namespace kindly::drafts {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kExtension = ".mustache";

std::string readFile(const fs::path& path) {
  std::error_code error;
  std::ifstream in(path, std::ios::binary);
  if (!fs::is_regular_file(path, error) || !in) {
    throw Error("cannot read template " + path.string());
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw Error("cannot read template " + path.string());
  return text;
}

const std::string kNoTemplate;

bool isTagName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// What is wrong with the tags of a template, as "line N: reason"; empty when nothing is.
// Only the Mustache Kindly's templates use is accepted: {{name}}, {{{name}}}, {{&name}},
// sections {{#name}} {{^name}} {{/name}} that close in order, and {{! comments }}. mstch
// is not safe on anything else (an empty tag such as "{{ }}" makes it throw or read out of
// bounds), so a person's template is checked before it is ever rendered.
std::string tagProblem(std::string_view text) {
  std::vector<std::string_view> sections;
  std::vector<std::size_t> sectionLines;
  const auto lineOf = [&](std::size_t at) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
  };
  const auto problem = [&](std::size_t at, const std::string& reason) {
    return "line " + std::to_string(lineOf(at)) + ": " + reason;
  };
  for (std::size_t at = text.find("{{"); at != std::string_view::npos;) {
    const bool triple = text.compare(at, 3, "{{{") == 0;
    const std::string_view closing = triple ? "}}}" : "}}";
    const std::size_t inside = at + (triple ? 3 : 2);
    const std::size_t close = text.find(closing, inside);
    if (close == std::string_view::npos) {
      return problem(at, std::string("a tag opened with ") + (triple ? "{{{" : "{{") +
                             " is never closed with " + std::string(closing));
    }
    const std::string_view tag = text.substr(at, close + closing.size() - at);
    std::string_view content = text.substr(inside, close - inside);
    const char sigil = content.empty() ? '\0' : content.front();
    if (!triple && sigil == '!') {
      at = text.find("{{", close + 2);
      continue;
    }
    if (!triple && sigil == '=') {
      return problem(at, std::string(tag) + ": changing the delimiters is not supported");
    }
    if (!triple && sigil == '>') {
      return problem(at, std::string(tag) + ": partials are not supported");
    }
    if (!triple && (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&')) {
      content.remove_prefix(1);
    }
    const std::string_view name = trimmed(content);
    if (!isTagName(name)) {
      return problem(
          at, std::string(tag) + ": a tag names a value in letters, digits, '_', '-' or '.'");
    }
    if (!triple && (sigil == '#' || sigil == '^')) {
      sections.push_back(name);
      sectionLines.push_back(lineOf(at));
    } else if (!triple && sigil == '/') {
      if (sections.empty() || sections.back() != name) {
        return problem(
            at, std::string(tag) + " closes no open section" +
                    (sections.empty() ? std::string()
                                      : " (open: {{#" + std::string(sections.back()) + "}})"));
      }
      sections.pop_back();
      sectionLines.pop_back();
    }
    at = text.find("{{", close + closing.size());
  }
  if (!sections.empty()) {
    return "line " + std::to_string(sectionLines.back()) + ": the section {{#" +
           std::string(sections.back()) + "}} is never closed with {{/" +
           std::string(sections.back()) + "}}";
  }
  return {};
}

}  // namespace

Templates::Templates() : templates_(builtinTemplates()) {}

Templates Templates::withOverrides(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw Error("templates folder not found or not a folder: " + folder);
  }
  // Sorted, so that the first misnamed file reported is the same on every machine.
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().filename().string().ends_with(kExtension)) files.push_back(it->path());
  }
  if (error) throw Error("cannot read the templates folder " + folder + ": " + error.message());
  std::sort(files.begin(), files.end());
  Templates templates;
  for (const fs::path& path : files) {
    const std::string file = path.filename().string();
    const std::string name = file.substr(0, file.size() - kExtension.size());
    if (!isTemplateName(name)) {
      throw Error("template " + path.string() +
                  ": not a name Kindly uses; names end in .email.subject, .email.text, "
                  ".email.html, .call.txt or .letter.html (see the README, Drafts)");
    }
    std::string text = readFile(path);
    if (const std::string problem = tagProblem(text); !problem.empty()) {
      throw Error("template " + path.string() + ", " + problem);
    }
    templates.templates_[name] = std::move(text);
  }
  return templates;
}

std::string Templates::chosenFor(const Reminder& reminder, const std::string& part) const {
  for (const std::string& name : templateCandidates(reminder.purpose, reminder.step, part)) {
    if (templates_.contains(name)) return name;
  }
  throw Error("no template for " + part + " of the step " + reminder.step);
}

const std::string& Templates::source(const std::string& name) const {
  const auto found = templates_.find(name);
  return found == templates_.end() ? kNoTemplate : found->second;
}

std::vector<std::string> Templates::names() const {
  std::vector<std::string> all;
  for (const auto& [name, text] : templates_) all.push_back(name);
  return all;
}

RenderedReminder Templates::renderReminder(const Reminder& reminder, const Sender& sender,
                                           dates::Date asOf) const {
  const mstch::map values = draftValues(reminder, sender, asOf, followup::Channel::Email);
  RenderedReminder rendered;
  rendered.subject = oneLine(mstch::render(source(chosenFor(reminder, "email.subject")), values));
  rendered.text = mstch::render(source(chosenFor(reminder, "email.text")), values);
  rendered.html = mstch::render(source(chosenFor(reminder, "email.html")), values);
  return rendered;
}

std::string Templates::renderCallScript(const Reminder& reminder, const Sender& sender,
                                        dates::Date asOf) const {
  return mstch::render(source(chosenFor(reminder, "call.txt")),
                       draftValues(reminder, sender, asOf, followup::Channel::Call));
}

std::string Templates::renderLetter(const Reminder& reminder, const Sender& sender,
                                    dates::Date asOf) const {
  return mstch::render(source(chosenFor(reminder, "letter.html")),
                       draftValues(reminder, sender, asOf, followup::Channel::Letter));
}

}  // namespace kindly::drafts
