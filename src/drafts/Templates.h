// The Mustache templates a reminder is written from: the built-in ones, or a person's own
// from a folder, rendered into a subject, a plain-text body and an HTML body.
#pragma once

#include <map>
#include <string>

#include "dates/Date.h"
#include "drafts/Reminder.h"

namespace kindly::drafts {

// One reminder, ready to be put in an email.
struct RenderedReminder {
  std::string subject;  // one line: runs of spaces, tabs and line breaks become one space
  std::string text;     // text/plain body
  std::string html;     // text/html body; every value in it is HTML-escaped
};

class Templates {
 public:
  // The templates compiled into the binary (builtinTemplates()).
  Templates();

  // The built-in templates, each replaced by the file "<name>.mustache" in `folder` when
  // the folder holds one ("reminder.text.mustache"); other files there are ignored.
  // Throws kindly::Error naming the path when `folder` is not a readable folder or one of
  // its template files cannot be read.
  static Templates withOverrides(const std::string& folder);

  // Renders "reminder.subject", "reminder.text" and "reminder.html" for `reminder` as of
  // `asOf`. Values offered to the templates (see Templates.cpp for the full list): name,
  // has_name, company, signature, payment_instructions (each with has_...), as_of,
  // invoices [{number, issue_date, due_date, days_overdue, days_overdue_text, balance}],
  // totals [{currency, amount}], total_text, invoice_count, one_invoice, first_invoice.
  // Amounts read "USD 1,234.50": exact, grouped by thousands. Values are cleaned of
  // control characters and invalid UTF-8 before rendering.
  RenderedReminder renderReminder(const Reminder& reminder, const Sender& sender,
                                  dates::Date asOf) const;

  // The text of the template `name` ("reminder.html"), as loaded; empty when unknown.
  const std::string& source(const std::string& name) const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace kindly::drafts
