// SPDX-License-Identifier: Apache-2.0
// Tables read from their values in reading order (pdftotext's default mode): the row labels are
// scattered — some after their values, some pages later — but the values keep the template's row
// order. Lines of values that follow each other form groups; seven groups of k values are a block
// of k rows given column by column, a group of 7m values is m rows given row by row. A reading is
// accepted only when the groups parse into exactly the table's rows, every label that directly
// precedes a block names one of its rows, and every identity of the table holds; several readings
// that pass must agree cell for cell.
#pragma once
#include <functional>
#include <optional>
#include <vector>

#include "tables/rows.hpp"

namespace ogi::tables {

/// A candidate grid (rows × cols) is acceptable: the table's identities hold on it.
using GridCheck = std::function<bool(const std::vector<std::vector<const Piece*>>&)>;

/// The values of every row in `row_keys` (template order), read in value order; nullopt when
/// no single reading passes.
std::optional<std::vector<std::vector<Piece>>> read_in_value_order(const RowScan& scan, const std::vector<int>& row_keys,
                                                                   std::size_t ncols, const GridCheck& identities_hold);

}  // namespace ogi::tables
