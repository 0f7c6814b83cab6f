// SPDX-License-Identifier: Apache-2.0
// Tables whose rows were cut into text boxes (Chrome's PDF of an HTML table through pdfminer):
// each line of values is one box — a run of adjacent cells of one row — and the boxes come in an
// order of their own: a page's first columns row by row, then its 法律服务机构 column, then its
// 其他/总计 pairs. Two things hold whatever the order: a row's boxes come in column order, and a
// column's cells come in row order. So every box extends one row by its size, where the row above
// already reaches that far (the filled cells always form a staircase). Every way of placing the
// boxes so is tried; a reading is accepted when every row's 总计 and every identity hold and all
// accepted readings agree cell for cell.
#pragma once
#include <optional>
#include <vector>

#include "tables/value_order.hpp"

namespace ogi::tables {

/// The values of every row in `row_keys` (template order) read as text boxes; nullopt when no
/// reading, or more than one, passes (or the search passes its budget).
std::optional<std::vector<std::vector<Piece>>> read_text_boxes(const RowScan& scan, const std::vector<int>& row_keys,
                                                               std::size_t ncols, const GridCheck& identities_hold);

/// Chrome's PDF through pdftotext's default mode: a row whose label wraps keeps its first cell in
/// the label's text box, so pdftotext prints that cell among the labels (on a label's line, or
/// alone between label lines) while the row's other cells stay in the flow of values, which runs
/// row by row. Each row is read either whole from the flow, or as the next first cell beside a
/// label plus six cells from the flow; every row's 总计 must hold as it is read, every identity at
/// the end, and all readings must agree. nullopt otherwise.
std::optional<std::vector<std::vector<Piece>>> read_first_cells_beside_labels(const text::NormalizedText& nt,
                                                                              const RowScan& scan,
                                                                              const std::vector<int>& row_keys,
                                                                              std::size_t ncols,
                                                                              const GridCheck& identities_hold);

}  // namespace ogi::tables
