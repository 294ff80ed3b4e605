// Unzips an .xlsx with Poco::Zip and reads its XML parts with Poco's DOM parser.
#include "tests/support/XlsxReader.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Attr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NamedNodeMap.h>
#include <Poco/DOM/Node.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <cctype>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "importers/XlsxTable.h"

namespace kindly::testing {
namespace {

using Poco::AutoPtr;
using Poco::XML::Document;
using Poco::XML::Element;
using Poco::XML::Node;

AutoPtr<Document> parseXml(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

// The value of the attribute whose local name is `localName` ("id" matches r:id), or "".
std::string attribute(const Element& element, const std::string& localName) {
  AutoPtr<Poco::XML::NamedNodeMap> attributes = element.attributes();
  for (unsigned long i = 0; i < attributes->length(); ++i) {
    Node* node = attributes->item(i);
    if (node->localName() == localName) return node->nodeValue();
  }
  return "";
}

// Calls `visit` for every element below `root` (in document order) named `localName`.
void forEach(const Node* root, const std::string& localName,
             const std::function<void(const Element&)>& visit) {
  for (Node* child = root->firstChild(); child != nullptr; child = child->nextSibling()) {
    if (child->nodeType() != Node::ELEMENT_NODE) continue;
    const auto& element = static_cast<const Element&>(*child);
    if (element.localName() == localName) visit(element);
    forEach(child, localName, visit);
  }
}

// The first element below `root` named `localName`, or nullptr.
const Element* first(const Node* root, const std::string& localName) {
  for (Node* child = root->firstChild(); child != nullptr; child = child->nextSibling()) {
    if (child->nodeType() != Node::ELEMENT_NODE) continue;
    const auto& element = static_cast<const Element&>(*child);
    if (element.localName() == localName) return &element;
    if (const Element* found = first(child, localName)) return found;
  }
  return nullptr;
}

// The text of all <t> elements below `element`: plain and rich-text strings alike.
std::string stringText(const Element& element) {
  std::string text;
  forEach(&element, "t", [&](const Element& t) { text += t.innerText(); });
  return text;
}

std::map<std::string, std::string> readParts(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + path);
  Poco::Zip::ZipArchive archive(file);
  std::map<std::string, std::string> parts;
  for (auto entry = archive.headerBegin(); entry != archive.headerEnd(); ++entry) {
    if (!entry->second.isFile()) continue;
    file.clear();
    Poco::Zip::ZipInputStream content(file, entry->second, true);
    parts[entry->first].assign(std::istreambuf_iterator<char>(content),
                               std::istreambuf_iterator<char>());
  }
  return parts;
}

// A relationship target relative to xl/ ("worksheets/sheet1.xml") or absolute
// ("/xl/worksheets/sheet1.xml"), as a zip entry name.
std::string partName(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

const std::map<int, std::string>& builtInNumberFormats() {
  static const std::map<int, std::string> formats = {
      {0, "General"},   {1, "0"},      {2, "0.00"},    {3, "#,##0"},
      {4, "#,##0.00"},  {9, "0%"},     {10, "0.00%"},  {14, "mm-dd-yy"},
      {15, "d-mmm-yy"}, {16, "d-mmm"}, {17, "mmm-yy"}, {22, "m/d/yy h:mm"},
      {49, "@"}};
  return formats;
}

}  // namespace

const Cell* Sheet::find(const std::string& reference) const {
  auto found = cells.find(reference);
  return found == cells.end() ? nullptr : &found->second;
}

XlsxReader::XlsxReader(const std::string& path) : parts_(readParts(path)) {
  std::map<std::string, std::string> targets;  // relationship id -> zip entry name
  AutoPtr<Document> rels = parseXml(parts_.at("xl/_rels/workbook.xml.rels"));
  forEach(rels, "Relationship", [&](const Element& relationship) {
    targets[attribute(relationship, "Id")] = partName(attribute(relationship, "Target"));
  });

  AutoPtr<Document> workbook = parseXml(parts_.at("xl/workbook.xml"));
  forEach(workbook, "sheet", [&](const Element& sheet) {
    const std::string name = attribute(sheet, "name");
    sheetNames_.push_back(name);
    sheetParts_[name] = targets.at(attribute(sheet, "id"));
  });
  forEach(workbook, "definedName", [&](const Element& defined) {
    const std::string local = attribute(defined, "localSheetId");
    definedNames_.push_back(
        {attribute(defined, "name"),
         local.empty() ? "" : sheetNames_.at(static_cast<std::size_t>(std::stoul(local))),
         defined.innerText()});
  });
  if (auto custom = parts_.find("docProps/custom.xml"); custom != parts_.end()) {
    AutoPtr<Document> document = parseXml(custom->second);
    forEach(document, "property", [&](const Element& property) {
      customProperties_[attribute(property, "name")] = property.innerText();
    });
  }

  if (auto strings = parts_.find("xl/sharedStrings.xml"); strings != parts_.end()) {
    AutoPtr<Document> document = parseXml(strings->second);
    forEach(document, "si",
            [&](const Element& item) { sharedStrings_.push_back(stringText(item)); });
  }

  if (auto styles = parts_.find("xl/styles.xml"); styles != parts_.end()) {
    AutoPtr<Document> document = parseXml(styles->second);
    forEach(document, "numFmt", [&](const Element& format) {
      customNumberFormats_[std::stoi(attribute(format, "numFmtId"))] =
          attribute(format, "formatCode");
    });
    if (const Element* fonts = first(document, "fonts")) {
      forEach(fonts, "font",
              [&](const Element& font) { boldFonts_.push_back(first(&font, "b") != nullptr); });
    }
    if (const Element* cellXfs = first(document, "cellXfs")) {
      forEach(cellXfs, "xf", [&](const Element& xf) {
        const std::string numberFormat = attribute(xf, "numFmtId");
        const std::string font = attribute(xf, "fontId");
        cellStyles_.push_back({numberFormat.empty() ? 0 : std::stoi(numberFormat),
                               font.empty() ? 0 : std::stoi(font)});
      });
    }
  }

  for (const char* part : {"docProps/core.xml", "docProps/app.xml"}) {
    auto found = parts_.find(part);
    if (found == parts_.end()) continue;
    AutoPtr<Document> document = parseXml(found->second);
    for (Node* node = document->documentElement()->firstChild(); node != nullptr;
         node = node->nextSibling()) {
      if (node->nodeType() == Node::ELEMENT_NODE)
        properties_[node->localName()] = node->innerText();
    }
  }
}

Sheet XlsxReader::sheet(const std::string& name) const {
  AutoPtr<Document> document = parseXml(parts_.at(sheetParts_.at(name)));
  Sheet sheet;

  forEach(document, "c", [&](const Element& element) {
    Cell cell;
    const std::string style = attribute(element, "s");
    cell.style = style.empty() ? 0 : std::stoi(style);
    const std::string type = attribute(element, "t");
    const Element* value = first(&element, "v");
    const std::string raw = value != nullptr ? value->innerText() : "";
    if (type.empty() || type == "n") {
      cell.type = CellType::Number;
      cell.text = raw;
      cell.number = raw.empty() ? 0 : std::stod(raw);
    } else if (type == "s") {
      cell.type = CellType::SharedString;
      cell.text = sharedStrings_.at(static_cast<std::size_t>(std::stoul(raw)));
    } else if (type == "inlineStr") {
      cell.type = CellType::InlineString;
      if (const Element* inlineString = first(&element, "is"))
        cell.text = stringText(*inlineString);
    } else if (type == "b") {
      cell.type = CellType::Boolean;
      cell.text = raw;
      cell.number = raw == "1" ? 1 : 0;
    } else if (type == "str") {
      cell.type = CellType::FormulaText;
      cell.text = raw;
    } else {
      cell.type = CellType::ErrorValue;
      cell.text = raw;
    }
    sheet.cells[attribute(element, "r")] = cell;
  });

  forEach(document, "row", [&](const Element& row) {
    if (const std::string height = attribute(row, "ht"); !height.empty()) {
      sheet.rowHeights[std::stoi(attribute(row, "r"))] = std::stod(height);
    }
  });
  forEach(document, "col", [&](const Element& column) {
    for (int c = std::stoi(attribute(column, "min")); c <= std::stoi(attribute(column, "max"));
         ++c) {
      sheet.columnWidths[c] = std::stod(attribute(column, "width"));
    }
  });

  if (const Element* pane = first(document, "pane");
      pane != nullptr && attribute(*pane, "state") == "frozen") {
    const std::string rows = attribute(*pane, "ySplit");
    const std::string columns = attribute(*pane, "xSplit");
    sheet.frozenPane = FrozenPane{rows.empty() ? 0 : static_cast<int>(std::stod(rows)),
                                  columns.empty() ? 0 : static_cast<int>(std::stod(columns)),
                                  attribute(*pane, "topLeftCell")};
  }
  if (const Element* autoFilter = first(document, "autoFilter")) {
    sheet.autoFilter = attribute(*autoFilter, "ref");
  }
  forEach(document, "conditionalFormatting", [&](const Element& formatting) {
    sheet.conditionalRanges.push_back(attribute(formatting, "sqref"));
  });
  readPageSetup(*document, sheet.page);
  sheet.charts = charts(sheetParts_.at(name), *document);
  return sheet;
}

void XlsxReader::readPageSetup(const Document& document, PageSetup& page) {
  if (const Element* fit = first(&document, "pageSetUpPr")) {
    page.fitToPage = attribute(*fit, "fitToPage") == "1";
  }
  if (const Element* setup = first(&document, "pageSetup")) {
    page.orientation = attribute(*setup, "orientation");
    const std::string width = attribute(*setup, "fitToWidth");
    const std::string height = attribute(*setup, "fitToHeight");
    if (!width.empty()) page.fitToWidth = std::stoi(width);
    if (!height.empty()) page.fitToHeight = std::stoi(height);
  }
  if (const Element* header = first(&document, "oddHeader")) page.header = header->innerText();
  if (const Element* footer = first(&document, "oddFooter")) page.footer = footer->innerText();
}

// The sheet's drawing (its relationship from <drawing r:id>), then each chart the drawing
// points to.
std::vector<Chart> XlsxReader::charts(const std::string& sheetPart,
                                      const Document& document) const {
  std::vector<Chart> found;
  const Element* drawing = first(&document, "drawing");
  if (drawing == nullptr) return found;
  const auto relsOf = [&](const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string relsPart =
        part.substr(0, slash) + "/_rels/" + part.substr(slash + 1) + ".rels";
    std::map<std::string, std::string> targets;
    AutoPtr<Document> rels = parseXml(parts_.at(relsPart));
    forEach(rels, "Relationship", [&](const Element& relationship) {
      // Targets are relative to the part's folder: "../drawings/drawing1.xml".
      std::string target = attribute(relationship, "Target");
      std::string folder = part.substr(0, slash);
      while (target.rfind("../", 0) == 0) {
        target = target.substr(3);
        folder = folder.substr(0, folder.rfind('/'));
      }
      targets[attribute(relationship, "Id")] = folder + "/" + target;
    });
    return targets;
  };
  const std::string drawingPart = relsOf(sheetPart).at(attribute(*drawing, "id"));
  const auto chartParts = relsOf(drawingPart);
  AutoPtr<Document> drawingXml = parseXml(parts_.at(drawingPart));
  forEach(drawingXml, "chart", [&](const Element& reference) {
    AutoPtr<Document> chartXml = parseXml(parts_.at(chartParts.at(attribute(reference, "id"))));
    Chart chart;
    if (const Element* plot = first(chartXml, "plotArea")) {
      for (Node* child = plot->firstChild(); child != nullptr; child = child->nextSibling()) {
        const std::string kind = child->localName();
        if (kind.size() > 5 && kind.substr(kind.size() - 5) == "Chart") {
          chart.type = kind;
          break;
        }
      }
    }
    if (const Element* direction = first(chartXml, "barDir")) {
      chart.barDirection = attribute(*direction, "val");
    }
    if (const Element* title = first(chartXml, "title")) chart.title = stringText(*title);
    forEach(chartXml, "f",
            [&](const Element& formula) { chart.formulas.push_back(formula.innerText()); });
    if (const Element* axis = first(chartXml, "catAx")) {
      if (const Element* orientation = first(axis, "orientation")) {
        chart.categoriesReversed = attribute(*orientation, "val") == "maxMin";
      }
    }
    found.push_back(chart);
  });
  return found;
}

std::string XlsxReader::numberFormat(int style) const {
  const int id = cellStyles_.at(static_cast<std::size_t>(style)).numberFormat;
  if (auto custom = customNumberFormats_.find(id); custom != customNumberFormats_.end()) {
    return custom->second;
  }
  auto builtIn = builtInNumberFormats().find(id);
  return builtIn != builtInNumberFormats().end() ? builtIn->second
                                                 : "built-in " + std::to_string(id);
}

bool XlsxReader::isDateFormat(int style) const {
  // The importer's rule: what Kindly reads as a date is what it checks it wrote as one.
  const int id = cellStyles_.at(static_cast<std::size_t>(style)).numberFormat;
  auto custom = customNumberFormats_.find(id);
  return importers::XlsxTable::isDateFormat(
      id, custom == customNumberFormats_.end() ? "" : custom->second);
}

bool XlsxReader::isBold(int style) const {
  const int font = cellStyles_.at(static_cast<std::size_t>(style)).font;
  return boldFonts_.at(static_cast<std::size_t>(font));
}

std::string XlsxReader::property(const std::string& name) const {
  auto found = properties_.find(name);
  return found == properties_.end() ? "" : found->second;
}

std::string XlsxReader::customProperty(const std::string& name) const {
  auto found = customProperties_.find(name);
  return found == customProperties_.end() ? "" : found->second;
}

double XlsxReader::excelSerial(int year, int month, int day) {
  // Days from the civil date to 1970-01-01 (Howard Hinnant's days_from_civil), then the
  // 25569 days from Excel's epoch 1899-12-30 to 1970-01-01.
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yearOfEra = year - era * 400;
  const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468 + 25569;
}

}  // namespace kindly::testing
