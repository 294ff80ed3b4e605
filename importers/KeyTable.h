// A number kept for each text key of one file: how often an invoice number or a payment's
// identity came up, which client a code is. A large export has a million keys, so they live
// in one flat table with their text back to back: two allocations in all rather than two
// per key, and a lookup touches one slot and, when the hash matches, the key's text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kindly::importers {

class KeyTable {
 public:
  // The number kept for `key`; a new key is added with 0.
  std::uint32_t& operator[](std::string_view key);
  bool contains(std::string_view key) const;

 private:
  struct Slot {              // 16 bytes: the table's size is what a large file costs
    std::uint32_t hash = 0;  // its low bits are the slot's place; the table never outgrows it
    std::uint32_t offset = kEmpty;  // where the key's text starts in text_
    std::uint32_t length = 0;
    std::uint32_t value = 0;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  // The slot holding `key`, or the empty one where it belongs.
  std::size_t find(std::string_view key, std::uint32_t hash) const;
  void grow();

  std::vector<Slot> slots_ = std::vector<Slot>(1024);  // a power of two, never over half full
  std::size_t used_ = 0;
  std::string text_;
};

}  // namespace kindly::importers
