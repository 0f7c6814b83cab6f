// SPDX-License-Identifier: Apache-2.0
// The text the JSON and CSV writers build: one buffer written through a pointer, room asked for
// once per piece (not per byte), numbers written without a temporary string.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ogi/decimal.hpp"

namespace ogi::write {

class TextOut {
 public:
  /// `expected`: about how much will be written (the buffer grows by doubling past it).
  explicit TextOut(std::size_t expected) {
    s_.resize(std::max<std::size_t>(expected, 64));
    p_ = s_.data();
    end_ = p_ + s_.size();
  }

  /// A pointer with room for `n` bytes; hand back where writing stopped with done().
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
    return p_;
  }
  void done(char* p) { p_ = p; }

  void put(char c) { *room(1) = c; ++p_; }
  void put(std::string_view s) {
    if (s.empty()) return;  // an empty view may have no data: memcpy from null is undefined
    char* p = room(s.size());
    std::memcpy(p, s.data(), s.size());
    p_ = p + s.size();
  }
  std::size_t size() const { return static_cast<std::size_t>(p_ - s_.data()); }

  /// The text written; the writer is empty afterwards.
  std::string take() {
    s_.resize(size());
    std::string out = std::move(s_);
    s_.clear();
    p_ = end_ = s_.data();
    return out;
  }

 private:
  void grow(std::size_t n) {
    const std::size_t at = size();
    s_.resize(std::max(s_.size() * 2, at + n));
    p_ = s_.data() + at;
    end_ = s_.data() + s_.size();
  }
  std::string s_;
  char* p_;
  char* end_;
};

/// "00" "01" … "99": two digits a step.
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Room needed by put_uint.
inline constexpr std::size_t kUintRoom = 20;

/// How many decimal digits `v` has.
inline std::size_t digit_count(std::uint64_t v) {
  std::size_t n = 1;
  while (true) {
    if (v < 10) return n;
    if (v < 100) return n + 1;
    if (v < 1000) return n + 2;
    if (v < 10000) return n + 3;
    v /= 10000;
    n += 4;
  }
}

/// Writes `v` in decimal at `p` (room for kUintRoom bytes), last digits first, two at a time;
/// returns the end.
inline char* put_uint(char* p, std::uint64_t v) {
  char* const end = p + digit_count(v);
  char* q = end;
  while (v >= 100) {
    const auto r = static_cast<std::size_t>(v % 100);
    v /= 100;
    q -= 2;
    std::memcpy(q, kDigitPairs + 2 * r, 2);
  }
  if (v >= 10) {
    q -= 2;
    std::memcpy(q, kDigitPairs + 2 * v, 2);
  } else {
    *--q = static_cast<char>('0' + v);
  }
  return end;
}

/// Room needed by put_decimal for `d`.
inline std::size_t decimal_room(const Decimal& d) { return kUintRoom + 3 + d.scale; }

/// Writes Decimal::to_string() at `p` (room for decimal_room(d)): exactly as written, "-3",
/// "7730.28", "0.50".
inline char* put_decimal(char* p, const Decimal& d) {
  const std::uint64_t mag = d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : static_cast<std::uint64_t>(d.units);
  if (d.units < 0) *p++ = '-';
  if (d.scale == 0) return put_uint(p, mag);
  char digits[kUintRoom];
  const auto n = static_cast<std::size_t>(put_uint(digits, mag) - digits);
  const std::size_t scale = d.scale;
  if (n <= scale) {  // 0.0ddd
    *p++ = '0';
    *p++ = '.';
    std::memset(p, '0', scale - n);
    p += scale - n;
    std::memcpy(p, digits, n);
    return p + n;
  }
  std::memcpy(p, digits, n - scale);
  p += n - scale;
  *p++ = '.';
  std::memcpy(p, digits + (n - scale), scale);
  return p + scale;
}

}  // namespace ogi::write
