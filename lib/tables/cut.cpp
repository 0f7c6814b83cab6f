// SPDX-License-Identifier: Apache-2.0
// Cutting a table's lines into tokens (candidate.hpp). Every flattening separates cells with one
// of: tabs, runs of two or more spaces, box-drawing or pipe characters, or (between two numbers)
// a single space; a token is a number, a blank cell, or text (a label or a header).
#include <algorithm>
#include <array>
#include <cstdlib>
#include <span>

#include "tables/candidate.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
namespace {

struct GluedRun {
  std::size_t begin, end;  // byte offsets in the word
  bool numbering_tail;     // followed by "." or "、": the next label's numbering may be its last digits
};

bool is_box_rule(char32_t c) {  // horizontal rules and corners: never content
  // ('_' is not one: html2text draws a cell's bottom edge inside it, so "|___|" is a blank cell)
  return (c >= 0x2500 && c <= 0x257F) || c == '+' || c == '=';
}

using text::kCut;

bool blank_marker(std::string_view s);

using text::ends_with;
using text::starts_with;

/// Cut characters alone (and a cell's underscore padding): what is left of no-break spaces cut
/// in half.
bool cut_only(std::string_view t) {
  bool cut = false;
  for (std::size_t i = 0; i < t.size();) {
    if (t.substr(i, kCut.size()) == kCut) { cut = true; i += kCut.size(); }
    else if (t[i] == '_') ++i;
    else return false;
  }
  return cut;
}

/// A box-table cell that html2text damaged: cut characters (U+FFFD) or a neighbour's overflow
/// after the number ("0性收", "6采购"). Reads what is certain — the leading number, or blank when
/// only cut bytes remain — and returns true; false (text) otherwise.
bool read_damaged(std::string_view t, TokenKind& kind, std::optional<Decimal>& value, std::string_view& unit) {
  std::string clean;
  bool had_bad = false;
  for (std::size_t i = 0; i < t.size();) {
    if (t.substr(i, kCut.size()) == kCut) { had_bad = true; i += kCut.size(); continue; }
    clean.push_back(t[i++]);
  }
  std::string_view c = clean;
  while (!c.empty() && (c.back() == '_' || c.back() == ' ')) c.remove_suffix(1);
  while (!c.empty() && (c.front() == '_' || c.front() == ' ')) c.remove_prefix(1);
  if (had_bad && c.empty()) { kind = TokenKind::blank; return true; }
  if (had_bad && blank_marker(c)) { kind = TokenKind::blank; return true; }  // "-�": a dash and a cut
  // a sign opens a change (2019's 本年增/减: `-48��`)
  const std::size_t sign = c.size() > 1 && (c[0] == '-' || c[0] == '+') && c[1] >= '0' && c[1] <= '9' ? 1 : 0;
  std::size_t d = sign;
  while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
  if (d == sign) return false;
  // a decimal part belongs to the number (18651.06�费)
  if (d + 1 < c.size() && c[d] == '.' && c[d + 1] >= '0' && c[d + 1] <= '9') {
    ++d;
    while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
  }
  // The cell ended where html2text cut it: a number right before a cut character is the cell,
  // whatever overflow follows ("0�，不计其他情形）").
  std::size_t dt = sign;  // the same number counted in t, which it must start
  while (dt < t.size() && ((t[dt] >= '0' && t[dt] <= '9') || t[dt] == '.')) ++dt;
  bool cut_after_digits = dt == d && t.substr(dt, kCut.size()) == kCut;
  // a comma alone after the digits, the cell's end: the label's overflow (`|55,|` under
  // `区分处理的，`), not a thousands separator, which digits would follow
  const bool overflow_comma = !had_bad && d + 1 == c.size() && c[d] == ',' && d > sign;
  if (d < c.size() && !overflow_comma) {
    std::size_t k = d;
    if (c.substr(d, 3) == "\u5E74") return false;                   // 年: a year, not a cell
    if (!cut_after_digits && !text::is_han(text::next_code_point(c, k))) return false;  // "1.", "2021年" stay text
  } else if (!had_bad && !overflow_comma) {
    return false;
  }
  const std::size_t from = c[0] == '+' ? 1 : 0;  // (Decimal reads a minus, not a plus)
  std::optional<Decimal> v = Decimal::parse(c.substr(from, d - from));
  if (!v) return false;
  kind = TokenKind::number;
  value = v;
  unit = {};
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

/// A word that starts with a numbering ("1.", "(二)", "三、"): in a run of text words it starts a
/// label of its own ("(三) 1.属于…", "年 (二)部分…": a group's fragment beside a row's label).
bool opens_numbering(std::string_view w) {
  std::string_view rest;
  text::ItemStyle style;
  std::size_t at = 0;
  if (text::top_numbering(w, rest) != 0) return true;
  return text::item_numbering(w, style, at) != 0 && style != text::ItemStyle::shi;
}

/// Blank markers: the forms report-format.md lists (blank, -, —, /, ／, 无) and what tools print
/// for them (∕ from Chrome's PDFs through mutool, ―, …).
constexpr std::string_view kBlankMarkers[] = {"-", "--", "/", "\\", "无", "\u2014", "\u2014\u2014", "\u2026",
                                              "...", "\u2215", "\u2015"};

bool blank_marker(std::string_view s) {
  return std::find(std::begin(kBlankMarkers), std::end(kBlankMarkers), s) != std::end(kBlankMarkers);
}

/// The length of the blank marker (not an ideograph: 无 opens labels too) that opens `piece` and
/// is followed by the rest of a label — text, not a sign's number (`-6`) — or 0: `/可` of
/// html2text's `行政�/可`.
std::size_t marker_opening(std::string_view piece) {
  if (piece.empty()) return 0;
  std::size_t k = 0;
  if (text::is_han(text::next_code_point(piece, k)) || k >= piece.size()) return 0;
  std::size_t after = k;
  if (!text::is_han(text::next_code_point(piece, after))) return 0;  // (the rest of a label opens with an ideograph)
  return blank_marker(piece.substr(0, k)) ? k : 0;
}

/// Does a blank marker open some piece of `word` after a cut character (`行政�/可`)?
bool marker_after_cut(std::string_view word) {
  for (std::size_t at = word.find(kCut); at != std::string_view::npos; at = word.find(kCut, at)) {
    at += kCut.size();
    if (marker_opening(word.substr(at)) > 0) return true;
  }
  return false;
}

/// Digits and an ellipsis (`608…`, `608...`): a number the page cut off at its side (the PDF
/// layout marks a word clipped so), or a dump cut short — its value is unknown.
bool cut_off_number(std::string_view w) {
  if (w.size() < 4 || (w.back() != '.' && w.back() != '\xA6')) return false;  // (most words: one test)
  if (w.ends_with("\u2026")) w.remove_suffix(3);
  else if (w.ends_with("...")) w.remove_suffix(3);
  else return false;
  return !w.empty() && w[0] >= '0' && w[0] <= '9' && w.find_first_not_of("0123456789.,") == std::string_view::npos;
}

/// The change words (2019 table 2's 本年增/减): a number after one is a change.
constexpr std::string_view kChangeWords[] = {"增加", "减少"};

/// The bytes of a change word that `text` ends with, or 0.
std::size_t change_word_before(std::string_view text) {
  for (std::string_view w : kChangeWords)
    if (text.ends_with(w)) return w.size();
  return 0;
}

/// The bytes of a change word that `text` starts with, or 0.
std::size_t change_word_after(std::string_view text) {
  for (std::string_view w : kChangeWords)
    if (text.starts_with(w)) return w.size();
  return 0;
}

/// Does s open with a three-byte character a number or a blank marker may open with (减少, 增加,
/// 无, —, ―, …, ∕)?
bool opens_cell(std::string_view s) {
  for (std::string_view c : {"减", "增", "无", "\u2014", "\u2015", "\u2026", "\u2215"})
    if (s.substr(0, 3) == c) return true;
  return false;
}

/// Thousands separators where they belong: 1–3 digits first, then groups of exactly three.
bool separators_well_placed(std::string_view s) {
  std::size_t group = 0;
  bool first = true;
  for (char c : s) {
    if (c == '.') break;
    if (c == ',') {
      if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return false;
      first = false;
      group = 0;
    } else {
      ++group;
    }
  }
  return first || group == 3;
}

/// Whether normalized byte `at` (a space) was a no-break space in the decoded text.
bool folded_nbsp(const text::NormalizedText& nt, std::uint32_t at) {
  return nt.text[at] == ' ' && nt.decoded->view.substr(nt.origin[at], 2) == "\u00a0";
}

/// A box field (normalized, from offset `at`) that is a blank and then overflow: a no-break space
/// or a blank marker other than 无 (a label may start with 无), then text with no digit in it.
bool blank_then_overflow(const text::NormalizedText& nt, std::uint32_t at, std::string_view f) {
  if (f.empty() || !nt.decoded) return false;
  std::size_t mark = f[0] == ' ' && folded_nbsp(nt, at) ? 1 : 0;
  for (std::string_view m : kBlankMarkers)
    if (m != "无" && starts_with(f, m)) mark = std::max(mark, m.size());
  if (!mark) return false;
  const std::string_view rest = f.substr(mark);
  return rest.find_first_of("0123456789") == std::string_view::npos &&
         rest.find_first_not_of(" _-") != std::string_view::npos;
}

/// The bytes of the run of 无 that `word` (normalized, from offset `at`) ends with, each of which
/// the decoded text set apart by a space from what precedes it; 0 for none.
std::size_t spaced_wu_at_end(const text::NormalizedText& nt, std::uint32_t at, std::string_view word) {
  if (!nt.decoded) return 0;
  const std::string_view dec = nt.decoded->view;
  std::size_t n = 0;
  while (n + 3 < word.size() && word.substr(word.size() - n - 3, 3) == "\u65E0") {
    const std::uint32_t from = nt.origin[at + word.size() - n - 3];
    const bool spaced = from > 0 && (dec[from - 1] == ' ' || dec[from - 1] == '\t' ||
                                     (from >= 3 && dec.substr(from - 3, 3) == "\u3000"));
    if (!spaced) break;
    n += 3;
  }
  return n;
}

/// At most `n` characters in `f` besides spaces and html2text's underscores (a cut character counts).
bool few_characters(std::string_view f, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto c = static_cast<unsigned char>(f[i]);
    if (c == ' ' || c == '_' || (c & 0xC0) == 0x80) continue;
    if (++count > n) return false;
  }
  return true;
}

/// Stands in, in a copy of a line, for a no-break space that is a cell of its own.
constexpr char kLoneNbsp = '\x1F';

/// html2text prints a cell holding only &nbsp; as that no-break space, padded by spaces like any
/// cell: the cell is there, and blank. Normalization folds it to a space, so the decoded text is
/// asked. Copies `line` into `marked` with each run of no-break spaces that is such a cell set to
/// kLoneNbsp; false, and nothing copied, when the line has none. A run is a cell where it stands
/// among cells: two spaces after a label (cells are padded) or right after a value or another such
/// cell, and before a value, another such cell, two spaces or the line's end — not the no-break
/// spaces a label keeps after its text ("其他法律行政法规禁 \u00a0 \u00a0"). Lines cut at tabs or
/// rules are left alone: there a field of spaces already is a blank cell.
bool mark_lone_nbsp(const text::NormalizedText& nt, std::uint32_t base, std::string_view line, std::string& marked) {
  // where html2text cut characters the cells run together: which no-break space is whose cell
  // is unknown there, and a row read with some of its blanks and not others is not read at all
  if (!nt.decoded || !nt.decoded->ordered || line.empty() || line.find(kCut) != std::string_view::npos) return false;
  const std::string_view dec = nt.decoded->view;
  const std::uint32_t db = nt.origin[base], de = nt.origin[base + line.size()];
  if (de <= db || dec.substr(db, de - db).find("\u00a0") == std::string_view::npos) return false;
  auto nbsp = [&](std::size_t k) { return folded_nbsp(nt, base + static_cast<std::uint32_t>(k)); };
  // the line's words between plain spaces, a run of no-break spaces being a word
  struct Word {
    std::size_t b, e, gap_before;
    bool nbsp, value, cell = false;
  };
  thread_local std::vector<Word> words;
  words.clear();
  std::size_t gap = 0;
  for (std::size_t k = 0; k < line.size();) {
    if (line[k] == ' ' && !nbsp(k)) { ++gap; ++k; continue; }
    const bool run = nbsp(k);
    std::size_t e = k + 1;
    while (e < line.size() && (run ? nbsp(e) : line[e] != ' ')) ++e;
    const std::string_view w = line.substr(k, e - k);
    words.push_back({k, e, words.empty() ? 2 : gap, run, !run && w.find_first_not_of("0123456789.,") == std::string_view::npos});
    gap = 0;
    k = e;
  }
  for (std::size_t i = 0; i < words.size(); ++i)
    words[i].cell = words[i].nbsp && (words[i].gap_before >= 2 || words[i - 1].value || words[i - 1].cell);
  bool any = false;
  for (std::size_t i = words.size(); i-- > 0;) {
    Word& w = words[i];
    if (!w.cell) continue;
    const bool last = i + 1 == words.size();
    w.cell = last || words[i + 1].gap_before >= 2 || words[i + 1].value || words[i + 1].cell;
    if (!w.cell) continue;
    if (!any) marked.assign(line);
    any = true;
    std::fill(marked.begin() + static_cast<std::ptrdiff_t>(w.b), marked.begin() + static_cast<std::ptrdiff_t>(w.e), kLoneNbsp);
  }
  return any;
}

}  // namespace

int small_item_number(std::string_view d) {
  if (d.empty() || d.size() > 2 || d[0] == '0' || !std::all_of(d.begin(), d.end(), is_digit)) return 0;
  return d.size() == 1 ? d[0] - '0' : (d[0] - '0') * 10 + (d[1] - '0');
}

bool unit_only(std::string_view cell) {
  cell = text::trim(cell);
  return std::find(std::begin(kCellUnits), std::end(kCellUnits), cell) != std::end(kCellUnits);
}

TokenKind classify(std::string_view s, std::optional<Decimal>& value, std::string_view& unit, bool* odd_separator) {
  value.reset();
  unit = {};
  // the common cell, digits alone: what the steps below come to for it
  if (!s.empty() && std::all_of(s.begin(), s.end(), is_digit)) {
    value = Decimal::parse(s);
    return value ? TokenKind::number : TokenKind::text;
  }
  s = text::trim(s);
  // html2text pads cells with underscores ("0_____"); they are rules, not content.
  while (!s.empty() && s.back() == '_') s.remove_suffix(1);
  while (!s.empty() && s.front() == '_') s.remove_prefix(1);
  s = text::trim(s);
  // Text that opens with an ideograph no number (减少, 增加) or blank marker (无) opens with, nor
  // a dash or slash: a label. What the steps below come to for it: text, with its unit if it
  // ends in one.
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) >= 0xE0 && !opens_cell(s)) {
    for (auto u : kCellUnits)
      if (ends_with(s, u)) {
        unit = u;
        break;
      }
    return TokenKind::text;
  }
  if (s.empty() || blank_marker(s)) return TokenKind::blank;
  for (auto u : kCellUnits)
    if (ends_with(s, u)) {
      unit = u;
      s.remove_suffix(u.size());
      s = text::trim(s);
      break;
    }
  bool neg = false;
  if (starts_with(s, "减少")) { neg = true; s.remove_prefix(6); }
  else if (starts_with(s, "增加")) { s.remove_prefix(6); }
  s = text::trim(s);
  if (s.empty()) return TokenKind::text;
  if (s[0] == '-' || s[0] == '+') {
    if (s[0] == '-') neg = !neg;
    s.remove_prefix(1);
  }
  if (s.empty() || s[0] < '0' || s[0] > '9') return TokenKind::text;
  std::string digits;
  digits.reserve(s.size() + 1);
  if (neg) digits.push_back('-');
  bool dot = false, commas = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c == ',' && !dot && i > 0 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') commas = true;
    else if (c == '.' && !dot && i + 1 < s.size()) {
      dot = true;
      digits.push_back('.');
    } else {
      return TokenKind::text;  // "1." numbering, "2021年", …
    }
  }
  value = Decimal::parse(digits);
  if (!value) return TokenKind::text;  // too many digits: not a cell we can trust as a number
  if (commas && odd_separator) *odd_separator = !separators_well_placed(s);
  return TokenKind::number;
}

bool written_as_change(std::string_view cell) {
  cell = text::trim(cell);
  return !cell.empty() && (cell[0] == '+' || cell[0] == '-' || change_word_after(cell) > 0);
}

bool written_blank(std::string_view cell) {
  std::optional<Decimal> value;
  std::string_view unit;
  if (classify(cell, value, unit) != TokenKind::blank) return false;
  // classify's empty forms — spaces, tabs, no-break spaces, html2text's underscores — are not written
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ' ' || cell[i] == '\t' || cell[i] == '_') continue;
    if (cell.substr(i, 2) == "\u00a0") { ++i; continue; }
    return true;
  }
  return false;
}

namespace {

/// One line of the region cut into tokens: [first, last) of the region's tokens (CutRegion).
struct CutLine {
  std::uint32_t line = 0;
  LineStyle style = LineStyle::plain;
  std::uint16_t empties_before = 0;  ///< fully empty lines between the previous non-empty line and this one
  bool blank_line = false;           ///< a line of only spaces / no-break spaces (an office export's blank cell)
  std::uint32_t first = 0, last = 0;
  bool empty() const { return first == last; }
  std::uint32_t size() const { return last - first; }
};

/// The lines of a region cut into tokens, every line's tokens in one array (not a vector a
/// line). A line whose tokens change in number (a merged box row, a label split at its cut
/// characters) points at new ones appended at the end; tokens no line points at are dropped
/// when the candidate is made.
struct CutRegion {
  std::vector<Token> tokens;
  std::vector<CutLine> lines;
  std::span<Token> of(const CutLine& cl) { return {tokens.data() + cl.first, tokens.data() + cl.last}; }
  std::span<const Token> of(const CutLine& cl) const { return {tokens.data() + cl.first, tokens.data() + cl.last}; }
};

/// Cuts normalized line `li` into tokens, appended to `into`: at hard separators (tabs, box-drawing
/// and pipe characters, runs of two or more spaces) and, inside a field, at single spaces between
/// numbers.
CutLine cut_line(const text::NormalizedText& nt, std::size_t li, std::vector<Token>& into) {
  CutLine out;
  out.line = static_cast<std::uint32_t>(li);
  out.first = static_cast<std::uint32_t>(into.size());
  std::string_view line = nt.line_text(li);
  const std::uint32_t base = nt.lines[li].begin;
  out.blank_line = !line.empty() && line.find_first_not_of(' ') == std::string_view::npos;

  // Pass 1: raw fields between hard separators (tab, box/pipe characters, 2+ spaces).
  struct Raw { std::uint32_t b, e; int field; };
  thread_local std::vector<Raw> raws;  // kept from line to line: no allocation per line
  raws.clear();
  int field = 0;
  std::size_t start = 0, i = 0;
  bool has_tab = line.find('\t') != std::string_view::npos;
  // Box and pipe tables separate cells by their rules alone; spaces inside a box are content.
  bool has_box = line.find('|') != std::string_view::npos || line.find("\u2502") != std::string_view::npos ||
                 line.find("\u2503") != std::string_view::npos;
  thread_local std::string marked;
  if (!out.blank_line && !has_tab && !has_box && mark_lone_nbsp(nt, base, line, marked)) line = marked;
  auto close = [&](std::size_t end) {
    raws.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), field});
  };
  while (i < line.size()) {
    std::size_t at = i;
    const auto c = static_cast<unsigned char>(line[i]);
    // a tab, a pipe, a box-drawing character (U+2500–257F: E2 94/95 xx) or U+FFE8 (EF BF A8), told
    // by its bytes: any other character is passed whole
    bool separator;
    if (c < 0x80) {
      ++i;
      separator = c == '\t' || c == '|';
    } else {
      const std::size_t len = std::min<std::size_t>(c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, line.size() - i);
      const auto c1 = len == 3 ? static_cast<unsigned char>(line[i + 1]) : 0;
      separator = (c == 0xE2 && (c1 == 0x94 || c1 == 0x95)) ||
                  (c == 0xEF && c1 == 0xBF && static_cast<unsigned char>(line[i + 2]) == 0xA8);
      i += len;
    }
    if (separator) {
      close(at);
      ++field;
      start = i;
    } else if (c == ' ' && i < line.size() && line[i] == ' ' && !has_tab && !has_box) {
      close(at);
      while (i < line.size() && line[i] == ' ') ++i;
      ++field;
      start = i;
    }
  }
  close(line.size());
  out.style = has_box ? LineStyle::boxes : has_tab ? LineStyle::tabs : LineStyle::plain;
  bool underscore_padded = has_box && line.find("_|") != std::string_view::npos;

  text::NormalizedText::ColumnCursor cursor(nt, li);  // tokens come in order: columns in one pass
  struct Word {
    std::uint32_t b, e;
    TokenKind kind;
    std::optional<Decimal> v;
    std::string_view unit;
    bool damaged = false, glued = false, tail = false, odd = false, unreadable = false;
    bool written = false;  // a blank printed as such, whatever its text says (html2text's &nbsp;)
    bool apart = false;    // a blank cut from between a label's pieces: a cell, not part of the text
  };
  thread_local std::vector<Word> words;
  auto emit = [&](const Word& w, int fld) {
    Token t;
    t.kind = w.kind;
    t.style = out.style;
    t.begin = base + w.b;
    t.end = base + w.e;
    t.line = static_cast<std::uint32_t>(li);
    t.at.field = static_cast<std::int16_t>(std::min(fld, 32767));
    const text::TextWidth from = cursor.at(t.begin), to = cursor.at(t.end);
    t.at.column = static_cast<std::int16_t>(std::min(from.columns, 32767));
    t.at.width = static_cast<std::int16_t>(std::min(to.columns - from.columns, 32767));
    t.at.chars = static_cast<std::int16_t>(std::min(from.chars, 32767));
    t.at.char_width = static_cast<std::int16_t>(std::min(to.chars - from.chars, 32767));
    t.value = w.v;
    t.unit = w.unit;
    t.damaged = w.damaged;
    t.glued = w.glued;
    t.numbering_tail = w.tail;
    t.odd_separator = w.odd;
    t.unreadable = w.unreadable;
    if (t.kind == TokenKind::blank) t.written = w.written || written_blank(line.substr(w.b, w.e - w.b));
    into.push_back(std::move(t));
  };

  // Pass 2: within each field, single spaces separate numbers ("0 0 0", "12 2 2").
  // html2text writes what it cut off a cell into the cells after it: a number after a number cut
  // at its cell's edge may hold the lost digits (增加1267 printed `|增加1|17___|` for 1).
  bool after_cut_number = false;
  for (const Raw& r : raws) {
    // Outside the outer rules of a box table there are no cells (indentation, html2text overflow).
    bool outside = has_box && (r.field == 0 || r.field == field);
    std::string_view f = line.substr(r.b, r.e - r.b);
    bool rule = false, other = false;
    for (std::size_t k = 0; k < f.size() && !other;) {
      char32_t c = static_cast<unsigned char>(f[k]) < 0x80 ? static_cast<char32_t>(f[k++]) : text::next_code_point(f, k);
      if (is_box_rule(c)) rule = true;
      else if (c != ' ') other = true;
    }
    if (rule && !other) continue;  // rule-only fields of box tables carry nothing
    // html2text's box cell holding only a blank — &nbsp;, "-", "/" — with a label's overflow
    // written after it ("|\u00a0息_|", "|-形|"): past the row's first value, or past its label
    // where the overflow is a few characters (a value column's width, not a label's), it is
    // blank, named as damaged
    if (has_box && !outside && blank_then_overflow(nt, base + r.b, f) &&
        std::any_of(into.begin() + out.first, into.end(), [&](const Token& t) {
          return t.kind == TokenKind::number || (t.kind == TokenKind::text && few_characters(f, 4));
        })) {
      Word w{r.b, r.e, TokenKind::blank, {}, {}};
      w.damaged = true;
      w.written = f[0] == ' ';  // (as read_damaged reads "-�": a damaged blank, not counted as written)
      emit(w, r.field);
      continue;
    }
    words.clear();
    std::size_t k = 0;
    while (k < f.size()) {
      while (k < f.size() && f[k] == ' ') ++k;
      if (k >= f.size()) break;
      std::size_t b = k;
      k = std::min(f.find(' ', k), f.size());  // (memchr: a label's word is tens of bytes)
      // html2text cuts characters in half (U+FFFD) and runs cells together through the cut:
      // "只�5091��963" is text, then two numbers, each read but named as damaged.
      const std::string_view word = f.substr(b, k - b);
      const bool cut = !has_box && word.find(kCut) != std::string_view::npos;
      const bool has_digits = cut && word.find_first_of("0123456789") != std::string_view::npos;
      if (cut && (has_digits || marker_after_cut(word))) {
        std::size_t at = b;
        while (at < k) {
          while (at < k && f.substr(at, kCut.size()) == kCut) at += kCut.size();
          if (at >= k) break;
          std::size_t e = at;
          while (e < k && f.substr(e, kCut.size()) != kCut) ++e;
          // a blank cell run onto the rest of the label cut before it ("行政�/可": 行政许可's `/`,
          // then 可), the row's one cell: the blank, then the text (where the word holds digits
          // too, html2text laid a row's values over its label: values_in_damaged_labels)
          if (const std::size_t m = has_digits ? 0 : marker_opening(f.substr(at, e - at)); m > 0 && at > b) {
            Word blank{static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + at + m), TokenKind::blank, {}, {}};
            blank.damaged = true;
            blank.written = true;
            blank.apart = true;
            words.push_back(std::move(blank));
            Word rest{static_cast<std::uint32_t>(r.b + at + m), static_cast<std::uint32_t>(r.b + e), TokenKind::text, {}, {}};
            rest.damaged = true;
            words.push_back(std::move(rest));
            at = e;
            continue;
          }
          // a piece of label with a cell's digits run onto it before the cut ("…申52130�5340"):
          // the label, then the number
          std::size_t digits = e;
          while (digits > at && is_digit(f[digits - 1])) --digits;
          std::optional<Decimal> v;
          std::string_view unit;
          if (digits > at && digits < e && classify(f.substr(at, e - at), v, unit) == TokenKind::text) {
            Word label{static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + digits), TokenKind::text, {}, {}};
            label.damaged = true;
            words.push_back(std::move(label));
            at = digits;
          }
          Word w{static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + e), TokenKind::text, {}, {}};
          w.kind = classify(f.substr(at, e - at), w.v, w.unit, &w.odd);
          w.damaged = true;
          words.push_back(std::move(w));
          at = e;
        }
        continue;
      }
      // Cells run together with their labels (a page saved as text): "规章000行政规范性文件8855698"
      // — but a word that is one cell ("减少21", "2.5万元") is that cell.
      std::optional<Decimal> as_cell;
      std::string_view as_unit;
      bool as_odd = false;
      // a number whose end the page cut off, or (a field of its own: a PDF table's cell past the
      // page's side) the whole of it: a cell of unknown value
      if (cut_off_number(word) || (out.style == LineStyle::tabs && f.size() == 3 && (f == "\u2026" || f == "..."))) {
        Word w{static_cast<std::uint32_t>(r.b + b), static_cast<std::uint32_t>(r.b + k), TokenKind::number, {}, {}};
        w.unreadable = true;
        words.push_back(std::move(w));
        continue;
      }
      bool zeros_led = word.size() > 1 && word[0] == '0' && word.find_first_not_of("0123456789") == std::string_view::npos;
      const TokenKind as_kind = zeros_led ? TokenKind::text : classify(word, as_cell, as_unit, &as_odd);
      bool whole_cell = !zeros_led && as_kind == TokenKind::number;
      auto glued = whole_cell ? std::vector<GluedRun>{} : glued_runs(f.substr(b, k - b));
      if (!glued.empty()) {
        std::size_t at = b;
        for (const GluedRun& g : glued) {
          // 2019 table 2's change after its label, the space between two ideographs dropped
          // ("行政处罚 增加514" → "行政处罚增加514"): 增加514 is the one cell, not three run together
          const std::size_t cell = b + g.begin - change_word_before(f.substr(at, b + g.begin - at));
          if (cell > at)
            words.push_back({static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + cell), TokenKind::text, {}, {}});
          if (cell < b + g.begin) {
            Word w{static_cast<std::uint32_t>(r.b + cell), static_cast<std::uint32_t>(r.b + b + g.end), TokenKind::text, {}, {}};
            w.kind = classify(f.substr(cell, b + g.end - cell), w.v, w.unit);
            words.push_back(std::move(w));
            at = b + g.end;
            continue;
          }
          Word n{static_cast<std::uint32_t>(r.b + cell), static_cast<std::uint32_t>(r.b + b + g.end), TokenKind::number,
                 Decimal::parse(f.substr(b + g.begin, g.end - g.begin)), {}};
          n.glued = true;
          n.tail = g.numbering_tail;
          words.push_back(std::move(n));
          at = b + g.end;
        }
        if (at < k) words.push_back({static_cast<std::uint32_t>(r.b + at), static_cast<std::uint32_t>(r.b + k), TokenKind::text, {}, {}});
        continue;
      }
      Word w{static_cast<std::uint32_t>(r.b + b), static_cast<std::uint32_t>(r.b + k), TokenKind::text, {}, {}};
      std::string_view t = line.substr(w.b, w.e - w.b);
      if (t.find_first_not_of(kLoneNbsp) == std::string_view::npos) {
        w.kind = TokenKind::blank;
        w.written = true;
        words.push_back(std::move(w));
        continue;
      }
      if (t.size() > 18 && t.find_first_not_of("0123456789.,") == std::string_view::npos) {
        w.kind = TokenKind::number;  // a number no cell can hold exactly: a cell of unknown value
        w.unreadable = true;
        words.push_back(std::move(w));
        continue;
      }
      // "无 无": normalization drops the space between two ideographs, but these are two cells
      if (t.size() >= 6 && t.size() % 3 == 0 && std::string_view(t).find_first_not_of("\xE6\x97\xA0") == std::string_view::npos) {
        bool all = true;
        for (std::size_t q = 0; q < t.size(); q += 3) all &= t.substr(q, 3) == "无";
        if (all) {
          for (std::size_t q = 0; q < t.size(); q += 3)
            words.push_back({w.b + static_cast<std::uint32_t>(q), w.b + static_cast<std::uint32_t>(q + 3), TokenKind::blank, {}, {}});
          continue;
        }
      }
      // "规章 无 无 无", "行政事业性收费 无": normalization drops the space between two ideographs,
      // but a 无 the text set apart from what precedes it is a blank cell (pdfminer prints a row's
      // cells on its label's line one space apart)
      if (std::size_t wu = spaced_wu_at_end(nt, base + w.b, t); wu > 0 && wu < t.size()) {
        Word label = w;
        label.e = w.e - static_cast<std::uint32_t>(wu);
        label.kind = classify(line.substr(label.b, label.e - label.b), label.v, label.unit, &label.odd);
        if (label.kind == TokenKind::text) {
          words.push_back(std::move(label));
          for (std::uint32_t q = w.e - static_cast<std::uint32_t>(wu); q < w.e; q += 3)
            words.push_back({q, q + 3, TokenKind::blank, {}, {}});
          continue;
        }
      }
      if (zeros_led) {
        w.kind = classify(t, w.v, w.unit, &w.odd);
      } else {  // the word as classified above (t is that word)
        w.kind = as_kind;
        w.v = as_cell;
        w.unit = as_unit;
        w.odd = as_odd;
      }
      if (w.kind == TokenKind::text && has_box) w.damaged = read_damaged(t, w.kind, w.v, w.unit);
      // html2text without box lines cuts cells at their column's width too, and lays a wrapped
      // label's overflow over the cells after it: on a line it cut, `2申` and `-密` are the cell 2
      // and a blank cell, each with characters of the label's rest after it
      // (`一、本年新收政府信� 17�� 2申 1数`, `1.属于国家� -密`), named as damaged
      // (a word of cut characters alone is a piece of the label's rest, not a blank cell; the
      // line is looked through only for a word that opens with a digit or a blank marker)
      auto number_or_marker_first = [&] {
        return is_digit(t[0]) || t[0] == '-' || t[0] == '/' || t[0] == '\\' || t[0] == '.' || t[0] == '\xE2';
      };
      if (w.kind == TokenKind::text && !has_box && number_or_marker_first() && !starts_with(t, kCut) &&
          line.find(kCut) != std::string_view::npos) {
        if (marker_opening(t) > 0) {
          w.kind = TokenKind::blank;
          w.damaged = true;
        } else if (is_digit(t[0]) || t[0] == '-') {
          w.damaged = read_damaged(t, w.kind, w.v, w.unit);
        }
      }
      // html2text pads each cell with underscores to its column's width and cuts what is wider:
      // a number that fills its cell to the edge, on a line whose other cells are padded, may
      // have lost digits ("减少2" for 减少21).
      if (w.kind == TokenKind::number && has_box && underscore_padded && k == f.size() && f.size() > 0 &&
          f.back() != '_' && f.back() != ' ')
        w.damaged = true;
      words.push_back(std::move(w));
    }
    // html2text pads a box cell to its column's width with no-break spaces and may cut them in
    // half: cut characters alone after a value in its cell (`|3�� �|`) are that cell's padding,
    // not a blank cell of their own (corpus 174)
    if (has_box && words.size() > 1 && words.front().kind != TokenKind::text)
      words.erase(std::remove_if(words.begin() + 1, words.end(),
                                 [&](const Word& w) { return w.kind == TokenKind::blank && cut_only(line.substr(w.b, w.e - w.b)); }),
                  words.end());
    if (has_box && underscore_padded && !words.empty()) {
      if (after_cut_number && words.front().kind == TokenKind::number) words.front().damaged = true;
      const Word& last = words.back();
      after_cut_number = last.kind == TokenKind::number && last.damaged && last.e == r.e;
    }
    // A change word and its number apart in one cell (`减少 5`: a PDF's CJK and Latin fonts make
    // two words) are the one change, -5 — not a label and a count. On a plain line a cell's
    // words stand one space apart (pdftotext -layout), cells further.
    for (std::size_t wi = 0; wi + 1 < words.size(); ++wi) {
      Word &c = words[wi], &n = words[wi + 1];
      const std::string_view gap = line.substr(c.e, n.b - c.e);
      if (c.kind != TokenKind::text || n.kind != TokenKind::number || change_word_after(line.substr(c.b, c.e - c.b)) != c.e - c.b ||
          gap.find_first_not_of(' ') != std::string_view::npos || (!has_tab && !has_box && gap.size() != 1))
        continue;
      Word w{c.b, n.e, TokenKind::text, {}, {}};
      w.kind = classify(line.substr(w.b, w.e - w.b), w.v, w.unit);
      if (w.kind != TokenKind::number) continue;
      c = std::move(w);
      words.erase(words.begin() + static_cast<long>(wi) + 1);
    }
    // Outside a box, a line of underscores is a rule (html2text's top edge), not a blank cell.
    if (!has_box) std::erase_if(words, [&](const Word& w) {
      std::string_view t = line.substr(w.b, w.e - w.b);
      return t.size() >= 3 && t.find_first_not_of('_') == std::string_view::npos;
    });
    bool only_blanks = std::all_of(words.begin(), words.end(), [](const Word& w) { return w.kind == TokenKind::blank; });
    if ((has_tab || has_box) && !words.empty() && only_blanks && words.size() > 1) {
      // one cell of a tab or box line is one blank, however its filler is spaced ("_ _")
      emit(Word{words.front().b, words.back().e, TokenKind::blank, {}, {}}, r.field);
      continue;
    }
    if (words.empty()) {
      // In tab- and pipe-separated lines a field of spaces is a blank cell; an empty field is
      // layout (merged cells, html2text's cut cells) and no cell at all.
      // A field that is a no-break space is a cell holding &nbsp; (a browser's copy of a page:
      // `\t\u00a0\t`): printed as blank, as html2text's lone one is.
      if ((has_tab || has_box) && r.e > r.b && !outside) {
        Word w{r.b, r.e, TokenKind::blank, {}, {}};
        for (std::uint32_t q = r.b; q < r.e && nt.decoded && !w.written; ++q) w.written = folded_nbsp(nt, base + q);
        emit(w, r.field);
      }
      continue;
    }
    // Text words (and blank markers between text) merge into one label; numbers stand alone.
    std::size_t w0 = 0;
    while (w0 < words.size()) {
      if (words[w0].kind != TokenKind::text) {
        // a blank marker between words of text is part of the text ("补正后 - 申请"): only at the
        // field's edges, or among values, or cut from a label's pieces (`行政�/可`), is it a cell
        bool inside_text = words[w0].kind == TokenKind::blank && !words[w0].apart && w0 > 0 && w0 + 1 < words.size() &&
                           words[w0 - 1].kind == TokenKind::text && words[w0 + 1].kind == TokenKind::text;
        if (!inside_text) {
          emit(words[w0], r.field);
          ++w0;
          continue;
        }
      }
      std::size_t w1 = w0 + 1;
      while (w1 < words.size() && (words[w1].kind == TokenKind::text ||
                                   (words[w1].kind == TokenKind::blank && !words[w1].apart && w1 + 1 < words.size() &&
                                    words[w1 + 1].kind == TokenKind::text)) &&
             !(words[w1].kind == TokenKind::text && opens_numbering(line.substr(words[w1].b, words[w1].e - words[w1].b))))
        ++w1;
      // A number right after text inside one field with one space ("1. 属于国家秘密", "规章 0")
      // stays a separate token: only text runs merge.
      emit(Word{words[w0].b, words[w1 - 1].e, TokenKind::text, {}, {}}, r.field);
      w0 = w1;
    }
  }
  out.last = static_cast<std::uint32_t>(into.size());
  return out;
}

/// A box table row drawn over several text lines (w3m wraps labels inside their cell and puts the
/// values on any of the lines): the lines between two horizontal rules are one logical row, cell
/// by cell — a cell's text is its lines' text in order, its value the number on one of its lines,
/// else a blank. Where rules close the row on both sides every such group is one row; a group
/// not closed by rules (a pipe table without rules between its rows) is merged only when its one
/// line of numbers is the first, so that a header over a row of values stays apart. Lines cut
/// into different cells, or a cell with two numbers, stay rows of their own.
void merge_box_group(CutRegion& region, std::vector<CutLine>& group, bool ruled) {
  auto numbers = [&](const CutLine& cl) {
    return std::ranges::any_of(region.of(cl), [](const Token& t) { return t.kind == TokenKind::number; });
  };
  auto fields = [&](const CutLine& cl) {
    int n = 0;
    for (const Token& t : region.of(cl)) n = std::max(n, t.at.field + 1);
    return n;
  };
  auto keep = [&] {
    region.lines.insert(region.lines.end(), group.begin(), group.end());
    group.clear();
  };
  if (group.size() < 2) return keep();
  std::size_t with_numbers = 0;
  for (const CutLine& cl : group) with_numbers += numbers(cl);
  bool same_cells = std::all_of(group.begin(), group.end(), [&](const CutLine& cl) {
    return cl.empty() || fields(cl) == fields(group.front());
  });
  bool values_below_text = false;
  for (std::size_t i = 1; i < group.size(); ++i) values_below_text |= numbers(group[i]);
  if (!same_cells || (!ruled && (with_numbers > 1 || values_below_text))) return keep();
  // Per field: every text token (label fragments, in line order) and one value (a number wins).
  std::vector<std::vector<Token>> texts;
  std::vector<const Token*> value;
  std::vector<int> numbers_in;
  for (const CutLine& cl : group)
    for (const Token& t : region.of(cl)) {
      auto f = static_cast<std::size_t>(std::max<int>(t.at.field, 0));
      if (texts.size() <= f) { texts.resize(f + 1); value.resize(f + 1, nullptr); numbers_in.resize(f + 1, 0); }
      if (t.kind == TokenKind::text) texts[f].push_back(t);
      else {
        numbers_in[f] += t.kind == TokenKind::number;
        bool better = !value[f] || (value[f]->kind == TokenKind::blank &&
                                    (t.kind == TokenKind::number || (t.written && !value[f]->written)));
        if (better) value[f] = &t;
      }
    }
  if (std::any_of(numbers_in.begin(), numbers_in.end(), [](int n) { return n > 1; })) return keep();
  std::vector<Token> merged_tokens;  // (apart first: `value` points into the region's tokens)
  for (std::size_t f = 0; f < texts.size(); ++f) {
    for (Token& t : texts[f]) merged_tokens.push_back(std::move(t));
    if (texts[f].empty() && value[f]) merged_tokens.push_back(*value[f]);
  }
  CutLine merged;
  merged.line = group.front().line;
  merged.style = LineStyle::boxes;
  merged.empties_before = group.front().empties_before;
  merged.first = static_cast<std::uint32_t>(region.tokens.size());
  region.tokens.insert(region.tokens.end(), merged_tokens.begin(), merged_tokens.end());
  merged.last = static_cast<std::uint32_t>(region.tokens.size());
  region.lines.push_back(merged);
  group.clear();
}

bool is_rule_line(std::string_view t) {
  return t.find("\u2500") != std::string_view::npos || t.find("\u2550") != std::string_view::npos ||
         t.find("---") != std::string_view::npos;
}

/// A horizontal rule of a box table: inside the box (`│ ├───┼`) or across it (`├───┼───┤`, no
/// cell wall, so no cell and no token on it).
bool is_box_rule(const text::NormalizedText& nt, std::size_t li, const CutLine& cl) {
  // (its cells asked first: most lines are neither, and the rule's search reads the whole line)
  return (cl.style == LineStyle::boxes || cl.empty()) && is_rule_line(nt.line_text(li));
}

/// The lines [first, last) of a region cut into tokens, page furniture skipped, tokens outside
/// [begin, end) dropped (a section may start or end inside a line), and the several text lines of
/// one box-table row merged into one logical line.
CutRegion cut_region(const text::NormalizedText& nt, std::size_t first, std::size_t last, std::uint32_t begin,
                     std::uint32_t end) {
  CutRegion out;
  std::vector<Token>& tokens = out.tokens;
  // room for the tokens at once, not grown by doubling: a table line has some eight cells, and a
  // token at least a byte
  if (const std::size_t end_line = std::min(last, nt.lines.size()); first < end_line) {
    const std::size_t bytes = nt.lines[end_line - 1].end - nt.lines[first].begin;
    tokens.reserve(std::min<std::size_t>(8 * (end_line - first), bytes));
  }
  std::vector<CutLine> group;
  std::uint16_t empties = 0;
  // the current box group started right after a horizontal rule (the region may start right
  // under the rule that closes the table's header)
  bool opened_by_rule = false;
  for (std::size_t li = first; li-- > 0;) {
    if (nt.lines[li].dropped || nt.lines[li].begin == nt.lines[li].end) continue;
    // (cut only when its text is a rule's: the line before a region is mostly prose; its tokens
    // are dropped again)
    opened_by_rule = is_rule_line(nt.line_text(li)) && is_box_rule(nt, li, cut_line(nt, li, tokens));
    tokens.clear();
    break;
  }
  for (std::size_t li = first; li < last && li < nt.lines.size(); ++li) {
    if (nt.lines[li].dropped) continue;
    if (nt.lines[li].begin == nt.lines[li].end) {
      if (empties < 65535) ++empties;
      continue;
    }
    CutLine cl = cut_line(nt, li, tokens);  // (its tokens are the last of `tokens`)
    cl.empties_before = empties;
    empties = 0;
    if (nt.lines[li].begin < begin || nt.lines[li].end > end) {
      // Text straddling the region's edge is cut at it (a heading glued to the first label);
      // a value straddling it is not the table's.
      tokens.erase(std::remove_if(tokens.begin() + cl.first, tokens.end(), [&](Token& t) {
        if (t.end <= begin || t.begin >= end) return true;
        if (t.kind != TokenKind::text) return t.begin < begin || t.end > end;
        t.begin = std::max(t.begin, begin);
        t.end = std::min(t.end, end);
        return false;
      }), tokens.end());
      cl.last = static_cast<std::uint32_t>(tokens.size());
      cl.blank_line = false;
    }
    bool only_blanks = std::ranges::all_of(out.of(cl), [](const Token& t) { return t.kind == TokenKind::blank; });
    if (is_box_rule(nt, li, cl)) {
      merge_box_group(out, group, opened_by_rule);
      // A rule under some columns only (a taller cell continues beside it): its text stands alone.
      if (!only_blanks) out.lines.push_back(cl);
      opened_by_rule = true;
      continue;
    }
    if (cl.style == LineStyle::boxes) {
      group.push_back(cl);
      continue;
    }
    merge_box_group(out, group, false);
    opened_by_rule = false;
    out.lines.push_back(cl);
  }
  merge_box_group(out, group, false);
  return out;
}


/// The arabic item number `s` holds at byte i — one or two digits not after a digit, then 、 or
/// `.` not before one (a decimal) — or 0; `end` gets where its mark ends.
int arabic_item_at(std::string_view s, std::size_t i, std::size_t* end = nullptr) {
  if (i >= s.size() || !is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) return 0;
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  const std::size_t mark = starts_with(s.substr(j), "、") ? 3 : starts_with(s.substr(j), ".") ? 1 : 0;
  if (mark == 0 || (j + mark < s.size() && is_digit(s[j + mark]))) return 0;
  const int n = small_item_number(s.substr(i, j - i));
  if (n > 0 && end) *end = j + mark;
  return n;
}

/// A label line that starts with its numbering's punctuation alone ("．属于三类内部事务信息") and
/// a next line that starts with a small integer right under it ("5      51   2   53"): the
/// digit is the numbering, printed a line away (pdftotext -layout sets it on the line of the
/// cell's vertical centre), not a value.
void numbering_digits_a_line_away(const text::NormalizedText& nt, CutRegion& region) {
  const std::vector<CutLine>& lines = region.lines;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const CutLine &a = lines[i], &b = lines[i + 1];
    if (a.empty() || b.size() < 2 || b.empties_before > 0 || a.style != LineStyle::plain) continue;
    const Token& label = region.tokens[a.first];
    Token& digit = region.tokens[b.first];
    if (label.kind != TokenKind::text || digit.kind != TokenKind::number || digit.at.column < 0 || label.at.column < 0) continue;
    std::string_view l = token_text(nt, label);
    if (!starts_with(l, ".") && !starts_with(l, "、")) continue;
    if (small_item_number(token_text(nt, digit)) == 0) continue;
    if (std::abs(digit.at.column - label.at.column) > 1) continue;
    digit.kind = TokenKind::text;
    digit.value.reset();
  }
}

/// The item number of the last `N、` or `N.` in s (`（三）不予 1、属于国家秘密`: 1), or 0.
int last_item_number(std::string_view s) {
  int last = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (int n = arabic_item_at(s, i); n > 0) last = n;
  return last;
}

/// The item number of the first `N、` or `N.` in s, or 0.
int first_item_number(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (int n = arabic_item_at(s, i); n > 0) return n;
  return 0;
}

/// Does a label open with its item mark, the number before it lost (`、保护第三方…`, `.其他`)?
bool opens_with_item_mark(std::string_view s) { return starts_with(s, "、") || starts_with(s, "."); }

/// Is the text quotation marks alone? (Normalization folds every one of them to `"` or `'`.)
bool quotes_only(std::string_view s) { return !s.empty() && s.find_first_not_of("\"'") == std::string_view::npos; }

/// pdftotext's reading order sets a label's item number apart from its words, on a line of its
/// own after the label's wrapped lines (`、其他法律行政法规禁止` / `公开` / `2`): a small integer
/// alone on its line, where the label before it opens with `、` or `.` and the integer is the
/// number after the last one printed with its label (`1、属于国家秘密`) and words follow it, is
/// that numbering — or the number before the next one printed with its label: a group's first
/// item restarts at 1 (`8、属于行政查询事项` … `、本机关不掌握相关政府` / `1` / `信息` / `（四）无法 2、没有…`).
void numbering_digits_apart(const text::NormalizedText& nt, CutRegion& region) {
  const std::vector<CutLine>& lines = region.lines;
  // per line, the first item number printed with a label on a later line (0: none)
  std::vector<int> next_printed(lines.size() + 1, 0);
  for (std::size_t li = lines.size(); li-- > 0;) {
    next_printed[li] = next_printed[li + 1];
    if (lines[li].style != LineStyle::plain) continue;
    for (const Token& t : region.of(lines[li]))
      if (t.kind == TokenKind::text)
        if (int n = first_item_number(token_text(nt, t)); n > 0) {
          next_printed[li] = n;
          break;
        }
  }
  int last = 0;
  bool wanting = false;   // a label opened with 、 or . since, its number not yet seen
  bool numbered = false;  // the number of the label that opens with its mark next was seen before it
  // a line holding only a mark-led label's number, right before that label (`4` / `、保护第三方合法权益`)
  // — past a line of the label's quotation marks alone, which a PDF's CJK font may set a little
  // higher (mutool of LibreOffice's PDF: `3` / `“` / `．危及 三安全` / `”` / `一稳定`)
  auto opens_with_mark = [&](std::size_t lj) {
    while (lj < lines.size() && lines[lj].size() == 1 && lines[lj].style == LineStyle::plain &&
           region.tokens[lines[lj].first].kind == TokenKind::text && quotes_only(token_text(nt, region.tokens[lines[lj].first])))
      ++lj;
    if (lj >= lines.size() || lines[lj].empty() || lines[lj].style != LineStyle::plain) return false;
    const Token& t = region.tokens[lines[lj].first];
    return t.kind == TokenKind::text && opens_with_item_mark(token_text(nt, t));
  };
  auto number_before_label = [&](std::size_t lj, int m) {
    if (lj >= lines.size() || lines[lj].size() != 1 || lines[lj].style != LineStyle::plain) return false;
    const Token& t = region.tokens[lines[lj].first];
    return t.kind == TokenKind::number && small_item_number(token_text(nt, t)) == m && opens_with_mark(lj + 1);
  };
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const CutLine& cl = lines[li];
    if (cl.style != LineStyle::plain || cl.empty()) continue;
    // (words with no number of their own follow it: a row's first value is followed by its
    // others, its last by the next label — `正` / `、` / `行` … / `2` / `94` / … / `2` / `2.申`, the
    // 、 inside a label a character a line)
    auto words_next = [&] {
      if (li + 1 >= lines.size() || lines[li + 1].empty()) return false;
      const Token& next = region.tokens[lines[li + 1].first];
      return next.kind == TokenKind::text && arabic_item_at(token_text(nt, next), 0) == 0;
    };
    // the number a label that opens with its mark alone lost: past it on the label's own line, in
    // a field of its own, the line's one number (pdftotext -layout: `．其他   3`, then `（七）总计 …`;
    // a reading-order dump's `、其他法律行政法规禁止 2` is a value one space after its label)
    const Token& first = region.tokens[cl.first];
    const Token& end = region.tokens[cl.last - 1];
    const bool after_mark = cl.size() == 2 && first.kind == TokenKind::text && end.at.field > first.at.field &&
                            opens_with_item_mark(token_text(nt, first));
    if (after_mark) wanting = true;
    if ((cl.size() == 1 || after_mark) && end.kind == TokenKind::number) {
      Token& t = region.tokens[cl.last - 1];
      const int n = small_item_number(token_text(nt, t));
      if (wanting && n > 0 && (n == last + 1 || n + 1 == next_printed[li + 1]) &&
          (words_next() || number_before_label(li + 1, n + 1))) {
        t.kind = TokenKind::text;
        t.value.reset();
        last = n;
        wanting = false;
      } else if (cl.size() == 1 && n > 0 && n == last + 1 + (wanting ? 1 : 0) && opens_with_mark(li + 1)) {
        // or right before it, the number after the last (the label before, wanting its own, lost
        // it): `、属于三类内部事务信` / `息` / … / `0` / `6` / `、属于四类过程性信息` (corpus 177)
        t.kind = TokenKind::text;
        t.value.reset();
        last = n;
        wanting = false;
        numbered = true;
      }
      continue;
    }
    for (const Token& t : region.of(cl)) {
      if (t.kind != TokenKind::text) continue;
      const std::string_view s = token_text(nt, t);
      if (opens_with_item_mark(s)) {
        if (!numbered) wanting = true;
        numbered = false;
      } else if (int n = last_item_number(s); n > 0) {
        last = n, wanting = false, numbered = false;
      }
    }
  }
}

/// A label html2text overwrote with its row's values (it lays a wrapped label's lines over the
/// cells beside it): "（二）部分公开（区�4263�507��23只31�这�232���5�5061计其他情形）". After the
/// first cut character (in the token, or right before it), every run of digits (a decimal part or thousands groups included) that
/// is no numbering ("4.保护…") is a value of the row, damaged; the label keeps the text before
/// the first. The row's total is what confirms them (the placement step).
void values_in_damaged_labels(const text::NormalizedText& nt, CutRegion& region) {
  std::vector<Token> out;  // a line's tokens, where some label gives up values
  for (CutLine& cl : region.lines) {
    if (cl.style != LineStyle::plain) continue;
    out.clear();
    bool split = false;
    for (Token& t : region.of(cl)) {
      std::string_view s = token_text(nt, t);
      // the label's part after a cut character: a token that holds one, or starts right after one
      // (the cutter splits a line at cut characters)
      bool after_cut = t.begin >= kCut.size() && std::string_view(nt.text).substr(t.begin - kCut.size(), kCut.size()) == kCut;
      std::size_t cut = t.kind != TokenKind::text ? std::string_view::npos : after_cut ? 0 : s.find(kCut);
      if (cut == std::string_view::npos) {
        out.push_back(t);
        continue;
      }
      std::vector<Token> found;
      for (std::size_t i = cut; i < s.size();) {
        if (!is_digit(s[i])) { ++i; continue; }
        std::size_t j = i;
        while (j < s.size() && (is_digit(s[j]) || ((s[j] == ',' || s[j] == '.') && j + 1 < s.size() && is_digit(s[j + 1])))) ++j;
        // "4.保护…" / "4、…": a numbering, not a value
        bool numbering = j < s.size() && (s[j] == '.' || starts_with(s.substr(j), "、"));
        // a sign right before the digits, after text or a cut character, is the number's
        // (2019's 本年增/减 laid over its label: `其他对�9管理�-6务`, the change −6)
        if (i > cut && (s[i - 1] == '-' || s[i - 1] == '+') && (i - 1 == 0 || !is_digit(s[i - 2]))) --i;
        std::optional<Decimal> v;
        std::string_view unit;
        if (!numbering && classify(s.substr(i, j - i), v, unit) == TokenKind::number) {
          Token n;
          n.kind = TokenKind::number;
          n.damaged = true;
          n.value = v;
          n.begin = t.begin + static_cast<std::uint32_t>(i);
          n.end = t.begin + static_cast<std::uint32_t>(j);
          n.line = t.line;
          n.style = t.style;
          found.push_back(std::move(n));
        }
        i = j;
      }
      if (!found.empty()) {
        split = true;
        // the label ends where its values begin
        std::uint32_t first = found.front().begin;
        std::string_view before = s.substr(0, first - t.begin);
        while (ends_with(before, kCut)) before.remove_suffix(kCut.size());
        t.end = t.begin + static_cast<std::uint32_t>(before.size());
        // what is left a numbering alone right after a cut (`��3、�51`) may be a cell's digits
        // run onto the label's 、 as well as a numbering: damaged, it opens no row's label
        std::size_t end = 0;
        if (after_cut && arabic_item_at(before, 0, &end) > 0 && end == before.size()) t.damaged = true;
      }
      if (t.end > t.begin) out.push_back(t);
      for (Token& n : found) out.push_back(std::move(n));
    }
    if (!split) continue;  // (its tokens as they were)
    cl.first = static_cast<std::uint32_t>(region.tokens.size());
    region.tokens.insert(region.tokens.end(), out.begin(), out.end());
    cl.last = static_cast<std::uint32_t>(region.tokens.size());
  }
}

/// Is text token t a numbering alone (`4.`, `（四）`, `三、`)?
bool numbering_alone(const text::NormalizedText& nt, const Token& t) {
  const std::string numbering = text::squeeze(token_text(nt, t));
  text::ItemStyle style;
  std::size_t text_at = 0;
  std::string_view rest;
  return (text::item_numbering(numbering, style, text_at) > 0 && text_at == numbering.size()) ||
         (text::top_numbering(numbering, rest) > 0 && rest.empty());
}

/// A label that begins with 无 (（四）无法提供, 4．无正当理由…) wrapped right after it: `（四） 无` /
/// `法提供`. That 无 ends its line after a numbering alone — a word of the label, not a blank cell.
void wu_after_numbering(const text::NormalizedText& nt, CutRegion& region) {
  std::vector<CutLine>& lines = region.lines;
  for (CutLine& cl : lines) {
    if (cl.size() < 2) continue;
    Token &before = region.tokens[cl.last - 2], &last = region.tokens[cl.last - 1];
    if (last.kind != TokenKind::blank || token_text(nt, last) != "\u65E0" || before.kind != TokenKind::text) continue;
    if (!numbering_alone(nt, before)) continue;
    before.end = last.end;
    --cl.last;
  }
  // The same across lines: a 无 alone on its line between a numbering alone and text (mutool
  // sets a narrow cell's label a character a line: `4.` / `无` / `正` / `当` …) is the label's
  // first word.
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    const CutLine &prev = lines[i - 1], &cl = lines[i], &next = lines[i + 1];
    if (cl.size() != 1 || prev.size() != 1 || next.empty() || region.tokens[next.first].kind != TokenKind::text) continue;
    Token& wu = region.tokens[cl.first];
    const Token& before = region.tokens[prev.first];
    if (wu.kind != TokenKind::blank || token_text(nt, wu) != "\u65E0" || before.kind != TokenKind::text) continue;
    // …or left of the label text on the lines around it, where no value stands (pdftotext
    // -layout sets a group's label a character a line beside its rows': `  没有` / `无` /
    // `  现成` / `法`, the 无 of （四）无法提供)
    const std::int16_t right = std::min(before.at.column, region.tokens[next.first].at.column);
    if (numbering_alone(nt, before) || text::char_count(token_text(nt, before)) == 1 ||
        (wu.at.column >= 0 && wu.at.column < right)) {
      wu.kind = TokenKind::text;
      wu.written = false;
    }
  }
}

}  // namespace

/// A line of spaces set apart by an empty line from what comes before it and right above a line
/// of text is spacing before that text (a Word-made PDF through mutool: an empty paragraph
/// before each of table 2's blocks), not a blank cell: an office export's blank cells stand
/// among their row's lines (`行政许可 / 424 / ␠ / 33`), a row's lines close together.
bool spacer_before_text(const CutRegion& cut, std::size_t k) {
  if (cut.lines[k].empties_before == 0 || k + 1 >= cut.lines.size()) return false;
  const CutLine& next = cut.lines[k + 1];
  return next.empties_before == 0 && !next.empty() && cut.tokens[next.first].kind == TokenKind::text;
}

Candidate text_candidate(const text::NormalizedText& nt, std::size_t first, std::size_t last, std::uint32_t begin,
                         std::uint32_t end) {
  Candidate c;
  std::uint32_t last_line = 0;
  CutRegion cut = cut_region(nt, first, last, begin, end);
  numbering_digits_a_line_away(nt, cut);
  numbering_digits_apart(nt, cut);
  values_in_damaged_labels(nt, cut);
  wu_after_numbering(nt, cut);
  // The region's tokens become the candidate's as they are where every line's follow the line
  // before's, none left out and no line of spaces wanting a token: mostly so. Else they are
  // copied line by line.
  std::size_t tokens = 0;  // room for every token at once (a line of spaces gets one)
  std::uint32_t next = 0;  // where the next line's tokens start if each follows the one before
  bool as_cut = true;
  for (const CutLine& cl : cut.lines) {
    as_cut &= cl.first == next && !(cl.blank_line && cl.empty());
    next = cl.last;
    tokens += std::max<std::size_t>(cl.size(), 1);
  }
  as_cut &= next == cut.tokens.size();
  if (as_cut) c.tokens = std::move(cut.tokens);
  else c.tokens.reserve(tokens);
  c.line_of.reserve(tokens);
  c.lines.reserve(cut.lines.size());
  for (std::size_t k = 0; k < cut.lines.size(); ++k) {
    const CutLine& cl = cut.lines[k];
    last_line = cl.line;
    Candidate::Line line;
    line.first = as_cut ? cl.first : static_cast<std::uint32_t>(c.tokens.size());
    line.nt_line = cl.line;
    line.empties_before = cl.empties_before;
    line.style = cl.style;
    if (!as_cut) {
      if (cl.blank_line && cl.empty() && !spacer_before_text(cut, k)) {
        Token t;
        t.kind = TokenKind::blank;
        t.spaces_line = true;
        t.begin = nt.lines[cl.line].begin;
        t.end = nt.lines[cl.line].end;
        t.line = cl.line;
        c.tokens.push_back(t);
      }
      c.tokens.insert(c.tokens.end(), cut.tokens.begin() + cl.first, cut.tokens.begin() + cl.last);
    }
    line.last = as_cut ? cl.last : static_cast<std::uint32_t>(c.tokens.size());
    if (line.last == line.first) continue;
    c.line_of.insert(c.line_of.end(), line.last - line.first, static_cast<std::uint32_t>(c.lines.size()));
    c.lines.push_back(line);
  }
  for (std::size_t li = last_line + 1; li < last && li < nt.lines.size() && !c.lines.empty(); ++li)
    if (!nt.lines[li].dropped && nt.lines[li].begin == nt.lines[li].end && c.trailing_empties < 65535) ++c.trailing_empties;
    else if (!nt.lines[li].dropped) break;
  return c;
}

}  // namespace ogi::tables
