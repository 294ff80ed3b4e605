// The fallback order of template names, kept apart from rendering so it can be read and
// tested as the README states it.
#include "drafts/TemplateNames.h"

#include <algorithm>
#include <array>

namespace kindly::drafts {

namespace {

constexpr std::array<std::string_view, 5> kParts = {"email.subject", "email.text", "email.html",
                                                    "call.txt", "letter.html"};

// The template every draft of this part can fall back on.
std::string lastResort(std::string_view part) {
  if (part.starts_with("email.")) return "reminder." + std::string(part);
  return std::string(part);
}

bool isStepName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// "persistent-12" is a persistent step; "persistent-" and "persistently" are not.
bool isPersistentStep(std::string_view step) {
  constexpr std::string_view kPrefix = "persistent-";
  if (!step.starts_with(kPrefix) || step.size() == kPrefix.size()) return false;
  const std::string_view number = step.substr(kPrefix.size());
  return std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> draftParts(followup::Channel channel) {
  switch (channel) {
    case followup::Channel::Email:
      return {"email.subject", "email.text", "email.html"};
    case followup::Channel::Call:
      return {"call.txt"};
    case followup::Channel::Letter:
      return {"letter.html"};
  }
  return {};
}

std::vector<std::string> templateCandidates(followup::Purpose purpose, std::string_view step,
                                            std::string_view part) {
  const std::string suffix = "." + std::string(part);
  std::vector<std::string> names;
  const auto add = [&](std::string name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  if (purpose == followup::Purpose::Chase) {
    if (isStepName(step)) add(std::string(step) + suffix);
    if (isPersistentStep(step)) add("persistent" + suffix);
  }
  add(std::string(followup::purposeName(purpose)) + suffix);
  add(lastResort(part));
  return names;
}

bool isTemplateName(std::string_view name) {
  for (const std::string_view part : kParts) {
    if (name == lastResort(part)) return true;
    if (name.size() > part.size() + 1 && name.ends_with(part) &&
        name[name.size() - part.size() - 1] == '.' &&
        isStepName(name.substr(0, name.size() - part.size() - 1))) {
      return true;
    }
  }
  return false;
}

}  // namespace kindly::drafts
