// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — sets of reachable sums as bitsets over a window of integers: what the rows
// before a point of the placement search can add to one identity, and what the rows after it can
// take away. One bit a sum, so a set costs its window's width in bits whatever the number of
// readings that reach it (place.cpp narrows each row's readings with them).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tables/exact.hpp"

namespace ogi::tables {

/// A set of integers within [base, base + width): every set of one identity shares its window,
/// so shifting one set by a reading's contribution lines it up with another.
class SumSet {
 public:
  SumSet(Wide base, std::size_t width) : base_(base), width_(width), words_((width + 63) / 64, 0) {}

  void insert(Wide v) {
    if (v < base_ || v >= base_ + static_cast<Wide>(width_)) return;
    const auto i = static_cast<std::size_t>(v - base_);
    words_[i / 64] |= std::uint64_t{1} << (i % 64);
  }

  /// Empties the set and moves it to another window, keeping its storage.
  void reset(Wide base, std::size_t width) {
    base_ = base;
    width_ = width;
    words_.assign((width + 63) / 64, 0);
  }

  /// this ∪= { x + shift : x ∈ from }, within the window.
  void insert_shifted(const SumSet& from, Wide shift) {
    if (!in_reach(shift)) return;
    for (std::size_t j = 0; j < words_.size(); ++j) words_[j] |= from.shifted_word(j, shift);
    clear_past_end();
  }

  /// Keeps only the members within [lo, hi].
  void keep_between(Wide lo, Wide hi) {
    const Wide end = base_ + static_cast<Wide>(width_);  // one past the window
    if (hi < lo || hi < base_ || lo >= end) {
      std::fill(words_.begin(), words_.end(), 0);
      return;
    }
    const auto from = static_cast<std::size_t>(lo <= base_ ? 0 : lo - base_);
    const auto to = static_cast<std::size_t>(hi >= end ? static_cast<Wide>(width_) : hi - base_ + 1);  // [from, to)
    for (std::size_t j = 0; j < from / 64; ++j) words_[j] = 0;
    words_[from / 64] &= ~std::uint64_t{0} << (from % 64);
    for (std::size_t j = (to + 63) / 64; j < words_.size(); ++j) words_[j] = 0;
    if (to % 64) words_[to / 64] &= (std::uint64_t{1} << (to % 64)) - 1;
  }

  /// Is there an x in this set with x + shift in `other` (a set of the same window)?
  bool meets_shifted(const SumSet& other, Wide shift) const {
    if (!in_reach(shift)) return false;
    for (std::size_t j = 0; j < words_.size(); ++j)
      if (shifted_word(j, shift) & other.words_[j]) return true;
    return false;
  }

  bool empty() const {
    for (std::uint64_t w : words_)
      if (w) return false;
    return true;
  }

 private:
  bool in_reach(Wide shift) const { return shift < static_cast<Wide>(width_) && -shift < static_cast<Wide>(width_); }

  /// Word j of { x + shift : x ∈ this } (|shift| < width).
  std::uint64_t shifted_word(std::size_t j, Wide shift) const {
    const std::size_t n = words_.size();
    const bool up = shift >= 0;
    const auto k = static_cast<std::size_t>(up ? shift : -shift);
    const std::size_t q = k / 64, r = k % 64;
    std::uint64_t w = 0;
    if (up) {
      if (j >= q) w |= words_[j - q] << r;
      if (r != 0 && j >= q + 1) w |= words_[j - q - 1] >> (64 - r);
    } else {
      if (j + q < n) w |= words_[j + q] >> r;
      if (r != 0 && j + q + 1 < n) w |= words_[j + q + 1] << (64 - r);
    }
    return w;
  }

  void clear_past_end() {
    if (width_ % 64) words_.back() &= (std::uint64_t{1} << (width_ % 64)) - 1;
  }

  Wide base_;
  std::size_t width_;
  std::vector<std::uint64_t> words_;
};

}  // namespace ogi::tables
