// Loading the templates, choosing one per part of a draft, and rendering it with mstch.
#include "drafts/Templates.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mstch/mstch.hpp>
#include <vector>

#include "base/Error.h"
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
    templates.templates_[name] = readFile(path);
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
