// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — which cells a row's values stand in. A row with as many values as cells is
// read in order; a shorter one lost blank cells, and every placement that keeps its values in
// order is possible until evidence rules placements out: the real cell a value came from (HTML,
// DOCX, PDF grids), the field of a tab or box line, the display column under the header's words
// or under a complete row, the width of the gaps between values, the empty lines between one-cell
// lines. Each kind of evidence is a model learned from the whole table and trusted only where
// every row agrees with it. What is left is for the identities to decide (place.hpp).
#pragma once
#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/labels.hpp"
#include "tables/layout.hpp"
#include "tables/rows.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {

/// A placement of a row's values: per cell, the token placed there, or -1 for a blank cell that
/// left no trace in the text. Its cells are held inline (at most kMostCells, layout.hpp), not in
/// a vector: a parse makes a few hundred placements, and each vector was an allocation.
class Placement {
 public:
  Placement() = default;
  explicit Placement(std::size_t n, std::int32_t fill = 0) : size_(static_cast<std::uint8_t>(checked(n))) {
    std::fill_n(cells_.begin(), n, fill);
  }
  template <class It>
  Placement(It first, It last) : size_(static_cast<std::uint8_t>(checked(static_cast<std::size_t>(last - first)))) {
    std::transform(first, last, cells_.begin(), [](auto t) { return static_cast<std::int32_t>(t); });
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::int32_t& operator[](std::size_t c) { return cells_[c]; }
  std::int32_t operator[](std::size_t c) const { return cells_[c]; }
  std::int32_t* begin() { return cells_.data(); }
  std::int32_t* end() { return cells_.data() + size_; }
  const std::int32_t* begin() const { return cells_.data(); }
  const std::int32_t* end() const { return cells_.data() + size_; }
  void push_back(std::int32_t t) {
    checked(std::size_t{size_} + 1);
    cells_[size_++] = t;
  }
  /// Its cells as a view (own_identities' argument): valid while the placement lives.
  operator std::span<const std::int32_t>() const { return {begin(), end()}; }

  /// Cell by cell, as vectors compare (a set of placements keeps the order it had).
  friend bool operator==(const Placement& a, const Placement& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }
  friend auto operator<=>(const Placement& a, const Placement& b) {
    return std::lexicographical_compare_three_way(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  static std::size_t checked(std::size_t n) {
    if (n > kMostCells) throw std::length_error("a placement of more cells than a printed row has");
    return n;
  }
  std::array<std::int32_t, kMostCells> cells_{};
  std::uint8_t size_ = 0;
};

/// Which evidence settled a row's placements.
enum class Evidence : std::uint8_t {
  none,        ///< no value: unresolved
  count,       ///< as many values as cells
  filler,      ///< as many once the empty cells of merged labels at the ends were dropped
  one_line,    ///< table 4's row whole on one line; the other values alone on lines of their own
  extra,       ///< more values than cells: every way to leave the extra ones out
  glued,       ///< one run of digits: every way it splits into the cells
  glued_by_prose, ///< one run of digits split the one way the prose's stated counts allow
  wrapped,     ///< counts wrapped in their cells, a piece a line: joined the ways the row's total holds
  value_order, ///< the whole table read in value order (stream.hpp)
  value_order_sparse, ///< the same, blank cells leaving no trace: a 0 and a blank are not told apart
  text_boxes,  ///< the whole table read from text boxes, column boxes in bands or first cells beside labels (boxes.hpp)
  block_order, ///< a block's labels together, then its values: in row order (table 2, pdfminer)
  block_among, ///< a block's values among its labels: by columns or first cells beside labels (table 2)
  before_label,///< a one-row block's only value, printed before its label (table 2, pdftotext)
  before_labels, ///< each row's values right before its label, every run as long as its row (table 2, pdftotext)
  runs_before_labels, ///< the table's first rows each printed right before its own label, a run as long as its row, the row's total holding (pdftotext)
  stacked_labels, ///< a stretch of rows whose labels stand stacked, their values one run, first cells maybe beside labels (stacked.hpp)
  all_blank,   ///< a row with no value in a table read row by row: blank only if the identities confirm it
  blank_line,  ///< a label line with no value where values stand on their labels' lines: blank
  grid,        ///< real cells
  field,       ///< fields of tab or box lines
  column,      ///< display columns under the header or a complete row
  column_by_header, ///< table 4's display columns under the header's words alone, a blank among a group's values
  column_alone_on_page, ///< the whole table's display columns, a short row alone on its page of a table over pages
  gap_width,   ///< the width of the gaps between values
  gap_width_of_dump, ///< table 4's one line by the gap widths table 3's rows showed and the header's margin; every group's total holding there
  empty_lines, ///< empty lines between one-cell lines
  header_words,///< table 4's values each under the header words naming its column (pdfminer)
  group_order, ///< table 4's values among its header's words: every order within each group keeping its total
  open,        ///< nothing: every order-keeping placement
};

struct RowOptions {
  std::vector<Placement> placements;  ///< empty: the row cannot be placed
  Evidence evidence = Evidence::none;
  std::string why;                    ///< for a row that cannot be placed
};

struct SharedColumns;

/// Placement options for every printed row of `reading`. Cells split out of glued digits are
/// appended to `cand` as tokens of their own. `dump` brings what the dump's earlier tables
/// showed of its layout and takes what this one shows. `shared`, where given, takes the
/// positions the rows' values share on a page (shared_columns.hpp).
std::vector<RowOptions> place_columns(const text::NormalizedText& nt, Candidate& cand, const LabelAlignment& align,
                                      const RowReading& reading, const Layout& layout, DumpLayout& dump,
                                      SharedColumns* shared = nullptr);

/// The masks with `bits` bits, in increasing order, one step each (Gosper's hack): choices of
/// k of n enumerated directly, not filtered out of every mask. Past the last, a mask ≥ 2^n
/// (UINT32_MAX after the one with no bit).
inline std::uint32_t first_mask(std::size_t bits) { return bits == 0 ? 0 : (1u << bits) - 1u; }
inline std::uint32_t next_mask(std::uint32_t m) {
  if (m == 0) return UINT32_MAX;  // the one mask with no bit
  std::uint32_t low = m & (~m + 1u), ripple = m + low;
  return ripple == 0 ? UINT32_MAX : (((ripple ^ m) >> 2) / low) | ripple;
}

/// Every order-keeping choice of n of the k values (k > n, at most three extra).
std::vector<Placement> subsets(std::span<const std::uint32_t> values, std::size_t n);

/// Every order-keeping placement of k values into n cells (n ≤ 15).
std::vector<Placement> all_placements(std::span<const std::uint32_t> values, std::size_t n);

}  // namespace ogi::tables
