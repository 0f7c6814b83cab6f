// SPDX-License-Identifier: Apache-2.0
// Exact decimals: parsed with overflow checks (never std::stol, which throws on long digit runs).
#include "ogi/decimal.hpp"

#include <cstdlib>
#include <ostream>
#include <utility>

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

namespace {
__extension__ typedef __int128 wide;

/// -1, 0 or 1 as a < b, a == b, a > b by value. Trailing zeros of the fraction are dropped
/// first; then the one of smaller scale is scaled up in 128 bits — past 10^19 any non-zero value
/// outweighs every int64, so there its sign decides (a Decimal built by hand may have any scale).
int compare(Decimal a, Decimal b) {
  for (Decimal* d : {&a, &b})
    while (d->scale > 0 && d->units % 10 == 0) d->units /= 10, --d->scale;
  const bool swapped = a.scale > b.scale;
  if (swapped) std::swap(a, b);
  wide x = a.units, y = b.units;
  const int up = b.scale - a.scale;
  if (up > 19 && x != 0) {
    x = x > 0 ? wide(1) << 100 : -(wide(1) << 100);
  } else {
    for (int i = 0; i < up && x != 0; ++i) x *= 10;
  }
  const int r = x < y ? -1 : y < x ? 1 : 0;
  return swapped ? -r : r;
}
}  // namespace

bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }

std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int r = compare(a, b);
  return r < 0 ? std::weak_ordering::less : r > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent;
}

std::ostream& operator<<(std::ostream& out, const Decimal& d) { return out << d.to_string(); }

}  // namespace ogi
