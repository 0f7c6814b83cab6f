// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the bounds an identity still sets where a row of it was not read. The cells
// of tables 3 and 4 are counts, never below 0: where the rows not read all stand on one side of an
// identity, the cells read on that side cannot outweigh the other (parts read never exceed their
// total). A row read several ways keeps the ways that stay within every such bound.
#pragma once
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// Keeps, of each row's placements, those within the bounds of every identity the table cannot
/// evaluate whole (a row of it not read, read with more values than cells or only in ways
/// breaking its own total, a blank row not confirmed, a total the document may leave unprinted)
/// — where some placements are and some are not: a bound no placement keeps is the document's
/// finding, not evidence. Returns per printed row whether it was narrowed, or an empty vector
/// where none was. Not for table 2, whose changes may be below 0.
std::vector<bool> narrow_by_bounds(const Candidate& cand, const Layout& layout, std::vector<RowOptions>& options,
                                   const std::vector<bool>& total_may_be_unprinted);

}  // namespace ogi::tables
