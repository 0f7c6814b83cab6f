// SPDX-License-Identifier: Apache-2.0
// Table 3 read as a whole, for the rows the row-by-row reading left unresolved: the value-order,
// text-box and first-cells-beside-labels readings (every identity must hold, all readings agree),
// and the vanished-blank fit (a cell where every reading agrees). Internal to the tables stage.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ogi/report.hpp"
#include "tables/rows.hpp"

namespace ogi::tables::table3 {

using R = ApplicationRow;
constexpr std::size_t kCols = key_count<ApplicantColumn>();
inline int k(R r) { return static_cast<int>(r); }

/// （六）其他处理 in a 2021 table is the group label over its three rows, not a row of its own.
bool group_label_only(const RowValues& rv, bool has_2021_other);

/// The keys of the table's rows, in template order.
std::vector<int> row_keys(const RowScan& scan, bool has_2021_other);

/// When rows are unresolved (`got[i]` not seven pieces): the one whole-table reading in which
/// every identity holds, if there is exactly one; it replaces `got` and is said (info), rows it
/// overrules are named.
void read_rest_in_value_order(const RowScan& scan, bool has_2021_other, std::vector<std::vector<Piece>>& got,
                              std::vector<std::string>& why, std::vector<Diagnostic>& diags,
                              const text::NormalizedText& nt);

/// Rows left short where each row's values sit with their label, in column order, and only the
/// blank cells are gone: the columns every identity-satisfying reading agrees on. Rows settled in
/// full go to `got`; the settled cells of rows that stay partly open go to `cells`.
void read_rest_by_identities(const RowScan& scan, bool has_2021_other, std::vector<std::vector<Piece>>& got,
                             std::vector<std::vector<std::optional<Piece>>>& cells, std::vector<std::string>& why,
                             std::vector<Diagnostic>& diags, const text::NormalizedText& nt);

}  // namespace ogi::tables::table3
