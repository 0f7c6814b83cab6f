// SPDX-License-Identifier: Apache-2.0
// Splitting table lines into cells (see cells.hpp).
#include "tables/cells.hpp"

#include <algorithm>
#include <array>

#include "tables/tables.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
namespace {

struct GluedRun {
  std::size_t begin, end;  // byte offsets in the word
  bool numbering_tail;     // followed by "." or "、": the next label's numbering may be its last digits
};

bool is_box(char32_t c) {
  return c == '|' || (c >= 0x2500 && c <= 0x257F) || c == 0xFFE8;
}
bool is_box_rule(char32_t c) {  // horizontal rules and corners: never content
  // ('_' is not one: html2text draws a cell's bottom edge inside it, so "|___|" is a blank cell)
  return (c >= 0x2500 && c <= 0x257F) || c == '+' || c == '=';
}

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// A box-table cell that html2text damaged: cut characters (U+FFFD) or a neighbour's overflow
/// after the number ("0性收", "6采购"). Reads what is certain — the leading number, or blank when
/// only cut bytes remain — and returns true; false (text) otherwise.
bool read_damaged(std::string_view t, PieceKind& kind, std::optional<Decimal>& value, std::string& unit) {
  constexpr std::string_view kBad = "\uFFFD";
  std::string clean;
  bool had_bad = false;
  for (std::size_t i = 0; i < t.size();) {
    if (t.substr(i, kBad.size()) == kBad) { had_bad = true; i += kBad.size(); continue; }
    clean.push_back(t[i++]);
  }
  std::string_view c = clean;
  while (!c.empty() && (c.back() == '_' || c.back() == ' ')) c.remove_suffix(1);
  if (had_bad && c.empty()) { kind = PieceKind::blank; return true; }
  std::size_t d = 0;
  while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
  if (d == 0) return false;
  // a decimal part belongs to the number (18651.06�费)
  if (d + 1 < c.size() && c[d] == '.' && c[d + 1] >= '0' && c[d + 1] <= '9') {
    ++d;
    while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
  }
  // The cell ended where html2text cut it: a number right before a cut character is the cell,
  // whatever overflow follows ("0�，不计其他情形）").
  std::size_t dt = 0;  // the same number counted in t, which it must start
  while (dt < t.size() && ((t[dt] >= '0' && t[dt] <= '9') || t[dt] == '.')) ++dt;
  bool cut_after_digits = dt == d && t.substr(dt, kBad.size()) == kBad;
  if (d < c.size()) {
    std::size_t k = d;
    if (c.substr(d, 3) == "\u5E74") return false;                   // 年: a year, not a cell
    if (!cut_after_digits && !text::is_han(text::next_code_point(c, k))) return false;  // "1.", "2021年" stay text
  } else if (!had_bad) {
    return false;
  }
  std::optional<Decimal> v = Decimal::parse(c.substr(0, d));
  if (!v) return false;
  kind = PieceKind::number;
  value = v;
  unit.clear();
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Code point before / at a byte offset of s (0 when none).
char32_t cp_before(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return text::next_code_point(s, j);
}
char32_t cp_at(std::string_view s, std::size_t i) { return i < s.size() ? text::next_code_point(s, i) : 0; }

/// "二、…" or "(二)…": a label's numbering in Chinese numerals.
bool opens_numbered_label(std::string_view s) {
  std::string_view rest;
  text::ItemStyle style;
  std::size_t text_at = 0;
  return (text::top_numbering(s, rest) != 0 && s.find("\u3001") < 6) ||
         (text::item_numbering(s, style, text_at) != 0 && style == text::ItemStyle::paren_han);
}

/// Runs of digits glued to a label in one word: after an ideograph or a closing mark, and not
/// counting a year or a count in prose (2022年, 3件) or the numbering at the word's start ("1.属于…").
std::vector<GluedRun> glued_runs(std::string_view w) {
  std::vector<GluedRun> out;
  for (std::size_t i = 0; i < w.size();) {
    if (!is_digit(w[i])) { ++i; continue; }
    std::size_t b = i;
    while (i < w.size() && is_digit(w[i])) ++i;
    // a decimal part (9116.36) when digits follow the dot and nothing glued after looks like numbering
    if (i + 1 < w.size() && w[i] == '.' && is_digit(w[i + 1])) {
      std::size_t j = i + 1;
      while (j < w.size() && is_digit(w[j])) ++j;
      if (j == w.size() || !(w[j] == '.' || w.substr(j, 3) == "\u3001")) i = j;
    }
    char32_t left = cp_before(w, b), right = cp_at(w, i);
    bool left_glued = text::is_han(left) || left == ')' || left == '"';
    bool tail = right == '.' || right == 0x3001;
    // At the word's start only a run longer than any numbering, with the next label's numbering
    // after it ("00000003.其他", "713000074二、上年结转", "210000021(二)部分公开"), is a run of cells.
    // One or two digits before "." and a label are that label's numbering ("（三）不予公开1.属于…").
    if (tail && i - b <= 2 && text::is_han(cp_at(w, i + (right == '.' ? 1 : 3)))) continue;
    bool next_label = tail || opens_numbered_label(w.substr(i));
    // Counts never start with 0: "0000000" alone is seven cells run together.
    bool zeros = w[b] == '0' && i - b >= 2 && (right == 0 || right == ' ');
    if (!left_glued && !(b == 0 && (next_label || zeros) && i - b >= 3)) continue;
    static constexpr std::string_view prose_units[] = {"年", "月", "日", "号", "条", "件", "个", "项", "次", "%", "万", "元", "人", "家", "期", "篇"};
    bool prose = std::any_of(std::begin(prose_units), std::end(prose_units),
                             [&](std::string_view u) { return w.substr(i, u.size()) == u; });
    if (prose) continue;
    if (right != 0 && !text::is_han(right) && right != '(' && !tail) continue;
    out.push_back({b, i, tail});
  }
  return out;
}

}  // namespace

bool unit_only(std::string_view cell) {
  cell = text::trim(cell);
  return std::find(kCellUnits.begin(), kCellUnits.end(), cell) != kCellUnits.end();
}

PieceKind classify(std::string_view s, std::optional<Decimal>& value, std::string& unit) {
  value.reset();
  unit.clear();
  s = text::trim(s);
  // html2text pads cells with underscores ("0_____"); they are rules, not content.
  while (!s.empty() && s.back() == '_') s.remove_suffix(1);
  while (!s.empty() && s.front() == '_') s.remove_prefix(1);
  s = text::trim(s);
  if (s.empty() || s == "-" || s == "--" || s == "/" || s == "\\" || s == "无" || s == "\u2014" ||
      s == "\u2014\u2014" || s == "\u2026" || s == "...")
    return PieceKind::blank;
  for (auto u : kCellUnits)
    if (ends_with(s, u)) {
      unit = std::string(u);
      s.remove_suffix(u.size());
      s = text::trim(s);
      break;
    }
  bool neg = false;
  if (starts_with(s, "减少")) { neg = true; s.remove_prefix(6); }
  else if (starts_with(s, "增加")) { s.remove_prefix(6); }
  s = text::trim(s);
  if (s.empty()) return PieceKind::text;
  std::string digits;
  digits.reserve(s.size());
  if (s[0] == '-' || s[0] == '+') {
    if (s[0] == '-') neg = !neg;
    s.remove_prefix(1);
  }
  if (s.empty() || s[0] < '0' || s[0] > '9') return PieceKind::text;
  bool dot = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c == ',' && !dot && i + 3 < s.size() + 0 && i > 0) {
      // thousands separator: exactly three digits must follow
      if (i + 3 >= s.size() + 1) return PieceKind::text;
      for (std::size_t k = 1; k <= 3; ++k)
        if (i + k >= s.size() || s[i + k] < '0' || s[i + k] > '9') return PieceKind::text;
    } else if (c == '.' && !dot && i + 1 < s.size()) {
      dot = true;
      digits.push_back('.');
    } else {
      return PieceKind::text;  // "1." numbering, "2021年", …
    }
  }
  if (neg) digits.insert(0, 1, '-');
  value = Decimal::parse(digits);
  if (!value) return PieceKind::text;  // too many digits: not a cell we can trust as a number
  return PieceKind::number;
}

SplitLine split_line(const text::NormalizedText& nt, std::size_t li) {
  SplitLine out;
  std::string_view line = nt.line_text(li);
  const std::uint32_t base = nt.lines[li].begin;

  // Pass 1: raw fields between hard separators (tab, box/pipe characters, 2+ spaces).
  struct Raw { std::uint32_t b, e; int field; };
  std::vector<Raw> raws;
  int field = 0;
  std::size_t start = 0, i = 0;
  bool has_tab = line.find('\t') != std::string_view::npos;
  // Box and pipe tables separate cells by their rules alone; spaces inside a box are content.
  bool has_box = line.find('|') != std::string_view::npos || line.find("\u2502") != std::string_view::npos ||
                 line.find("\u2503") != std::string_view::npos;
  auto close = [&](std::size_t end) {
    raws.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), field});
  };
  while (i < line.size()) {
    std::size_t at = i;
    char32_t c = static_cast<unsigned char>(line[i]) < 0x80 ? static_cast<char32_t>(line[i++])
                                                            : text::next_code_point(line, i);
    if (c == '\t' || is_box(c)) {
      close(at);
      ++field;
      start = i;
    } else if (c == ' ' && i < line.size() && line[i] == ' ' && !has_tab && !has_box) {
      // two or more spaces: a separator in space-aligned layouts
      close(at);
      while (i < line.size() && line[i] == ' ') ++i;
      ++field;
      start = i;
    }
  }
  close(line.size());
  out.style = has_box ? LineStyle::boxes : has_tab ? LineStyle::tabs : LineStyle::plain;

  text::NormalizedText::ColumnCursor cursor(nt, li);  // pieces come in order: columns in one pass

  // Pass 2: within each field, single spaces separate numbers ("0 0 0", "12 2 2").
  for (const Raw& r : raws) {
    // Outside the outer rules of a box table there are no cells (indentation, html2text overflow).
    bool outside = has_box && (r.field == 0 || r.field == field);
    std::string_view f = line.substr(r.b, r.e - r.b);
    // rule-only fields of box tables carry nothing
    bool rule = false, other = false;
    for (std::size_t k = 0; k < f.size() && !other;) {
      char32_t c = static_cast<unsigned char>(f[k]) < 0x80 ? static_cast<char32_t>(f[k++]) : text::next_code_point(f, k);
      if (is_box_rule(c)) rule = true;
      else if (c != ' ') other = true;
    }
    if (rule && !other) continue;
    // words split on single spaces
    struct Word { std::uint32_t b, e; PieceKind kind; std::optional<Decimal> v; std::string unit; bool damaged; bool glued = false; bool tail = false; };
    std::vector<Word> words;
    std::size_t k = 0;
    while (k < f.size()) {
      while (k < f.size() && f[k] == ' ') ++k;
      if (k >= f.size()) break;
      std::size_t b = k;
      while (k < f.size() && f[k] != ' ') ++k;
      // Cells run together with their labels (a page saved as text): "规章000行政规范性文件8855698".
      auto glued = glued_runs(f.substr(b, k - b));
      if (!glued.empty()) {
        std::size_t at = b;
        for (const GluedRun& g : glued) {
          if (g.begin > at - b) {
            Word t{static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + b + g.begin), PieceKind::text, {}, {}, false};
            words.push_back(std::move(t));
          }
          Word n{static_cast<std::uint32_t>(r.b + b + g.begin), static_cast<std::uint32_t>(r.b + b + g.end), PieceKind::number,
                 Decimal::parse(f.substr(b + g.begin, g.end - g.begin)), {}, false, true, g.numbering_tail};
          words.push_back(std::move(n));
          at = b + g.end;
        }
        if (at < k) words.push_back(Word{static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + k), PieceKind::text, {}, {}, false});
        continue;
      }
      Word w{static_cast<std::uint32_t>(r.b + b), static_cast<std::uint32_t>(r.b + k), PieceKind::text, {}, {}, false};
      std::string_view t = line.substr(w.b, w.e - w.b);
      w.kind = classify(t, w.v, w.unit);
      if (w.kind == PieceKind::text && has_box) w.damaged = read_damaged(t, w.kind, w.v, w.unit);
      words.push_back(std::move(w));
    }
    auto emit = [&](std::uint32_t b, std::uint32_t e, PieceKind kind, std::optional<Decimal> v, std::string unit,
                    bool damaged = false) {
      Piece p;
      p.kind = kind;
      p.begin = base + b;
      p.end = base + e;
      p.line = static_cast<std::uint32_t>(li);
      p.field = r.field;
      p.column = cursor.column(p.begin);
      p.width = cursor.column(p.end) - p.column;
      p.value = std::move(v);
      p.unit = std::move(unit);
      p.damaged = damaged;
      out.pieces.push_back(std::move(p));
    };
    if (words.empty()) {
      // In tab- and pipe-separated lines a field of spaces is a blank cell; an empty field is
      // layout (merged cells, html2text's cut cells) and no cell at all.
      if ((has_tab || has_box) && r.e > r.b && !outside) emit(r.b, r.e, PieceKind::blank, {}, {});
      continue;
    }
    // Text words (and blank markers between text) merge into one label; numbers stand alone.
    std::size_t w0 = 0;
    while (w0 < words.size()) {
      if (words[w0].kind != PieceKind::text) {
        emit(words[w0].b, words[w0].e, words[w0].kind, words[w0].v, words[w0].unit, words[w0].damaged);
        out.pieces.back().glued = words[w0].glued;
        out.pieces.back().numbering_tail = words[w0].tail;
        ++w0;
        continue;
      }
      std::size_t w1 = w0 + 1;
      while (w1 < words.size() && words[w1].kind == PieceKind::text) ++w1;
      // A number right after text inside one field with one space ("1. 属于国家秘密", "规章 0")
      // stays a separate piece: only text runs merge.
      emit(words[w0].b, words[w1 - 1].e, PieceKind::text, {}, {});
      w0 = w1;
    }
  }
  return out;
}

void note_damage(std::vector<Diagnostic>& diags, TableKey table, std::string_view row, std::string_view column,
                 const text::NormalizedText& nt, const Piece& p) {
  if (!p.damaged) return;
  Diagnostic d;
  d.code = "table.cell_damaged";
  d.severity = Severity::warning;
  d.table = to_string(table);
  d.row = row;
  d.column = column;
  d.message = "单元格「" + std::string(std::string_view(nt.text).substr(p.begin, p.end - p.begin)) +
              "」含截断字符或相邻单元格的溢出文字，读作 " + (p.value ? p.value->to_string() : std::string("空白")) +
              "，请核对原文";
  d.span = nt.span(p.begin, p.end);
  diags.push_back(std::move(d));
}

bool row_total_holds(const std::vector<const Piece*>& row) {
  if (row.empty()) return false;
  __extension__ typedef __int128 Wide;
  int scale = 0;  // the row's finest scale: every value brought to it exactly (≤ 18 digits × 10^18 fits)
  for (const Piece* p : row)
    if (p && p->value) scale = std::max<int>(scale, p->value->scale);
  auto scaled = [&](const Piece* p) -> Wide {
    if (!p || !p->value) return 0;
    Wide v = p->value->units;
    for (int i = p->value->scale; i < scale; ++i) v *= 10;
    return v;
  };
  Wide sum = 0;
  for (std::size_t c = 0; c + 1 < row.size(); ++c) sum += scaled(row[c]);
  return sum == scaled(row.back());
}

bool written_blank(std::string_view cell) {
  std::optional<Decimal> value;
  std::string unit;
  if (classify(cell, value, unit) != PieceKind::blank) return false;
  // classify's empty forms — spaces, tabs, no-break spaces, html2text's underscores — are not written
  std::string rest;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ' ' || cell[i] == '\t' || cell[i] == '_') continue;
    if (cell.substr(i, 2) == "\u00a0") { ++i; continue; }
    rest += cell[i];
  }
  return !rest.empty();
}

Cell make_cell(const text::NormalizedText& nt, const Piece& p) {
  Cell c;
  c.value = p.value;
  c.unit = p.unit;
  c.raw = std::string(std::string_view(nt.text).substr(p.begin, p.end - p.begin));
  c.span = nt.span(p.begin, p.end);
  return c;
}

}  // namespace ogi::tables
