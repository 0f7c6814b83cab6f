// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the row-by-row reading of a candidate: the values after a row's label, up to
// the next row's label, are that row's (docs/tables.md, "Rows"). What else the text says about
// where each value stands (its field, display column, the empty lines around it) travels with it.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/labels.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// The values read for one printed row. `values` and `gaps` view the arrays of the RowReading
/// that holds the row: valid while it lives (a move keeps them where they are).
struct RowValues {
  bool found = false;                  ///< its label was seen (table 4: its values were)
  std::uint32_t label = 0;             ///< token index of its label (table 4: of its first value)
  std::span<const std::uint32_t> values;  ///< token indices of its numbers and blank cells, in reading order
  bool interrupted = false;            ///< text naming nothing came after its values: later values are nobody's
  bool overflow_lost = false;          ///< values on later lines, set aside after it, went to nobody: its totals did not refuse them
  bool joined_lines = false;           ///< printed on one line, it took a later line's values (its total holds only with them)
  bool joined_beside_label = false;    ///< …where its total holds neither way: they stand on its own wrapped label's lines
  std::uint16_t values_on_first_line = 0;  ///< how many of its values stand on the line of its first
  /// One value per line, none on the label's line (lynx, office exports): the empty lines before
  /// each value's line, and before the line that ends the row.
  bool one_per_line = true;
  std::span<const std::uint16_t> gaps;
  std::uint16_t end_gap = 0;
  bool ended_by_label = false;         ///< the next row's label (or a group label) ended it
};

/// Every row's values (and gaps) in one array, each row's together: not two vectors a row.
/// Move-only, as the rows view its arrays.
struct RowReading {
  std::vector<RowValues> rows;         ///< per printed row (Layout::rows)
  std::vector<std::uint32_t> orphans;  ///< values before any row label, or after an interruption
  int rows_with_values = 0;
  std::vector<std::uint32_t> values;   ///< the rows' values, row after row (RowValues::values)
  std::vector<std::uint16_t> gaps;     ///< the rows' gaps, row after row (RowValues::gaps)

  RowReading() = default;
  RowReading(RowReading&&) = default;
  RowReading& operator=(RowReading&&) = default;
  RowReading(const RowReading&) = delete;
  RowReading& operator=(const RowReading&) = delete;
};

/// Reads `cand` row by row as `align` labels it.
RowReading read_rows(const Candidate& cand, const LabelAlignment& align, const Layout& layout);

}  // namespace ogi::tables
