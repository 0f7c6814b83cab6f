// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables: the three standard tables of the report (docs/tables.md).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "ogi/report.hpp"
#include "text/text.hpp"

namespace ogi::tables {

/// Lines [first, last) of the normalized text in which a table is looked for.
struct Region {
  std::size_t first = 0, last = 0;
  /// Normalized offsets the table must lie within (a section may start or end inside a line).
  std::uint32_t begin = 0, end = UINT32_MAX;
};

/// Reads the section-2 table. Its header columns also tell the template version.
std::optional<ActiveDisclosureTable> read_active_disclosure(const text::NormalizedText& nt, Region region,
                                                            TemplateVersion& version_seen,
                                                            std::vector<Diagnostic>& diags);

/// Reads the section-3 table. Which （六） rows it has (the 2019 single row or the 2021 three)
/// follows the document.
std::optional<ApplicationsTable> read_applications(const text::NormalizedText& nt, Region region,
                                                   std::vector<Diagnostic>& diags);

/// Reads the section-4 table.
std::optional<ReviewLitigationTable> read_review_litigation(const text::NormalizedText& nt, Region region,
                                                            std::vector<Diagnostic>& diags);

/// Builds the Cell of a value piece.
Cell make_cell(const text::NormalizedText& nt, const struct Piece& p);

/// A cell read from damaged text (invalid bytes, a neighbour's overflow) is kept but named:
/// appends a table.cell_damaged warning for it when `p` is damaged.
void note_damage(std::vector<Diagnostic>& diags, TableKey table, std::string_view row, std::string_view column,
                 const text::NormalizedText& nt, const struct Piece& p);

}  // namespace ogi::tables
