// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — cutting table lines into cells. Every flattening separates cells with one of:
// tabs, runs of two or more spaces, box-drawing or pipe characters, or (between two numbers) a
// single space. A piece is a number, a blank marker, or text (a label or header).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/decimal.hpp"
#include "text/numbering.hpp"
#include "text/text.hpp"

namespace ogi::tables {

enum class PieceKind { text, number, blank };

struct Piece {
  PieceKind kind = PieceKind::text;
  std::uint32_t begin = 0, end = 0;  ///< normalized offsets
  std::uint32_t line = 0;            ///< 0-based line index
  int field = 0;                     ///< index among the separator-split fields (empty ones count)
  int column = 0;                    ///< display column where the piece starts (CJK = 2)
  int width = 0;                     ///< display width
  std::optional<Decimal> value;      ///< for numbers
  std::string unit;                  ///< for numbers: 件, 万元, 元, …
  bool glued = false;                ///< digits run together with a label (行政规范性文件6233440, …数量21710000218二、…)
  bool numbering_tail = false;       ///< glued digits followed by "." or "、": the next label's numbering may end them
  bool damaged = false;              ///< read from a cell with invalid bytes or another cell's overflow
};

/// How a line separates its cells.
enum class LineStyle { plain, tabs, boxes };

struct SplitLine {
  LineStyle style = LineStyle::plain;
  std::vector<Piece> pieces;
};

/// Cuts normalized line `i` into pieces.
SplitLine split_line(const text::NormalizedText& nt, std::size_t i);

/// The units a cell's number may carry ("251000元", "2.5万元"), longest first.
inline constexpr std::array<std::string_view, 6> kCellUnits{"万元", "元", "件", "个", "项", "次"};

/// A cell that is only a unit ("元"): a wrapped amount's unit printed apart from its digits.
bool unit_only(std::string_view cell);

/// Classifies a cell's text: a number (with unit), a blank marker, or text.
/// "12", "1,234", "+3", "-3", "减少3", "7730.28", "251000元", "2.5万元" are numbers;
/// "", "-", "—", "/", "无" are blank; "1." and "(一)" are text (numbering).
PieceKind classify(std::string_view cell, std::optional<Decimal>& value, std::string& unit);

/// A row's last cell is the sum of its other cells (a blank counts 0), exactly, decimals included.
bool row_total_holds(const std::vector<const Piece*>& row);

/// A blank cell written as such ("-", "—", "/", "无", …), not merely empty.
bool written_blank(std::string_view cell);

/// The text with all spaces removed, for label matching (text layer's).
using text::squeeze;

}  // namespace ogi::tables
