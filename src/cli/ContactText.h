// How a record of what people said reads, in `kindly log`'s confirmations and in the
// client timeline, so that both say the same thing the same way.
#pragma once

#include <string>

#include "store/Contacts.h"

namespace kindly::cli {

// "call, reached; promise to pay by 2026-12-01", "dispute: billed twice", "note: ...".
std::string describeContact(const store::ContactRecord& record);

// `text` ending in a full stop (kept as it is when it already ends in '.', '!' or '?').
std::string sentence(std::string text);

}  // namespace kindly::cli
