// Bucket edges as a bookkeeper types them ("30,60,90"), the labels they read as, and which
// bucket an invoice lands in at every edge.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aging/Aging.h"

namespace kindly::aging {
namespace {

struct ParseCase {
  std::string text;
  std::vector<int> edges;
};

TEST(BucketEdges, readsWholeDaysSeparatedByCommas) {
  const std::vector<ParseCase> cases = {
      {"30,60,90", {30, 60, 90}},          {" 15, 45 ", {15, 45}},
      {"30,60,90,120", {30, 60, 90, 120}}, {"7", {7}},
      {"\t10 ,20\t, 30", {10, 20, 30}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("'" + c.text + "'");
    const auto parsed = BucketEdges::parse(c.text);
    ASSERT_TRUE(parsed) << parsed.error();
    EXPECT_EQ(parsed->edges(), c.edges);
    EXPECT_EQ(parsed->bucketCount(), c.edges.size() + 2);
  }
}

TEST(BucketEdges, refusesAnythingButIncreasingWholeDaysAboveZero) {
  const std::vector<std::string> cases = {
      "",     " ",      "30,,60", "60,30",  "30,30",
      "0,30", "-30,60", "abc",    "30.5",   "30,",
      ",30",  "30;60",  "30 60",  "30days", "99999999999999999999"};
  for (const auto& text : cases) {
    SCOPED_TRACE("'" + text + "'");
    const auto parsed = BucketEdges::parse(text);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().find("bucket edges"), std::string::npos) << parsed.error();
  }
}

TEST(BucketEdges, reasonNamesTheValueThatIsNotAWholeDay) {
  const auto parsed = BucketEdges::parse("30,abc,90");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().find("'abc'"), std::string::npos) << parsed.error();
}

TEST(BucketEdges, defaultIsThirtySixtyNinety) {
  EXPECT_EQ(BucketEdges().edges(), (std::vector<int>{30, 60, 90}));
  EXPECT_EQ(BucketEdges().labels(),
            (std::vector<std::string>{"current", "1-30", "31-60", "61-90", "90+"}));
}

TEST(BucketEdges, labelsReadTheWayOwnersSayThem) {
  const struct {
    std::string text;
    std::vector<std::string> labels;
  } cases[] = {
      {"30,60,90", {"current", "1-30", "31-60", "61-90", "90+"}},
      {"30,60,90,120", {"current", "1-30", "31-60", "61-90", "91-120", "120+"}},
      {"15,45", {"current", "1-15", "16-45", "45+"}},
      {"7", {"current", "1-7", "7+"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto parsed = BucketEdges::parse(c.text);
    ASSERT_TRUE(parsed) << parsed.error();
    EXPECT_EQ(parsed->labels(), c.labels);
    EXPECT_EQ(parsed->labels().size(), parsed->bucketCount());
  }
}

struct BucketCase {
  int daysOverdue;
  std::string label;
};

void expectBuckets(const BucketEdges& edges, const std::vector<BucketCase>& cases) {
  const auto labels = edges.labels();
  for (const auto& c : cases) {
    SCOPED_TRACE("day " + std::to_string(c.daysOverdue));
    const auto bucket = edges.bucketFor(c.daysOverdue);
    ASSERT_LT(bucket, labels.size());
    EXPECT_EQ(labels[bucket], c.label);
  }
}

TEST(BucketEdges, invoiceLandsInItsBucketAtEveryDefaultEdge) {
  expectBuckets(BucketEdges(), {{-5, "current"},
                                {0, "current"},
                                {1, "1-30"},
                                {30, "1-30"},
                                {31, "31-60"},
                                {60, "31-60"},
                                {61, "61-90"},
                                {90, "61-90"},
                                {91, "90+"},
                                {3650, "90+"}});
}

TEST(BucketEdges, invoiceLandsInItsBucketAtEveryCustomEdge) {
  const auto edges = BucketEdges::parse("30,60,90,120");
  ASSERT_TRUE(edges) << edges.error();
  expectBuckets(*edges, {{-30, "current"},
                         {0, "current"},
                         {1, "1-30"},
                         {30, "1-30"},
                         {31, "31-60"},
                         {60, "31-60"},
                         {61, "61-90"},
                         {90, "61-90"},
                         {91, "91-120"},
                         {120, "91-120"},
                         {121, "120+"},
                         {400, "120+"}});
}

}  // namespace
}  // namespace kindly::aging
