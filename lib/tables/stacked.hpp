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
/// their values as one run after one of those labels, a row's first cell now and then beside its
/// own label — right after it, or right before it at the run's end (`二、上年结转… / - / … / 0 / 2 /
/// - / … / 10 / … / （一）予以公开 / 8 / （二）部分公开… / 1、属于国家秘密 / …`: 上年结转's seven
/// cells, then 予以公开's but its first, then the next rows', the 8 beside its label).
///
/// Each stretch of two or more consecutive rows that the row-by-row reading left without options
/// (`involved`: rows that trade values between their labels are not), every one with a total of
/// its own and as many cells, is read so where its values are each on a line of its own and
/// exactly as many as the rows' cells — once the values `numeral_apart` marks that the count
/// leaves over are set aside (a label's lost numeral, `、属于三类内部事务信` and a lone `5` among
/// the values), and but for a written blank or two a row of 0s and blanks lost: the rows in
/// order, each taking its first cell from beside its label or not, the rest of the run row by
/// row — or, no cell beside a label, column by column. Every such reading in which each row's
/// total holds gives each row an option (Evidence::stacked_labels); the placement step's
/// identities pick among them, and the cells the readings disagree on are left out. Returns the
/// rows so read.
std::vector<std::size_t> read_stacked_rows(const Candidate& cand, const RowReading& rows, const Layout& layout,
                                           const std::vector<bool>& involved, const std::vector<bool>& numeral_apart,
                                           std::vector<RowOptions>& options);

}  // namespace ogi::tables
