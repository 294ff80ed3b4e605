// A map names columns by their header text, compared as every profile compares headers
// (case, spaces and punctuation aside), so "Inv #" in the map finds "INV #" in the file.
#include "importers/profiles/MappedProfile.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <optional>

#include "base/Error.h"
#include "base/Text.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

std::optional<Field> fieldNamed(std::string_view name) {
  for (std::size_t f = 0; f < kLayoutFieldCount; ++f) {
    if (fieldName(static_cast<Field>(f)) == name) return static_cast<Field>(f);
  }
  return std::nullopt;
}

std::string allFieldNames() {
  std::string names;
  for (std::size_t f = 0; f < kLayoutFieldCount; ++f) {
    names += std::string(f ? ", " : "") + std::string(fieldName(static_cast<Field>(f)));
  }
  return names;
}

// The [format] section: each key overrides what the file would be sniffed as.
void readFormat(const Poco::Util::AbstractConfiguration& ini, const std::string& path,
                SourceOptions& options) {
  Poco::Util::AbstractConfiguration::Keys keys;
  ini.keys("format", keys);
  for (const auto& key : keys) {
    const std::string value = std::string(trim(ini.getString("format." + key)));
    const std::string lower = toLower(value);
    const auto bad = [&](const std::string& expected) {
      return InputError(path + ": [format] " + key + " = " + value + ": expected " + expected);
    };
    const std::string name = toLower(key);
    if (name == "date_order") {
      const auto order = dates::dateOrderFromName(value);
      if (!order) throw bad("DMY, MDY or YMD");
      options.parse.dateOrder = *order;
    } else if (name == "decimal_mark") {
      if (lower == "comma" || lower == ",") {
        options.parse.decimalMark = money::DecimalMark::Comma;
        options.parse.decimalMarkGiven = true;
      } else if (lower == "point" || lower == "dot" || lower == ".") {
        options.parse.decimalMark = money::DecimalMark::Point;
        options.parse.decimalMarkGiven = true;
      } else {
        throw bad("comma or point");
      }
    } else if (name == "encoding") {
      if (lower != "utf-8" && lower != "windows-1252" && lower != "cp1252" && lower != "utf-16") {
        throw bad("utf-8, windows-1252 or utf-16");
      }
      options.table.encoding = lower;
    } else if (name == "delimiter") {
      if (lower == "tab" || lower == "\\t") {
        options.table.delimiter = '\t';
      } else if (value == "," || value == ";" || value == "|") {
        options.table.delimiter = value[0];
      } else {
        throw bad("one of , ; | or tab");
      }
    } else if (name == "terms") {
      // Days from issue to due for rows that say neither: "terms = 30".
      int days = -1;
      if (!value.empty() && value.size() <= 4 &&
          value.find_first_not_of("0123456789") == std::string::npos) {
        days = std::stoi(value);
      }
      if (days < 0 || days > 3650) throw bad("a number of days from 0 to 3650");
      options.parse.termsDays = days;
    } else {
      throw InputError(path + ": [format] " + key +
                       ": no such setting; [format] takes date_order, decimal_mark, encoding, "
                       "delimiter and terms");
    }
  }
}

}  // namespace

ColumnMap readColumnMap(const std::string& path, SourceOptions& options) {
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
  try {
    ini = new Poco::Util::IniFileConfiguration(path);
  } catch (const Poco::Exception& e) {
    throw InputError(path + ": cannot read the map file (" + e.displayText() + ")");
  }
  Poco::Util::AbstractConfiguration::Keys sections;
  ini->keys(sections);
  for (const auto& section : sections) {
    const std::string name = toLower(section);
    if (name != "columns" && name != "format") {
      throw InputError(path + ": [" + section + "]: no such section; a map has [columns] and " +
                       "[format]");
    }
  }

  ColumnMap map{.file = path, .columns = {}};
  Poco::Util::AbstractConfiguration::Keys keys;
  ini->keys("columns", keys);
  for (const auto& key : keys) {
    const auto field = fieldNamed(toLower(key));
    if (!field) {
      throw InputError(path + ": [columns] " + key + ": no field '" + key + "'; the fields are " +
                       allFieldNames());
    }
    const std::string column = std::string(trim(ini->getString("columns." + key)));
    if (column.empty()) throw InputError(path + ": [columns] " + key + ": names no column");
    map.columns.emplace_back(*field, column);
  }
  if (map.columns.empty()) throw InputError(path + ": [columns] maps no column");
  readFormat(*ini, path, options);
  return map;
}

std::string MappedProfile::description() const { return "columns mapped by " + map_.file; }

int MappedProfile::recognise(const Row& row) const {
  const Columns columns(row);
  int found = 0;
  for (const auto& [field, name] : map_.columns) found += columns.find({name}).has_value();
  return found;
}

Result<bool> MappedProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  std::vector<std::pair<Field, std::size_t>> fields;
  for (const auto& [field, name] : map_.columns) {
    const auto column = columns.find({name});
    if (!column) {
      return Failure{map_.file + ": [columns] " + std::string(fieldName(field)) + " = " + name +
                     ": the header has no column '" + name + "'"};
    }
    fields.emplace_back(field, *column);
  }
  const auto layout = GenericLayout::assigned(fields, header);
  if (!layout) return Failure{map_.file + ": [columns]: " + layout.error()};
  begin(*layout, header, settings);
  return true;
}

}  // namespace kindly::importers
