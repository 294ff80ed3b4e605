#include "cli/ContactText.h"

namespace kindly::cli {

std::string describeContact(const store::ContactRecord& record) {
  using store::ContactKind;
  switch (record.kind) {
    case ContactKind::Contact:
    case ContactKind::Promise: {
      std::string text = record.channel;
      // A promise says "promised" itself.
      const bool sayOutcome =
          !record.outcome.empty() && !(record.promisedDay && record.outcome == "promised");
      if (sayOutcome) text += (text.empty() ? "" : ", ") + record.outcome;
      if (record.promisedDay) {
        text += (text.empty() ? "" : "; ") + std::string("promise to pay by ") +
                record.promisedDay->iso();
      }
      if (!record.step.empty()) text += (text.empty() ? "" : " ") + ("(" + record.step + ")");
      return text.empty() ? "contact" : text;
    }
    case ContactKind::Dispute:
      return "dispute: " + record.text;
    case ContactKind::Resolved:
      return "resolved: " + record.text;
    case ContactKind::Note:
      return "note: " + record.text;
  }
  return "";
}

std::string sentence(std::string text) {
  if (text.empty() || (text.back() != '.' && text.back() != '!' && text.back() != '?')) {
    text += '.';
  }
  return text;
}

}  // namespace kindly::cli
