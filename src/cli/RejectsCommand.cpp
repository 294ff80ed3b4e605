// `kindly rejects`: what is waiting to be fixed in the exports.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/CsvWriter.h"
#include "store/Queries.h"

namespace kindly::cli {

int RejectsCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("rejects takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  const auto rows = store::rejects(context.ledger(), context.config.getBool("rejects.all", false));
  auto& out = context.out;
  switch (format) {
    case OutputFormat::Table:
      for (const auto& r : rows) {
        out << oneLine(r.file) << ':' << r.line << ':' << r.column << ": "
            << (r.columnName.empty() ? "" : oneLine(r.columnName) + ": ") << oneLine(r.reason)
            << "\n    " << oneLine(r.text) << '\n';
      }
      out << rows.size() << (rows.size() == 1 ? " row" : " rows") << " set aside.\n";
      break;
    case OutputFormat::Csv:
      reports::writeCsvRow(out, {"file", "line", "column", "column_name", "reason", "row"});
      for (const auto& r : rows) {
        reports::writeCsvRow(out, {r.file, std::to_string(r.line), std::to_string(r.column),
                                   r.columnName, r.reason, r.text});
      }
      break;
    case OutputFormat::Json: {
      Poco::JSON::Array list;
      for (const auto& r : rows) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("file", r.file);
        item->set("line", r.line);
        item->set("column", r.column);
        item->set("column_name", r.columnName);
        item->set("reason", r.reason);
        item->set("row", r.text);
        list.add(item);
      }
      list.stringify(out);
      out << '\n';
      break;
    }
  }
  return rows.empty() ? kDone : kNeedsAttention;
}

}  // namespace kindly::cli
