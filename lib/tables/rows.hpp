// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — following a table's rows through the text. Row labels are recognised by
// meaning (keywords of the template's labels, robust to numbering, wrapping and variants), and
// the values that follow a label belong to its row, whatever the flattening.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "tables/cells.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {

/// A template row: how to recognise its label.
struct RowSpec {
  int key;                                    ///< the row's enum value
  std::vector<std::string_view> keywords;     ///< any of these in the squeezed label text
  std::string_view numbering = {};            ///< its usual numbering ("5."), for wrapped labels
  std::string_view exact = {};                ///< a label that must equal this (after numbering), e.g. "其他"
  int after = -1;                             ///< only after the row with this spec index was seen
  std::string_view full = {};                 ///< the template's whole label (numbering dropped), for cut labels
  std::string_view block = {};                ///< table 2: the 第二十条 item its block heads ("(五)")
  std::string_view full_alt = {};             ///< another whole label the row goes by (2021's 行政规范性文件)
};

struct RowValues {
  int key = -1;
  std::vector<Piece> values;   ///< numbers and blank markers, in reading order
  std::uint32_t label_line = 0;
  std::uint32_t label_begin = 0, label_end = 0;
  LineStyle style = LineStyle::plain;
  bool interrupted = false;    ///< values after it went to an unknown row: positions cannot fill gaps
  // One cell per line with an empty line after each (lynx): a blank cell is one more empty line.
  bool one_per_line = true;                  ///< every value alone on its line, none on the label's
  std::vector<std::uint32_t> empties_before; ///< per value: empty lines between it and the line before
  std::uint32_t empties_after = 0;           ///< empty lines between the last value and the next row's label
  bool end_recorded = false;
  bool ended_by_label = false;               ///< the row ended where a label (row or group) starts
  bool ended_by_text = false;                ///< ... or where other text starts (after the table's last row)
};

struct RowScan {
  std::vector<RowValues> rows;   ///< in the order their labels appear
  std::vector<Piece> orphans;    ///< values seen before any row label
};

/// Scans lines [first, last) of the normalized text. `specs` in template order.
/// `groups` are the template's group labels (三、本年度办理结果, (三)不予公开, …): text that is
/// part of one is neither a row nor foreign text (vertical and wrapped group labels sit between rows).
RowScan scan_rows(const text::NormalizedText& nt, const struct Region& region, const std::vector<RowSpec>& specs,
                  const std::vector<std::string_view>& groups = {});

/// The lines [first, last) cut into pieces, page furniture skipped, and the several text lines of
/// one box-table row merged into one logical line (keyed by its first line).
std::vector<std::pair<std::size_t, SplitLine>> logical_lines(const text::NormalizedText& nt, std::size_t first,
                                                             std::size_t last, std::uint32_t begin = 0,
                                                             std::uint32_t end = UINT32_MAX);

/// A line of only (no-break) spaces in a one-cell-per-line export: a blank cell, as a piece
/// spanning the line; nullopt for any other line.
std::optional<Piece> spaces_line_blank(const text::NormalizedText& nt, std::size_t li, const SplitLine& sl);

/// A row with more pieces than `ncols` whose extras are empty cells at its ends (the empty cells
/// of merged labels and headers in a pipe or tab table: `| 一、… |  | 12 | … | 16 |  |`): those
/// dropped, when which ones to drop is certain — the ends' empty cells exactly the extras, or
/// empty cells at one end only. A blank written as such (-, —, 无) is a cell, never filler.
/// Anything else comes back unchanged.
std::vector<Piece> without_filler_blanks(const text::NormalizedText& nt, std::vector<Piece> values, std::size_t ncols);

/// The label text with its numbering ("一、", "(三)", "1.", "①") removed.
std::string_view strip_numbering(std::string_view squeezed);

/// Places a short row's values into `ncols` columns by the empty lines between them, where each
/// cell is followed by one empty line and a blank cell leaves just that empty line: the extra
/// empty lines must account for exactly the missing cells. Same result convention as
/// place_by_position; `blanks` receives a piece for each blank cell, on its empty line.
std::vector<const Piece*> place_by_gaps(const RowScan& scan, std::size_t row_index, std::size_t ncols,
                                        const text::NormalizedText& nt, std::vector<Piece>& blanks);

/// Places a short row's values into `ncols` columns by their position, using the nearest row
/// that has all `ncols` values as the ruler. Returns one entry per column (nullptr = gap, which
/// in a positional layout is a blank cell), or an empty vector when positions do not settle it.
std::vector<const Piece*> place_by_position(const RowScan& scan, std::size_t row_index, std::size_t ncols,
                                            const text::NormalizedText& nt);

}  // namespace ogi::tables
