// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — rows whose labels stand stacked, their values printed as one run beside them.
#pragma once
#include <cstddef>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"
#include "tables/rows.hpp"

namespace ogi::tables {

/// pdftotext's reading order may print the labels of a few consecutive rows one after another and
/// their values as one run after the first or the last of those labels, a row's first cell now and
/// then beside its own label — right after it, or right before its line at the run's end
/// (`二、上年结转… / - / … / 0 / 2 / - / … / 10 / … / （一）予以公开 / 8 / （二）部分公开… /
/// 1、属于国家秘密 / …`: 上年结转's seven cells, then 予以公开's but its first, then the next rows',
/// the 8 beside its label).
///
/// Within each stretch of rows the row-by-row reading left without options or read by leaving
/// values out (`involved`: rows that trade values between their labels are not), each with a
/// total of its own and as many cells,
/// every stretch of two rows or more whose values stand each on a line of its own is read as its
/// rows in order, each taking its first cell from beside its label or not, the rest of its runs
/// row by row — or, no cell apart, column by column — where the count is the rows' cells: once the
/// values `numeral_apart` marks that it leaves over are set aside (a label's lost numeral,
/// `、属于三类内部事务信` and a lone `5` among the values), or one value after a row's label, and
/// but for a written blank or two that a row of 0s and blanks lost. A row whose label is missing may
/// stand in a stretch after its first (`2、重复申请` and 21 values, two rows' labels printed after
/// the table); no stretch is read from such a row or next to one (its values may be in the
/// stretch's runs), nor from a row whose row before printed its label with no value (its values
/// may be the run's first). A reading holds where
/// each row keeps its total, that total a printed number, and each run holding rows [s, e]
/// stands right after the label of s or of e.
/// Each row's options (Evidence::stacked_labels) are its readings over every stretch that reads
/// (none where two stretches give one of its values different rows); the placement step's
/// identities pick among them, and the cells they disagree on are left out.
/// Returns the rows so read, and whether the search ran out of its budget (the stretches from
/// the one it ran out in on stay unread).
struct StackedRows {
  std::vector<std::size_t> rows;
  bool budget_exhausted = false;
};
StackedRows read_stacked_rows(const Candidate& cand, const RowReading& rows, const Layout& layout,
                                           const std::vector<bool>& involved, const std::vector<bool>& numeral_apart,
                                           std::vector<RowOptions>& options);

}  // namespace ogi::tables
