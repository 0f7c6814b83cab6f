// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the candidate: the one shape every source of a table is brought into before
// its cells are placed (docs/tables.md). A text dump's lines, an HTML or Word table's real cells
// and a PDF's positioned words all become a sequence of tokens in reading order — label text,
// numbers, blank cells — each with its span and whatever its source knows of where it stands.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ogi/decimal.hpp"
#include "text/text.hpp"

namespace ogi::tables {

enum class TokenKind : std::uint8_t { text, number, blank };

/// How a line separates its cells.
enum class LineStyle : std::uint8_t { plain, tabs, boxes, grid };

/// Where a token stands, as far as its source tells. -1 = unknown.
struct Position {
  std::int16_t field = -1;     ///< index among the separator-split fields of its line (tabs, pipes, boxes)
  std::int16_t column = -1;    ///< display column where it starts (CJK = 2), on the text as written
  std::int16_t width = 0;      ///< display width
  /// The same counted in characters (an ideograph one wide): pdftotext -layout places text on
  /// a grid of characters, not of display columns.
  std::int16_t chars = -1;
  std::int16_t char_width = 0;
  std::int16_t grid_col = -1;  ///< the real cell's column (HTML, DOCX, PDF grids)
  std::int16_t grid_span = 1;  ///< how many grid columns the cell covers
  std::int32_t grid_row = -1;  ///< the real cell's row
  std::int16_t grid = -1;      ///< which grid of the document
};

struct Token {
  TokenKind kind = TokenKind::text;
  LineStyle style = LineStyle::plain;
  bool glued = false;            ///< digits run together with a label (行政规范性文件6233440)
  bool numbering_tail = false;   ///< glued digits followed by "." or "、": the next label's numbering may end them
  bool damaged = false;          ///< read from a cell with cut characters or another cell's overflow
  bool written = false;          ///< a blank written as such (-, —, /, 无, html2text's lone &nbsp;), not merely empty
  bool odd_separator = false;    ///< a thousands separator in the wrong place (1,0000): the value is named
  bool spaces_line = false;      ///< a blank cell that is a whole line of spaces (an office export's empty cell)
  bool unreadable = false;       ///< a number too long to hold exactly (400 digits): a cell whose value is unknown
  std::uint32_t begin = 0, end = 0;  ///< normalized offsets
  std::uint32_t line = 0;            ///< 0-based line index
  Position at;
  std::optional<Decimal> value;      ///< numbers only
  std::string_view unit;             ///< a unit written in the cell (static text: 件, 万元, 元, …)

  bool is_value() const { return kind != TokenKind::text; }
  /// A cell printed in the text: a number, or a blank written as such (not a merely empty field).
  bool printed_cell() const { return kind == TokenKind::number || (kind == TokenKind::blank && written); }
};

/// The units a cell's number may carry ("251000元", "2.5万元"), longest first.
inline constexpr std::string_view kCellUnits[] = {"万元", "元", "件", "个", "项", "次"};

/// Classifies a cell's text: a number (with unit), a blank marker, or text.
/// "12", "1,234", "+3", "-3", "减少3", "增加18", "7730.28", "251000元", "2.5万元" are numbers;
/// "", "-", "—", "/", "∕", "无" are blank; "1." and "(一)" are text (numbering).
TokenKind classify(std::string_view cell, std::optional<Decimal>& value, std::string_view& unit,
                   bool* odd_separator = nullptr);

/// A number written as a change — with a sign or a change word ("+3", "-3", "增加18", "减少3"):
/// only a column that holds a change (2019 table 2's 本年增/减) can hold it.
bool written_as_change(std::string_view cell);

/// A blank cell written as such ("-", "—", "/", "无", …), not merely empty.
bool written_blank(std::string_view cell);

/// A cell that is only a unit ("元"): a wrapped amount's unit printed apart from its digits.
bool unit_only(std::string_view cell);

/// A number that can be an item's (1–99, no leading 0): its value, else 0.
int small_item_number(std::string_view digits);

/// A table region as one sequence of tokens in reading order, with its lines.
struct Candidate {
  struct Line {
    std::uint32_t first = 0, last = 0;  ///< its tokens: [first, last)
    std::uint32_t nt_line = 0;          ///< normalized line index (of the first line of a merged box row)
    std::uint16_t empties_before = 0;
    LineStyle style = LineStyle::plain;
  };
  std::vector<Token> tokens;
  std::vector<Line> lines;
  std::vector<std::uint32_t> line_of;  ///< per token: index into lines
  std::uint16_t trailing_empties = 0;  ///< empty lines after the last line, to the region's end
};

/// Does candidate line li hold text (a label's piece, a heading, a header word) among its tokens?
inline bool line_has_text(const Candidate& cand, std::uint32_t li) {
  const Candidate::Line& line = cand.lines[li];
  for (std::uint32_t k = line.first; k < line.last; ++k)
    if (cand.tokens[k].kind == TokenKind::text) return true;
  return false;
}

/// The candidate of lines [first, last) of a text (see cut_region); a line of only spaces becomes
/// one blank token spanning it.
Candidate text_candidate(const text::NormalizedText& nt, std::size_t first, std::size_t last,
                         std::uint32_t begin = 0, std::uint32_t end = UINT32_MAX);

/// The text of a token (normalized).
inline std::string_view token_text(const text::NormalizedText& nt, const Token& t) {
  return std::string_view(nt.text).substr(t.begin, t.end - t.begin);
}

/// The text of a token as written (decoded, not normalized): normalization drops the spaces
/// between ideographs that part a header's words (`本年制 本年废 现行有`). The normalized text
/// where the map back is not ordered (a PDF's words laid out in reading order).
inline std::string_view token_written(const text::NormalizedText& nt, const Token& t) {
  if (!nt.decoded || !nt.decoded->ordered) return token_text(nt, t);
  const std::uint32_t b = nt.origin[t.begin], e = nt.origin[t.end];
  return e > b ? nt.decoded->view.substr(b, e - b) : std::string_view{};
}

/// Calls on(from, to) for each word of written text — the runs between spaces (ASCII, tab or
/// U+3000) — in order.
template <class F>
void each_written_word(std::string_view s, F&& on) {
  auto space_at = [&](std::size_t k) { return s[k] == ' ' || s[k] == '\t' || s.substr(k, 3) == "\u3000"; };
  for (std::size_t from = 0; from < s.size();) {
    while (from < s.size() && space_at(from)) from += s[from] == '\xE3' ? 3 : 1;
    std::size_t to = from;
    while (to < s.size() && !space_at(to)) ++to;
    if (to > from) on(from, to);
    from = to;
  }
}

}  // namespace ogi::tables
