// `kindly lint-templates [DIR]`: the tone rules checked on the built-in templates, or on a
// person's own before a batch is written from them.
#include <algorithm>
#include <filesystem>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "drafts/BuiltinTemplates.h"
#include "drafts/Templates.h"
#include "drafts/ToneLint.h"

namespace kindly::cli {

namespace {

constexpr std::string_view kExtension = ".mustache";

struct TemplateFile {
  std::string path;  // as reported: "templates/reminder.text.mustache", "mine/x.mustache"
  std::string name;  // without ".mustache": "reminder.text"
  std::string text;
};

std::vector<TemplateFile> builtinFiles() {
  std::vector<TemplateFile> files;
  for (const auto& [name, text] : drafts::builtinTemplates()) {
    files.push_back({"templates/" + name + std::string(kExtension), name, text});
  }
  return files;
}

// Every "*.mustache" file directly in `folder`, read whole before anything is reported.
std::vector<TemplateFile> folderFiles(const std::string& folder) {
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) throw InputError(folder + ": no such folder");
  if (!std::filesystem::is_directory(folder, error)) throw InputError(folder + ": not a folder");
  std::vector<TemplateFile> files;
  std::filesystem::directory_iterator entries(folder, error);
  for (; !error && entries != std::filesystem::directory_iterator(); entries.increment(error)) {
    const std::string fileName = entries->path().filename().string();
    if (fileName.size() <= kExtension.size() || !fileName.ends_with(kExtension)) continue;
    files.push_back({(std::filesystem::path(folder) / fileName).string(),
                     fileName.substr(0, fileName.size() - kExtension.size()),
                     drafts::readTemplateFile(entries->path().string())});
  }
  if (error) throw InputError(folder + ": cannot read the folder: " + error.message());
  if (files.empty()) throw InputError(folder + ": no templates (*.mustache) in this folder");
  return files;
}

std::string counted(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

int LintTemplatesCommand::run(const std::vector<std::string>& args, Context& context) {
  if (args.size() > 1) {
    throw UsageError("lint-templates takes at most one DIR; usage: kindly " + usage());
  }
  auto files = args.empty() ? builtinFiles() : folderFiles(args.front());
  std::sort(files.begin(), files.end(),
            [](const TemplateFile& a, const TemplateFile& b) { return a.path < b.path; });
  std::size_t findings = 0;
  std::size_t unkindFiles = 0;
  for (const TemplateFile& file : files) {
    // A template remind would refuse is a finding too, whatever its words.
    auto found = drafts::toneFindings(file.name, file.text);
    if (const auto problem = drafts::templateProblem(file.text)) {
      found.insert(found.begin(), drafts::ToneFinding{static_cast<int>(problem->line),
                                                      "cannot be rendered: " + problem->reason});
    }
    for (const auto& finding : found) {
      context.out << oneLine(file.path) << ':' << finding.line << ": " << oneLine(finding.reason)
                  << '\n';
    }
    findings += found.size();
    unkindFiles += !found.empty();
  }
  if (findings == 0) {
    context.out << counted(files.size(), "template") << " checked, all kind.\n";
    return kDone;
  }
  context.out << counted(files.size(), "template") << " checked: " << counted(findings, "finding")
              << " in " << counted(unkindFiles, "template") << ".\n";
  return kNeedsAttention;
}

}  // namespace kindly::cli
