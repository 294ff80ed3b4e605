// Real workbooks built from the fuzzer's bytes, then read as XlsxTable reads an export: the
// zip is always sound, so the fuzzer spends its time on what is inside. The bytes choose the
// cell references (any letters, any length), the <dimension>, the cells' types, styles and
// values (date serials of any size among them), how many shared strings there are and how
// long they are, and how far each part is padded. Small limits are chosen as often as the
// defaults, so that every refusal is reached. Only InputError may escape.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "base/Error.h"
#include "importers/XlsxTable.h"
#include "tests/fuzz/FuzzFiles.h"

namespace {

using kindly::importers::XlsxLimits;

const char* const kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)";

// Styles 0 General, 1 a built-in date, 2 a custom date, 3 a time, 4 money.
const char* const kStyles =
    R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>)"
    R"(<numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="#,##0.00"/>)"
    R"(</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>)"
    R"(<xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>)";

const char* const kNumbers[] = {
    "46296", "46296.75", "0",       "-5", "1e300", "-1e300", "NaN", "inf",
    "-inf",  "2958465",  "2958466", "60", "61",    "1E-3",   "",    "1.7976931348623157e308"};

const char* const kTypes[] = {"", "s", "inlineStr", "n", "b", "str", "e", "d"};

// Text for XML content: the fuzzer's own bytes, with the few that XML reserves escaped.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') {
      out += c;
    }
  }
  return out;
}

// A run of `count` copies of `piece`, bounded so that one input stays quick to zip.
std::string repeated(const std::string& piece, std::size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// A cell reference: up to 16 letters (14 overflowed a 64-bit column number) and a row.
std::string reference(FuzzedDataProvider& in) {
  std::string letters;
  const auto length = in.ConsumeIntegralInRange<std::size_t>(0, 16);
  for (std::size_t i = 0; i < length; ++i) {
    letters +=
        in.ConsumeBool() ? static_cast<char>('A' + in.ConsumeIntegralInRange(0, 25)) : "XFD"[i % 3];
  }
  return letters + std::to_string(in.ConsumeIntegralInRange<std::uint64_t>(0, 1u << 21));
}

std::string longText(FuzzedDataProvider& in) {
  // Around Excel's cell limit of 32,767 characters, in one or two bytes of UTF-8 each.
  const auto length = in.ConsumeIntegralInRange<std::size_t>(32760, 32770);
  return repeated(in.ConsumeBool() ? "x" : "\xc3\xa9", length);
}

std::string cell(FuzzedDataProvider& in, std::size_t sharedStrings) {
  const std::string type = kTypes[in.ConsumeIntegralInRange<std::size_t>(0, 7)];
  std::string xml = "<c";
  if (in.ConsumeBool()) xml += " r=\"" + reference(in) + "\"";
  if (!type.empty()) xml += " t=\"" + type + "\"";
  if (in.ConsumeBool()) xml += " s=\"" + std::to_string(in.ConsumeIntegralInRange(0, 6)) + "\"";
  xml += ">";
  if (type == "inlineStr") {
    const std::string text = in.ConsumeIntegralInRange(0, 15) == 0
                                 ? longText(in)
                                 : escaped(in.ConsumeRandomLengthString(64));
    xml += "<is><t>" + text + "</t></is>";
  } else if (type == "s") {
    xml += "<v>" + std::to_string(in.ConsumeIntegralInRange<std::size_t>(0, sharedStrings + 1)) +
           "</v>";
  } else if (in.ConsumeBool()) {
    xml += std::string("<v>") + kNumbers[in.ConsumeIntegralInRange<std::size_t>(0, 15)] + "</v>";
  } else {
    xml += "<v>" + escaped(in.ConsumeRandomLengthString(24)) + "</v>";
  }
  return xml + "</c>";
}

std::string sharedStringsXml(FuzzedDataProvider& in, std::size_t& count) {
  std::string xml = "<sst>";
  const auto written = in.ConsumeIntegralInRange<std::size_t>(0, 8);
  for (std::size_t i = 0; i < written; ++i) {
    if (in.ConsumeIntegralInRange(0, 7) == 0) {
      xml += "<si><r><t>" + longText(in) + "</t></r><r><t>y</t></r></si>";
    } else {
      xml += "<si><t>" + escaped(in.ConsumeRandomLengthString(32)) + "</t></si>";
    }
  }
  // The bomb: empty strings, which cost almost nothing once zipped.
  const auto empty = in.ConsumeIntegralInRange<std::size_t>(0, 1) == 0
                         ? 0
                         : in.ConsumeIntegralInRange<std::size_t>(0, 300000);
  xml += repeated("<si/>", empty);
  count = written + empty;
  return xml + "</sst>";
}

std::string sheetXml(FuzzedDataProvider& in, std::size_t sharedStrings) {
  std::string xml = "<worksheet>";
  if (in.ConsumeBool()) {
    xml += "<dimension ref=\"" +
           (in.ConsumeBool() ? "A1:XFD1048576" : reference(in) + ":" + reference(in)) + "\"/>";
  }
  xml += "<sheetData>";
  const auto rows = in.ConsumeIntegralInRange<std::size_t>(0, 12);
  for (std::size_t r = 0; r < rows; ++r) {
    xml += "<row";
    if (in.ConsumeBool()) {
      xml += " r=\"" + std::to_string(in.ConsumeIntegral<std::uint64_t>()) + "\"";
    }
    xml += ">";
    const auto cells = in.ConsumeIntegralInRange<std::size_t>(0, 10);
    for (std::size_t c = 0; c < cells; ++c) xml += cell(in, sharedStrings);
    // Cells without references, each after the last: enough to run past column XFD.
    if (in.ConsumeIntegralInRange(0, 15) == 0) {
      xml += repeated("<c><v>1</v></c>", in.ConsumeIntegralInRange<std::size_t>(16380, 16390));
    }
    xml += "</row>";
  }
  // Padding of empty rows, to run the sheet past its limit.
  xml += repeated("<row/>", in.ConsumeIntegralInRange<std::size_t>(0, 1) == 0
                                ? 0
                                : in.ConsumeIntegralInRange<std::size_t>(0, 400000));
  return xml + "</sheetData></worksheet>";
}

XlsxLimits limits(FuzzedDataProvider& in) {
  XlsxLimits limits;
  if (in.ConsumeBool()) return limits;
  limits.smallPartBytes = in.ConsumeIntegralInRange<std::uint64_t>(64, 1 << 16);
  limits.sharedStringsBytes = in.ConsumeIntegralInRange<std::uint64_t>(64, 1 << 20);
  limits.sharedStrings = in.ConsumeIntegralInRange<std::size_t>(0, 1 << 16);
  limits.sheetBytesAtLeast = in.ConsumeIntegralInRange<std::uint64_t>(64, 1 << 20);
  limits.sheetBytesPerFileByte = in.ConsumeIntegralInRange<std::uint64_t>(0, 1000);
  limits.cellCharacters = in.ConsumeIntegralInRange<std::size_t>(0, 40000);
  limits.rowBytes = in.ConsumeIntegralInRange<std::size_t>(0, 1 << 20);
  limits.tagBytes = in.ConsumeIntegralInRange<std::uint64_t>(0, 1 << 16);
  return limits;
}

std::string zipOf(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::ostringstream out;
  Poco::Zip::Compress compress(out, true);
  for (const auto& [name, content] : parts) {
    std::istringstream part(content);
    compress.addFile(part, Poco::DateTime(2026, 11, 20), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  compress.close();
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly;
  FuzzedDataProvider in(data, size);
  const XlsxLimits chosen = limits(in);
  const bool date1904 = in.ConsumeBool();
  std::vector<std::pair<std::string, std::string>> parts{
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml",
       std::string("<workbook>") + (date1904 ? R"(<workbookPr date1904="1"/>)" : "") +
           R"(<sheets><sheet name="S" sheetId="1" r:id="rId1" )"
           R"(xmlns:r="urn:r"/></sheets>)" +
           repeated(" ", in.ConsumeIntegralInRange<std::size_t>(0, 1 << 16)) + "</workbook>"},
      {"xl/_rels/workbook.xml.rels", kRels}};
  if (in.ConsumeBool()) parts.emplace_back("xl/styles.xml", kStyles);
  std::size_t sharedStrings = 0;
  if (in.ConsumeBool())
    parts.emplace_back("xl/sharedStrings.xml", sharedStringsXml(in, sharedStrings));
  parts.emplace_back("xl/worksheets/sheet1.xml", sheetXml(in, sharedStrings));

  const std::string path = fuzz::folder().write("generated.xlsx", zipOf(parts));
  try {
    importers::XlsxTable table(path, chosen);
    while (table.next()) {
      for (const auto field : table.fields()) (void)field.size();
      (void)table.text();
    }
  } catch (const InputError&) {
  }
  return 0;
}
