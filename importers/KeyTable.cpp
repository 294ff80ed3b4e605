// Open addressing with linear probing: keys are only ever added, so no slot is removed.
#include "importers/KeyTable.h"

#include <functional>
#include <stdexcept>

namespace kindly::importers {

std::size_t KeyTable::find(std::string_view key, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.offset == kEmpty) return i;
    if (slot.hash == hash && std::string_view(text_).substr(slot.offset, slot.length) == key) {
      return i;
    }
  }
}

std::uint32_t& KeyTable::operator[](std::string_view key) {
  const auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
  std::size_t i = find(key, hash);
  if (slots_[i].offset != kEmpty) return slots_[i].value;
  if (text_.size() + key.size() >= kEmpty) throw std::length_error("too many keys in one file");
  if (2 * (used_ + 1) > slots_.size()) {
    grow();
    i = find(key, hash);
  }
  slots_[i] = {hash, static_cast<std::uint32_t>(text_.size()),
               static_cast<std::uint32_t>(key.size()), 0};
  text_.append(key);
  ++used_;
  return slots_[i].value;
}

bool KeyTable::contains(std::string_view key) const {
  return slots_[find(key, static_cast<std::uint32_t>(std::hash<std::string_view>{}(key)))].offset !=
         kEmpty;
}

void KeyTable::grow() {
  if (slots_.size() > UINT32_MAX / 4) throw std::length_error("too many keys in one file");
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.offset == kEmpty) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].offset != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace kindly::importers
