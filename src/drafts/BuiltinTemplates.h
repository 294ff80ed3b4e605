// The reminder templates shipped in templates/, compiled into the binary by
// cmake/EmbedTemplates.cmake so a draft never depends on files beside the executable.
#pragma once

#include <map>
#include <string>

namespace kindly::drafts {

// Every built-in template, keyed by its file name without ".mustache" ("reminder.text").
// The map lives for the whole program; its contents are the files' exact bytes.
const std::map<std::string, std::string>& builtinTemplates();

}  // namespace kindly::drafts
