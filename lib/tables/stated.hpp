// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the figures the prose states as evidence of where a row's values stand.
// "其中自然人申请51件" says which of 新收's cells holds 51, where the text left no trace of the
// row's blank cells and every identity holds whichever column the values take (a report whose
// applicants are all natural persons reads the same with every value one column over).
#pragma once
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"
#include "template/statements.hpp"

namespace ogi::tables {

/// Keeps, of each row's placements, those that agree with every stated figure over the row's
/// cells and keep the row's own total — where some do and some do not. A figure over cells of
/// several rows, or one no placement agrees with, decides nothing (the checks stage compares it
/// with the table). Returns per printed row the figures (indices into `stated`) that narrowed
/// it: empty where none did.
std::vector<std::vector<int>> narrow_by_stated(const Candidate& cand, const Layout& layout,
                                               std::vector<RowOptions>& options,
                                               const std::vector<templates::StatedFigure>& stated);

}  // namespace ogi::tables
