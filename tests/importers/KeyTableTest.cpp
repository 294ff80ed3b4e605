#include <gtest/gtest.h>

#include <string>

#include "importers/KeyTable.h"

namespace kindly::importers {
namespace {

TEST(KeyTable, CountsEachKeyApartFromEveryOther) {
  KeyTable seen;
  EXPECT_EQ(++seen["INV-1"], 1u);
  EXPECT_EQ(++seen["INV-2"], 1u);
  EXPECT_EQ(++seen["INV-1"], 2u);
  EXPECT_EQ(++seen["inv-1"], 1u) << "keys are compared exactly";
  EXPECT_TRUE(seen.contains("INV-2"));
  EXPECT_FALSE(seen.contains("INV-3"));
}

TEST(KeyTable, KeepsEveryKeyAcrossGrowth) {
  KeyTable seen;
  constexpr std::uint32_t kKeys = 200000;  // the table starts with 1024 slots
  for (std::uint32_t i = 0; i < kKeys; ++i) seen["INV-" + std::to_string(i)] = i + 1;
  for (std::uint32_t i = 0; i < kKeys; ++i) {
    ASSERT_EQ(seen["INV-" + std::to_string(i)], i + 1) << i;
  }
  EXPECT_FALSE(seen.contains("INV-" + std::to_string(kKeys)));
}

TEST(KeyTable, TakesBinaryEmptyAndLongKeys) {
  KeyTable seen;
  const std::string withNul("a\0b", 3);
  const std::string longKey(100000, 'x');
  ++seen[withNul];
  ++seen[""];
  ++seen[longKey];
  EXPECT_TRUE(seen.contains(withNul));
  EXPECT_FALSE(seen.contains(std::string("a\0c", 3)));
  EXPECT_TRUE(seen.contains(""));
  EXPECT_TRUE(seen.contains(longKey));
  EXPECT_FALSE(seen.contains(longKey + "x"));
}

}  // namespace
}  // namespace kindly::importers
