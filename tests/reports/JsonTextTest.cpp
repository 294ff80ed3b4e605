// JSON written straight to a stream gives the bytes Poco::JSON gives for the same values:
// every single character, random strings of ASCII, controls, UTF-8 and stray bytes, and the
// figures as the reports round them.
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "reports/ClientsOutput.h"
#include "reports/JsonText.h"

namespace kindly::reports {
namespace {

std::string ours(const std::string& value) {
  std::ostringstream out;
  writeJsonString(out, value);
  return out.str();
}

std::string poco(const Poco::Dynamic::Var& value) {
  Poco::JSON::Object object;
  object.set("k", value);
  std::ostringstream out;
  object.stringify(out);
  const std::string text = out.str();
  return text.substr(5, text.size() - 6);  // {"k":VALUE}
}

TEST(JsonText, everyCharacterIsEscapedAsPocoEscapesIt) {
  for (int c = 0; c < 256; ++c) {
    const std::string value(1, static_cast<char>(c));
    EXPECT_EQ(ours(value), poco(value)) << "character " << c;
  }
}

TEST(JsonText, randomStringsAreEscapedAsPocoEscapesThem) {
  std::mt19937 random(20261203);
  const std::string pieces[] = {"a",
                                "Z",
                                " ",
                                "\"",
                                "\\",
                                "/",
                                "\n",
                                "\t",
                                "\x01",
                                "\x1f",
                                "\x7f",
                                "\xc3\xa9",
                                "\xe2\x80\xae",
                                "\xf0\x9f\x98\x80",
                                "\xff",
                                "\x80"};
  for (int n = 0; n < 2000; ++n) {
    std::string value;
    for (int length = std::uniform_int_distribution<int>(0, 12)(random); length > 0; --length) {
      value += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    }
    EXPECT_EQ(ours(value), poco(value)) << value;
  }
}

TEST(JsonText, figuresAreTheNumbersPocoWrites) {
  std::mt19937 random(7);
  for (int n = 0; n < 2000; ++n) {
    const double days = std::uniform_int_distribution<int>(0, 400000)(random) / 100.0;
    for (const std::string& text : {daysText(days), rateText(days / 4000)}) {
      std::ostringstream out;
      writeJsonNumber(out, text);
      EXPECT_EQ(out.str(), poco(std::stod(text))) << text;
    }
  }
  std::ostringstream undefined;
  writeJsonNumber(undefined, "");
  EXPECT_EQ(undefined.str(), "null");
}

}  // namespace
}  // namespace kindly::reports
