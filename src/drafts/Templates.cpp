// Loading the templates, choosing one per part of a draft, and rendering it with mstch.
#include "drafts/Templates.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mstch/mstch.hpp>
#include <optional>
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

// Kindly's own templates are under 4 KB and nest sections two deep. A template is rendered
// once per draft, and sections over a list multiply: one of 130 KB nesting sections made
// remind take 6 GB. These bounds leave a person's templates room and no such cost.
constexpr std::size_t kLargestTemplate = 64 * 1024;
constexpr std::size_t kDeepestSections = 4;

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

}  // namespace

// Opened without blocking and checked to be a plain file before a byte is read: a FIFO or
// a device in the templates folder would hold `remind` for ever.
std::string readTemplateFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw Error("cannot read template " + path + ": " + std::strerror(errno));
  struct stat status {};
  std::string text;
  std::string problem;
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    problem = "not a plain file";
  } else if (static_cast<std::size_t>(status.st_size) > kLargestTemplate) {
    problem = "larger than a template may be (" + std::to_string(kLargestTemplate / 1024) + " KB)";
  } else {
    char buffer[8192];
    for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) != 0;) {
      if (got < 0) {
        problem = std::strerror(errno);
        break;
      }
      text.append(buffer, static_cast<std::size_t>(got));
      if (text.size() > kLargestTemplate) {
        problem = "larger than a template may be";
        break;
      }
    }
  }
  ::close(fd);
  if (!problem.empty()) throw Error("cannot read template " + path + ": " + problem);
  return text;
}

// What is wrong with the tags of a template; nullopt when nothing is.
// Only the Mustache Kindly's templates use is accepted: {{name}}, {{{name}}}, {{&name}},
// sections {{#name}} {{^name}} {{/name}} that close in order, and {{! comments }}. mstch
// is not safe on anything else (an empty tag such as "{{ }}" makes it throw or read out of
// bounds), so a person's template is checked before it is ever rendered.
std::optional<TemplateProblem> templateProblem(std::string_view text) {
  std::vector<std::string_view> sections;
  std::vector<std::size_t> sectionLines;
  const auto lineOf = [&](std::size_t at) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
  };
  const auto problem = [&](std::size_t at, const std::string& reason) {
    return TemplateProblem{lineOf(at), reason};
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
      if (sections.size() == kDeepestSections) {
        return problem(at, std::string(tag) + ": sections nest at most " +
                               std::to_string(kDeepestSections) + " deep");
      }
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
    return TemplateProblem{sectionLines.back(), "the section {{#" + std::string(sections.back()) +
                                                    "}} is never closed with {{/" +
                                                    std::string(sections.back()) + "}}"};
  }
  return std::nullopt;
}

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
    std::string text = readTemplateFile(path.string());
    if (const auto problem = templateProblem(text)) {
      throw Error("template " + path.string() + ", line " + std::to_string(problem->line) + ": " +
                  problem->reason);
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
