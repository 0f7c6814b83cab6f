// SPDX-License-Identifier: Apache-2.0
// The table engine, top-down: cut → candidate → labels → rows → placement options → placement
// → cells (tables.hpp, docs/tables.md). One generic reader serves all three tables; what differs
// between them is data (the template, layout.hpp).
#include <algorithm>
#include <bitset>
#include <string>

#include "model/finding.hpp"
#include "tables/candidate.hpp"
#include "tables/bounds.hpp"
#include "tables/boxes.hpp"
#include "tables/columns.hpp"
#include "tables/glued.hpp"
#include "tables/labels.hpp"
#include "tables/exact.hpp"
#include "tables/layout.hpp"
#include "tables/place.hpp"
#include "tables/rows.hpp"
#include "tables/shared_columns.hpp"
#include "tables/stacked.hpp"
#include "tables/stated.hpp"
#include "tables/stream.hpp"
#include "tables/tables.hpp"
#include "template/phrases.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
namespace {

/// One way of reading a table: a layout, its label alignment and row reading.
struct Reading {
  const Layout* layout = nullptr;  ///< one of the template's cached layouts
  LabelAlignment align;
  RowReading rows;
  std::vector<std::vector<int>> by_stated;  ///< per printed row: the stated figures that narrowed its placements
  /// per printed row: the other row its values may be, where they stand between the two labels
  /// (values_between_labels), or -1
  std::vector<int> between;
};

/// The template version the first of the template's version words in `s` names, or unknown.
TemplateVersion version_named(std::string_view s) {
  const templates::TableDef& def = templates::active_disclosure();
  std::size_t first = def.version_words.size();
  templates::phrases(def).each(s, [&](std::size_t p, std::size_t) {
    const templates::Phrase& ph = templates::phrases(def).phrases()[p];
    if (ph.kind == templates::PhraseKind::version_word) first = std::min<std::size_t>(first, ph.index);
  });
  if (first == def.version_words.size()) return TemplateVersion::unknown;
  return def.version_words[first].second == templates::v2019 ? TemplateVersion::v2019 : TemplateVersion::v2021;
}

/// How many words apart two pieces of one wrapped header cell may be printed: a row of up to
/// four cells wrapped line by line, with a line of another cell between its two lines.
constexpr std::size_t kWrapReach = 8;

/// The template version table 2's header words name, or unknown.
/// (Of a token's words, the first in the template's list decides: the table's matcher finds them
/// all in one pass over the token.) A narrow header cell wraps its words into pieces
/// (`本年制` / `发件数`) that no token holds whole: pdfminer prints the pieces one after the
/// other, reading-order dumps a row's first pieces, then its second (`本年制 本年废 现行有` /
/// `发件数 止件数 效件数`). Where no token names a version, two pieces a few words apart in the
/// block the version words head (第二十条第（一）项, up to the next block) are joined; they decide
/// only where every such join names the same version. (Outside that block a wrapped label of
/// another table may join into one: `另行制` / `作`.)
TemplateVersion version_from_words(const text::NormalizedText& nt, const Candidate& cand) {
  const templates::TableDef& def = templates::active_disclosure();
  std::string s;
  std::size_t block = cand.tokens.size(), block_end = cand.tokens.size();
  for (std::size_t i = 0; i < cand.tokens.size(); ++i) {
    const Token& t = cand.tokens[i];
    if (t.kind != TokenKind::text) continue;
    text::squeeze_into(token_text(nt, t), s);
    if (const TemplateVersion v = version_named(s); v != TemplateVersion::unknown) return v;
    for (std::size_t g = 0; g < def.groups.size(); ++g) {
      if (s.find(def.groups[g]) == std::string::npos) continue;
      if (g == 0 && block == cand.tokens.size()) block = i;
      else if (g > 0 && block < i && block_end == cand.tokens.size()) block_end = i;
    }
  }
  // the pieces: the words of the text as written (token_written)
  std::vector<std::string> words;
  for (std::size_t i = block; i < block_end; ++i) {
    if (cand.tokens[i].kind != TokenKind::text) continue;
    const std::string_view written = token_written(nt, cand.tokens[i]);
    each_written_word(written, [&](std::size_t from, std::size_t to) { words.push_back(text::fold_key(written.substr(from, to - from))); });
  }
  TemplateVersion joined = TemplateVersion::unknown;
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t j = i + 1; j < words.size() && j <= i + kWrapReach; ++j) {
      s.assign(words[i]).append(words[j]);
      const TemplateVersion v = version_named(s);
      if (v == TemplateVersion::unknown) continue;
      if (joined != TemplateVersion::unknown && joined != v) return TemplateVersion::unknown;
      joined = v;
    }
  return joined;
}

/// The best-aligned of the layouts a table may be printed in.
/// How many text tokens name a row that only this layout has (table 3's （六） rows), by a
/// keyword or a whole label: what decides between layouts whose alignments score the same.
int own_rows_named(const LabelMatches& matches, const Layout& l, const std::vector<const Layout*>& all) {
  std::vector<int> own;  // TableDef::rows indices
  for (const PrintedRow& r : l.rows)
    if (std::any_of(all.begin(), all.end(), [&](const Layout* o) { return o->row_of(r.key) < 0; }))
      if (int d = matches.row_index(r.key); d >= 0) own.push_back(d);
  if (own.empty()) return 0;
  int n = 0;
  for (std::size_t i = 0; i < matches.tokens().size(); ++i) {
    if (matches.tokens()[i].kind != TokenKind::text) continue;
    const std::int8_t* st = matches.strengths(i);
    n += std::any_of(own.begin(), own.end(), [&](int d) { return st[d] >= 4; });
  }
  return n;
}

Reading best_reading(const Candidate& cand, LabelMatches& matches, const std::vector<const Layout*>& layouts) {
  Reading best{layouts.front(), {}, {}, {}, {}};
  best.align = align_labels(matches, *best.layout);
  int best_own = -1;
  for (std::size_t i = 1; i < layouts.size(); ++i) {
    // a score sums one match a row, each of strength kStrongest at most: a layout of fewer rows
    // than the best score needs cannot reach it (table 3 printed whole: its (六) as one row)
    if (static_cast<long>(layouts[i]->rows.size()) * kStrongest < best.align.score) continue;
    LabelAlignment a = align_labels(matches, *layouts[i]);
    if (a.score == best.align.score) {
      if (best_own < 0) best_own = own_rows_named(matches, *best.layout, layouts);
      int own = own_rows_named(matches, *layouts[i], layouts);
      if (own <= best_own) continue;
      best_own = own;
    } else if (a.score < best.align.score) {
      continue;
    }
    best.layout = layouts[i];
    best.align = std::move(a);
  }
  best.rows = read_rows(cand, best.align, *best.layout);
  return best;
}

/// Fills `c` (a fresh cell) with the printed token `t`: in place, as a cell is moved twice more
/// on its way into the table.
void read_cell(const text::NormalizedText& nt, const Token& t, Cell& c) {
  c.value = t.kind == TokenKind::number ? t.value : std::nullopt;
  c.unit = t.unit;
  c.raw = token_text(nt, t);
  c.span = nt.span(t.begin, t.end, t.line);
}

/// The labels of row r's cells in `which`, joined by 、.
std::string join_columns(const Layout& l, std::size_t r, const std::bitset<kMostCells>& which) {
  std::string s;
  for (std::size_t c = 0; c < l.rows[r].cells.size(); ++c) {
    if (!which[c]) continue;
    if (!s.empty()) s += "、";
    s += templates::column_label(l.table, l.rows[r].cells[c].col);
  }
  return s;
}

/// Per candidate line: does it hold a word?
std::vector<bool> worded_lines(const Candidate& cand) {
  std::vector<bool> worded(cand.lines.size(), false);
  for (std::size_t i = 0; i < cand.tokens.size(); ++i)
    if (cand.tokens[i].kind == TokenKind::text) worded[cand.line_of[i]] = true;
  return worded;
}

/// Does every value of the table stand on a line with no text (no value beside a label)?
bool values_apart_from_labels(const Candidate& cand) {
  const std::vector<bool> worded = worded_lines(cand);
  bool any = false;
  for (std::size_t i = 0; i < cand.tokens.size(); ++i) {
    if (cand.tokens[i].kind != TokenKind::number) continue;
    if (worded[cand.line_of[i]]) return false;
    any = true;
  }
  return any;
}

/// Is every number of the table a 0? Then every identity holds wherever each stands, and a row
/// read blank may be the one a 0 was printed for (pdftotext: two 0s, each after the label before
/// its own row's).
bool only_zeros(const Candidate& cand) {
  bool any = false;
  for (const Token& t : cand.tokens) {
    if (t.kind != TokenKind::number) continue;
    if (!t.value || t.value->units != 0) return false;
    any = true;
  }
  return any;
}

/// Does the table write no blank cell (no `-`, `/`, line of spaces)? Then a row that printed
/// nothing left no trace of its cells, and only the order the values came out in says which.
bool no_blank_written(const Candidate& cand) {
  return std::none_of(cand.tokens.begin(), cand.tokens.end(), [](const Token& t) { return t.kind == TokenKind::blank; });
}

/// Does a numbering stand on a line of its own (`5.` under `获取信息`)? A dump that prints a
/// label's numbering apart from its words sets text in a reading order of its own (pdftotext's
/// default mode, on the row's vertical centre); one that keeps each cell's text in order (lynx)
/// prints `1．属于国家秘密` whole. (The labels as LabelMatches prepared them; the tokens cut from
/// glued digits after it did are values.)
bool numbering_apart_from_labels(const LabelMatches& matches) {
  for (std::size_t i = 0; i < matches.tokens().size(); ++i) {
    if (matches.tokens()[i].kind != TokenKind::text) continue;
    const LabelText& l = matches.label(i);
    if (l.numbering_only()) return true;
  }
  return false;
}

/// The row of layout `was` that row r of layout `now` is (they differ in table 3's （六） rows), or -1.
int same_row(const Layout& was, const Layout& now, std::size_t r) {
  return was.other == now.other ? static_cast<int>(r) : was.row_of(now.rows[r].key);
}

/// Do column header words stand between a row's label and its first value?
bool header_between_label_and_values(const Reading& rd, const RowValues& rv) {
  if (rv.values.empty()) return false;
  const std::uint32_t first = *std::min_element(rv.values.begin(), rv.values.end());
  for (std::uint32_t t = rv.label + 1; t < first && t < rd.align.marks.size(); ++t)
    if (rd.align.marks[t].role == TextRole::header) return true;
  return false;
}

/// Per printed row: is its total cell's number cut at the page's side? A table wider than its
/// page loses the right of its total column in a text dump (`51 / … / 5`, `22 / … / 2`): each
/// printed total is then the first digits of the sum of its row's other cells. Taken only where
/// two rows or more show it and no row keeps a whole total longer than the cut ones show (the
/// page's side lets a short total through whole: `391` beside `608` cut from 60890).
std::vector<bool> totals_cut_at_page_side(const Candidate& cand, const Layout& l, const Placement_result& placed) {
  std::vector<bool> cut(l.rows.size(), false);
  std::size_t cut_rows = 0;
  std::int64_t longest_whole = 0, longest_cut = 0;  // the largest total kept whole; the largest shown cut
  for (std::size_t r = 0; r < l.rows.size() && r < l.total_cell.size(); ++r) {
    const int total = l.total_cell[r];
    if (total < 0 || placed.cells[r].empty()) continue;
    std::int64_t sum = 0;
    const Token* printed_total = nullptr;
    bool whole = true;
    for (std::size_t c = 0; c < placed.cells[r].size() && whole; ++c) {
      const PlacedCell& pc = placed.cells[r][c];
      if (pc.kind == PlacedCell::absent) whole = false;
      if (pc.kind != PlacedCell::printed) continue;
      const Token& tok = cand.tokens[static_cast<std::size_t>(pc.token)];
      if (tok.kind != TokenKind::number) continue;
      // (counts only, read as written: the test compares decimal digits, which ExactValues'
      // common scale would shift where the table holds a decimal)
      if (!tok.value || tok.value->scale != 0) whole = false;
      else if (static_cast<int>(c) == total) printed_total = &tok;
      else sum += tok.value->units;
    }
    if (!whole || !printed_total) continue;
    const std::int64_t shown = printed_total->value->units;
    if (shown == sum) {
      longest_whole = std::max(longest_whole, shown);
      continue;
    }
    std::int64_t lead = sum;  // the sum's leading digits, as many as the shown total has
    while (lead > shown) lead /= 10;
    if (shown > 0 && lead == shown) {
      cut[r] = true;
      ++cut_rows;
      longest_cut = std::max(longest_cut, shown);
    }
  }
  auto digits = [](std::int64_t v) {
    int n = 1;
    for (; v >= 10; v /= 10) ++n;
    return n;
  };
  // a whole total longer than every cut one: the column is not cut, the rows' totals are the
  // document's
  const bool whole_too_long = digits(longest_whole) > digits(longest_cut);
  if (cut_rows < 2 || whole_too_long) cut.assign(l.rows.size(), false);
  return cut;
}

/// Turns a placed reading into the model's table and its diagnostics.
template <class Table>
Table emit(const text::NormalizedText& nt, const Candidate& cand, const Reading& rd, const std::vector<RowOptions>& options,
           const Placement_result& placed, const std::vector<templates::StatedFigure>& stated, bool numbering_apart,
           std::vector<Diagnostic>& diags) {
  using Row = typename decltype(Table::cells)::RowKey;
  using Col = typename decltype(Table::cells)::ColumnKey;
  const Layout& l = *rd.layout;
  Table t;
  bool complete = true;
  std::uint32_t lo = UINT32_MAX, hi = 0;
  auto cover = [&](const Token& tok) {
    lo = std::min(lo, tok.begin);
    hi = std::max(hi, tok.end);
  };
  auto diag = [&](std::string code, Severity sev, std::string_view row, std::string_view col, std::string msg, Span span) {
    diags.push_back(model::finding(std::move(code), sev, l.table, row, col, std::move(msg), span));
  };
  auto row_name = [&](std::size_t r) -> std::string_view {
    return l.rows[r].key >= 0 ? templates::row_label(l.table, l.rows[r].key) : l.def->name;
  };
  auto row_key = [&](std::size_t r) -> std::string_view {
    return l.rows[r].key >= 0 ? to_string(static_cast<Row>(l.rows[r].key)) : std::string_view{};
  };
  // A table most of whose rows with values could not be read prints its values out of their
  // rows' order (pdfminer's column boxes): a run after a label, each value alone on its line, may
  // be other rows' cells that happen to keep the row's total (`1.信访举报投诉类申请` / 39 / 44 / 11 /
  // 14 / 37 / 37 / 182: three rows' last two cells and a fourth row's total; the row is blank).
  // Such a row is read, and named.
  std::size_t with_values = 0, unplaced = 0;
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    if (!rd.rows.rows[r].found || rd.rows.rows[r].values.empty()) continue;
    ++with_values;
    unplaced += options[r].placements.empty() || placed.unconfirmed[r] || placed.totals_unmet[r] ||
                std::all_of(placed.cells[r].begin(), placed.cells[r].end(), [](const PlacedCell& c) { return c.kind == PlacedCell::absent; });
  }
  const bool mostly_unplaced = !l.single_row && unplaced * 2 > with_values;
  auto alone_on_line = [&](std::uint32_t i) {
    return (i == 0 || cand.tokens[i - 1].line != cand.tokens[i].line) &&
           (i + 1 >= cand.tokens.size() || cand.tokens[i + 1].line != cand.tokens[i].line);
  };
  // A row's values each alone on its line — its first may stand on its label's line, beside it
  // (pdftotext: `5．要求 2053` / `行政机` / `关确认` / `7` / `4` / …) — in a table most of whose rows
  // are not read: placed by print order alone.
  // (pdftotext keeps two close cells on one line now and then: `2574 / 28 / 84 112 / 1234`, one
  // such pair among a row's values still prints them apart)
  auto printed_apart = [&](const RowValues& rv) {
    if (rv.values.size() < 2) return false;
    std::size_t pairs = 0;
    for (std::size_t v = 0; v < rv.values.size(); ++v) {
      const std::uint32_t i = rv.values[v];
      if (alone_on_line(i) || (v == 0 && cand.tokens[i].line == cand.tokens[rv.label].line)) continue;
      // the first of two values that are the whole of their line, the second right after it
      const bool pair_start = v + 1 < rv.values.size() && rv.values[v + 1] == i + 1 &&
                              cand.tokens[i + 1].line == cand.tokens[i].line &&
                              (i == 0 || cand.tokens[i - 1].line != cand.tokens[i].line) &&
                              (i + 2 >= cand.tokens.size() || cand.tokens[i + 2].line != cand.tokens[i].line);
      if (!pair_start || ++pairs > 1) return false;
      ++v;
    }
    return true;
  };
  // Read by print order alone, a row whose values break its own total holds other rows' values,
  // not a finding about the document (pdftotext: `四.结转下年度继续办理 / 3 / 1333 / 1333 / 6693 /
  // 6733 / 5`, four of them the total row's): it is left out.
  auto by_print_order = [&](std::size_t r) {
    return mostly_unplaced && options[r].evidence == Evidence::count && printed_apart(rd.rows.rows[r]);
  };
  auto breaks_own_total = [&](std::size_t r) {  // (its one placement: evidence count)
    return own_identities(l, r, options[r].placements.front(), ExactValues(cand)).broken > 0;
  };
  // Likewise a row whose one value is a 0 alone on its line, read 0-or-blank in every cell, right
  // after a row that read no value: the 0 says the row counts nothing only if it is the row's
  // (pdftotext: `3．要求提供公开出版物` / `予处理` / `4．无正当理由大量反复申请` / `0`, the 0 the row
  // before's total, the row's own 5 3 8 after the last label).
  auto lone_zero_by_print_order = [&](std::size_t r) {
    const RowValues& rv = rd.rows.rows[r];
    if (!mostly_unplaced || r == 0 || rv.values.size() != 1 || !alone_on_line(rv.values.front())) return false;
    const RowValues& before = rd.rows.rows[r - 1];
    if (!before.found || !before.values.empty()) return false;
    const Token& zero = cand.tokens[rv.values.front()];
    return zero.kind == TokenKind::number && zero.value && zero.value->units == 0 &&
           std::any_of(placed.cells[r].begin(), placed.cells[r].end(), [](const PlacedCell& c) { return c.kind == PlacedCell::zero_or_blank; });
  };
  const std::vector<bool> total_cut = totals_cut_at_page_side(cand, l, placed);
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    const RowValues& rv = rd.rows.rows[r];
    const RowOptions& o = options[r];
    Span where = rv.found ? nt.span(cand.tokens[rv.label].begin, cand.tokens[rv.label].end, cand.tokens[rv.label].line) : Span{};
    if (rv.found && lone_zero_by_print_order(r)) {
      complete = false;
      cover(cand.tokens[rv.label]);
      diag("table.row_values_unplaced", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：表中多数行的数值没有印在其标签之后，本行只读到单独一行的 0，可能是其他行的数值，该行未输出",
           where);
      continue;
    }
    if (rv.found && !l.single_row && by_print_order(r) && breaks_own_total(r)) {
      complete = false;
      cover(cand.tokens[rv.label]);
      diag("table.row_values_unplaced", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：表中多数行的数值没有印在其标签之后，本行按印出顺序读到的 " +
               std::to_string(rv.values.size()) + " 个数值不满足本行合计，可能是其他行的数值，该行未输出",
           where);
      continue;
    }
    if (rv.found) cover(cand.tokens[rv.label]);
    if (!rv.found) {
      complete = false;
      if (l.single_row) {
        diag("table.values_missing", Severity::warning, {}, {}, std::string(l.def->name) + "没有读到数值", where);
      } else {
        diag("table.row_not_found", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行的标签没有出现，该行未输出", where);
      }
      continue;
    }
    if (o.placements.empty() || placed.unconfirmed[r] || placed.totals_unmet[r]) {
      complete = false;
      if (placed.totals_unmet[r])
        diag("table.row_values_unplaced", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行读到 " + std::to_string(rv.values.size()) +
                 " 个数值，各种读法都使本行合计不成立，无法确定各值所属列，该行未输出",
             where);
      else if (placed.unconfirmed[r])
        diag("table.row_values_missing", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行没有读到数值；是否全为空白，勾稽关系无法确认，该行未输出", where);
      else if (rv.values.empty())
        diag("table.row_values_missing", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行没有读到数值，该行未输出", where);
      else if (rv.values.size() == l.rows[r].cells.size())
        diag("table.row_values_unplaced", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行读到 " + std::to_string(rv.values.size()) +
                 " 个数值，与单元格数相同，但文本印出的顺序不能确定是各单元格的顺序，无法确定各值所属列，该行未输出",
             where);
      else
        diag("table.row_values_unplaced", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行读到 " + std::to_string(rv.values.size()) + " 个数值，应为 " +
                 std::to_string(l.rows[r].cells.size()) + " 个，无法确定各值所属列，该行未输出",
             where);
      continue;
    }
    if (r < rd.between.size() && rd.between[r] >= 0) {
      const auto other = static_cast<std::size_t>(rd.between[r]);
      const bool decided = std::none_of(placed.cells[r].begin(), placed.cells[r].end(),
                                        [](const PlacedCell& c) { return c.kind == PlacedCell::absent; });
      const std::string rows_named = other == r ? "「" + std::string(row_name(r)) + "」行与相邻行"
                                                : "「" + std::string(row_name(std::min(r, other))) + "」与「" +
                                                      std::string(row_name(std::max(r, other))) + "」两行";
      diag("table.values_between_labels", decided ? Severity::info : Severity::warning, row_key(r), {},
           rows_named + "的标签之间单独一行印有数值，" + (decided ? "按勾稽关系确定所属行" : "不能确定属于哪一行"), where);
    }
    // Print order alone placed these, in a dump that prints values apart from their labels and
    // with no identity to check them by: a value of another row may stand among them (pdftotext:
    // `行政处罚 / 行政强制 / 715 / 0`, the 715 规章's), so they are named for a look at the source.
    if (o.evidence == Evidence::block_order)
      diag("table.value_order", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：本块的行标签在前、数值在后，按行的顺序读出（没有勾稽关系可以核对）", where);
    else if (o.evidence == Evidence::block_among)
      diag("table.value_order", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：本块的数值夹在行标签之间，按标签位置允许的印出顺序（逐列，或各行首格随标签）读出（没有勾稽关系可以核对）",
           where);
    // A row with no identity of its own whose values its block's column header stands between
    // it and its label: the dump printed the label before the header, in a reading order of its
    // own, and print order alone placed the values (pdftotext: `行政事业性收费 / 上一年项目数量
    // 本年增/减 / 1535 / 52`, the 52 行政强制's).
    else if (header_between_label_and_values(rd, rv) && !l.has_row_identity(r))
      diag("table.value_order", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：数值与行标签之间隔着表头，按印出的顺序读出（没有勾稽关系可以核对）", where);
    if (by_print_order(r))
      diag("table.row_by_print_order", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：表中多数行的数值没有印在其标签之后，本行的数值" +
               (alone_on_line(rv.values.front()) ? "" : "除标签旁的首个外") + "各自单独成行，按印出的顺序读出" +
               (l.has_row_identity(r) ? "；本行合计成立，但这些数值仍可能是其他行的，请核对原文" : "（没有勾稽关系可以核对），请核对原文"),
           where);
    if (o.evidence == Evidence::column_alone_on_page)
      diag("table.columns_alone_on_page", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：空白单元格没有痕迹，本行单独印在一页上，按全表其他页的列位置读出（该页可能收拢了空列），请核对原文",
           where);
    if (o.evidence == Evidence::gap_width_of_dump)
      diag("table.columns_by_gap_width", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：空白单元格只在数值间多留空格，按表三各行的空格宽度和表头的左边距定出各值所在的列（各组合计成立），请核对原文",
           where);
    if (o.evidence == Evidence::column_by_header)
      diag("table.columns_by_header", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：空白单元格没有痕迹，哪一格为空白只按表头文字的位置确定（按字符排版的文本，多位数可能偏到下一列的表头下），请核对原文",
           where);
    // Cells no header word named a value for, read blank (pdfminer prints nothing for them):
    // the reading rests on the words before each value, and is said so.
    if (o.evidence == Evidence::header_words && rv.values.size() < l.rows[r].cells.size())
      diag("table.columns_by_header_words", Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：各数值按其前的表头文字归列，没有数值跟随其表头文字的单元格读作空白",
           where);
    if (o.evidence == Evidence::before_label)
      diag("table.value_before_label", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：本块唯一的数值印在行标签之前，读作该行的数值（没有勾稽关系可以核对）", where);
    else if (o.evidence == Evidence::runs_before_labels)
      diag("table.rows_before_labels", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：表中前几行的数值都成段印在各自行标签之前（首段在表头与第一行标签之间），"
           "各段个数与单元格数相同、各行合计成立，读作其后标签所在行的数值，请核对原文",
           where);
    else if (o.evidence == Evidence::stacked_labels)
      diag("table.rows_stacked", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：相邻几行的标签叠印在一起、数值成段印在一处（首格可能印在标签旁），"
           "按行的顺序读出，各行合计成立，请核对原文",
           where);
    else if (o.evidence == Evidence::before_labels)
      diag("table.value_before_label", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行：本块各行的数值都印在各自行标签之前、个数与单元格数相同，读作其后标签所在行的数值（没有勾稽关系可以核对）",
           where);
    if (rv.joined_lines)
      diag("table.row_joined_lines", Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行的数值分印在几行，" +
               (rv.joined_beside_label ? "后几行的数值印在本行标签的折行上" : "合在一起行合计才成立") + "，按一行读出",
           where);
    if (r < rd.by_stated.size() && !rd.by_stated[r].empty()) {
      std::string said;
      std::vector<std::string_view> quoted;  // (a report may state one figure in several places)
      for (int f : rd.by_stated[r]) {
        const std::string& phrase = stated[static_cast<std::size_t>(f)].phrase;
        if (std::find(quoted.begin(), quoted.end(), phrase) != quoted.end()) continue;
        quoted.push_back(phrase);
        said += (said.empty() ? "「" : "、「") + phrase + "」";
      }
      // no identity across rows holds the row's cells (table 2 has none) and one figure chose:
      // a figure the prose got wrong would be followed unseen (two that agree are two witnesses)
      bool prose_alone = quoted.size() < 2 && std::none_of(l.identities.begin(), l.identities.end(), [&](const LinearIdentity& id) {
        return !id.one_row &&
               std::any_of(id.terms.begin(), id.terms.end(), [&](const Term& term) { return term.row == static_cast<int>(r); });
      });
      diag("table.columns_by_statement", prose_alone ? Severity::warning : Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行的空白单元格在文本中没有痕迹，按正文" + said + "确定各值所属列" +
               (prose_alone ? "（只有这一处文字、没有勾稽关系可以核对）" : ""),
           where);
    }
    if (o.evidence == Evidence::wrapped)
      diag("table.counts_wrapped", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行读到 " + std::to_string(rv.values.size()) + " 个数值，多于 " +
               std::to_string(l.rows[r].cells.size()) + " 个：有的数值在单元格内折行、分印在相邻两行（如「12」「45」为 1245），合并后本行合计成立，按此读出，请核对原文",
           where);
    if (o.evidence == Evidence::glued_by_prose)
      diag("table.glued_split", Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行数值粘连，按正文所述件数唯一拆分", where);
    if (o.evidence == Evidence::one_line)
      diag("table.values_off_row", Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行的 " + std::to_string(l.rows[r].cells.size()) + " 个数值印在一行，另有 " +
               std::to_string(rv.values.size() - l.rows[r].cells.size()) + " 个数值各自单独成行，不属于该行，未使用",
           where);
    if (o.evidence == Evidence::extra)
      diag("table.extra_values", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行读到 " + std::to_string(rv.values.size()) + " 个数值，多于 " +
               std::to_string(l.rows[r].cells.size()) + " 个；只输出各种取舍都一致的单元格",
           where);
    bool any_zero_blank = false, any_left = false;
    std::bitset<kMostCells> left;  // the cells left out (a row has at most kMostCells: layout.hpp)
    std::string split;  // the glued digits as split, "217|1|0"

    // A value of unknown size (a number cut off) keeps or breaks the row's totals unseen: the
    // cells it left without text are not known blank.
    const int total_cell = r < l.total_cell.size() ? l.total_cell[r] : -1;
    const bool unknown_value =
        std::any_of(placed.cells[r].begin(), placed.cells[r].end(),
                    [](const PlacedCell& c) { return c.kind == PlacedCell::vanished_blank || c.kind == PlacedCell::zero_or_blank; }) &&
        std::any_of(rv.values.begin(), rv.values.end(), [&](std::uint32_t i) { return cand.tokens[i].unreadable; });
    for (std::size_t c = 0; c < l.rows[r].cells.size(); ++c) {
      const PlacedCell& pc = placed.cells[r][c];
      auto key = l.rows[r].cells[c];
      Cell cell;
      const bool unknown = unknown_value && (pc.kind == PlacedCell::vanished_blank || pc.kind == PlacedCell::zero_or_blank);
      switch (unknown ? PlacedCell::absent : pc.kind) {
        case PlacedCell::absent:
          complete = false;
          any_left = true;
          left[c] = true;
          continue;
        case PlacedCell::printed: {
          const Token& tok = cand.tokens[static_cast<std::size_t>(pc.token)];
          if (static_cast<int>(c) == total_cell && total_cut[r]) {
            complete = false;
            diag("table.cell_unreadable", Severity::warning, to_string(static_cast<Row>(key.row)), to_string(static_cast<Col>(key.col)),
                 "合计栏「" + std::string(token_text(nt, tok)) +
                     "」只是其余各栏之和的开头几位：表格比页面宽，合计列被页边截断（多行如此），无法读取，该单元格未输出",
                 nt.span(tok.begin, tok.end));
            continue;
          }
          if (tok.unreadable) {
            complete = false;
            diag("table.cell_unreadable", Severity::warning, to_string(static_cast<Row>(key.row)),
                 to_string(static_cast<Col>(key.col)),
                 token_text(nt, tok) == "..."  // (the whole cell past a PDF page's side)
                     ? std::string("单元格印在页边之外（表格比页面宽），无法读取，该单元格未输出")
                 : token_text(nt, tok).ends_with("...")
                     ? "单元格「" + std::string(token_text(nt, tok)) + "」的数字末尾被截断（印到页边之外或文本不全），无法读取，该单元格未输出"
                     : "单元格「" + std::string(token_text(nt, tok).substr(0, 40)) + "…」的数字过长，无法准确读取，该单元格未输出",
                 nt.span(tok.begin, tok.end));
            continue;
          }
          read_cell(nt, tok, cell);
          cover(tok);
          // a printed 0 may stand where a blank cell was: 0 or blank (value_order_sparse)
          if (o.evidence == Evidence::value_order_sparse && (!cell.value || cell.value->units == 0)) any_zero_blank = true;
          if (o.evidence == Evidence::glued) split += (split.empty() ? "" : "|") + cell.raw;
          // (the cell's keys are spelled only for a finding: most cells have none)
          auto rkey = [&] { return to_string(static_cast<Row>(key.row)); };
          auto col_key = [&] { return to_string(static_cast<Col>(key.col)); };
          if (tok.damaged)
            diag("table.cell_damaged", Severity::warning, rkey(), col_key(),
                 "单元格「" + cell.raw + "」含截断字符或相邻单元格的溢出文字，读作 " +
                     (cell.value ? cell.value->to_string() : std::string("空白")) + "，请核对原文",
                 cell.span);
          if (tok.odd_separator)
            diag("table.cell_odd_separator", Severity::warning, rkey(), col_key(),
                 "单元格「" + cell.raw + "」的千位分隔符位置不对，读作 " + cell.value->to_string() + "，请核对原文",
                 cell.span);
          break;
        }
        case PlacedCell::vanished_blank:
          if (o.evidence == Evidence::value_order_sparse) {  // a 0 may have floated past it: 0 or blank
            cell.value = Decimal{};
            any_zero_blank = true;
          }
          cell.span = nt.span(cand.tokens[rv.label].end, cand.tokens[rv.label].end);
          break;
        case PlacedCell::zero_or_blank:
          cell.value = Decimal{};
          cell.span = nt.span(cand.tokens[rv.label].end, cand.tokens[rv.label].end);  // no text of its own
          any_zero_blank = true;
          break;
      }
      t.cells.set(static_cast<Row>(key.row), static_cast<Col>(key.col), std::move(cell));
    }
    if (o.evidence == Evidence::glued && !any_left)
      diag("table.glued_split", Severity::info, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行数值粘连，按勾稽关系唯一拆分为 " + split, where);
    if (any_left)
      diag("table.cells_ambiguous", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行的数值有多种读法都满足勾稽关系，以下列未输出：" +
               join_columns(l, r, left),
           where);
    if (any_zero_blank)
      diag("table.zero_or_blank", Severity::warning, row_key(r), {},
           "「" + std::string(row_name(r)) + "」行有的单元格在不同读法中为 0 或空白（两者计数相同；未印出的按 0 输出），请核对原文", where);
  }
  // Values that belong to no row (after no label, and no reading of a row took them: the first
  // run of rows printed before their labels is after none).
  if (!rd.rows.orphans.empty() && !l.single_row) {
    std::vector<bool> taken(cand.tokens.size(), false);
    for (const RowOptions& o : options)
      for (const Placement& p : o.placements)
        for (std::int32_t token : p)
          if (token >= 0) taken[static_cast<std::size_t>(token)] = true;
    std::vector<std::uint32_t> left;
    for (std::uint32_t i : rd.rows.orphans)
      if (!taken[i]) left.push_back(i);
    bool numbers = std::any_of(left.begin(), left.end(), [&](std::uint32_t i) { return cand.tokens[i].kind == TokenKind::number; });
    if (numbers)
      diag("table.values_unplaced", Severity::info, {}, {}, std::to_string(left.size()) + " 个数值不在任何行标签之后，未使用",
           nt.span(cand.tokens[left.front()].begin, cand.tokens[left.front()].end));
  }
  const Span table_at = lo <= hi ? nt.span(lo, std::min(hi, lo + 3)) : Span{};
  // Rows read as blank because no value follows their label, in a dump whose values here all
  // stand on lines of their own, with no empty line for a blank cell, and whose numberings stand
  // apart from their labels' words: which rows printed nothing is print order's word alone, and
  // where a row's values came out after another row's label (pdftotext: `…重新出具已 / 获取信息 /
  // 5. / 1609 / 1609`, the 1609s 信访举报投诉类申请's) every identity still holds with them there.
  // So where the table writes no blank cell: its blank rows left no trace, and a reading order
  // that set a row's values after a later label (pdftotext: `5.属于三类内部事务信息 / 2 / 2`, the
  // 2s 予以公开's) reads the same as one that did not.
  std::string blank_rows;
  std::size_t blank_count = 0;
  // (lynx leaves an empty line for each blank cell: there the rows' places are marked)
  const bool slots = std::any_of(options.begin(), options.end(), [](const RowOptions& o) { return o.evidence == Evidence::empty_lines; });
  if (!slots && (numbering_apart || only_zeros(cand) || no_blank_written(cand)) && values_apart_from_labels(cand))
    for (std::size_t r = 0; r < l.rows.size(); ++r)
      if (options[r].evidence == Evidence::all_blank && rd.rows.rows[r].found && !placed.unconfirmed[r] &&
          !placed.totals_unmet[r] && blank_count++ < 3)
        blank_rows += (blank_rows.empty() ? "「" : "、「") + std::string(row_name(r)) + "」";
  if (blank_count > 0)
    diag("table.rows_blank_by_order", Severity::warning, {}, {},
         blank_rows + (blank_count > 3 ? "等 " + std::to_string(blank_count) + " 行" : "行") +
             "读作空白：表中的数值都不与行标签同行，各行的数值只按印出的顺序归属，勾稽关系不能确定哪些行为空白，请核对原文",
         table_at);
  // A row short of cells read with blanks that left no trace, in a table that writes its blank
  // cells (`-`, `/`) and a dump that prints values apart from their labels: a cell missing there
  // is a value lost or printed elsewhere as likely as a blank (pdftotext: table 4's 复议后起诉
  // `2 0 - 2` after the next heading, its group read blank from the one `-` before it).
  // (Table 4's one row: table 3's rows short of cells where blanks are written are left out
  // before placing, in a dump known to print values apart from their labels; see columns.cpp.)
  if (l.single_row && !no_blank_written(cand) && values_apart_from_labels(cand))
    for (std::size_t r = 0; r < l.rows.size(); ++r) {
      const RowOptions& o = options[r];
      if (o.placements.empty() || o.evidence == Evidence::all_blank || o.evidence == Evidence::blank_line || o.evidence == Evidence::empty_lines) continue;
      const bool short_of_cells = rd.rows.rows[r].values.size() < l.rows[r].cells.size();
      const bool read = std::any_of(placed.cells[r].begin(), placed.cells[r].end(), [](const PlacedCell& c) { return c.kind != PlacedCell::absent; });
      if (short_of_cells && read)
        diag("table.blanks_unwritten", Severity::warning, row_key(r), {},
             "「" + std::string(row_name(r)) + "」行的数值少于单元格数，缺少的单元格读作空白；表中的空白单元格是写出的（-、/），"
             "缺少的可能是漏印或印在别处的数值，请核对原文",
             table_at);
    }
  std::string unprinted;
  std::size_t unprinted_rows = 0;
  for (std::size_t r = 0; r < l.rows.size(); ++r)
    if (placed.total_unprinted[r] && std::any_of(placed.cells[r].begin(), placed.cells[r].end(), [](const PlacedCell& c) { return c.kind != PlacedCell::absent; })) {
      if (unprinted_rows++ < 3) unprinted += (unprinted.empty() ? "「" : "、「") + std::string(row_name(r)) + "」";
    }
  if (unprinted_rows > 0)
    diag("table.totals_unprinted", Severity::info, {}, {},
         unprinted + (unprinted_rows > 3 ? "等 " + std::to_string(unprinted_rows) + " 行" : "行") +
             "的合计栏为空，各值按其余各栏的勾稽关系读出；涉及合计栏的勾稽关系不成立之处是原文的问题",
         table_at);
  std::string tied;
  std::size_t tied_rows = 0;
  for (std::size_t r = 0; r < placed.by_shared_columns.size(); ++r)
    if (placed.by_shared_columns[r] && tied_rows++ < 3) tied += (tied.empty() ? "「" : "、「") + std::string(row_name(r)) + "」";
  if (tied_rows > 0)
    diag("table.columns_shared_on_page", Severity::info, {}, {},
         tied + (tied_rows > 3 ? "等 " + std::to_string(tied_rows) + " 行" : "行") +
             "的部分单元格按同一页上数值的位置读出：同一位置的数值属于同一列，各位置属于哪一列由勾稽关系确定（满足勾稽关系的各种对应在输出的单元格上一致）",
         table_at);
  bool searched = false;
  for (std::size_t r = 0; r < l.rows.size(); ++r) searched |= placed.by_identities[r] && options[r].evidence == Evidence::open;
  if (placed.budget_exhausted)
    diag("table.search_budget", Severity::warning, {}, {}, "按勾稽关系推断各值所属列时超出搜索上限，相关行未输出", table_at);
  else if (placed.past_budget_narrowed)
    diag("table.search_budget", Severity::info, {}, {},
         "按勾稽关系推断各值所属列时超出搜索上限；已找到满足全部勾稽关系的读法，只输出逐项勾稽关系所允许的各种读法都一致的单元格",
         table_at);
  else if (placed.identities_set_aside > 0)
    diag("table.columns_by_identities", Severity::warning, {}, {},
         "部分行的空白单元格在文本中没有痕迹，按勾稽关系确定各值所属列；没有一种读法满足全部勾稽关系，"
         "采用只有 " + std::to_string(placed.identities_set_aside) + " 项不成立的读法，请核对原文",
         table_at);
  else if (searched)
    diag("table.columns_by_identities", Severity::info, {}, {},
         "部分行的空白单元格在文本中没有痕迹，按勾稽关系确定各值所属列（所有满足勾稽关系的读法在输出的单元格上一致）",
         table_at);
  if (lo <= hi) t.span = nt.span(lo, hi);
  t.status = complete ? TableStatus::ok : TableStatus::uncertain;
  return t;
}

/// Did the placement leave any found row or cell out?
bool incomplete(const Reading& rd, const std::vector<RowOptions>& options, const Placement_result& placed) {
  for (std::size_t r = 0; r < rd.layout->rows.size(); ++r) {
    if (!rd.rows.rows[r].found || options[r].placements.empty()) return true;
    for (const PlacedCell& c : placed.cells[r])
      if (c.kind == PlacedCell::absent) return true;
  }
  return false;
}

/// The whole-table reading in value order, where the row-by-row reading left rows out: taken
/// when some reading holds every identity. Rows it contradicts are named.
/// Does every identity hold over the cells a reading placed? A whole-table reading stands on its
/// identities alone, and the search checks only those its open rows are in: an identity over rows
/// each read one way is no variable of the search and is checked here. (Identities with a cell
/// left out were the search's.)
bool every_identity_holds(const Candidate& cand, const Layout& l, const Placement_result& p) {
  const ExactValues value(cand);
  for (const LinearIdentity& id : l.identities) {
    Wide sum = 0;
    bool whole = true;
    for (const Term& t : id.terms) {
      const PlacedCell& c = p.cells[static_cast<std::size_t>(t.row)][static_cast<std::size_t>(t.cell)];
      if (c.kind == PlacedCell::absent) { whole = false; break; }
      if (c.kind == PlacedCell::printed) sum += t.sign * value(c.token);
    }
    if (whole && sum != 0) return false;
  }
  return true;
}

/// How many cells a placement emits.
std::size_t placed_cells(const Placement_result& p) {
  const auto cells = p.cells.all();
  return static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const PlacedCell& c) { return c.kind != PlacedCell::absent; }));
}

/// Does placement `now` (in layout `l`) give another value to a cell `was` (in layout `was_l`)
/// printed? A blank and a 0 are the same value; a cell `now` leaves out changes nothing.
bool changes_cells_read(const Candidate& cand, const Layout& was_l, const Placement_result& was, const Layout& l,
                        const Placement_result& now) {
  const ExactValues value(cand);
  auto value_of = [&](const PlacedCell& c) -> Wide { return c.kind == PlacedCell::printed ? value(c.token) : 0; };
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    const int before = same_row(was_l, l, r);
    if (before < 0 || was.cells[static_cast<std::size_t>(before)].empty()) continue;
    for (std::size_t c = 0; c < l.rows[r].cells.size(); ++c) {
      const PlacedCell& a = was.cells[static_cast<std::size_t>(before)][c];
      const PlacedCell& b = now.cells[r][c];
      if (a.kind == PlacedCell::printed && b.kind != PlacedCell::absent && value_of(a) != value_of(b)) return true;
    }
  }
  return false;
}

/// Is token i a number alone on its line that reads `numeral` (a numeral a label lost, printed
/// apart from it)?
bool lone_number_reading(const text::NormalizedText& nt, const Candidate& cand, std::uint32_t i, std::string_view numeral) {
  const Candidate::Line& line = cand.lines[cand.line_of[i]];
  return cand.tokens[i].kind == TokenKind::number && line.last - line.first == 1 && token_text(nt, cand.tokens[i]) == numeral;
}

/// The candidate with the values a table does not own set aside (made blanks not written, which
/// no whole-table reader takes), for a second pass of those readers where the first read
/// nothing; nullopt where there are none. `set_aside` counts them.
/// - Values before the table's first header word: pdftotext sets the previous table's last values
///   after the section's heading (`三、收到和处理… / 9 / 14 / 228 / 第二十条第(五)项 …`).
/// - A number alone on its line equal to the numeral a row's label lost (`、属于行政执法案卷`, its
///   `7` printed after the table's last label): the one such number, or of several the one after
///   the last label, where no text holds that numeral (`他处理 2缴纳费用`: the 2 went into text,
///   and a lone 2 is a cell).
std::optional<Candidate> set_aside_values_not_the_tables(const text::NormalizedText& nt, const Candidate& cand,
                                                       const Reading& rd, std::size_t& set_aside) {
  std::vector<bool> aside(cand.tokens.size(), false);
  const auto n = static_cast<std::uint32_t>(std::min(cand.tokens.size(), rd.align.marks.size()));
  std::uint32_t header = 0;
  while (header < n && !(cand.tokens[header].kind == TokenKind::text && rd.align.marks[header].role == TextRole::header)) ++header;
  if (header < n)
    for (std::uint32_t i = 0; i < header; ++i) aside[i] = cand.tokens[i].kind != TokenKind::text;
  const Layout& l = *rd.layout;
  const int last_label = rd.align.label_token.empty() ? -1 : *std::max_element(rd.align.label_token.begin(), rd.align.label_token.end());
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    const int label = rd.align.label_token[r];
    if (label < 0) continue;
    const std::string_view numeral = lost_numeral(nt, cand, l, r, static_cast<std::uint32_t>(label));
    if (numeral.empty()) continue;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto holds_numeral = [&](std::string_view s) {
      for (std::size_t at = s.find(numeral); at != std::string_view::npos; at = s.find(numeral, at + 1)) {
        const std::size_t end = at + numeral.size();
        if ((at == 0 || !digit(s[at - 1])) && (end == s.size() || !digit(s[end]))) return true;
      }
      return false;
    };
    if (std::any_of(cand.tokens.begin(), cand.tokens.end(), [&](const Token& t) {
          return t.kind == TokenKind::text && holds_numeral(token_text(nt, t));
        }))
      continue;
    // the one such number; of several, the one after the last label (where the numeral's glyph
    // was printed: a cell that equals the numeral stands among the rows)
    int lone = -1, lone_after = -1;
    for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
      if (!lone_number_reading(nt, cand, i, numeral)) continue;
      lone = lone == -1 ? static_cast<int>(i) : -2;
      if (static_cast<int>(i) > last_label) lone_after = lone_after == -1 ? static_cast<int>(i) : -2;
    }
    if (lone < 0) lone = lone_after;
    if (lone >= 0) aside[static_cast<std::size_t>(lone)] = true;
  }
  set_aside = static_cast<std::size_t>(std::count(aside.begin(), aside.end(), true));
  if (set_aside == 0) return std::nullopt;
  Candidate out = cand;
  for (std::size_t i = 0; i < aside.size(); ++i)
    if (aside[i]) {
      Token& t = out.tokens[i];
      t.kind = TokenKind::blank;
      t.written = t.spaces_line = false;
      t.value.reset();
    }
  return out;
}

/// The first token any of a row's placements holds (what names a row whose label is missing),
/// or -1.
int first_value_of(const RowOptions& o) {
  for (const Placement& pl : o.placements)
    for (std::int32_t t : pl)
      if (t >= 0) return t;
  return -1;
}

bool try_value_order(const text::NormalizedText& nt, const Candidate& cand, LabelMatches& matches,
                     const std::vector<const Layout*>& layouts,
                     const std::vector<templates::StatedFigure>& stated,
                     Reading& rd, std::vector<RowOptions>& options, Placement_result& placed,
                     std::vector<Diagnostic>& diags) {
  // The whole-table readings, in the order their evidence is strongest; each is open to every
  // table the layout gives identities to check it by.
  struct Whole {
    std::optional<std::vector<RowOptions>> (*read)(const Candidate&, const Layout&, const LabelAlignment&);
    const char* code;
    const char* says;
    bool labels_layout_only;  ///< rests on the values' order alone: the labels' layout, more cells than they read
    /// a print model at odds with values beside their labels: not taken where it changes a cell
    /// the labels read (a row printed whole after its label is no column's box); its rows' places
    /// rest on that model, not on where the labels stand, so the reading is a warning
    bool yields_to_labels = false;
  };
  static constexpr Whole readers[] = {
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_in_value_order(c, l); },
       "table.value_order", "表格的行标签与数值分开排列，按数值顺序读全表，所有勾稽关系成立", false},
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_rows_without_blanks(c, l); },
       "table.value_order", "表格的行标签与数值分开排列，空白单元格没有痕迹，按数值顺序逐行读全表，所有勾稽关系成立", true},
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_text_boxes(c, l); },
       "table.text_boxes", "表格各行被切成文本块，按文本块读全表，所有勾稽关系成立", false},
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) {
         return read_first_cells_beside_labels(c, l, BesideOrder::labels_in_order);
       },
       "table.text_boxes", "各行首格印在行标签旁，按此读全表，所有勾稽关系成立", false},
      {&read_runs_near_labels, "table.value_order",
       "表格各行的数值成段印在相邻行标签之间（段内次序可能轮转或按列），按此读全表，所有勾稽关系成立", true},
      // two rows' cells merged: only where it reads more than the labels did (merges that keep
      // both rows' totals may be many, and the rows the labels read say more)
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_in_value_order(c, l, RowsMerged::where_apart_they_break); },
       "table.value_order", "表格的行标签与数值分开排列，按数值顺序读全表（相邻两行的数值交错印出），所有勾稽关系成立，请核对原文", true, true},
      // the first cells beside labels printed out of the rows' order: which row each is the
      // first cell of rests on the identities alone
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_first_cells_beside_labels(c, l, BesideOrder::any); },
       "table.text_boxes", "各行首格印在行标签旁但次序与行不同，按勾稽关系确定各首格所属行读全表，所有勾稽关系成立，请核对原文", false, true},
      // last: it rests on a print model alone (where the labels stand says nothing)
      {[](const Candidate& c, const Layout& l, const LabelAlignment&) { return read_column_bands(c, l); },
       "table.text_boxes", "表格按列印成文本块（几段行，每段逐列印出），按此读全表，所有勾稽关系成立；各段的分法只取最少的一种，请核对原文", false, true},
  };
  auto attempt = [&](const Candidate& table) {
    for (const Whole& whole : readers)
    for (const Layout* each : layouts) {
      const Layout& layout = *each;
      // a reading that rests on the labels' layout (its rows, or where its labels stand) is read in
      // that layout only
      if (whole.labels_layout_only && each != rd.layout) continue;
      auto stream = whole.read(table, layout, rd.align);
      if (!stream) continue;
      auto by_stated = narrow_by_stated(table, layout, *stream, stated);
      Placement_result p = place(table, layout, *stream);
      bool any = !p.budget_exhausted && p.identities_set_aside == 0 && every_identity_holds(table, layout, p);
      for (std::size_t r = 0; r < layout.rows.size() && any; ++r)
        any = std::any_of(p.cells[r].begin(), p.cells[r].end(), [](const PlacedCell& c) { return c.kind != PlacedCell::absent; });
      if (!any) continue;
      // A reading without blanks' traces rests on the values' order alone: taken only where it
      // reads more cells than the labels did (a pdftotext -raw dump keeps its labels by their values).
      if (whole.labels_layout_only && placed_cells(p) <= placed_cells(placed)) continue;
      if (whole.yields_to_labels && changes_cells_read(table, *rd.layout, placed, layout, p)) continue;
      // Rows the row-by-row reading had read otherwise, with certainty.
      Reading next{&layout, align_labels(matches, layout), {}, std::move(by_stated), {}};
      next.rows.rows.resize(layout.rows.size());
      for (std::size_t r = 0; r < layout.rows.size(); ++r) {
        RowValues& rv = next.rows.rows[r];
        rv.found = true;
        // where the row is named: its label, else its first value, else the row before's place
        int label = next.align.label_token[r];
        if (label < 0) label = first_value_of((*stream)[r]);
        if (label < 0) label = r > 0 ? static_cast<int>(next.rows.rows[r - 1].label) : 0;
        rv.label = static_cast<std::uint32_t>(label);
        int before = same_row(*rd.layout, layout, r);
        if (before < 0 || placed.cells[static_cast<std::size_t>(before)].empty()) continue;
        for (std::size_t c = 0; c < layout.rows[r].cells.size(); ++c) {
          const PlacedCell& was = placed.cells[static_cast<std::size_t>(before)][c];
          const PlacedCell& now = p.cells[r][c];
          if (was.kind != PlacedCell::printed || now.kind != PlacedCell::printed) continue;
          if (token_text(nt, table.tokens[static_cast<std::size_t>(was.token)]) == token_text(nt, table.tokens[static_cast<std::size_t>(now.token)]))
            continue;
          diags.push_back(model::finding("table.rows_overruled", Severity::warning, layout.table,
                                         to_string(static_cast<ApplicationRow>(layout.rows[r].key)), {},
                                         "「" + std::string(templates::row_label(layout.table, layout.rows[r].key)) +
                                             "」行按标签后的数值读法与按数值顺序读全表（所有勾稽关系成立）的结果不同，采用后者",
                                         nt.span(table.tokens[rv.label].begin, table.tokens[rv.label].end)));
          break;
        }
      }
      rd = std::move(next);
      options = std::move(*stream);
      placed = std::move(p);
      diags.push_back(model::finding(whole.code, whole.yields_to_labels ? Severity::warning : Severity::info, layout.table, {}, {}, whole.says,
                                     nt.span(table.tokens[rd.rows.rows[0].label].begin, table.tokens[rd.rows.rows[0].label].end)));
      return true;
    }
    return false;
  };
  if (attempt(cand)) return true;
  // Values the table may not own, set aside: a second pass where the first read nothing.
  std::size_t set_aside = 0;
  const std::optional<Candidate> trimmed = set_aside_values_not_the_tables(nt, cand, rd, set_aside);
  if (!trimmed || !attempt(*trimmed)) return false;
  diags.push_back(model::finding("table.values_set_aside", Severity::info, rd.layout->table, {}, {},
                                 std::to_string(set_aside) + " 个数值不属于本表（表头之前上一表格的数值，或行标签失落的序号），整表读法未用",
                                 nt.span(cand.tokens[rd.rows.rows[0].label].begin, cand.tokens[rd.rows.rows[0].label].end)));
  return true;
}

Candidate candidate_of(const text::NormalizedText& nt, const Region& r) {
  return text_candidate(nt, r.first, r.last, r.begin, r.end);
}

/// The rows that may be read with their total cell left blank (place.hpp): those whose values
/// all share their lines with words (the label's, wrapped or not: `2.没有现成信息需要另行 44` /
/// `提供 制作 3`), not lines of values alone as a reading-order dump prints them, in a dump that
/// printed no value apart from its label.
std::vector<bool> totals_may_be_unprinted(const Candidate& cand, const std::vector<bool>& worded, const RowReading& rows,
                                          const DumpLayout& dump) {
  std::vector<bool> out(rows.rows.size(), false);
  if (dump.reading_order) return out;
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    const RowValues& rv = rows.rows[r];
    out[r] = rv.found && !rv.values.empty() &&
             std::all_of(rv.values.begin(), rv.values.end(), [&](std::uint32_t v) { return worded[cand.line_of[v]]; });
  }
  return out;
}

/// Rows whose values stand on a line of their own between the row's one-line label and the next
/// row's, that next row reading none, in a dump that prints values on their labels' lines
/// elsewhere (pdftotext -layout: `（五）不 3．要求提供公开出版物` / `予处理 1 1` /
/// `4．无正当理由大量反复申请`, the 1s the second row's): whose they are, nothing in the text
/// tells, and within a group every identity holds either way. Per row: the other row, or -1.
std::vector<int> values_between_labels(const Candidate& cand, const LabelAlignment& align, const RowReading& rows,
                                       const DumpLayout& dump) {
  std::vector<int> out(rows.rows.size(), -1);
  if (dump.reading_order) return out;
  auto starts = [&](std::uint32_t k) { return cand.tokens[k].at.chars >= 0 ? cand.tokens[k].at.chars : cand.tokens[k].at.column; };
  // which row's label text a line holds (row_label or its continuation), or -1; -2 for two rows.
  // A continuation standing well left of its row's label is a group label's rest (`予处理` under
  // `（五）不`), not the row's wrapped label.
  auto label_row_on = [&](std::uint32_t li, bool opening_only) {
    int row = -1;
    const Candidate::Line& l = cand.lines[li];
    for (std::uint32_t k = l.first; k < l.last; ++k) {
      if (cand.tokens[k].kind != TokenKind::text) continue;
      const Mark& m = align.marks[k];
      if (m.role != TextRole::row_label && (opening_only || m.role != TextRole::continuation)) continue;
      if (m.role == TextRole::continuation && m.row >= 0) {
        const RowValues& owner = rows.rows[static_cast<std::size_t>(m.row)];
        if (owner.found && starts(k) >= 0 && starts(owner.label) >= 0 && starts(k) + 3 < starts(owner.label)) continue;
      }
      row = row == -1 || row == m.row ? m.row : -2;
    }
    return row;
  };
  // the label text of each value's line, asked once a line (a row's values share few lines)
  constexpr int kNotAsked = -3;
  std::vector<int> label_text_on(cand.lines.size(), kNotAsked);
  auto label_row_of_value = [&](std::uint32_t v) {
    int& row = label_text_on[cand.line_of[v]];
    if (row == kNotAsked) row = label_row_on(cand.line_of[v], false);
    return row;
  };
  int beside = 0;  // rows with a value on a line of their own label's text
  for (std::size_t r = 0; r < rows.rows.size(); ++r)
    beside += std::any_of(rows.rows[r].values.begin(), rows.rows[r].values.end(),
                          [&](std::uint32_t v) { return label_row_of_value(v) == static_cast<int>(r); });
  int apart = 0;  // rows whose values all stand on lines of no row's label text
  for (std::size_t r = 0; r < rows.rows.size(); ++r)
    apart += !rows.rows[r].values.empty() &&
             std::all_of(rows.rows[r].values.begin(), rows.rows[r].values.end(),
                         [&](std::uint32_t v) { return label_row_of_value(v) == -1; });
  // (pdftotext -raw prints most rows' values on lines after their labels: there they are the row's)
  if (beside < 2 || beside <= apart) return out;
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    const RowValues& rv = rows.rows[r];
    if (!rv.found || rv.values.empty()) continue;
    const std::uint32_t at = cand.line_of[rv.values.front()];
    if (at != cand.line_of[rv.label] + 1 || at + 1 >= cand.lines.size()) continue;
    if (std::any_of(rv.values.begin(), rv.values.end(), [&](std::uint32_t v) { return cand.line_of[v] != at; })) continue;
    if (label_row_on(at, false) != -1) continue;  // the line holds label text: a wrapped label's
    const int next = label_row_on(at + 1, true);
    if (next < 0 || static_cast<std::size_t>(next) == r || !rows.rows[static_cast<std::size_t>(next)].values.empty()) continue;
    out[r] = next;
    out[static_cast<std::size_t>(next)] = static_cast<int>(r);
  }
  return out;
}

/// A row that read no value right after a line of numbers no row took beside text that opens no
/// row (`（五）不 3．要求提供公开出版物 5 5` / `予处理 3 3` / `4．无正当理由大量反复申请`: the 3s
/// were the second row's), in a dump printing values on their labels' lines, is not known blank:
/// it is left out.
void unsettle_blank_rows_after_orphans(const Candidate& cand, const std::vector<bool>& worded, const RowReading& rows,
                                       const DumpLayout& dump, std::vector<RowOptions>& options) {
  if (dump.reading_order) return;
  for (std::uint32_t o : rows.orphans) {
    if (cand.tokens[o].kind != TokenKind::number || !worded[cand.line_of[o]]) continue;
    const RowValues* next = nullptr;  // the row whose label comes first after the numbers
    for (const RowValues& rv : rows.rows)
      if (rv.found && rv.label > o && (!next || rv.label < next->label)) next = &rv;
    if (next && next->values.empty() && cand.line_of[next->label] == cand.line_of[o] + 1 &&
        options[static_cast<std::size_t>(next - rows.rows.data())].evidence != Evidence::runs_before_labels)
      options[static_cast<std::size_t>(next - rows.rows.data())].placements.clear();
  }
}

/// A row cut short on its own line by text that names nothing, numbers after the text (html2text's
/// `|4、|26�|29�关|…|59��|`: a value with a label's overflow, read as text), has cells it did not
/// take that are not known blank: it is left out (by field or column it would read them blank).
/// So is a row of blank cells only cut short by such text with numbers anywhere after it: the
/// blanks may be layout and the numbers its values (a page's empty cells, then a header's rest
/// the labels do not know, then the values). And a row short of its cells whose later lines'
/// values went to nobody without its totals refusing them (pdftotext -layout: `行政处 2 减少7` /
/// `罚 55`, table 2 has no identity to say 55 is the row's): its open cells may be those values.
void unsettle_interrupted_rows(const Candidate& cand, const Layout& l, const RowReading& rows, std::vector<RowOptions>& options) {
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    const RowValues& rv = rows.rows[r];
    if (rv.overflow_lost && rv.values.size() < l.rows[r].cells.size()) {
      options[r].placements.clear();
      continue;
    }
    // (a row read from its run before its label does not rest on the values after it)
    if (!rv.interrupted || rv.values.empty() || options[r].evidence == Evidence::runs_before_labels) continue;
    const std::uint32_t last = rv.values.back();
    const bool blanks_only = std::none_of(rv.values.begin(), rv.values.end(),
                                          [&](std::uint32_t i) { return cand.tokens[i].kind == TokenKind::number; });
    if (std::any_of(rows.orphans.begin(), rows.orphans.end(), [&](std::uint32_t o) {
          return o > last && (blanks_only || cand.line_of[o] == cand.line_of[last]) && cand.tokens[o].kind == TokenKind::number;
        }))
      options[r].placements.clear();
  }
}

/// Values between two labels (values_between_labels) are either row's: each of the two reads
/// them or nothing, and the identities decide, or the cells the two readings give differently
/// are left out. Rows of other cells (table 2's blocks) cannot trade values: both are left out.
void offer_values_between_labels(const Layout& l, const RowReading& rows, const std::vector<int>& between,
                                 std::vector<RowOptions>& options) {
  for (std::size_t r = 0; r < between.size(); ++r) {
    if (between[r] < 0 || rows.rows[r].values.empty()) continue;  // (from the row that read them)
    const auto other = static_cast<std::size_t>(between[r]);
    RowOptions& upper = options[r];
    RowOptions& lower = options[other];
    if (l.rows[r].cells.size() != l.rows[other].cells.size()) {
      upper.placements.clear();
      lower.placements.clear();
      continue;
    }
    lower.placements = upper.placements;
    lower.evidence = upper.evidence;
    for (RowOptions* o : {&upper, &lower}) o->placements.emplace_back(l.rows[r].cells.size(), -1);
  }
}

/// The numbers alone on their lines equal to a numeral some row's label lost (`、属于三类内部事务信`,
/// a lone `5` elsewhere): they may be no cell.
std::vector<bool> numerals_apart(const text::NormalizedText& nt, const Candidate& cand, const Reading& rd) {
  std::vector<std::string_view> lost;
  for (std::size_t r = 0; r < rd.layout->rows.size(); ++r)
    if (const int label = rd.align.label_token[r]; label >= 0)
      if (const std::string_view numeral = lost_numeral(nt, cand, *rd.layout, r, static_cast<std::uint32_t>(label)); !numeral.empty())
        lost.push_back(numeral);
  std::vector<bool> out(cand.tokens.size(), false);
  if (lost.empty()) return out;
  for (std::uint32_t i = 0; i < cand.tokens.size(); ++i)
    out[i] = std::any_of(lost.begin(), lost.end(), [&](std::string_view numeral) { return lone_number_reading(nt, cand, i, numeral); });
  return out;
}

/// The values of rows read stacked (read_stacked_rows) that no reading of theirs took — a label's
/// lost numeral among them, or another row's value after a label — named, not dropped unseen.
void name_values_set_aside(const text::NormalizedText& nt, const Candidate& cand, const Reading& rd,
                           const std::vector<RowOptions>& options, const std::vector<std::size_t>& stacked,
                           std::vector<Diagnostic>& diags) {
  std::vector<std::uint32_t> unused;
  for (std::size_t r : stacked)
    for (std::uint32_t v : rd.rows.rows[r].values)
      if (std::none_of(stacked.begin(), stacked.end(), [&](std::size_t o) {
            return std::any_of(options[o].placements.begin(), options[o].placements.end(), [&](const Placement& p) {
              return std::find(p.begin(), p.end(), static_cast<std::int32_t>(v)) != p.end();
            });
          }))
        unused.push_back(v);
  if (unused.empty()) return;
  const Token& first = cand.tokens[unused.front()];
  diags.push_back(model::finding("table.values_set_aside", Severity::info, rd.layout->table, {}, {},
                                 std::to_string(unused.size()) + " 个单独成行的数值（行标签失落的序号，或紧随行标签而不属于叠印各行的数值）未用（首个：「" +
                                     std::string(token_text(nt, first)) + "」）",
                                 nt.span(first.begin, first.end, first.line)));
}

/// The rows that may trade values between their labels (values_between_labels): both of each pair.
std::vector<bool> trading_values(const std::vector<int>& between) {
  std::vector<bool> out(between.size(), false);
  for (std::size_t r = 0; r < between.size(); ++r)
    if (between[r] >= 0) out[r] = out[static_cast<std::size_t>(between[r])] = true;
  return out;
}

/// Values between two labels are one of the two rows', never neither's nor both's: where every
/// reading left them to neither row (a lone `3` between 危及… and 保护…, neither row's total holding
/// with it: its own total printed pages later, pdftotext) or gave them to both, the text does not
/// say whose cells they are, and both rows are left out — not read as blank.
void leave_out_rows_claiming_between_values_wrongly(const RowReading& rows, const std::vector<int>& between,
                                                    Placement_result& placed) {
  for (std::size_t r = 0; r < between.size(); ++r) {
    const std::span<const std::uint32_t> values = rows.rows[r].values;
    if (between[r] < 0 || values.empty()) continue;  // (from the row that read them)
    const auto other = static_cast<std::size_t>(between[r]);
    auto settled = [&](std::size_t row) {
      return std::none_of(placed.cells[row].begin(), placed.cells[row].end(),
                          [](const PlacedCell& c) { return c.kind == PlacedCell::absent; });
    };
    auto takes_them = [&](std::size_t row) {
      return std::any_of(placed.cells[row].begin(), placed.cells[row].end(), [&](const PlacedCell& c) {
        return c.kind == PlacedCell::printed && std::find(values.begin(), values.end(), static_cast<std::uint32_t>(c.token)) != values.end();
      });
    };
    if (!settled(r) || !settled(other) || takes_them(r) != takes_them(other)) continue;
    for (std::size_t row : {r, other}) std::fill(placed.cells[row].begin(), placed.cells[row].end(), PlacedCell{});
  }
}

/// After a whole-table reading (which rests on print order, what puts values between two labels
/// in doubt), the rows `between` paired in layout `was` are read by neither: their cells in
/// layout `now` are left out. The pairs, in `now`'s rows (a row whose partner `now` lacks is
/// paired with itself).
std::vector<int> leave_out_rows_between_labels(const Layout& was, const std::vector<int>& between, const Layout& now,
                                               Placement_result& placed) {
  std::vector<int> out(now.rows.size(), -1);
  for (std::size_t r = 0; r < out.size(); ++r) {
    const int before = same_row(was, now, r);
    if (before < 0 || between[static_cast<std::size_t>(before)] < 0) continue;
    const int other = same_row(now, was, static_cast<std::size_t>(between[static_cast<std::size_t>(before)]));
    out[r] = other >= 0 ? other : static_cast<int>(r);
    std::fill(placed.cells[r].begin(), placed.cells[r].end(), PlacedCell{});
  }
  return out;
}

template <class Table>
std::optional<Table> read_table(const text::NormalizedText& nt, Candidate cand, const std::vector<const Layout*>& layouts,
                                std::size_t min_rows, const std::vector<templates::StatedFigure>& stated,
                                DumpLayout& dump, std::vector<Diagnostic>& diags) {
  if (cand.tokens.empty()) return std::nullopt;
  LabelMatches matches(nt, cand.tokens, *layouts.front()->def);
  Reading rd = best_reading(cand, matches, layouts);
  if (rd.layout->single_row ? !rd.rows.rows[0].found : static_cast<std::size_t>(rd.align.rows_found) < min_rows)
    return std::nullopt;
  SharedColumns shared;
  std::vector<RowOptions> options = place_columns(nt, cand, rd.align, rd.rows, *rd.layout, dump, &shared);
  // table 4 with no value is a table only where the dump's layout reads its cells blank
  if (rd.layout->single_row && rd.rows.rows[0].values.empty() && options[0].evidence != Evidence::empty_lines) return std::nullopt;
  const std::vector<bool> worded = worded_lines(cand);
  unsettle_blank_rows_after_orphans(cand, worded, rd.rows, dump, options);
  unsettle_interrupted_rows(cand, *rd.layout, rd.rows, options);
  rd.between = values_between_labels(cand, rd.align, rd.rows, dump);
  offer_values_between_labels(*rd.layout, rd.rows, rd.between, options);
  rd.by_stated = narrow_by_stated(cand, *rd.layout, options, stated);
  const std::vector<bool> unprinted_totals = totals_may_be_unprinted(cand, worded, rd.rows, dump);
  auto place_rows = [&] {
    Placement_result p = place(cand, *rd.layout, options, unprinted_totals);
    p.by_shared_columns = settle_by_shared_columns(cand, *rd.layout, shared, options, unprinted_totals, p);
    leave_out_rows_claiming_between_values_wrongly(rd.rows, rd.between, p);
    return p;
  };
  Placement_result placed = place_rows();
  // a row none of whose readings keeps its own total shows values away from their labels
  dump.reading_order |= std::find(placed.totals_unmet.begin(), placed.totals_unmet.end(), true) != placed.totals_unmet.end();
  // Rows left open beside a row not read: the bounds its identities still set may settle them —
  // not where the dump prints values apart from their labels (a row read may hold another's
  // values, and a bound they meet proves nothing)
  bool open = !rd.layout->single_row && incomplete(rd, options, placed);
  if (open && !dump.reading_order)
    if (const std::vector<bool> bounded = narrow_by_bounds(cand, *rd.layout, options, unprinted_totals); !bounded.empty()) {
      placed = place_rows();
      for (std::size_t r = 0; r < bounded.size(); ++r) placed.by_identities[r] = placed.by_identities[r] || bounded[r];
      open = incomplete(rd, options, placed);
    }
  if (open) {
    std::vector<int> between = rd.between;
    const Layout* was = rd.layout;
    if (try_value_order(nt, cand, matches, layouts, stated, rd, options, placed, diags))
      rd.between = leave_out_rows_between_labels(*was, between, *rd.layout, placed);
    // no whole-table reading: rows whose labels stand stacked over one run of their values
    else {
      const StackedRows stacked =
          read_stacked_rows(cand, rd.rows, *rd.layout, trading_values(rd.between), numerals_apart(nt, cand, rd), options);
      if (!stacked.rows.empty()) {
        // a row whose label is missing, read inside a stretch, is named by its first value
        for (std::size_t r : stacked.rows)
          if (RowValues& rv = rd.rows.rows[r]; !rv.found)
            if (const int first = first_value_of(options[r]); first >= 0) {
              rv.found = true;
              rv.label = static_cast<std::uint32_t>(first);
            }
        placed = place_rows();
        name_values_set_aside(nt, cand, rd, options, stacked.rows, diags);
      }
      if (stacked.budget_exhausted)
        diags.push_back(model::finding("table.search_budget", Severity::warning, rd.layout->table, {}, {},
                                       "按叠印的行标签与成段的数值读各行时超出搜索上限，其余相关行未输出",
                                       nt.span(cand.tokens[rd.rows.rows[0].label].begin, cand.tokens[rd.rows.rows[0].label].end)));
    }
  }
  return emit<Table>(nt, cand, rd, options, placed, stated, numbering_apart_from_labels(matches), diags);
}

}  // namespace

std::optional<ActiveDisclosureTable> read_active_disclosure(const text::NormalizedText& nt, Region region,
                                                            const std::vector<templates::StatedFigure>& stated,
                                                            TemplateVersion& version_seen, DumpLayout& dump,
                                                            std::vector<Diagnostic>& diags) {
  Candidate cand = candidate_of(nt, region);
  version_seen = version_from_words(nt, cand);
  std::vector<const Layout*> layouts;
  if (version_seen != TemplateVersion::v2019)
    layouts.push_back(&cached_layout(TableKey::active_disclosure, TemplateVersion::v2021, templates::OtherRows::three));
  if (version_seen != TemplateVersion::v2021)
    layouts.push_back(&cached_layout(TableKey::active_disclosure, TemplateVersion::v2019, templates::OtherRows::three));
  auto t = read_table<ActiveDisclosureTable>(nt, std::move(cand), layouts, 1, stated, dump, diags);
  if (t && version_seen == TemplateVersion::unknown) {
    diags.push_back(model::finding("table.template_unknown", Severity::warning, TableKey::active_disclosure, {}, {},
                                   "表二的表头没有说明是哪一版模板", t->span));
  }
  return t;
}

std::optional<ApplicationsTable> read_applications(const text::NormalizedText& nt, Region region,
                                                   const std::vector<templates::StatedFigure>& stated,
                                                   DumpLayout& dump, std::vector<Diagnostic>& diags) {
  std::vector<const Layout*> layouts{
      &cached_layout(TableKey::applications, TemplateVersion::unknown, templates::OtherRows::three),
      &cached_layout(TableKey::applications, TemplateVersion::unknown, templates::OtherRows::single)};
  return read_table<ApplicationsTable>(nt, candidate_of(nt, region), layouts, 3, stated, dump, diags);
}

std::optional<ReviewLitigationTable> read_review_litigation(const text::NormalizedText& nt, Region region,
                                                            const std::vector<templates::StatedFigure>& stated,
                                                            DumpLayout& dump, std::vector<Diagnostic>& diags) {
  std::vector<const Layout*> layouts{&cached_layout(TableKey::review_litigation, TemplateVersion::unknown, templates::OtherRows::three)};
  return read_table<ReviewLitigationTable>(nt, candidate_of(nt, region), layouts, 1, stated, dump, diags);
}

}  // namespace ogi::tables
