// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — columns a page's rows share. A dump that sets text on a grid (pdftotext
// -layout, w3m) puts one column's values at one position on a page, whatever happened to the
// blank cells beside them; pdftotext -layout even closes up the columns a page leaves empty, so
// that no header word or complete row says which column a position is. Still, two rows' values
// at one position stand in one column. Where every value of a page's rows stands at one of a few
// such positions, those rows are read together: each way of giving the positions columns, left to
// right, fixes every such row, and the identities keep the ways that hold. A cell every way kept
// agrees on is read; the rest stay left out (docs/tables.md, "Placing").
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"
#include "tables/place.hpp"

namespace ogi::tables {

/// Where a value of a row stands, as the shared-column model sees it.
struct ValueSpot {
  std::uint32_t token = 0;
  std::uint32_t page = 0;
  /// Its place on a grid may be read: a plain line's value with room before it (one pushed
  /// against the text or value before it stands where that ended, not under its column).
  bool on_grid = false;
  /// Its position on each axis (characters, display columns; left edge, centre, right edge), in
  /// half columns.
  std::int32_t x[6] = {};
};

/// The positions a page's rows share: per token, its position group (-1: none); per page, its
/// groups left to right; per printed row, the page (index into `page_groups`) at whose groups all
/// its values stand, or -1.
struct SharedColumns {
  std::vector<std::int32_t> group_of;
  std::vector<std::vector<std::int32_t>> page_groups;
  std::vector<std::int32_t> tied_to;
  std::size_t groups = 0;  ///< over every page
  bool any() const { return !page_groups.empty(); }
};

/// The shared positions of rows of `cells` cells each (`rows`: per printed row, its values' spots
/// in order), over a candidate of `tokens` tokens. Empty where no page's rows share one.
SharedColumns find_shared_columns(const std::vector<std::vector<ValueSpot>>& rows, std::size_t tokens, std::size_t cells);

/// Reads together the rows `shared` ties (see above) where `placed` left cells out: every way of
/// giving each page's positions columns in order is searched (place.hpp) with those rows fixed,
/// the ways whose readings hold every identity they touch are kept, and a cell left out that all
/// of them read alike is filled in. A page one of whose ways' searches runs out of its budget is
/// undecided and left as it was. Returns the printed rows that gained cells.
std::vector<bool> settle_by_shared_columns(const Candidate& cand, const Layout& layout, const SharedColumns& shared,
                                           const std::vector<RowOptions>& options,
                                           const std::vector<bool>& total_may_be_unprinted, Placement_result& placed);

}  // namespace ogi::tables
