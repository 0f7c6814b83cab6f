// SPDX-License-Identifier: Apache-2.0
// ogi/decimal.hpp — exact decimal numbers for table cells (never binary floating point).
#pragma once
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace ogi {

/// value = units / 10^scale, exactly. Counts have scale 0; money such as 7730.28 has scale 2.
/// The scale is kept as written, so 1.50 prints back as 1.50.
struct Decimal {
  std::int64_t units = 0;
  std::uint8_t scale = 0;

  /// Parses an optional sign, ASCII digits and at most one '.', nothing else.
  /// Returns nullopt on anything else or when the value does not fit (more than 18 digits).
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_int(std::int64_t v) { return Decimal{v, 0}; }

  bool is_integer() const;
  /// The value as an integer when it is one (1.00 → 1); nullopt otherwise.
  std::optional<std::int64_t> as_integer() const;
  /// Exactly as written: "12", "-3", "7730.28", "0.50".
  std::string to_string() const;

  friend bool operator==(const Decimal& a, const Decimal& b);  // by value: 1.50 == 1.5
  /// By value; 1.50 and 1.5 are equivalent (hence weak: they still print differently).
  friend std::weak_ordering operator<=>(const Decimal& a, const Decimal& b);
};

/// Writes to_string(): exactly as written.
std::ostream& operator<<(std::ostream& out, const Decimal& d);

}  // namespace ogi
