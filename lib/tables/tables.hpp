// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables: the three standard tables of the report, read by one engine (docs/tables.md):
// each table's region is cut into a candidate (tokens with their positions), its labels aligned
// with the template's rows, its values placed by the evidence the text keeps and by the
// identities, and every cell the readings agree on emitted; the rest is named.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "ogi/report.hpp"
#include "template/statements.hpp"
#include "text/text.hpp"

namespace ogi::tables {

/// What one table's rows showed of how the tool laid the dump out, which holds for the same
/// dump's later tables: a table of one row (table 4) cannot show it by itself.
struct DumpLayout {
  /// One cell per line, each blank cell an empty line of its own (lynx): the rows that agree
  /// with it, the short ones among them (whose empty lines account exactly for their missing
  /// cells), and whether any row contradicted it.
  int empty_line_rows = 0, empty_line_short_rows = 0;
  bool empty_lines_contradicted = false;
  /// A table printed values apart from their labels (a reading-order dump: pdftotext's default
  /// mode, pdfminer): a row whose count of values fits may hold another row's.
  bool reading_order = false;
  /// Values on a row's line a space apart, each blank cell a few more (lynx's table too wide for
  /// the page): the gap between adjacent values and the width of a blank, where a table's rows
  /// showed them. Table 4's one row cannot.
  std::optional<std::pair<int, int>> gap_width;
};

/// Lines [first, last) of the normalized text in which a table is looked for.
struct Region {
  std::size_t first = 0, last = 0;
  /// Normalized offsets the table must lie within (a section may start or end inside a line).
  std::uint32_t begin = 0, end = UINT32_MAX;
};

/// Reads the section-2 table. Its header columns also tell the template version. The figures the
/// prose states (`stated`: 制发规范性文件 N 件, 行政许可决定 N 件) are evidence of where a row's
/// values stand, as for table 3.
std::optional<ActiveDisclosureTable> read_active_disclosure(const text::NormalizedText& nt, Region region,
                                                            const std::vector<templates::StatedFigure>& stated,
                                                            TemplateVersion& version_seen, DumpLayout& dump,
                                                            std::vector<Diagnostic>& diags);

/// Reads the section-3 table. Which （六） rows it has (the 2019 single row or the 2021 three)
/// follows the document. The figures the prose states (`stated`) are evidence of where a row's
/// values stand (stated.hpp).
std::optional<ApplicationsTable> read_applications(const text::NormalizedText& nt, Region region,
                                                   const std::vector<templates::StatedFigure>& stated,
                                                   DumpLayout& dump, std::vector<Diagnostic>& diags);

/// Reads the section-4 table, the stated figures as for section 3. `dump` carries what the
/// earlier tables of the same dump showed of its layout.
std::optional<ReviewLitigationTable> read_review_litigation(const text::NormalizedText& nt, Region region,
                                                            const std::vector<templates::StatedFigure>& stated,
                                                            DumpLayout& dump, std::vector<Diagnostic>& diags);

}  // namespace ogi::tables
