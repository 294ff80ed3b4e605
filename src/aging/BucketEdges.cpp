// Bucket edges: the labels read the way owners say them ("31-60", "90+").
#include <charconv>

#include "aging/Aging.h"
#include "base/Text.h"

namespace kindly::aging {

Result<BucketEdges> BucketEdges::parse(std::string_view text) {
  std::vector<int> edges;
  while (true) {
    const auto comma = text.find(',');
    const auto part = trim(text.substr(0, comma));
    int days = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), days);
    if (part.empty() || error != std::errc() || end != part.data() + part.size() || days <= 0) {
      return Failure{"bucket edges must be whole days above zero, like 30,60,90: '" +
                     std::string(part) + "' is not"};
    }
    if (!edges.empty() && days <= edges.back()) {
      return Failure{"bucket edges must increase, like 30,60,90"};
    }
    edges.push_back(days);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return BucketEdges(std::move(edges));
}

std::vector<std::string> BucketEdges::labels() const {
  std::vector<std::string> labels{"current"};
  int from = 1;
  for (int edge : edges_) {
    labels.push_back(std::to_string(from) + "-" + std::to_string(edge));
    from = edge + 1;
  }
  labels.push_back(std::to_string(edges_.back()) + "+");
  return labels;
}

std::size_t BucketEdges::bucketFor(int daysOverdue) const {
  if (daysOverdue <= 0) return 0;
  std::size_t bucket = 1;
  for (int edge : edges_) {
    if (daysOverdue <= edge) return bucket;
    ++bucket;
  }
  return bucket;
}

}  // namespace kindly::aging
