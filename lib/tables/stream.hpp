// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the whole-table reading in value order. Reading-order dumps (pdftotext's
// default mode, pdfminer) scatter a table's labels but keep its values in an order of their own:
// the template's rows in order, a run of rows at a time, each run printed row by row or column by
// column (pdfminer prints a page's cells column by column, its 总计 column now and then before 其他).
// Every way the stream of values parses into the rows like that is a reading; a reading counts
// only where every identity holds, and a cell is emitted only where all such readings agree.
#pragma once
#include <optional>
#include <set>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/labels.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// Whether two neighbouring rows' cells may stand merged in the stream, each row's in order.
enum class RowsMerged : bool { no, where_apart_they_break };

/// The readings of `cand`'s values in value order for `layout`, as one placement per row of each
/// passing reading (RowOptions per printed row, whose placements are the readings' rows in the
/// same order). nullopt when the values do not parse into the layout's rows with every identity
/// holding, or the layout has no identity to check a reading by. With `merged`, two neighbouring
/// rows that do not keep their totals read one after the other may read as their cells merged,
/// each row's in order (pdfminer sets a wrapped label's text box, with the row's first cells,
/// beside the next row's: `23 8 2 31 11 / / / 1 1 35 13 1 56` for `23 8 2 / 1 1 35` and
/// `31 11 / / 13 1 56`) — weaker evidence than print order, and many such merges keep both totals.
std::optional<std::vector<RowOptions>> read_in_value_order(const Candidate& cand, const Layout& layout,
                                                           RowsMerged merged = RowsMerged::no);

/// The same where blank cells left no trace (pdfminer prints nothing for an empty cell): the
/// template's rows in order, row by row, each printing only its non-blank cells and at least one
/// (its total). A parse gives each row the next 1..n values in an order-keeping placement that
/// keeps the row's total; a
/// row's options are its readings over every complete parse. nullopt as above, or where the
/// parses leave a row too many readings.
std::optional<std::vector<RowOptions>> read_rows_without_blanks(const Candidate& cand, const Layout& layout);

/// The evidence a whole-table reading's rows carry: `certain`, or Evidence::value_order_sparse
/// where the table prints both a 0 and a written blank. The two count alike in every identity, a
/// reading-order dump may set one before the other (pdftotext: `… / - / 0 / -` for a total of 0),
/// and the searches remember their states by value, finding one of two readings that swap them:
/// each row's 0-or-blank cells are then named, not read as certain.
Evidence unless_zeros_and_blanks(const Candidate& cand, Evidence certain);

/// Each row's readings (a whole-table reader's, over every parse) as its options, all of one
/// evidence; nullopt where some row has none.
std::optional<std::vector<RowOptions>> options_of(const std::vector<std::set<Placement>>& seen, Evidence evidence);

/// Runs of values near their labels (runs.cpp; pdftotext's default order): the template's rows in
/// order, each printing its non-blank cells or nothing, as a run that stands between the labels of
/// the rows before and after it — a row's run turned round at one point (the values on its label's
/// line after those on lines of their own), or a run of rows with as many values each printed
/// column by column. nullopt as above.
std::optional<std::vector<RowOptions>> read_runs_near_labels(const Candidate& cand, const Layout& layout,
                                                              const LabelAlignment& align);

}  // namespace ogi::tables
