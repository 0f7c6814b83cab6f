// SPDX-License-Identifier: Apache-2.0
// Rows whose blank cells vanished (a layout dump in a proportional font, where the values of a
// row keep their order but their positions do not line up with the header): each row's values
// go into its columns in order, skipping some. Which columns they skip is decided by the table's
// identities over all rows at once — every reading that satisfies them is enumerated, and a cell
// is settled only when every reading puts the same thing in it.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace ogi::tables {

/// One row: its values in column order and the placements still possible for them. A placement
/// is a bit mask of columns: the lowest set bit holds the first value, the next the second, …;
/// the other columns are blank.
struct FitRow {
  std::vector<std::int64_t> values;    ///< non-negative
  std::vector<std::uint32_t> masks;    ///< candidate placements, each with values.size() bits
};

/// One term of an identity: coef × cell(row, col), a blank cell counting 0.
struct FitTerm {
  std::size_t row = 0, col = 0;
  int coef = 1;
};

/// An identity: its terms sum to zero.
using FitIdentity = std::vector<FitTerm>;

/// What the readings say.
struct FitResult {
  std::vector<std::vector<std::uint32_t>> used;  ///< per row, the placements found in some reading
  std::optional<std::size_t> set_aside;          ///< the one identity that no reading satisfies, if so
};

/// Every placement of all rows that satisfies every identity; if there is none, every placement
/// that satisfies all but one identity (a document may break one — that is a finding, and which
/// one is reported). nullopt when no placement fits, or when the search passes its step budget
/// (many blank rows of zeros can be read too many ways to count).
std::optional<FitResult> fit_by_identities(const std::vector<FitRow>& rows, const std::vector<FitIdentity>& identities);

/// The value a placement puts in column `col` (0 for a blank).
std::int64_t placed_value(const FitRow& row, std::uint32_t mask, std::size_t col);

/// Whether an identity holds, given each cell's value (nullopt: not a whole number — it fails);
/// sums are exact, whatever the values.
template <typename CellValue>
bool holds(const FitIdentity& id, const CellValue& cell) {
  __extension__ typedef __int128 Wide;
  Wide sum = 0;
  for (const FitTerm& t : id) {
    std::optional<std::int64_t> v = cell(t.row, t.col);
    if (!v) return false;
    sum += static_cast<Wide>(t.coef) * *v;
  }
  return sum == 0;
}

/// Every placement of `k` values into `ncols` columns in order (masks with k bits below ncols).
std::vector<std::uint32_t> all_placements(std::size_t k, std::size_t ncols);

}  // namespace ogi::tables
