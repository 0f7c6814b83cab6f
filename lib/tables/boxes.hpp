// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — whole-table readings of Chrome's PDFs of an HTML table, whose text tools cut
// each row into text boxes:
//  - pdfminer prints each line of values as one box — a run of adjacent cells of one row — in an
//    order of its own (a page's first columns row by row, then a column, then pairs…). Whatever
//    the order, a row's boxes come in column order and a column's cells in row order, so every box
//    extends one row where the row above already reaches that far (the filled cells form a
//    staircase), and the rows are cut along the same bands of columns.
//  - pdftotext's default mode keeps a wrapped label's first cell in the label's box and prints it
//    among the labels (on a label's line, or alone between label lines), while the row's other
//    cells stay in the flow of values, row by row.
// Every such reading that holds each row's total and every identity is a reading; the placement
// step keeps the cells they agree on. A step budget bounds each search.
#pragma once
#include <optional>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// The readings of `cand` as pdfminer's text boxes, as per-row options; nullopt when none passes.
std::optional<std::vector<RowOptions>> read_text_boxes(const Candidate& cand, const Layout& layout);

/// The readings of `cand` as pdfminer's column boxes: the rows cut into bands, each band printed
/// box by box, a box being one column's cells of the band, one per line, the boxes in any order
/// (table 3: a row's total keeps its own box; the fewest bands that read the text); nullopt when
/// none passes.
std::optional<std::vector<RowOptions>> read_column_bands(const Candidate& cand, const Layout& layout);

/// How the first cells beside the labels follow the rows: in the rows' order, or in any (pdftotext
/// prints a wrapped label's pieces, and the value beside them, where the page's text flow puts
/// them: `重复申` and its 119 after the next row's label).
enum class BesideOrder : char { labels_in_order, any };

/// The readings of `cand` with rows' first cells beside their labels (pdftotext's default order)
/// and the rest of the values in one flow, row by row; nullopt when none passes.
std::optional<std::vector<RowOptions>> read_first_cells_beside_labels(const Candidate& cand, const Layout& layout,
                                                                       BesideOrder order);

}  // namespace ogi::tables
