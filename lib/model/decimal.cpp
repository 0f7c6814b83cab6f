// SPDX-License-Identifier: Apache-2.0
// Exact decimals: parsed with overflow checks (never std::stol, which throws on long digit runs).
#include "ogi/decimal.hpp"

#include <cstdlib>

namespace ogi {
namespace {
constexpr int kMaxDigits = 18;  // 10^18 < 2^63

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}
}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  std::int64_t units = 0;
  int digits = 0, scale = 0;
  bool dot = false, any = false;
  for (char ch : s) {
    if (ch == '.') {
      if (dot) return std::nullopt;
      dot = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    any = true;
    if (units != 0 || ch != '0') ++digits;
    if (digits > kMaxDigits) return std::nullopt;
    units = units * 10 + (ch - '0');
    if (dot) ++scale;
  }
  if (!any || scale > kMaxDigits || s.back() == '.' || s.front() == '.') return std::nullopt;
  return Decimal{neg ? -units : units, static_cast<std::uint8_t>(scale)};
}

bool Decimal::is_integer() const { return as_integer().has_value(); }

std::optional<std::int64_t> Decimal::as_integer() const {
  std::int64_t p = pow10(scale);
  if (units % p != 0) return std::nullopt;
  return units / p;
}

std::string Decimal::to_string() const {
  std::uint64_t mag = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  std::string digits = std::to_string(mag);
  if (scale > 0) {
    if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  return units < 0 ? "-" + digits : digits;
}

bool operator==(const Decimal& a, const Decimal& b) {
  // Compare at a common scale; both are < 10^18, and scales are small, so use 128-bit.
  __extension__ typedef __int128 wide;
  wide x = a.units, y = b.units;
  for (int i = a.scale; i < b.scale; ++i) x *= 10;
  for (int i = b.scale; i < a.scale; ++i) y *= 10;
  return x == y;
}

}  // namespace ogi
