// Which template each part of a draft is written from: the names tried, most specific
// first, so a person can word one step differently without copying every template.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "followup/Planner.h"

namespace kindly::drafts {

// The parts a draft on `channel` is made of: "email.subject", "email.text", "email.html"
// for an email; "call.txt" for a call script; "letter.html" for a letter.
std::vector<std::string> draftParts(followup::Channel channel);

// The template names tried for `part` of a draft, in order; the first one loaded is used.
// Chasing: "<step>.<part>", then "persistent.<part>" for a step "persistent-N", then
// "chase.<part>". Any other purpose: "<purpose>.<part>" ("resolve.email.text"): a dispute is
// never written from a chasing step's words. Last of all for every purpose:
// "reminder.email.subject|text|html", "call.txt" or "letter.html".
std::vector<std::string> templateCandidates(followup::Purpose purpose, std::string_view step,
                                            std::string_view part);

// True for a name templateCandidates() can produce: "<name>.<part>" with a known part and a
// name of letters, digits and '-', or "call.txt" or "letter.html" alone.
bool isTemplateName(std::string_view name);

}  // namespace kindly::drafts
