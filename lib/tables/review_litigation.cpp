// SPDX-License-Identifier: Apache-2.0
// The section-4 table: one row of fifteen numbers under a two- or three-level header
// (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5).
#include <algorithm>
#include <bit>
#include <string>

#include "model/finding.hpp"
#include "model/labels.hpp"
#include "tables/cells.hpp"
#include "tables/glued.hpp"
#include "tables/identity_fit.hpp"
#include "tables/rows.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {
namespace {
constexpr std::size_t kValues = 15;

Diagnostic table_diag(std::string code, std::string msg, Span span) {
  return model::finding(std::move(code), Severity::warning, TableKey::review_litigation, {}, {}, std::move(msg), span);
}

/// Empty lines strictly between two lines.
std::size_t empties_between(const text::NormalizedText& nt, std::size_t a, std::size_t b) {
  std::size_t n = 0;
  for (std::size_t l = a + 1; l < b; ++l) n += !nt.lines[l].dropped && nt.lines[l].begin == nt.lines[l].end;
  return n;
}

/// One value per line with empty lines between (lynx), fewer than fifteen: a blank cell leaves at
/// least one more empty line (lynx collapses a run of them into one), none means the next column.
/// Which columns the values take is what those gaps and each group's total allow; a cell is kept
/// when every such reading agrees on it. Returns per column the value (or a blank), nullopt for a
/// column the readings leave open; empty when the layout is not this one or nothing fits.
std::vector<std::optional<Piece>> place_by_collapsed_gaps(const text::NormalizedText& nt, const std::vector<Piece>& values,
                                                          std::size_t header_line, bool& set_aside) {
  std::vector<std::size_t> gaps;  // empty lines before each value (from the header's last line)
  std::size_t prev = header_line;
  for (const Piece& p : values) {
    if (p.kind != PieceKind::number || !p.value || !p.value->as_integer() || *p.value->as_integer() < 0 ||
        p.line <= prev)
      return {};
    SplitLine sl = split_line(nt, p.line);
    if (sl.pieces.size() != 1) return {};
    gaps.push_back(empties_between(nt, prev, p.line));
    prev = p.line;
  }
  // The usual gap between two values; the layout marks blanks only if some gap is wider (where
  // blank cells vanish without a trace every gap is the same, and nothing can be told).
  if (gaps.size() < 2) return {};
  std::size_t base = *std::min_element(gaps.begin() + 1, gaps.end());
  if (*std::max_element(gaps.begin() + 1, gaps.end()) == base) return {};
  // The header's cells may sit closer together than the values: then the gap before the first
  // value says nothing.
  bool leading_known = gaps[0] >= base;
  FitRow row;
  for (const Piece& p : values) row.values.push_back(*p.value->as_integer());
  for (std::uint32_t m : all_placements(values.size(), kValues)) {
    bool fits = true;
    int last = -1;
    std::size_t i = 0;
    for (int c = 0; c < static_cast<int>(kValues) && fits; ++c) {
      if (!(m >> c & 1u)) continue;
      bool skipped = c > last + 1;
      if (i > 0 || leading_known) fits = skipped == (gaps[i] > base);
      last = c;
      ++i;
    }
    if (fits) row.masks.push_back(m);
  }
  std::vector<FitIdentity> groups;
  for (std::size_t g = 0; g < 3; ++g)
    groups.push_back({{0, g * 5, 1}, {0, g * 5 + 1, 1}, {0, g * 5 + 2, 1}, {0, g * 5 + 3, 1}, {0, g * 5 + 4, -1}});
  auto fit = fit_by_identities({row}, groups);
  if (!fit) return {};
  set_aside = fit->set_aside.has_value();
  std::vector<std::optional<Piece>> out(kValues);
  const auto& used = fit->used[0];
  for (std::size_t c = 0; c < kValues; ++c) {
    auto piece_at = [&](std::uint32_t m) -> Piece {
      if (!(m >> c & 1u)) {
        Piece gap;
        gap.kind = PieceKind::blank;
        gap.begin = gap.end = values.front().begin;
        return gap;
      }
      return values[static_cast<std::size_t>(std::popcount(m & ((1u << c) - 1u)))];
    };
    Piece first = piece_at(used.front());
    if (std::all_of(used.begin(), used.end(), [&](std::uint32_t m) {
          Piece p = piece_at(m);
          return p.kind == first.kind && p.value == first.value;
        }))
      out[c] = first;
  }
  return out;
}
}  // namespace

std::optional<ReviewLitigationTable> read_review_litigation(const text::NormalizedText& nt, Region region,
                                                            std::vector<Diagnostic>& diags) {
  std::vector<Piece> values;
  bool header = false;
  bool interleaved = false;  // text stood between the values (block order with header fragments)
  std::size_t first_line = region.last, last_line = region.first;
  std::size_t header_last = region.first;  // the header's last line before the first value
  for (auto& [li, sl] : logical_lines(nt, region.first, region.last, region.begin, region.end)) {
    bool has_number = false, review_cell = false, litigation_cell = false;
    for (const Piece& p : sl.pieces) {
      if (p.kind == PieceKind::text) {
        std::string s = squeeze(std::string_view(nt.text).substr(p.begin, p.end - p.begin));
        if (s.find("维持") != std::string::npos || s.find("纠正") != std::string::npos ||
            s.find("审结") != std::string::npos)
          header = true;
        // the two group headers as cells of their own (html2text may cut every other header word)
        bool both = s.find("行政复议") != std::string::npos && s.find("行政诉讼") != std::string::npos;
        review_cell |= !both && s.find("行政复议") != std::string::npos;
        litigation_cell |= !both && s.find("行政诉讼") != std::string::npos;
      }
      // a number, or a blank written as such (-, —, /, 无): a row of blank cells is a row of values
      has_number |= p.kind == PieceKind::number ||
                    (p.kind == PieceKind::blank && written_blank(std::string_view(nt.text).substr(p.begin, p.end - p.begin)));
    }
    header |= review_cell && litigation_cell;
    if (!header) continue;
    // One cell per line (office text export): after the first value, a line of only (no-break)
    // spaces is a blank cell.
    if (auto blank = spaces_line_blank(nt, li, sl); blank && !values.empty() && values.size() < kValues) {
      values.push_back(*blank);
      last_line = li;
      continue;
    }
    if (!has_number) {
      if (values.empty() && !sl.pieces.empty()) header_last = li;
      if (!values.empty() && values.size() < kValues &&
          std::any_of(sl.pieces.begin(), sl.pieces.end(), [](const Piece& p) { return p.kind == PieceKind::text; }))
        interleaved = true;
      continue;
    }
    for (const Piece& p : sl.pieces) {
      if (p.kind == PieceKind::text) {
        if (!values.empty() && values.size() < kValues) interleaved = true;
        continue;
      }
      if (p.kind == PieceKind::blank && sl.style == LineStyle::tabs &&
          std::string_view(nt.text).substr(p.begin, p.end - p.begin).empty())
        continue;
      values.push_back(p);
    }
    first_line = std::min(first_line, li);
    last_line = li;
  }
  if (!header) return std::nullopt;
  ReviewLitigationTable t;
  if (values.empty()) {
    t.status = TableStatus::missing;
    diags.push_back(table_diag("table.values_missing", "行政复议、行政诉讼表格没有读到数值", nt.line_span(region.first)));
    return t;
  }
  t.span = nt.span(nt.lines[first_line].begin, nt.lines[last_line].end);
  if (values.size() == 1 && values[0].glued) {
    // fifteen cells run together: the one split where each group's total adds up
    auto cells = split_glued(nt, values[0], kValues, [](const std::vector<std::int64_t>& v) {
      for (std::size_t g = 0; g < 3; ++g)
        if (v[g * 5] + v[g * 5 + 1] + v[g * 5 + 2] + v[g * 5 + 3] != v[g * 5 + 4]) return false;
      return true;
    });
    if (cells) {
      auto d = table_diag("table.glued_split",
                          "行政复议、行政诉讼表格数值粘连（" +
                              std::string(nt.text.substr(values[0].begin, values[0].end - values[0].begin)) +
                              "），按各组总计唯一拆分",
                          nt.span(values[0].begin, values[0].end));
      d.severity = Severity::info;
      diags.push_back(std::move(d));
      values = std::move(*cells);
    }
  }
  auto unplaced = [&](std::string_view why) {
    t.status = TableStatus::uncertain;
    diags.push_back(table_diag("table.values_unplaced",
                               "行政复议、行政诉讼表格读到 " + std::to_string(values.size()) + " 个数值，" +
                                   std::string(why) + "，表格未输出",
                               t.span));
    return t;
  };
  if (values.size() < kValues && !interleaved) {
    bool set_aside = false;
    auto cells = place_by_collapsed_gaps(nt, values, header_last, set_aside);
    if (!cells.empty()) {
      std::string open;
      for (std::size_t i = 0; i < kValues; ++i) {
        auto g = static_cast<ReviewGroup>(i / 5);
        auto c = static_cast<ReviewColumn>(i % 5);
        if (cells[i]) t.cells.set(g, c, make_cell(nt, *cells[i]));
        else open += (open.empty() ? "" : "、") + std::string(model::label(g)) + std::string(model::label(c));
      }
      auto d = table_diag("table.columns_by_identities",
                          "行政复议、行政诉讼表格读到 " + std::to_string(values.size()) +
                              " 个数值，空白单元格在转换中丢失：各值所属列由空行和各组总计确定" +
                              (set_aside ? "（文档自身有一组总计不成立）" : ""),
                          t.span);
      d.severity = Severity::info;
      diags.push_back(std::move(d));
      t.status = TableStatus::ok;
      if (!open.empty()) {
        t.status = TableStatus::uncertain;
        diags.push_back(table_diag("table.values_unplaced",
                                   "行政复议、行政诉讼表格读到 " + std::to_string(values.size()) +
                                       " 个数值，" + open + "无法确定，未输出",
                                   t.span));
      }
      return t;
    }
  }
  if (values.size() < kValues) return unplaced("应为 15 个（空白单元格可能在转换中丢失），无法确定各值所属列");
  // Fifteen values on one row line, or one run of lines with nothing between (one cell per line),
  // are in column order. With text between them (block order mixed with header fragments) they
  // are only where each group's total adds up. Extra values are only tolerated at the end of one
  // row line (a stray cell, as in the reference report).
  bool one_line = std::all_of(values.begin(), values.begin() + static_cast<long>(std::min(values.size(), kValues)),
                              [&](const Piece& p) { return p.line == values.front().line; });
  if (!one_line && values.size() == kValues && !interleaved) one_line = true;
  auto adds_up = [&] {
    for (std::size_t g = 0; g < 3; ++g) {
      std::int64_t sum = 0;
      for (std::size_t c = 0; c < 4; ++c) {
        const Piece& p = values[g * 5 + c];
        if (p.value) sum += p.value->as_integer().value_or(0);
      }
      const Piece& total = values[g * 5 + 4];
      if (sum != (total.value ? total.value->as_integer().value_or(-1) : 0)) return false;
    }
    return true;
  };
  if ((values.size() > kValues && !one_line) || (!one_line && !adds_up()))
    return unplaced("分布在多行且无法按各组总计确定顺序");
  if (values.size() > kValues) {
    Span extra = nt.span(values[kValues].begin, values.back().end);
    diags.push_back(table_diag("table.extra_values",
                               "行政复议、行政诉讼表格读到 " + std::to_string(values.size()) +
                                   " 个数值，多于 15 个；取前 15 个，多余的值被忽略",
                               extra));
  }
  for (std::size_t i = 0; i < kValues; ++i) {
    auto g = static_cast<ReviewGroup>(i / 5);
    auto c = static_cast<ReviewColumn>(i % 5);
    t.cells.set(g, c, make_cell(nt, values[i]));
    note_damage(diags, TableKey::review_litigation, to_string(g), to_string(c), nt, values[i]);
  }
  t.status = TableStatus::ok;
  return t;
}

}  // namespace ogi::tables
