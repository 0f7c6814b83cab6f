// SPDX-License-Identifier: Apache-2.0
// Placing a row's values in its cells by the evidence the text keeps (columns.hpp). Each model
// is learned from the table's complete rows (and header words), checked against every row, and
// used only when every row agrees with it.
#include "tables/columns.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <set>
#include <optional>

#include "tables/exact.hpp"
#include "tables/glued.hpp"
#include "tables/header_names.hpp"
#include "tables/shared_columns.hpp"
#include "template/phrases.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
std::vector<Placement> subsets(std::span<const std::uint32_t> values, std::size_t n);

namespace {

/// Counts the prose states of a row's column: one of `words` (the row's label) after one of
/// `verbs` within one clause, then a count and 件 ("本年度制发的规范性文件88件").
std::vector<Decimal> stated_counts(const text::NormalizedText& nt, const std::vector<std::string_view>& words,
                                   const std::vector<std::string_view>& verbs) {
  std::vector<Decimal> out;
  std::string_view all(nt.text);
  for (std::string_view word : words)
    for (std::size_t at = all.find(word); at != std::string_view::npos; at = all.find(word, at + word.size())) {
      std::size_t d = at + word.size(), e = d;
      while (e < all.size() && e - d < 18 && all[e] >= '0' && all[e] <= '9') ++e;
      if (e == d || all.substr(e, 3) != "件") continue;
      // the clause before the word: back to the last 。，；, at most 24 bytes
      std::size_t from = at > 24 ? at - 24 : 0;
      std::string_view before = all.substr(from, at - from);
      for (std::string_view stop : {"。", "，", "；", ","})
        if (auto s = before.rfind(stop); s != std::string_view::npos) before = before.substr(s + stop.size());
      auto count = Decimal::parse(all.substr(d, e - d));
      if (!count) continue;
      if (std::any_of(verbs.begin(), verbs.end(), [&](std::string_view v) { return before.find(v) != std::string_view::npos; }))
        out.push_back(*count);
    }
  return out;
}

constexpr std::size_t kMaxPlacements = 7000;  // C(15, 7) = 6435: table 4's worst row

/// What every model sees of one row.
struct RowView {
  std::size_t index;                    // printed row
  std::size_t cells;
  const std::span<const std::uint32_t>* values;  // the row's RowValues::values (the reading outlives the placer)
  const std::vector<int>& shape;        // the row's column keys (PrintedRow::columns): rows of one shape share a model
};

/// Rows this wide (table 3's seven columns, table 4's fifteen) may take their columns from the
/// header's words alone; narrower ones only on stricter terms (Placer::verify_axis).
constexpr std::size_t kWideShape = 5;

/// A model maps a value (token) of a row of some shape to a cell, or says it cannot.
using Anchors = std::vector<std::optional<double>>;  // per cell: where it stands on the model's axis

/// `by_anchors`' tolerance that asks only which anchor is nearest, however near the next.
constexpr double kNearestAnchor = -1.0;

/// Places every value of a row at the nearest anchor, order kept and one value per cell; nullopt
/// when a value is not under one cell: farther than `exact_tolerance` (> 0) from it, or (0) not
/// clearly nearer it than the next (kNearestAnchor: any nearest will do).
std::optional<Placement> by_anchors(std::span<const std::uint32_t> values, const std::vector<double>& xs,
                                    const Anchors& at, double exact_tolerance) {
  std::size_t n = at.size();
  Placement p(n, -1);
  int last = -1;
  for (std::size_t v = 0; v < values.size(); ++v) {
    double x = xs[v];
    int best = -1;
    double bestd = 1e18, second = 1e18;
    for (std::size_t c = 0; c < n; ++c) {
      if (!at[c]) return std::nullopt;  // a cell with no anchor: positions cannot settle the row
      double d = std::abs(*at[c] - x);
      if (d < bestd) { second = bestd; bestd = d; best = static_cast<int>(c); }
      else if (d < second) second = d;
    }
    // clearly under one cell: within tolerance, and much nearer to it than to the next
    if (exact_tolerance > 0 ? bestd > exact_tolerance : exact_tolerance == 0 && !(bestd * 2.5 < second)) return std::nullopt;
    if (best <= last) return std::nullopt;
    p[static_cast<std::size_t>(best)] = static_cast<std::int32_t>(values[v]);
    last = best;
  }
  return p;
}

/// A model of one axis (fields, display columns): anchors per shape, learned and verified.
struct AxisModel {
  std::map<std::vector<int>, Anchors> anchors;
  std::map<std::vector<int>, bool> trusted;
  /// Per shape, the skew (display column less character count at the first value) of the
  /// complete rows that taught it, or none where they had several: rows of one skew cannot tell
  /// the units apart.
  std::map<std::vector<int>, std::optional<int>> skew;
  /// The shapes whose anchors only the header's words gave (no complete row).
  std::set<std::vector<int>> header_only;
  /// The shapes whose anchors rows of other skews than the teaching rows' fit exactly, several
  /// values each (units_told_apart).
  std::set<std::vector<int>> fit_across_skews;
};

/// Characters (code points) of UTF-8 text.
int characters(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class Placer {
 public:
  Placer(const text::NormalizedText& nt, Candidate& cand, const LabelAlignment& align, const RowReading& reading,
         const Layout& layout, DumpLayout& dump)
      : nt_(nt), cand_(cand), align_(align), reading_(reading), layout_(layout), exact_(cand) {
    change_columns_ = std::any_of(layout_.def->columns.begin(), layout_.def->columns.end(),
                                  [](const templates::ColumnDef& c) { return c.holds_change; });
    views_.reserve(layout.rows.size());
    for (std::size_t r = 0; r < layout.rows.size(); ++r) {
      views_.push_back(RowView{r, layout.rows[r].cells.size(), &reading.rows[r].values, layout.rows[r].columns});
    }
    // Values one space apart in one field (pdftotext -raw: 规章 3 - 25) stand where the text
    // before them ends, not under a column: they teach no axis of positions.
    for (const Token& t : cand_.tokens) written_blanks_ += t.kind == TokenKind::blank && t.written;
    crowded_.assign(cand_.tokens.size(), false);
    for (std::uint32_t i = 1; i < cand_.tokens.size(); ++i) {
      const Token &a = tok(i - 1), &b = tok(i);
      if (a.kind != TokenKind::text && b.kind != TokenKind::text && a.line == b.line && a.at.field == b.at.field)
        crowded_[i - 1] = crowded_[i] = true;
    }
    // A value alone on its line at the line's start (a cell a line: pdftotext's reading order,
    // mutool, LibreOffice text) stands under no column: the header's first word starts there too
    // (`本年制发件数 本年废止件数 现行有效件数` / … / `行政规范性文件` / `5`, its other cells
    // printed before its label; corpus 175).
    at_margin_alone_.assign(cand_.tokens.size(), false);
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i)
      at_margin_alone_[i] = tok(i).at.column == 0 && (i == 0 || tok(i - 1).line != tok(i).line) &&
                            (i + 1 == cand_.tokens.size() || tok(i + 1).line != tok(i).line);
    page_.assign(cand_.tokens.size(), 0);
    if (!cand_.tokens.empty()) {
      std::uint32_t line = tok(0).line, page = 0;
      for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
        while (line < tok(i).line) page += nt_.lines[++line].page_break;
        page_[i] = page;
      }
      pages_ = std::size_t{page} + 1;
    }
    learn_columns();
    learn_gap_width(dump);
    learn_empty_lines(dump);
    learn_collapsed_gaps();
    block_of_.resize(cand_.tokens.size());
    int block = 0;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      if (tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::group && align_.marks[i].row == kBlockHeading)
        ++block;
      block_of_[i] = block;
    }
    header_cells_share_lines_ = layout_.table == TableKey::active_disclosure && header_cells_share_lines();
    reading_order_signs(dump);
    learn_runs_before_labels();
  }

  /// Does one line of the header name two columns (`上一年项目数量 本年增/减 处理决定数量`)? A dump
  /// that prints values cell by cell (lynx) sets each header cell on lines of its own; one that
  /// joins a page's text by height (pdftotext's default order) sets them side by side.
  bool header_cells_share_lines() const {
    const templates::PhraseMatcher& phrases = templates::phrases(*layout_.def);
    std::string s;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      if (tok(i).kind != TokenKind::text || align_.marks[i].role != TextRole::header) continue;
      text::squeeze_into(token_text(nt_, tok(i)), s);
      int first = -1;
      bool two = false;
      phrases.each(s, [&](std::size_t k, std::size_t) {
        const templates::Phrase& ph = phrases.phrases()[k];
        if (ph.kind != templates::PhraseKind::column) return;
        if (first < 0) first = ph.index;
        else two |= ph.index != first;
      });
      if (two) return true;
    }
    return false;
  }

  RowOptions options(std::size_t r) {
    const RowView& v = views_[r];
    const auto& values = *v.values;
    const RowValues& rv = reading_.rows[r];
    RowOptions o;
    if (!rv.found) return o;
    if (r < before_rows_) {
      o.placements.emplace_back(before_runs_.begin() + static_cast<long>(r * v.cells),
                                before_runs_.begin() + static_cast<long>((r + 1) * v.cells));
      o.evidence = Evidence::runs_before_labels;
      return o;
    }
    if (suspect(r)) {
      o.placements = by_block(r, o.evidence);
      if (!o.placements.empty()) return o;
    }
    if (values.empty()) {
      // In a table read row by row, a label with no value after it is a row of blank cells —
      // certain where one cell per line leaves an empty line for each (lynx).
      // (the table's last row counts the empty lines before the text after the table)
      if (empty_lines_ && (rv.ended_by_label || last_found(r)) && rv.end_gap == v.cells + 1) {
        o.placements.push_back(Placement(v.cells, -1));
        o.evidence = Evidence::empty_lines;
      } else if ((row_by_row() || sparse_row_by_row()) && !suspect(r)) {
        // a label line with no values, where values stand on their labels' lines, is blank; else
        // only the identities can confirm it (place.hpp). So is one whose line holds values that
        // another row's label took (html2text cut `缴纳 ��3、�51`, the 3、 read as 3.其他's
        // numbering): they may be this row's.
        o.placements.push_back(Placement(v.cells, -1));
        bool on_line = (blank_on_line_[static_cast<std::size_t>(block_of_[rv.label])] || label_line_padded(rv)) &&
                       !values_on_label_line(r);
        o.evidence = on_line ? Evidence::blank_line : Evidence::all_blank;
      } else {
        o.why = "no value";
      }
      return o;
    }
    if (values.size() == 1 && v.cells > 1 && tok(values[0]).glued && tok(values[0]).kind == TokenKind::number) {
      // where the row has a total, only the splits it holds with (summed exactly)
      auto holds = [&](const std::vector<Decimal>& parts) { return !has_row_identity(v.index) || total_of_parts_holds(v.index, parts); };
      o.placements = glued_splits(nt_, cand_, values[0], v.cells, glued_tail(r), holds);
      o.evidence = Evidence::glued;
      if (o.placements.empty()) o.why = "digits run together that split too many ways";
      else by_stated_counts(v, o);
      return o;
    }
    if (values.size() == v.cells) {
      // The numeral its label lost, alone on a line among the label's pieces, is no cell
      // (pdftotext -layout: `、本机关不掌握相关政 5` / `1` / `府信息 1 33 3 4 46`): where the row's
      // total breaks with it, the other values are read by the identities.
      if (auto rest = without_lost_numeral(v.index, values)) {
        // where the text's positions place the rest, they decide
        const std::span<const std::uint32_t> kept(*rest);
        const RowView w{v.index, v.cells, &kept, v.shape};
        struct Model { Evidence e; std::optional<Placement> (Placer::*f)(const RowView&) const; };
        for (const Model& m : {Model{Evidence::field, &Placer::by_field}, Model{Evidence::column, &Placer::by_column}})
          if (auto placed = (this->*m.f)(w)) {
            o.placements.push_back(std::move(*placed));
            o.evidence = m.e;
            return o;
          }
        o.placements = all_placements(*rest, v.cells);
        o.evidence = Evidence::open;
        if (o.placements.empty()) o.why = "values and a label's numeral apart";
        return o;
      }
      Placement p(values.begin(), values.end());
      // Table 4's values scattered among its header's words (pdftotext's reading order): their
      // order is the document's only where every group total holds with it.
      // Table 4's values each alone on a line after a header pdftotext's reading order merged
      // across columns: a group's values need not be in its columns' order.
      if (layout_.single_row && merged_header_above(values)) {
        o.placements = group_arrangements(v, values);
        o.evidence = Evidence::group_order;
        if (o.placements.empty()) o.why = "values under a header merged across columns";
        return o;
      }
      if (layout_.single_row && scattered(values)) {
        // each value printed under the header words that name its column (pdfminer's text
        // boxes, a header cell's then its value cell's, in no column order)
        HeaderNaming named = by_header_words(v, values);
        if (named.placement && row_total_holds(v.index, *named.placement)) {
          o.placements.push_back(std::move(*named.placement));
          o.evidence = Evidence::header_words;
          return o;
        }
        if (named.contradicts_order) {
          o.why = "values scattered among the header's words";
          return o;
        }
        // Printed in runs among the header's words, a group's values need not be in its columns'
        // order (pdftotext: `23 / 3 / 26 结 结 …  / / / 1922 总计 1922`, the first column's value
        // after its blanks). One run with only the last column's word before the last value
        // (`… 2 0 1 0 总计 3`) is the printed row.
        if (scattered({values.begin(), values.end() - 1})) {
          o.placements = group_arrangements(v, values);
          o.evidence = Evidence::group_order;
          if (o.placements.empty()) o.why = "values scattered among the header's words";
          return o;
        }
        if (!row_total_holds(v.index, p)) {
          o.why = "values scattered among the header's words";
          return o;
        }
      }
      // Table 4's fifteen values, some of them lines of spaces (pdfminer prints a group's blank
      // cells so, after the values: 4 4 2 15 4 / 21 - 60 1 61 / five such lines), breaking two
      // group totals or more in printed order — or one, where every such line comes after every
      // other value (`5 5 - 4 4 - -` and eight lines of spaces): the order is not the cells'.
      // (Without such lines, groups that break are the document's finding: real reports break
      // two; an office export prints its blank cells so in their places, values after them.)
      auto spaces = [&](std::uint32_t i) { return tok(i).spaces_line; };
      if (layout_.single_row && std::any_of(values.begin(), values.end(), spaces)) {
        const auto first_spaces = std::find_if(values.begin(), values.end(), spaces);
        const bool trailing = std::all_of(first_spaces, values.end(), spaces);
        if (own_identities(layout_, v.index, p, exact_).broken >= (trailing ? 1 : 2)) {
          o.why = "values whose printed order breaks the groups' totals";
          return o;
        }
        // Every line of spaces after the printed values: those blank cells may stand anywhere
        // among them (`- / - / 5 / - / 5 / - / -` and eight such lines, the second 5 直接起诉's
        // total): each order-keeping placement of the printed values is a reading, and the
        // totals decide.
        if (trailing) {
          const std::vector<std::uint32_t> printed(values.begin(), first_spaces);
          o.placements = all_placements(printed, v.cells);
          o.evidence = Evidence::open;
          if (o.placements.empty()) o.why = "values and lines of spaces in no known order";
          return o;
        }
      }
      // Table 4's fifteen values breaking two group totals in printed order, in a dump that prints
      // values apart from their labels, where another arrangement of them holds every total:
      // pdftotext's reading order may set a value several cells from its own (`/ / / / 56 / / /
      // / / / 56 / / /` for 直接起诉's 尚未审结 and 总计), and nothing says which order is the
      // cells'. (Where no arrangement holds them all, the broken totals are the document's.)
      if (layout_.single_row && reading_order_ && own_identities(layout_, v.index, p, exact_).broken >= 2 &&
          groups_hold_another_way(v.index, values)) {
        o.why = "values whose printed order breaks the groups' totals";
        return o;
      }
      // Where the table shows values printed apart from their labels, the values after a label
      // may be another row's that happen to fit it (its own total holding is no proof): only a
      // reading of the whole table can place them (stream.hpp). Not a full row printed among the
      // lines of its own label, its total holding: a printed row is one band of the page,
      // whatever order the dump reads the rows in (pdftotext: `掌握 15383 2676 70 219 1013 248
      // 19609`).
      // A value written as a change (`-42`, `增加5`) is no count: where the table has a column
      // for changes and the row's values in order put one elsewhere, they are not the row's in
      // its cells' order (pdftotext's reading order: 行政处罚 5 / 行政强制 0 / 37 / -42, the 37
      // 行政处罚's) — and the dump prints values apart from their labels, which the rows after
      // this one whose values stand apart from their labels, and the tables after it, are told.
      if (has_change_column(v.index) && change_outside_change_column(v.index, p)) {
        o.why = "a value written as a change outside the change column";
        change_out_of_place_ = true;
        return o;
      }
      const bool apart = change_out_of_place_ && !has_row_identity(v.index) && tok(values.front()).line != tok(rv.label).line;
      // (A row of written blanks alone holds its total whatever it took: next to a row short of
      // its cells, the blanks may be that row's — pdfminer set seven `-` among 逾期不补正's label
      // lines after a row of three values, one of them the short row's, the row's own 0 elsewhere.)
      const bool blanks_only = std::none_of(values.begin(), values.end(), [&](std::uint32_t i) { return tok(i).kind == TokenKind::number; });
      const bool holds = row_total_holds(v.index, p) && !(blanks_only && (short_of_cells(r - 1) || short_of_cells(r + 1)));
      const bool rival = reading_order_ && values.front() > rv.label && rival_run_before_label(r);
      if (rival ||
          ((suspect(r) || apart) && (lost_beside_[r] || !((among_own_label_lines(r, values) || run_between_labels(r, values)) && holds)))) {
        o.why = "values printed apart from their labels";
        return o;
      }
      // A row of empty cells only, on a tab or box line next to a line of values after no row's
      // label (a PDF's label cut wrong by its layout: `度办理结果 | 3 | 28 | … | 49` over the
      // row's blank line): those values may be this row's, so it is blank only where the
      // identities confirm it (place.hpp), as a row with nothing after its label is.
      if (blanks_only && empty_cells_beside_unplaced_values(rv, values)) {
        o.placements.push_back(Placement(v.cells, -1));
        o.evidence = Evidence::all_blank;
        return o;
      }
      o.placements.push_back(std::move(p));
      o.evidence = Evidence::count;
      return o;
    }
    // Printed zeros alone, fewer than the row's cells, set between pieces of the row's own wrapped
    // label (pdftotext: `二、上年结转政府 / 0 / 信息公开申请数量`): they stand in the row's band, and
    // wherever they go every cell counts 0 — each order-keeping placement is a reading.
    if (suspect(r) && values.size() < v.cells && zeros_inside_own_label(r, values)) {
      o.placements = all_placements(values, v.cells);
      o.evidence = Evidence::open;
      return o;
    }
    if (suspect(r) && (values.size() > v.cells + 3 || values.size() < v.cells || layout_.table == TableKey::active_disclosure)) {
      o.why = "values printed apart from their labels";
      return o;
    }
    // More lines of spaces than cells and nothing else: layout between text boxes (pdfminer set
    // ten after 逾期不补正's label lines, its values printed before them), not the row's cells.
    if (values.size() > v.cells && std::all_of(values.begin(), values.end(), [&](std::uint32_t i) {
          return tok(i).kind == TokenKind::blank && tok(i).spaces_line;
        })) {
      o.why = "more lines of spaces than cells, and no value";
      return o;
    }
    if (values.size() > v.cells) {
      // Table 4's one row whole on one line, the other values each alone on a line (pdftotext:
      // the year of a sentence, `2024` / `856 213 375 … 788`): a printed row is one line's band.
      if (auto line = layout_.single_row ? whole_row_line(values, v.cells) : std::nullopt) {
        o.placements.push_back(std::move(*line));
        o.evidence = Evidence::one_line;
        return o;
      }
      if (auto trimmed = without_filler(values, v.cells)) {
        o.placements.push_back(Placement(trimmed->begin(), trimmed->end()));
        o.evidence = Evidence::filler;
        return o;
      }
      // A count wrapped inside its narrow cell, a piece a line (mutool of a Word-made PDF: `12` /
      // `45` for 1245): the ways of joining pieces on consecutive lines back into as many values
      // as cells that keep the row's own total.
      if (has_row_identity(v.index)) {
        o.placements = wrapped_joins(v, values);
        if (!o.placements.empty()) {
          o.evidence = Evidence::wrapped;
          return o;
        }
      }
      // More values than cells: every way to leave the extra ones out, for the identities and
      // the agreement of the readings to settle (a 16th 0 after fifteen changes nothing).
      o.placements = subsets(values, v.cells);
      o.evidence = Evidence::extra;
      if (o.placements.empty()) o.why = std::to_string(values.size()) + " values for " + std::to_string(v.cells) + " cells";
      return o;
    }
    // Table 4's values each after the header words naming its column (pdfminer): the words say
    // where each stands. The cells no value is named for are blank only where the table prints
    // its blanks as nothing and its whole header stands in its text; else their values went
    // elsewhere (pdfminer set 复议后起诉's boxes after the next section's heading), and no order
    // of the values says where those that did come stand.
    if (layout_.single_row && scattered(values)) {
      if (auto named = name_values_by_header(nt_, cand_, layout_, values)) {
        if (named->header_whole && written_blanks_ == 0) o.placements = named_arrangements(v, values, named->cells);
        o.evidence = Evidence::header_words;
        if (o.placements.empty()) o.why = "values among the header's words, some cells' values elsewhere";
        return o;
      }
      // Nor need their order be the cells' where the blanks print nothing (pdfminer set
      // 复议后起诉's `1431` among its own header's words, before the other groups' values: read
      // in order, it was the first group's, every group total holding), and nothing else places
      // them.
      if (written_blanks_ == 0) {
        o.why = "values scattered among the header's words";
        return o;
      }
    }
    // Fewer values than cells: the first trusted model that places every value decides.
    struct Try { Evidence e; std::optional<Placement> (Placer::*f)(const RowView&) const; };
    static constexpr Try tries[] = {
        {Evidence::grid, &Placer::by_grid},
        {Evidence::field, &Placer::by_field},
        {Evidence::column, &Placer::by_column},
        {Evidence::gap_width, &Placer::by_gap_width},
        {Evidence::gap_width_of_dump, &Placer::by_dump_gap_width},
        {Evidence::empty_lines, &Placer::by_empty_lines},
    };
    // Text standing among a row's values on their line (html2text's label spilled into the
    // cells: `1管理|-10���`) fills a cell no position can read: that cell is no blank. So does
    // text cut to pieces before them (`行政�/范性/��件 107`: two cells spilled into the label),
    // and it shifts the values after it by what was cut.
    const bool text_among_values = text_after_first_value(values) || cut_text_before(values);
    // A short row that writes a blank cell itself, where the table's rows print every cell
    // blanks included and some values stand after no label: a blank of this row would have been
    // written too, so its missing cells are values that went elsewhere (pdftotext -layout set a
    // wrapped label's numbering and the row's values after the next group label:
    // `、要求提供公开出 -` / `（五） 3版物 - - 1 20 3 24`).
    // (Plain lines only: a grid's, a tab or box line's cells are placed by what they are.)
    const bool plain = std::all_of(values.begin(), values.end(), [&](std::uint32_t i) { return tok(i).style == LineStyle::plain; });
    if (plain && writes_a_blank(values) && !reading_.orphans.empty() && rows_write_their_blanks()) {
      o.why = "values missing where the row writes its blank cells";
      return o;
    }
    for (const Try& t : tries)
      if (auto p = text_among_values ? std::nullopt : (this->*t.f)(v)) {
        o.evidence = t.e != Evidence::column              ? t.e
                     : blank_among_group_by_header(v, *p) || header_alone_in_characters(v) ? Evidence::column_by_header
                     : alone_on_its_page(v)               ? Evidence::column_alone_on_page
                                                          : t.e;
        o.placements.push_back(std::move(*p));
        return o;
      }
    // Where the table writes its blank cells (`-`, `/`) and the dump prints values apart from
    // their labels, a row short of cells with nothing to place its values by lost some — not
    // blanks that printed nothing (pdfminer: 规章 - / 行政规范性文件 - / 1 / - / 117 / 207, 规章's
    // 1 and 117 after the next label).
    // (Cells of tab and pipe lines may be cut or merged away: html2text.)
    if (plain && reading_order_ && written_blanks_ >= kWrittenBlanksShown) {
      o.why = "values missing where the table writes its blank cells";
      return o;
    }
    // A short row of written blanks alone: a row that writes a blank cell would write them all,
    // so its other cells are values printed elsewhere or lost — never a row of blanks to infer
    // (pdftotext: `息需要另行制 - - 作`, the row's 2 and 2 nowhere in the text).
    // (Marks only: html2text prints a blank cell as a no-break space and may drop a row's last.)
    auto mark = [&](std::uint32_t i) {
      return tok(i).kind == TokenKind::blank && tok(i).written && token_text(nt_, tok(i)).find_first_not_of(' ') != std::string_view::npos;
    };
    if (plain && std::all_of(values.begin(), values.end(), mark)) {
      o.why = "only written blanks, fewer than the row's cells";
      return o;
    }
    // html2text sets a line's every cell at its column's width, a blank one as spaces, and runs
    // a cell that fills its width into the next (`行政处�2,200   减少2133`: 减少21, then 33): on a
    // line it cut, a row short of its cells lost a value to a neighbour, not blanks that printed
    // nothing. (A row with an identity of its own is checked by it: a run-together cell breaks it.)
    if (plain && values.size() < v.cells && !has_row_identity(v.index) && on_cut_line(rv.label, values)) {
      o.why = "a value run into its neighbour on a line cut at its cells' widths";
      return o;
    }
    o.placements = all_placements(values, v.cells);
    keep_changes_in_change_columns(v, o.placements);
    if (layout_.single_row || collapsed_gaps_) filter_collapsed_gaps(v, o.placements);
    o.evidence = Evidence::open;
    if (o.placements.empty()) o.why = "no placement fits the empty lines between the values";
    return o;
  }

  /// Can `values` be arranged over row `row`'s cells so that every identity of its own holds,
  /// where those identities split the cells into groups, each a total and its parts (table 4)?
  /// A group holds when one of its values is half their sum. False where they do not so split.
  bool groups_hold_another_way(std::size_t row, std::span<const std::uint32_t> values) const {
    std::vector<std::size_t> sizes;
    std::size_t cells = 0;
    for (const LinearIdentity& id : layout_.identities) {
      if (!id.one_row || static_cast<std::size_t>(id.terms.front().row) != row) continue;
      if (std::count_if(id.terms.begin(), id.terms.end(), [](const Term& t) { return t.sign < 0; }) != 1) return false;
      sizes.push_back(id.terms.size());
      cells += id.terms.size();
    }
    if (sizes.empty() || cells != values.size() || values.size() > 20) return false;
    std::vector<Wide> vals;
    for (std::uint32_t i : values) vals.push_back(exact_(static_cast<std::int32_t>(i)));
    // Groups of one size are alike (a total and its parts): the lowest value left belongs to one
    // group of some size, which takes it and size − 1 of the others — each arrangement is tried
    // once, not once per order of alike groups (15 values in three groups of five: some 126,000
    // subsets where every subset of every mask cost 3 million steps).
    std::vector<std::pair<std::size_t, int>> kinds;  // (group size, groups of it left)
    for (std::size_t z : sizes) {
      auto k = std::find_if(kinds.begin(), kinds.end(), [&](const auto& e) { return e.first == z; });
      if (k == kinds.end()) kinds.push_back({z, 1});
      else ++k->second;
    }
    auto half_of_sum = [&](std::uint32_t sub) {
      Wide sum = 0;
      for (std::uint32_t b = sub; b; b &= b - 1) sum += vals[static_cast<std::size_t>(std::countr_zero(b))];
      for (std::uint32_t b = sub; b; b &= b - 1)
        if (2 * vals[static_cast<std::size_t>(std::countr_zero(b))] == sum) return true;
      return false;
    };
    auto fits = [&](auto&& self, std::uint32_t left) -> bool {
      if (left == 0) return true;  // (the groups' sizes add up to the values)
      const std::uint32_t lowest = left & (~left + 1);
      std::array<std::uint32_t, 32> pos{};  // the other values left, by index
      std::size_t m = 0;
      for (std::uint32_t b = left & ~lowest; b; b &= b - 1) pos[m++] = static_cast<std::uint32_t>(std::countr_zero(b));
      for (auto& [size, n] : kinds) {
        if (n == 0 || size == 0 || size - 1 > m) continue;
        --n;
        // each choice of size − 1 of the others: a mask over their places in pos
        bool found = false;
        for (std::uint32_t c = first_mask(size - 1); c < (1u << m) && !found; c = next_mask(c)) {
          std::uint32_t sub = lowest;
          for (std::uint32_t b = c; b; b &= b - 1) sub |= std::uint32_t{1} << pos[static_cast<std::size_t>(std::countr_zero(b))];
          found = half_of_sum(sub) && self(self, left & ~sub);
        }
        ++n;
        if (found) return true;
      }
      return false;
    };
    return fits(fits, (std::uint32_t{1} << values.size()) - 1);
  }

  bool writes_a_blank(std::span<const std::uint32_t> values) const {
    return std::any_of(values.begin(), values.end(), [&](std::uint32_t i) { return tok(i).kind == TokenKind::blank && tok(i).written; });
  }
  /// Do kWrittenBlanksShown rows print all their cells, written blanks among them?
  bool rows_write_their_blanks() const {
    std::size_t full = 0;
    for (const RowView& v : views_) {
      const auto& values = *v.values;
      if (values.size() == v.cells && writes_a_blank(values)) ++full;
    }
    return full >= kWrittenBlanksShown;
  }

  /// A row's values in order put a value written as a change outside the change column.
  bool change_out_of_place() const { return change_out_of_place_; }

 private:
  bool change_out_of_place_ = false;
  const text::NormalizedText& nt_;
  Candidate& cand_;
  const LabelAlignment& align_;
  const RowReading& reading_;
  const Layout& layout_;
  ExactValues exact_;  // values as the identities sum them
  std::vector<RowView> views_;

 public:
  /// Where each row's values stand, for the columns a page's rows share (shared_columns.hpp):
  /// rows all of one shape only (table 3; table 2's blocks have columns of their own).
  SharedColumns shared_columns() const {
    if (layout_.single_row || views_.empty()) return {};
    for (const RowView& v : views_)
      if (v.shape != views_.front().shape) return {};
    // (tab, box and grid tables keep their cells: no value of theirs stands on a plain line)
    if (std::none_of(views_.begin(), views_.end(), [&](const RowView& v) {
          return std::any_of(v.values->begin(), v.values->end(), [&](std::uint32_t i) { return tok(i).style == LineStyle::plain; });
        }))
      return {};
    std::vector<std::vector<ValueSpot>> rows(views_.size());
    for (std::size_t r = 0; r < views_.size(); ++r)
      for (std::uint32_t i : *views_[r].values) rows[r].push_back(spot(i));
    return find_shared_columns(rows, cand_.tokens.size(), views_.front().cells);
  }

 private:
  ValueSpot spot(std::uint32_t i) const {
    const Token& t = tok(i);
    ValueSpot s;
    s.token = i;
    s.page = page_[i];
    // Only a value after label text on its line, with room before it and no text after it:
    // pdftotext -layout sets a line of values alone (a wrapped label's other line) columns off
    // from the same column's values beside label text, a value one space after what precedes it
    // was pushed there, and a number before text on its line is a label's numbering cut off
    // (`1` `．属于国家秘密`).
    const Token* before = i > 0 && tok(i - 1).line == t.line ? &tok(i - 1) : nullptr;
    const bool room = before && before->at.chars >= 0 && t.at.chars - (before->at.chars + before->at.char_width) >= 2;
    bool text_before = false, text_after = false;
    for (std::uint32_t j = i; j > 0 && tok(j - 1).line == t.line; --j) text_before |= tok(j - 1).kind == TokenKind::text;
    for (std::uint32_t j = i + 1; j < cand_.tokens.size() && tok(j).line == t.line; ++j) text_after |= tok(j).kind == TokenKind::text;
    s.on_grid = t.style == LineStyle::plain && !t.glued && !t.spaces_line && !crowded_[i] && t.at.column >= 0 &&
                t.at.chars >= 0 && room && text_before && !text_after;
    const std::int32_t c = t.at.chars, cw = t.at.char_width, d = t.at.column, dw = t.at.width;
    const std::int32_t x[6] = {2 * c, 2 * c + cw, 2 * (c + cw), 2 * d, 2 * d + dw, 2 * (d + dw)};
    std::copy(std::begin(x), std::end(x), std::begin(s.x));
    return s;
  }

  /// A header token's text as header_words reads it, in both units at once: the Placer learns
  /// its axes in display columns and in characters, at centres and at left edges, and on each
  /// page (learn_column_axes) — each asks for the header's words, which are the same words.
  struct SplitWord {
    text::TextWidth before;  ///< from the token's start to the word's
    text::TextWidth width;
    std::string key;         ///< folded (text::fold_key)
  };
  struct HeaderText {
    std::string squeezed;
    std::vector<SplitWord> split;  ///< its words that may name a column (ideographs, no run of several columns' names)
  };
  mutable std::optional<AxisModel> fields_;  // (fields())
  mutable std::vector<std::unique_ptr<HeaderText>> header_texts_;  // per token (header_text()); never moved
  /// Display columns and characters: each unit's model, learned at cells' centres or left edges.
  struct ColumnAxis {
    AxisModel model;
    std::set<std::vector<int>> left;  ///< the shapes measured at left edges (else at centres)
    /// What the complete rows taught, trusted or not, at centres [0] and left edges [1]: a unit
    /// no row could verify still says where it would put a row (units_agree).
    std::array<std::map<std::vector<int>, Anchors>, 2> taught;
    /// The shapes whose complete rows' values start where the header's words start, each
    /// column's exactly, in this unit (w3m's display columns, lynx's characters): the text is set
    /// on this unit's grid (header_tells_unit).
    std::set<std::vector<int>> header_confirms;
    bool learned = false;
  };
  /// Per unit ([0] display columns, [1] characters): [0] the whole table's axes; where no axis
  /// holds for the whole table, [1 + p] page p's.
  std::vector<std::array<ColumnAxis, 2>> column_axes_;
  std::vector<std::uint32_t> page_;  ///< per token: the page it stands on, counted from the region's first
  std::size_t pages_ = 1;
  int page_only_ = -1;               ///< the page whose rows an axis is being learned over (-1: every page)
  static constexpr std::size_t kMostPages = 8;
  bool collapsed_gaps_ = false;  ///< a wider gap between one-per-line values holds blank cells (learn_collapsed_gaps)
  int usual_gap_ = -1;           ///< the gap between adjacent cells the complete rows keep (-1: none learned)
  // the column axis being learned: at left edges, not centres; in characters, not display columns
  bool columns_left_ = false;
  bool columns_in_chars_ = false;
  std::vector<bool> crowded_;      ///< per token: a value sharing its field with another
  std::vector<bool> at_margin_alone_;  ///< per token: alone on its line, at its start
  bool padding_says_blank_ = false;    ///< most rows print their values on their labels' lines
  std::size_t written_blanks_ = 0;  ///< blank cells the table writes (`-`, `/`, `无`)
  bool reading_order_ = false;      ///< this table or an earlier one printed values apart from their labels
  /// Written blanks enough to show the table writes its blank cells rather than leaving them empty.
  static constexpr std::size_t kWrittenBlanksShown = 3;
  // gap width: the gap between adjacent cells and the width a blank cell adds
  std::optional<std::pair<int, int>> gap_width_;
  std::optional<std::pair<int, int>> dump_gap_width_;  // table 4: what table 3's rows showed
  bool empty_lines_ = false;
  std::vector<bool> suspect_block_;  // per block: read in a reading order
  std::vector<bool> suspect_row_;    // per row: touched by a slip of values
  std::vector<bool> across_blocks_;  // per row: its values may be the short row's before its block heading
  std::vector<bool> lost_beside_;    // per row: the row before it lost its values, which may be among its own
  std::vector<bool> blank_on_line_;  // per block: values stand on their label's line
  std::vector<int> block_of_;    // per token: the block it stands in
  // rows [0, before_rows_) are read from runs before their labels (learn_runs_before_labels):
  // row r's values before_runs_[r * cells, (r + 1) * cells)
  std::size_t before_rows_ = 0;
  std::vector<std::uint32_t> before_runs_;
  bool header_cells_share_lines_ = false;
  /// The table has a column that holds a change (2019 table 2's 本年增/减): else no row has one,
  /// and has_change_column need not look its cells' columns up.
  bool change_columns_ = false;

  const Token& tok(std::uint32_t i) const { return cand_.tokens[i]; }

  /// What the header words printed right before each value of table 4's row say.
  struct HeaderNaming {
    std::optional<Placement> placement;  ///< every value named, each group's columns once each
    bool contradicts_order = false;      ///< some value named a column other than its place's
  };

  /// Table 4's values by the header words right before each (the text since the value before,
  /// group labels left out, spelling one column's header): the k-th run of as many values as a
  /// group has columns is the k-th group, each value in the column its words name.
  HeaderNaming by_header_words(const RowView& v, std::span<const std::uint32_t> values) const {
    HeaderNaming out;
    const templates::TableDef& def = *layout_.def;
    const std::size_t per_group = def.columns.size();
    if (per_group == 0 || v.cells != values.size() || values.size() % per_group != 0) return out;
    // (the first value's words may start with the table's heading and header rows)
    auto column_named = [&](std::string_view words, bool first) -> int {
      auto names = [&](std::string_view label) { return first ? words.ends_with(label) : words == label; };
      for (std::size_t c = 0; c < per_group; ++c) {
        const templates::ColumnDef& col = def.columns[c];
        if (names(col.label) || std::any_of(col.variants.begin(), col.variants.end(), names)) return static_cast<int>(c);
      }
      return -1;
    };
    Placement p(v.cells, -1);
    bool all = true;
    std::uint32_t from = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::string words;
      for (std::uint32_t t = from; t < values[i]; ++t) {
        if (tok(t).kind != TokenKind::text) continue;
        std::string w = text::squeeze(token_text(nt_, tok(t)));
        if (!templates::spans_columns(def, w)) words += w;
      }
      from = values[i] + 1;
      const int c = column_named(words, i == 0);
      if (c < 0) { all = false; continue; }
      if (static_cast<std::size_t>(c) != i % per_group) out.contradicts_order = true;
      const std::size_t cell = (i / per_group) * per_group + static_cast<std::size_t>(c);
      if (p[cell] >= 0) { all = false; continue; }
      p[cell] = static_cast<std::int32_t>(values[i]);
    }
    if (all) out.placement = std::move(p);
    return out;
  }

  /// Every arrangement of table 4's values, each in one of the cells its header words name
  /// (`named`), the cells named for no value blank, that keeps every group's total. Empty past
  /// kMaxPlacements arrangements tried.
  std::vector<Placement> named_arrangements(const RowView& v, std::span<const std::uint32_t> values,
                                            const std::vector<std::vector<std::int32_t>>& named) const {
    std::vector<Placement> out;
    Placement p(v.cells, -1);
    std::size_t tried = 0;
    auto assign = [&](auto&& self, std::size_t k) -> bool {
      if (++tried > kMaxPlacements) return false;
      if (k == values.size()) {
        if (own_identities(layout_, v.index, p, exact_).broken == 0) out.push_back(p);
        return true;
      }
      for (std::int32_t cell : named[k]) {
        auto& at = p[static_cast<std::size_t>(cell)];
        if (at >= 0) continue;
        at = static_cast<std::int32_t>(values[k]);
        const bool within = self(self, k + 1);
        at = -1;
        if (!within) return false;
      }
      return true;
    };
    if (!assign(assign, 0)) return {};
    return out;
  }

  /// Table 4's values as groups of as many as a group has columns, in printed group order, each
  /// group's values in every order that keeps its total — one order per distinct content of the
  /// cells (two blanks swapped are one order). Empty past kMaxPlacements readings.
  std::vector<Placement> group_arrangements(const RowView& v, std::span<const std::uint32_t> values) const {
    const std::size_t per_group = layout_.def->columns.size();
    if (per_group == 0 || values.size() != v.cells || values.size() % per_group != 0) return {};
    // a value's content: blank, or the number (exactly, as the identities sum it)
    auto content = [&](std::uint32_t i) { return std::pair(tok(i).kind == TokenKind::number, exact_(static_cast<std::int32_t>(i))); };
    std::vector<Placement> out{Placement(v.cells, -1)};
    for (std::size_t g = 0; g * per_group < values.size(); ++g) {
      std::vector<std::uint32_t> group(values.begin() + static_cast<long>(g * per_group),
                                       values.begin() + static_cast<long>((g + 1) * per_group));
      // the distinct orders of the group's contents, each filled with its tokens in printed order
      std::vector<std::size_t> order(per_group);
      for (std::size_t k = 0; k < per_group; ++k) order[k] = k;
      auto by_content = [&](std::size_t a, std::size_t b) {
        return content(group[a]) < content(group[b]) || (content(group[a]) == content(group[b]) && a < b);
      };
      std::sort(order.begin(), order.end(), by_content);
      std::vector<Placement> orders;
      do {
        Placement p(v.cells, -1);
        for (std::size_t k = 0; k < per_group; ++k) p[g * per_group + k] = static_cast<std::int32_t>(group[order[k]]);
        // (tokens of one content in printed order: one order per distinct content)
        bool first_of_content = true;
        for (std::size_t a = 0; a < per_group && first_of_content; ++a)
          for (std::size_t b = a + 1; b < per_group; ++b)
            if (content(group[order[a]]) == content(group[order[b]]) && order[a] > order[b]) { first_of_content = false; break; }
        if (first_of_content && own_identities(layout_, v.index, p, exact_).broken == 0) orders.push_back(std::move(p));
      } while (std::next_permutation(order.begin(), order.end(), by_content));
      if (orders.empty() || out.size() * orders.size() > kMaxPlacements) return {};
      std::vector<Placement> next;
      for (const Placement& base : out)
        for (const Placement& o : orders) {
          Placement p = base;
          for (std::size_t k = 0; k < per_group; ++k) p[g * per_group + k] = o[g * per_group + k];
          next.push_back(std::move(p));
        }
      out = std::move(next);
    }
    return out;
  }

  /// Is the text token before or after text token i (values between them aside) row r's label
  /// or a piece of it?
  bool beside_own_piece(std::uint32_t i, std::size_t r) const {
    auto own = [&](std::uint32_t k) {
      const Mark& m = align_.marks[k];
      return (m.role == TextRole::row_label || m.role == TextRole::continuation) && m.row == static_cast<int>(r);
    };
    for (std::uint32_t k = i; k-- > 0;)
      if (tok(k).kind == TokenKind::text) {
        if (own(k)) return true;
        break;
      }
    const auto n = static_cast<std::uint32_t>(std::min(cand_.tokens.size(), align_.marks.size()));
    for (std::uint32_t k = i + 1; k < n; ++k)
      if (tok(k).kind == TokenKind::text) return own(k);
    return false;
  }

  /// Do all the row's values stand among the lines of the row's own label (a label wrapped over
  /// lines 112–114, the values on 113; or one a line between 130 and 138), with no other row's
  /// label on their lines? A piece of one character is the label's only beside another of its
  /// pieces (pdftotext: 属 / 于 / 国 250 50 … / 家, a narrow cell's label a character a line),
  /// not alone (pdfminer sets a group label 本 / 年 / 度 / … so, and 年 is in 上年结转's label).
  bool among_own_label_lines(std::size_t r, std::span<const std::uint32_t> values) const {
    const std::uint32_t from = tok(values.front()).line, to = tok(values.back()).line;
    std::uint32_t first = tok(reading_.rows[r].label).line, last = first;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      const Mark& m = align_.marks[i];
      if (tok(i).kind != TokenKind::text || (m.role != TextRole::row_label && m.role != TextRole::continuation)) continue;
      if (m.row == static_cast<int>(r)) {
        if (m.role == TextRole::continuation && characters(token_text(nt_, tok(i))) == 1 && !beside_own_piece(i, r)) continue;
        first = std::min(first, tok(i).line);
        last = std::max(last, tok(i).line);
      } else if (from <= tok(i).line && tok(i).line <= to) {
        return false;
      }
    }
    return first <= from && to <= last;
  }

  /// Are the values the whole run between row r's label and the next label (or the table's end):
  /// each on a line of its own (pdftotext's reading order: `一、本年新收…` / `10` / `4` / `-` / … /
  /// `15` / `二、上年结转…`, corpus 176), or several a line, the first of them maybe beside the
  /// label (pdfminer's boxes: `一、本年新收… 52130 5340` / `391` / `338` / `2607` / `84 60890`,
  /// corpus 189)? Nothing else stands between: no other row's values before them, none after.
  bool run_between_labels(std::size_t r, std::span<const std::uint32_t> values) const {
    const std::uint32_t label = reading_.rows[r].label;
    std::uint32_t i = label + 1;
    while (i < values.front() && tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::continuation &&
           align_.marks[i].row == static_cast<int>(r))
      ++i;
    if (i != values.front()) return false;
    for (std::size_t k = 0; k < values.size(); ++k)
      if (values[k] != values.front() + k) return false;
    const std::uint32_t next = values.back() + 1;
    if (next >= cand_.tokens.size()) return true;  // (the table's last run)
    if (tok(next).kind != TokenKind::text) return false;
    const TextRole role = align_.marks[next].role;
    return role == TextRole::row_label || role == TextRole::group;
  }

  /// In a dump that prints values apart from their labels, does a run right before row r's label
  /// — values on lines of their own, no row's (unplaced, or of a row holding more than its
  /// cells) — fit the row as well, its total holding in some placement? pdftotext's reading order
  /// may set a row's values before its label and the next row's after it (`… / 4 / 35 / 893 / 1
  /// / 2615 / 23 / 3571 / 3．其他 / 1791 158 5256 9594 7755 2800 27354 / （七）总计`, the run
  /// after 3．其他 the total row's): the run after the label is then no proof.
  bool rival_run_before_label(std::size_t r) const {
    const RowView& v = views_[r];
    if (!has_row_identity(v.index)) return false;
    const std::uint32_t label = reading_.rows[r].label;
    std::uint32_t from = label;
    // (values beside text are some row's printed on its label's line: the run ends there)
    while (from > 0 && tok(from - 1).kind != TokenKind::text && !line_has_text(cand_, cand_.line_of[from - 1])) --from;
    const std::size_t n = label - from;
    if (n < 2 || n > v.cells) return false;
    for (std::uint32_t i = from; i < label; ++i) {
      if (tok(i).kind == TokenKind::blank && !tok(i).written) return false;
      for (const RowView& w : views_) {
        const auto& taken = reading_.rows[w.index].values;
        if (w.cells >= taken.size() && std::find(taken.begin(), taken.end(), i) != taken.end()) return false;
      }
    }
    std::vector<std::uint32_t> run(n);
    for (std::size_t k = 0; k < n; ++k) run[k] = from + static_cast<std::uint32_t>(k);
    for (const Placement& p : all_placements(run, v.cells))
      if (row_total_holds(v.index, p)) return true;
    return false;
  }

  /// Are the values printed zeros on lines strictly inside the lines of row r's own label (a piece
  /// of it before them and one after, no other row's label among them)?
  bool zeros_inside_own_label(std::size_t r, std::span<const std::uint32_t> values) const {
    if (values.empty() || !std::all_of(values.begin(), values.end(), [&](std::uint32_t i) {
          return tok(i).kind == TokenKind::number && tok(i).value && *tok(i).value == Decimal::from_int(0);
        }))
      return false;
    if (!among_own_label_lines(r, values)) return false;
    const std::uint32_t from = tok(values.front()).line, to = tok(values.back()).line;
    bool before = false, after = false;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      const Mark& m = align_.marks[i];
      if (tok(i).kind != TokenKind::text || m.row != static_cast<int>(r) ||
          (m.role != TextRole::row_label && m.role != TextRole::continuation))
        continue;
      before |= tok(i).line < from;
      after |= tok(i).line > to;
    }
    return before && after;
  }

  /// A text token after the row's first value on that value's line.
  bool text_after_first_value(std::span<const std::uint32_t> values) const {
    const std::uint32_t line = tok(values.front()).line;
    for (std::uint32_t i = values.front() + 1; i < cand_.tokens.size() && tok(i).line == line; ++i)
      if (tok(i).kind == TokenKind::text) return true;
    return false;
  }

  /// Was row r (if there is one) read with some values, fewer than its cells?
  bool short_of_cells(std::size_t r) const {
    if (r >= views_.size() || !reading_.rows[r].found) return false;
    const std::size_t n = views_[r].values->size();
    return n > 0 && n < views_[r].cells;
  }

  /// Values after row r's label on the label's line (another row's label between them).
  bool values_on_label_line(std::size_t r) const {
    const std::uint32_t label = reading_.rows[r].label, line = tok(label).line;
    for (std::uint32_t i = label + 1; i < cand_.tokens.size() && tok(i).line == line; ++i)
      if (tok(i).kind == TokenKind::number) return true;
    return false;
  }

  /// Text with cut characters (U+FFFD) before the row's first value on that value's line, or a
  /// value read out of cut text before another on its line: html2text lays its lines out in
  /// bytes, and what the cut took shifts every value after it (`规范性文�5件    \u00a0      1`,
  /// the 1 现行有效件数's, by position 本年新公开数量's).
  bool cut_text_before(std::span<const std::uint32_t> values) const {
    const std::uint32_t line = tok(values.front()).line;
    for (std::uint32_t i = values.front(); i-- > 0 && tok(i).line == line;)
      if (tok(i).kind == TokenKind::text && token_text(nt_, tok(i)).find(text::kCut) != std::string_view::npos) return true;
    for (std::size_t k = 0; k + 1 < values.size(); ++k)
      if (tok(values[k]).damaged && tok(values[k + 1]).line == tok(values[k]).line) return true;
    return false;
  }

  /// Table 4 as pdftotext's reading order prints a header of narrow cells: its pieces merged
  /// across the columns into lines of three or more pieces of one or two characters (`果 果 他 未
  /// 总 果 果 他 未 总`), then each value alone on a line, blank markers among numbers. Such a dump
  /// sets a `/` and a number of one printed row apart (`/ 5 / 2761 2766` for `/ / 2761 5 2766`;
  /// `/ / 5 / 5` for `5 / / / 5`): the order within a group is not its columns'.
  bool merged_header_above(std::span<const std::uint32_t> values) const {
    bool blank = false, number = false;
    for (std::uint32_t i : values) {
      const Candidate::Line& line = cand_.lines[cand_.line_of[i]];
      if (line.last - line.first != 1) return false;
      blank |= tok(i).kind == TokenKind::blank && tok(i).written;
      number |= tok(i).kind == TokenKind::number;
    }
    // the header's pieces as decoded: normalization drops the spaces between ideographs
    if (!blank || !number || !nt_.decoded || !nt_.decoded->ordered) return false;
    for (std::uint32_t i = 0; i < values.front(); ++i) {
      if (tok(i).kind != TokenKind::text) continue;
      const std::string_view text = token_written(nt_, tok(i));
      int pieces = 0;
      bool short_pieces = true;
      for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = std::min(text.find(' ', at), text.size());
        const int n = characters(text.substr(at, end - at));
        short_pieces &= n >= 1 && n <= 2;
        ++pieces;
        at = end + 1;
      }
      if (short_pieces && pieces >= 3) return true;
    }
    return false;
  }

  /// Are there header words between the first and the last of these values?
  bool scattered(std::span<const std::uint32_t> values) const {
    for (std::uint32_t i = values.front(); i < values.back(); ++i)
      if (tok(i).kind == TokenKind::text) return true;
    return false;
  }

  /// Signs that values are not printed after their labels: numbers no row took that a row's
  /// label follows (values before labels), and rows with more values than cells that are not the
  /// empty cells of merged labels (a batch of other rows' values). Where the values displaced add
  /// up to a row's worth or more in a block (table 2's 第二十条 blocks; the whole of tables 3 and
  /// 4), the block is read in a reading order, and no row of it by the values after its label;
  /// a smaller slip makes only the rows it touches uncertain (the row after the stray values, the
  /// row with too many, and the rows right before it that got none).
  void reading_order_signs(DumpLayout& dump) {
    std::size_t blocks = block_of_.empty() ? 1 : static_cast<std::size_t>(block_of_.back()) + 1;
    std::vector<std::size_t> displaced(blocks, 0);
    suspect_block_.assign(blocks, false);
    suspect_row_.assign(views_.size(), false);
    across_blocks_.assign(views_.size(), false);
    lost_beside_.assign(views_.size(), false);
    std::vector<int> row_at_label(cand_.tokens.size(), -1);
    for (std::size_t r = 0; r < views_.size(); ++r)
      if (reading_.rows[r].found) row_at_label[reading_.rows[r].label] = static_cast<int>(r);
    for (std::uint32_t o : reading_.orphans) {
      if (tok(o).kind != TokenKind::number) continue;
      // (values beside text that is no label are a row whose label was not recognised)
      if (line_has_text(cand_, cand_.line_of[o])) continue;
      for (std::uint32_t i = o + 1; i < cand_.tokens.size(); ++i) {
        if (tok(i).kind != TokenKind::text) continue;
        TextRole role = align_.marks[i].role;
        if (role == TextRole::row_label) {
          ++displaced[static_cast<std::size_t>(block_of_[o])];
          if (row_at_label[i] >= 0) suspect_row_[static_cast<std::size_t>(row_at_label[i])] = true;
        }
        // Table 2: a value between a block's heading and its header words is no row's of that
        // block — it flowed there from an earlier block, whose values are then not where they
        // seem (pdftotext's reading order: 规章 3 / 规范性文件 23 198 5 … 第二十条第（八）项 831).
        if (role == TextRole::header && layout_.table == TableKey::active_disclosure) {
          for (int b = 0; b < block_of_[o]; ++b) suspect_block_[static_cast<std::size_t>(b)] = true;
          break;
        }
        if (role == TextRole::row_label || role == TextRole::group) break;
      }
    }
    bool batched = false;
    if (!layout_.single_row)
      for (const RowView& v : views_) {
        if (!(v.values->size() > v.cells + 3 || (v.values->size() > v.cells && !without_filler(*v.values, v.cells)))) continue;
        displaced[static_cast<std::size_t>(block_of_[reading_.rows[v.index].label])] += v.values->size() - v.cells;
        suspect_row_[v.index] = true;
        batched = true;
        // the rows before it short of their cells may have lost to it what it has too many of
        // (pdftotext: 规章 / / 行政规范性文件 2195 / 1 / 668 / 1 / 717, 规章's 1 and 668 among them)
        for (std::size_t p = v.index; p-- > 0 && reading_.rows[p].found && reading_.rows[p].values.size() < views_[p].cells;)
          suspect_row_[p] = true;
      }
    // A dump that printed one block's values after its stacked labels may have printed others
    // so: a row with no value whose label the next row's follows, and that next row, whose values
    // stand on lines of their own, may share those values (pdfminer: 行政处罚 / 行政强制 / 2).
    // Table 2, which has no identity to tell, is read so only where empty lines count its blank
    // cells (lynx); pdfminer prints 规章 / 行政规范性文件 / 2833 / 49 / 679 column by column.
    // In a dump known to print values apart from their labels, a short row's missing value may
    // also stand after the next label, and that row's count be fit by it (pdftotext: 规章 / 5 /
    // 1 / 规范性文件 / 2665 / 3 / 5, the 3 规章's): the two rows are uncertain alike.
    const bool stacked_unsure = batched || dump.reading_order || (layout_.table == TableKey::active_disclosure && !empty_lines_);
    // Where the table's rows write their blank cells, a row with none printed lost its values; a
    // next row whose values are not on its label's first line may hold them, even among its own
    // label's lines (pdftotext -layout: `3.要求提供` / `公开出版物` / `（五） 4.无正当理` /
    // `- - 25 2197 - - 2222` / `由大量反复` / `申请` / `- - - - - - -`, the first line 3.'s).
    // (Values all blank read the same for either row.)
    const bool lost = rows_write_their_blanks() && !empty_lines_;
    for (std::size_t r = 0; r + 1 < views_.size(); ++r) {
      const RowValues &a = reading_.rows[r], &b = reading_.rows[r + 1];
      if (!a.found || !b.found || b.values.empty()) continue;
      const bool same_block = block_of_[a.label] == block_of_[b.label];
      bool shared = false;
      const bool lost_here = lost && std::any_of(b.values.begin(), b.values.end(), [&](std::uint32_t i) { return tok(i).kind == TokenKind::number; });
      // (not all of b's values on its label's line: pdfminer may box b's label with its first
      // value, `行政规范性文件 41 / 50 / 11`, the 50 规章's)
      if (same_block && a.values.empty() && (stacked_unsure || lost_here) && tok(b.values.back()).line != tok(b.label).line) {
        shared = true;  // stacked: nothing but text between the two labels
        for (std::uint32_t i = a.label + 1; i < b.label && shared; ++i) shared = tok(i).kind == TokenKind::text;
        lost_beside_[r + 1] = shared && lost_here;
      } else if (!a.values.empty() && (dump.reading_order || (same_block && values_alone_apart(a) && values_alone_apart(b, /*first_beside_label=*/true))) &&
                 a.values.size() < views_[r].cells && b.values.size() == views_[r + 1].cells) {
        shared = tok(b.values.back()).line != tok(b.label).line;  // not all on its label's line
        if (shared && !same_block) shared = across_blocks_[r + 1] = gives_across_block_heading(a, b);
      } else if (same_block && stacked_unsure && a.values.size() == views_[r].cells && !b.values.empty() &&
                 b.values.size() < views_[r + 1].cells) {
        // and the other way round: a full row whose values stand on lines of their own before a
        // short row's label may hold the short row's (pdfminer: 规章 / 3 / 382 / 570 / 行政规范性文件 /
        // 15, the 570 行政规范性文件's) — not where its blank cells are printed, each a line of
        // spaces (mutool: 行政许可 / 424 / ␠ / 33): it is printed cell by cell; nor where the short
        // row prints its blank so, a space of its own after its label (mutool: `行政规范性文件␠␠` /
        // 5 / 66, the first cell blank)
        shared = tok(a.values.back()).line != tok(a.label).line &&
                 std::none_of(a.values.begin(), a.values.end(), [&](std::uint32_t i) { return tok(i).spaces_line; }) &&
                 !blank_beside_label(b);
      }
      if (shared) suspect_row_[r] = suspect_row_[r + 1] = true;
    }
    dump.reading_order |= batched || std::any_of(displaced.begin(), displaced.end(), [](std::size_t d) { return d > 0; });
    reading_order_ = dump.reading_order;
    mark_second_value_lines();
    if (reading_order_) mark_values_before_next_label();
    std::size_t widest = 1;
    for (const RowView& v : views_) widest = std::max(widest, v.cells);
    for (std::size_t b = 0; b < blocks; ++b) suspect_block_[b] = suspect_block_[b] || displaced[b] >= widest;
    // a label under another block's heading: the blocks are out of order, and so may its values be
    for (std::size_t r = 0; r < views_.size(); ++r)
      if (r < align_.out_of_block.size() && align_.out_of_block[r]) suspect_row_[r] = true;
    // Where most rows' values stand on their label's own line (tab, box and space-aligned dumps),
    // a label line with none is a row of blank cells.
    // A block of one or two rows (table 2's) says little by itself: the whole table says it where
    // every row with values, three or more, has them on its label's line.
    std::vector<int> found(blocks, 0), on_line(blocks, 0);
    int with_values = 0, all_on_line = 0;
    for (const RowView& v : views_) {
      const RowValues& rv = reading_.rows[v.index];
      if (!rv.found) continue;
      auto b = static_cast<std::size_t>(block_of_[rv.label]);
      ++found[b];
      if (v.values->empty()) continue;
      bool on = tok(v.values->front()).line == tok(rv.label).line;
      on_line[b] += on;
      ++with_values;
      all_on_line += on;
    }
    const bool table_on_line = all_on_line >= 3 && all_on_line == with_values;
    // (a label's line padded with spaces says blank only where rows print their values on their
    // labels' lines: LibreOffice's PDF through pdfminer pads a label and prints values elsewhere)
    padding_says_blank_ = !reading_order_ && all_on_line * 2 > with_values;
    blank_on_line_.assign(blocks, false);
    for (std::size_t b = 0; b < blocks; ++b)
      blank_on_line_[b] = (on_line[b] * 2 >= found[b] && on_line[b] >= 2) || table_on_line;
  }

  /// Table 2 (read before the dump's reading order is known): does every value of a row stand
  /// alone on a line apart from its label, with no empty line marking a blank cell and no blank
  /// written as a line of spaces? A short row's missing value may then stand after the next
  /// label (pdftotext: 规章 / 0 / 0 / 规范性文件 / 5 / 3 / 3, the first 3 规章's), and table 2
  /// has no identity to tell.
  /// `first_beside_label`: the row's first value may stand on its label's line, its others
  /// alone on lines of their own (pdftotext: `行政规范性文件 2` / `35` / `689`, the 689 the short
  /// row's before it).
  bool values_alone_apart(const RowValues& rv, bool first_beside_label = false) const {
    if (layout_.table != TableKey::active_disclosure || empty_lines_ || !header_cells_share_lines_) return false;
    const bool first_beside = first_beside_label && !rv.values.empty() && tok(rv.values.front()).line == tok(rv.label).line;
    const auto from = rv.values.begin() + (first_beside ? 1 : 0);
    return std::all_of(from, rv.values.end(), [&](std::uint32_t i) {
      const Candidate::Line& line = cand_.lines[cand_.line_of[i]];
      return line.last - line.first == 1 && !tok(i).spaces_line && tok(i).line != tok(rv.label).line;
    });
  }

  /// Does the row's label end its line with a space of its own past the one that ends the text
  /// (mutool prints a blank cell as a space, `行政规范性文件␠␠`), its values on later lines, each
  /// alone — the dump printing cell by cell?
  bool blank_beside_label(const RowValues& rv) const {
    const Token& label = tok(rv.label);
    if (rv.values.empty() || cand_.line_of[rv.label] + 1 != cand_.line_of[rv.values.front()]) return false;
    const Candidate::Line& own = cand_.lines[cand_.line_of[rv.label]];
    if (own.last != rv.label + 1) return false;  // the label ends its line
    const text::Line& line = nt_.lines[label.line];
    if (label.end + 2 > line.end) return false;
    for (std::uint32_t k = label.end; k < line.end; ++k)
      if (nt_.text[k] != ' ') return false;
    return std::all_of(rv.values.begin(), rv.values.end(), [&](std::uint32_t i) {
      const Candidate::Line& l = cand_.lines[cand_.line_of[i]];
      return l.last - l.first == 1;
    });
  }

  /// Does every value of a row stand on a line other than its label's?
  bool apart_from_label(const RowValues& rv) const {
    return std::none_of(rv.values.begin(), rv.values.end(), [&](std::uint32_t i) { return tok(i).line == tok(rv.label).line; });
  }

  /// A short row `a` and the next row `b`, with exactly its count, after a block heading
  /// (pdftotext: 行政强制 / 2 / 0 / 第二十条第（八）项 / 行政事业性收费 / 4 / 18, the 18 行政强制's): may
  /// b's values be a's? Only where a's own values stand apart from its label (规范性文件 62 /
  /// 第二十条第（五）项 / 0 / 33 … has the rest of its values in the next block's place), nothing but
  /// text stands between them (规范性文件 / 15 / 第二十条第(五)项 / 无 / 6 / 无 / 113: the next block's
  /// first values are a's), and no value went unplaced before b (198 / 831 / 规章 / 3 / 规范性文件 /
  /// 23 / 5). Then b's values are no block reading's either.
  bool gives_across_block_heading(const RowValues& a, const RowValues& b) const {
    if (!apart_from_label(a)) return false;
    for (std::uint32_t i = a.values.back() + 1; i < b.label; ++i)
      if (tok(i).kind != TokenKind::text || tok(i).written) return false;
    return std::none_of(reading_.orphans.begin(), reading_.orphans.end(),
                        [&](std::uint32_t o) { return o < b.label && tok(o).kind == TokenKind::number; });
  }

  /// A row with all its values on one line whose own wrapped label brings a second line of as
  /// many (pdftotext -layout: `4.无正当理由` / `4 - - 2936 - - 2940` / `予处理 大量反复申请 - - - - - - -`),
  /// right after a row that has none (`3.要求提供公` / `开出版物`): one of the two lines is that
  /// row's, and nothing tells which — unless the two read alike (two lines of blanks).
  void mark_second_value_lines() {
    for (std::size_t r = 1; r < views_.size(); ++r) {
      const RowValues &p = reading_.rows[r - 1], &rv = reading_.rows[r];
      if (!p.found || !p.values.empty() || !rv.found || rv.values.size() != views_[r].cells) continue;
      std::size_t second = 0;
      bool alike = true;
      for (std::uint32_t o : reading_.orphans) {
        if (o < rv.label || (tok(o).kind != TokenKind::number && !tok(o).written)) continue;
        if (!continues_label(cand_, align_, cand_.line_of[o], static_cast<int>(r))) continue;
        if (second < rv.values.size()) alike &= exact_(static_cast<std::int32_t>(o)) == exact_(static_cast<std::int32_t>(rv.values[second]));
        ++second;
      }
      if (second == views_[r].cells && !alike) suspect_row_[r - 1] = suspect_row_[r] = true;
    }
  }

  /// The mirror of a short row's values after the next label, in a dump that prints values
  /// before their labels (pdftotext, a value at the middle of its cell's height: 行政处罚 / 665 /
  /// 行政强制, the 665 行政强制's as 行政许可's 5 stood before 行政许可): values on lines of their own
  /// right before the next label, whose row has none, may be that row's; the two rows are
  /// uncertain alike.
  void mark_values_before_next_label() {
    for (std::size_t r = 0; r + 1 < views_.size(); ++r) {
      const RowValues &a = reading_.rows[r], &b = reading_.rows[r + 1];
      if (!a.found || !b.found || a.values.empty() || !b.values.empty() || block_of_[a.label] != block_of_[b.label]) continue;
      bool right_before = true;
      for (std::uint32_t i = a.values.back() + 1; i < b.label && right_before; ++i) right_before = tok(i).kind != TokenKind::text;
      if (apart_from_label(a) && right_before) suspect_row_[r] = suspect_row_[r + 1] = true;
    }
  }

  /// Is row r uncertain by those signs?
  bool suspect(std::size_t r) const {
    return suspect_row_[r] || suspect_block_[static_cast<std::size_t>(block_of_[reading_.rows[r].label])];
  }

  /// Does a row-local identity (the row's total) hold for placement p? False where it has none.
  bool row_total_holds(std::size_t r, const Placement& p) const {
    return own_identities_hold(layout_, r, p, exact_).value_or(false);
  }

  /// pdftotext's default order may set each of a table's first rows right before its own label (a
  /// cell's value at the middle of the row's height, above the label's line: `6036 45 / 3531 / … /
  /// 19522 / 一、本年新收… / / / 48 / / / … / 48 / 二、上年结转…`). Read after their labels, every
  /// row would take the next row's run and the first run would be nobody's. So where the values
  /// between the header's last words and the first row's label are exactly that row's cells and
  /// hold its total, the values after them are read as the next rows' runs, each as long as its
  /// row, as long as each run stands after the previous row's label begins and before the next
  /// row's does (a wrapped label may have its run among its lines), holds its row's total and has
  /// no value on a line after another row's label piece. The first run that breaks this ends the
  /// rows so read (the rest of such a dump prints first cells beside labels, or nothing of blank
  /// cells); two rows at least. Rows with a total of their own only: the total checks each run.
  void learn_runs_before_labels() {
    const std::size_t R = layout_.rows.size();
    if (layout_.single_row || R < 2 || !reading_.rows[0].found) return;
    const std::size_t n = layout_.rows[0].cells.size();
    std::uint32_t from = reading_.rows[0].label;  // after the last text before the first label
    std::size_t first_run = 0;
    for (; from > 0 && tok(from - 1).kind != TokenKind::text; --from) first_run += tok(from - 1).printed_cell();
    if (first_run != n || !has_row_identity(0)) return;  // (most tables: no value before the first label)
    std::vector<std::uint32_t> stream;  // the values from the first run on
    for (std::uint32_t i = from; i < cand_.tokens.size(); ++i)
      if (tok(i).printed_cell()) stream.push_back(i);
    std::size_t rows = 0;
    for (std::size_t r = 0; r < R && layout_.rows[r].cells.size() == n && (rows + 1) * n <= stream.size(); ++r) {
      if (!reading_.rows[r].found || !has_row_identity(r)) break;
      const auto run = std::span(stream).subspan(r * n, n);
      // the first run wholly before the first label; the others after the previous label's start
      const std::uint32_t after = r == 0 ? from : reading_.rows[r - 1].label;
      const std::uint32_t before = r == 0 ? reading_.rows[0].label
                                   : r + 1 < R && reading_.rows[r + 1].found ? reading_.rows[r + 1].label
                                                                             : 0;
      if (before <= after || run.front() < after || run.back() >= before) break;
      if (std::any_of(run.begin(), run.end(), [&](std::uint32_t v) {
            const int pin = row_labelled_before(cand_, align_, v);
            return pin >= 0 && static_cast<std::size_t>(pin) != r;
          }))
        break;
      if (!row_total_holds(r, Placement(run.begin(), run.end()))) break;
      rows = r + 1;
    }
    if (rows < 2) return;
    before_rows_ = rows;
    before_runs_.assign(stream.begin(), stream.begin() + static_cast<long>(rows * n));
  }

  /// Does every row of a block have its values right before its label: the values between the
  /// block's header words and its first label are the first row's cells, each run between two
  /// labels the next row's, exactly as many as its cells, and nothing after the last label?
  /// (pdftotext sets a cell's value at the middle of the cell's height, above a label set at its
  /// line's: `0 0 0 / 规章 / 11 3 110 / 行政规范性文件`, `38602 / 行政处罚 / 29 / 行政强制`.) Read the
  /// other way, the first run would be nobody's and a row would go short.
  bool before_each_label(const std::vector<std::uint32_t>& labels, const std::vector<std::size_t>& rows,
                         const std::vector<std::uint32_t>& values) const {
    if (labels.size() < 2 || values.front() > labels.front() || values.back() > labels.back()) return false;
    for (std::uint32_t i = values.front() + 1; i < labels.back(); ++i)
      if (tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::header) return false;
    std::size_t v = 0;
    for (std::size_t k = 0; k < labels.size(); ++k) {
      std::size_t run = 0;
      for (; v < values.size() && values[v] < labels[k]; ++v) ++run;
      if (run != layout_.rows[rows[k]].cells.size()) return false;
    }
    return true;
  }

  /// Do the values between the block heading before token `heading` and that heading fill the
  /// cells of the rows whose labels stand there? (True where no block heading comes before.)
  bool block_before_complete(std::uint32_t heading) const {
    std::uint32_t from = 0;
    bool found = false;
    for (std::uint32_t i = 0; i < heading; ++i)
      if (align_.marks[i].role == TextRole::group && align_.marks[i].row == kBlockHeading) {
        from = i + 1;
        found = true;
      }
    if (!found) return true;
    std::size_t cells = 0, values = 0;
    for (std::uint32_t i = from; i < heading; ++i) {
      const Token& t = tok(i);
      if (t.kind == TokenKind::text && align_.marks[i].role == TextRole::row_label)
        cells += layout_.rows[static_cast<std::size_t>(align_.marks[i].row)].cells.size();
      else if (t.kind == TokenKind::number || t.written)
        ++values;
    }
    return values >= cells;
  }

  /// A block of rows under one heading (第二十条第(六)项), printed with all its labels together and
  /// then all its values, as many as its rows have cells (pdfminer: the label box, then the number
  /// box): row r's values in row order. Or a block of one row of one cell whose one value stands
  /// between the heading and the label (pdftotext: "本年处理决定数量 550 行政许可"). Nothing confirms
  /// either reading (table 2 has no identity); the placement step says so.
  /// (Rows of several cells may come row by row or column by column — pdfminer prints table 2's
  /// first block column by column — so both are options, and only what both agree on is read.)
  std::vector<Placement> by_block(std::size_t r, Evidence& how) const {
    if (across_blocks_[r]) return {};
    const RowValues& rv = reading_.rows[r];
    // (cells split out of glued digits are appended to the candidate after the labels were aligned)
    std::uint32_t from = 0, to = static_cast<std::uint32_t>(std::min(cand_.tokens.size(), align_.marks.size()));
    for (std::uint32_t i = 0; i < rv.label; ++i)
      if (align_.marks[i].role == TextRole::group && align_.marks[i].row == kBlockHeading) from = i + 1;
    for (std::uint32_t i = rv.label + 1; i < to; ++i)
      if (align_.marks[i].role == TextRole::group && align_.marks[i].row == kBlockHeading) to = i;
    if (from == 0) return {};  // a block needs its heading
    std::vector<std::size_t> rows;
    std::vector<std::uint32_t> labels, values;
    for (std::uint32_t i = from; i < to; ++i) {
      const Token& t = tok(i);
      if (t.kind == TokenKind::text) {
        if (align_.marks[i].role == TextRole::row_label) {
          labels.push_back(i);
          rows.push_back(static_cast<std::size_t>(align_.marks[i].row));
        } else if (align_.marks[i].role == TextRole::foreign) {
          return {};
        }
      } else if (t.kind == TokenKind::number || t.written) {
        values.push_back(i);
      }
    }
    if (labels.empty() || values.empty()) return {};
    std::size_t cells = 0;
    for (std::size_t row : rows) cells += layout_.rows[row].cells.size();
    if (values.size() != cells) return {};
    bool after = values.front() > labels.back();
    bool before = values.back() < labels.front();
    if (before && !(rows.size() == 1 && cells == 1)) return {};  // two values before two labels: nobody's
    // a value before the block's header words is not this block's (it flowed from an earlier one)
    if (before)
      for (std::uint32_t i = values.back() + 1; i < labels.front(); ++i)
        if (tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::header) return {};
    // nor one after them where the block before holds fewer values than cells: it may have flowed
    // from there (pdftotext: `规章 / 528 / 行政规范性文件 / 155 / 第二十条第（五）项 / 信息内容 …
    // / 559 / 行政许可`, the 559 规范性文件's)
    if (before && !block_before_complete(from - 1)) return {};
    // Values among the labels (pdfminer: `规章 / 0 / 行政规范性文件 4 / 0 / 3 / 0 / 97`, the block
    // column by column): each must follow its row's label, and one on a label's line is that
    // row's — the orders that keep both are the block's options.
    bool among = !after && !before && values.front() > labels.front();
    const bool interleaved = !after && !before && !among && before_each_label(labels, rows, values);
    // (header words among them open another block, whose heading the dump set later: its rows'
    // labels and values are in this one's stretch — pdftotext: `规章 / 1933 / 规范性文件 / 4 / 10 /
    // 信息内容 / 上一年项目数量 … / 行政许可 / 15 / …`)
    for (std::uint32_t i = labels.front(); among && i < values.back(); ++i)
      among = !(tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::header);
    if (!after && !before && !among && !interleaved) return {};
    auto keeps_pins = [&](const std::vector<std::size_t>& row_of_value) {
      for (std::size_t v = 0; v < values.size(); ++v) {
        const std::size_t k = row_of_value[v];  // index into labels
        if (values[v] < labels[k]) return false;
        for (std::size_t j = 0; j < labels.size(); ++j)
          if (tok(labels[j]).line == tok(values[v]).line && j != k) return false;
      }
      return true;
    };
    std::vector<Placement> out;
    std::size_t at = 0, index = 0;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      std::size_t n = layout_.rows[rows[k]].cells.size();
      if (rows[k] == r) {
        how = before        ? Evidence::before_label
              : interleaved ? Evidence::before_labels
              : among       ? Evidence::block_among
                            : Evidence::block_order;
        out.emplace_back(values.begin() + static_cast<long>(at), values.begin() + static_cast<long>(at + n));
        index = k;
        break;
      }
      at += n;
    }
    if (out.empty() || interleaved) return out;
    std::size_t n = layout_.rows[r].cells.size();
    bool same_width = std::all_of(rows.begin(), rows.end(), [&](std::size_t x) { return layout_.rows[x].cells.size() == n; });
    if (rows.size() > 1 && n > 1) {
      if (!same_width) return {};
      Placement by_columns(n);
      for (std::size_t c = 0; c < n; ++c) by_columns[c] = static_cast<std::int32_t>(values[c * rows.size() + index]);
      if (among) {
        // the block column by column, or each row's first cell beside its label and the rest row
        // by row (pdftotext: `规章 / - / 行政规范性文件 16 / - / - / 10 / 398`): every one of these
        // orders the labels allow is an option, and the cells they agree on are read.
        const std::size_t m = rows.size();
        std::vector<std::size_t> by_columns_of(values.size()), beside_of(values.size());
        std::vector<std::size_t> beside_at(values.size());  // per value: its cell in its row
        for (std::size_t v = 0; v < values.size(); ++v) {
          by_columns_of[v] = v % m;
          // first cells of every row in its order, each right after its label, then the rest
          beside_of[v] = v < m ? v : (v - m) / (n - 1);
          beside_at[v] = v < m ? 0 : 1 + (v - m) % (n - 1);
        }
        Placement beside(n);
        for (std::size_t v = 0; v < values.size(); ++v)
          if (beside_of[v] == index) beside[beside_at[v]] = static_cast<std::int32_t>(values[v]);
        std::vector<Placement> kept;
        auto keep = [&](const std::vector<std::size_t>& row_of, const Placement& p) {
          if (keeps_pins(row_of) && std::find(kept.begin(), kept.end(), p) == kept.end()) kept.push_back(p);
        };
        // (not row by row: a row's values after the next row's label are another print order's)
        keep(by_columns_of, by_columns);
        bool firsts_beside = true;  // each row's first cell before the next row's label
        for (std::size_t k = 0; k + 1 < m && firsts_beside; ++k) firsts_beside = values[k] < labels[k + 1];
        if (firsts_beside) keep(beside_of, beside);
        return kept;
      }
      if (by_columns != out.front()) out.push_back(std::move(by_columns));
    } else if (among) {
      return {};  // one cell a row: values among the labels are the row-by-row reading's
    }
    return out;
  }

  /// Where the row has no identity to split glued digits by (table 2), what the report's prose
  /// states of its counts ("现行有效行政规范性文件698件 … 制发的规范性文件88件": the row's word after a
  /// verb of the column, within one clause, then N 件) picks the split — when it states at least
  /// two of the row's counts and exactly one split agrees with all it states.
  void by_stated_counts(const RowView& v, RowOptions& o) const {
    if (o.placements.size() < 2 || has_row_identity(v.index)) return;
    const templates::RowDef* def = templates::row(*layout_.def, layout_.rows[v.index].key);
    if (!def) return;
    std::vector<std::vector<Decimal>> stated(v.cells);
    std::size_t named = 0;
    for (std::size_t c = 0; c < v.cells; ++c) {
      const templates::ColumnDef* col = templates::column(*layout_.def, v.shape[c]);
      if (!col || col->stated_by.empty()) continue;
      std::vector<std::string_view> words{def->label};
      words.insert(words.end(), def->variants.begin(), def->variants.end());
      stated[c] = stated_counts(nt_, words, col->stated_by);
      named += !stated[c].empty();
    }
    if (named < 2) return;
    std::vector<Placement> fitting;
    for (const Placement& p : o.placements) {
      bool fits = true;
      for (std::size_t c = 0; c < v.cells && fits; ++c) {
        if (stated[c].empty() || p[c] < 0) continue;
        const auto& val = tok(static_cast<std::uint32_t>(p[c])).value;
        fits = val && std::find(stated[c].begin(), stated[c].end(), *val) != stated[c].end();
      }
      if (fits) fitting.push_back(p);
    }
    if (fitting.size() == 1) {
      o.placements = std::move(fitting);
      o.evidence = Evidence::glued_by_prose;
    }
  }
  /// Row v's values with pieces of wrapped counts joined: each way to join pairs of adjacent
  /// values — digits alone on consecutive lines, the first no lone 0 — into as many values as
  /// cells, keeping the row's own total. Each joined count is a token appended to the candidate,
  /// spanning both pieces. Empty where none keeps it, or too many do to say anything.
  std::vector<Placement> wrapped_joins(const RowView& v, std::span<const std::uint32_t> values) {
    const std::size_t joins = values.size() - v.cells;
    if (joins == 0 || joins > 3 || values.size() > 20) return {};
    auto piece = [&](std::uint32_t i) {
      const Token& t = tok(i);
      const std::string_view d = token_text(nt_, t);
      return t.kind == TokenKind::number && t.style == LineStyle::plain && !t.damaged && !t.glued && !t.unreadable &&
             !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos &&
             cand_.lines[cand_.line_of[i]].first + 1 == cand_.lines[cand_.line_of[i]].last;  // alone on its line
    };
    // k → the count values[k] and values[k + 1] make as one (digits alone on consecutive lines)
    std::map<std::size_t, Decimal> joined_value;
    for (std::size_t k = 0; k + 1 < values.size(); ++k) {
      const Token &a = tok(values[k]), &b = tok(values[k + 1]);
      if (!piece(values[k]) || !piece(values[k + 1]) || token_text(nt_, a) == "0" || b.line != a.line + 1) continue;
      if (auto d = Decimal::parse(std::string(token_text(nt_, a)) + std::string(token_text(nt_, b)))) joined_value.emplace(k, *d);
    }
    if (joined_value.size() < joins || joined_value.size() > 12) return {};
    std::vector<std::size_t> at;
    for (const auto& [k, d] : joined_value) at.push_back(k);
    std::vector<std::vector<std::size_t>> kept;  // the join positions of each way that holds
    std::vector<Decimal> parts(v.cells);
    for (std::uint32_t m = first_mask(joins); m < (1u << at.size()); m = next_mask(m)) {
      std::vector<std::size_t> chosen;
      for (std::size_t b = 0; b < at.size(); ++b)
        if (m >> b & 1u) chosen.push_back(at[b]);
      bool apart = true;  // (a piece joins one other at most)
      for (std::size_t c = 1; c < chosen.size(); ++c) apart &= chosen[c] > chosen[c - 1] + 1;
      if (!apart) continue;
      for (std::size_t k = 0, cell = 0, c = 0; k < values.size(); ++k, ++cell) {
        const bool join = c < chosen.size() && chosen[c] == k;
        parts[cell] = join ? joined_value.at(k) : tok(values[k]).value.value_or(Decimal{});
        if (join) ++k, ++c;
      }
      if (total_of_parts_holds(v.index, parts)) kept.push_back(std::move(chosen));
      if (kept.size() > 4) return {};
    }
    std::vector<Placement> out;
    std::map<std::size_t, std::int32_t> joined_token;  // join position → its appended token
    for (const auto& chosen : kept) {
      Placement p;
      for (std::size_t k = 0, c = 0; k < values.size(); ++k) {
        if (c == chosen.size() || chosen[c] != k) {
          p.push_back(static_cast<std::int32_t>(values[k]));
          continue;
        }
        auto [it, fresh] = joined_token.try_emplace(k, static_cast<std::int32_t>(cand_.tokens.size()));
        if (fresh) {
          Token t = tok(values[k]);
          t.end = tok(values[k + 1]).end;
          t.value = joined_value.at(k);
          cand_.line_of.push_back(cand_.line_of[values[k]]);
          cand_.tokens.push_back(t);
        }
        p.push_back(it->second);
        ++k, ++c;
      }
      out.push_back(std::move(p));
    }
    return out;
  }

  /// Do the row's own identities hold for these cell values (in the row's cell order)?
  bool total_of_parts_holds(std::size_t r, const std::vector<Decimal>& parts) const {
    for (const LinearIdentity& id : layout_.identities) {
      if (!id.one_row || static_cast<std::size_t>(id.terms.front().row) != r) continue;
      int scale = 0;
      for (const Term& t : id.terms) scale = std::max<int>(scale, parts[static_cast<std::size_t>(t.cell)].scale);
      __extension__ __int128 sum = 0;
      for (const Term& t : id.terms) {
        const Decimal& d = parts[static_cast<std::size_t>(t.cell)];
        __extension__ __int128 x = d.units;
        for (int i = d.scale; i < scale; ++i) x *= 10;
        sum += t.sign * x;
      }
      if (sum != 0) return false;
    }
    return true;
  }
  bool has_row_identity(std::size_t r) const { return layout_.has_row_identity(r); }

  /// Does the row's label end its line in spaces, a cell's width and more (w3m and html2text print
  /// a blank cell as spaces and pad a row to the table's width: `       规章` and 48 spaces)?
  bool label_line_padded(const RowValues& rv) const {
    constexpr std::size_t kCellWidth = 4;
    if (!padding_says_blank_) return false;
    const Token& label = tok(rv.label);
    const text::Line& line = nt_.lines[label.line];
    if (label.end > line.end || line.end - label.end < kCellWidth) return false;
    const std::string_view rest = std::string_view(nt_.text).substr(label.end, line.end - label.end);
    return rest.find_first_not_of(' ') == std::string_view::npos;
  }

  /// Does the line of the label or of any of the values hold characters a tool cut in half?
  bool on_cut_line(std::uint32_t label, std::span<const std::uint32_t> values) const {
    auto cut = [&](std::uint32_t i) { return nt_.line_text(tok(i).line).find(text::kCut) != std::string_view::npos; };
    return cut(label) || std::any_of(values.begin(), values.end(), cut);
  }

  /// The numbering of the next row's label, when its label lost its digits to the cells before
  /// it ("…0000002" then ".其他法律…"): those digits are not cells.
  std::string glued_tail(std::size_t r) const {
    for (std::size_t n = r + 1; n < layout_.rows.size(); ++n) {
      const RowValues& next = reading_.rows[n];
      if (!next.found) continue;
      std::string label = text::squeeze(token_text(nt_, tok(next.label)));
      if (label.rfind(".", 0) != 0 && label.rfind("、", 0) != 0) return {};
      const templates::RowDef* def = templates::row(*layout_.def, layout_.rows[n].key);
      if (!def) return {};
      std::string num;
      for (char c : def->numbering)
        if (c >= '0' && c <= '9') num += c;
      return num;
    }
    return {};
  }

  bool last_found(std::size_t r) const {
    for (std::size_t q = r + 1; q < reading_.rows.size(); ++q)
      if (reading_.rows[q].found) return false;
    return true;
  }

  /// Most rows with a label have values after it: the table is printed row by row.
  /// A table whose few values all stand after labels (a body with few applications: most rows
  /// blank): no value is left over, so a label with none is a blank row — where the identities
  /// confirm it (place.hpp), as in any table read row by row.
  bool sparse_row_by_row() const {
    if (reading_.rows_with_values < 1) return false;
    return std::none_of(reading_.orphans.begin(), reading_.orphans.end(),
                        [&](std::uint32_t i) { return tok(i).kind == TokenKind::number; });
  }

  bool row_by_row() const {
    int found = 0;
    for (const RowValues& r : reading_.rows) found += r.found;
    return reading_.rows_with_values >= 3 && reading_.rows_with_values * 2 >= found;
  }

  /// The values on the one line that holds exactly n of them (n ≥ 2), where every other value
  /// stands alone on its line.
  std::optional<Placement> whole_row_line(std::span<const std::uint32_t> values, std::size_t n) const {
    if (n < 2) return std::nullopt;
    std::optional<Placement> row;
    for (std::size_t i = 0; i < values.size();) {
      std::size_t j = i + 1;
      while (j < values.size() && tok(values[j]).line == tok(values[i]).line) ++j;
      if (j - i == n && !row) row = Placement(values.begin() + static_cast<long>(i), values.begin() + static_cast<long>(j));
      else if (j - i != 1) return std::nullopt;
      i = j;
    }
    return row;
  }

  /// A row's values without the numeral its label lost (`、本机关…`, its `1` alone on a line before
  /// the label's next piece), where the row's own total breaks with it; else nullopt.
  std::optional<std::vector<std::uint32_t>> without_lost_numeral(std::size_t r, std::span<const std::uint32_t> values) const {
    // (asked of every row as wide as its cells: the label's text first, the cheapest)
    const std::string_view numeral = lost_numeral(nt_, cand_, layout_, r, reading_.rows[r].label);
    if (numeral.empty() || !has_row_identity(r) || row_total_holds(r, Placement(values.begin(), values.end()))) return std::nullopt;
    auto continues_after = [&](std::uint32_t i) {
      for (std::uint32_t t = i + 1; t < cand_.tokens.size() && t < align_.marks.size(); ++t)
        if (tok(t).kind == TokenKind::text) return align_.marks[t].role == TextRole::continuation && align_.marks[t].row == static_cast<int>(r);
      return false;
    };
    int found = -1;
    for (std::size_t k = 0; k < values.size(); ++k) {
      const std::uint32_t i = values[k];
      const Candidate::Line& line = cand_.lines[cand_.line_of[i]];
      if (tok(i).kind != TokenKind::number || line.last - line.first != 1 || token_text(nt_, tok(i)) != numeral || !continues_after(i)) continue;
      if (found >= 0) return std::nullopt;
      found = static_cast<int>(k);
    }
    if (found < 0) return std::nullopt;
    std::vector<std::uint32_t> rest(values.begin(), values.end());
    rest.erase(rest.begin() + found);
    return rest;
  }

  /// Values beyond the cells that are the empty cells of merged labels and headers at a row's ends
  /// (`| 一、… |  | 12 | … | 16 |  |`), dropped when which ones is certain. A blank written as such
  /// is a cell, never filler.
  std::optional<std::vector<std::uint32_t>> without_filler(std::span<const std::uint32_t> values, std::size_t n) const {
    // (a line of spaces is a blank cell of its own, never a merged label's filler)
    auto filler = [&](std::uint32_t i) { return tok(i).kind == TokenKind::blank && !tok(i).written && !tok(i).spaces_line; };
    std::size_t extra = values.size() - n, lead = 0, trail = 0;
    while (lead < values.size() && filler(values[lead])) ++lead;
    while (trail < values.size() - lead && filler(values[values.size() - 1 - trail])) ++trail;
    if (lead + trail < extra || (lead > 0 && trail > 0 && lead + trail != extra)) return std::nullopt;
    std::size_t from_front = trail == 0 ? extra : lead == 0 ? 0 : lead;
    return std::vector<std::uint32_t>(values.begin() + static_cast<long>(from_front),
                                      values.begin() + static_cast<long>(from_front + n));
  }

  /// Every one of a row's cells an empty field of a tab or box line (no blank written as such),
  /// the line before or after its label's holding numbers the reading left after no row's label.
  bool empty_cells_beside_unplaced_values(const RowValues& rv, std::span<const std::uint32_t> values) const {
    const bool empty_fields = std::all_of(values.begin(), values.end(), [&](std::uint32_t i) {
      return tok(i).kind == TokenKind::blank && !tok(i).written && tok(i).style != LineStyle::plain;
    });
    const std::uint32_t line = tok(rv.label).line;
    return empty_fields && std::any_of(reading_.orphans.begin(), reading_.orphans.end(), [&](std::uint32_t i) {
             return tok(i).kind == TokenKind::number && (tok(i).line + 1 == line || tok(i).line == line + 1);
           });
  }

  // ---- real cells -------------------------------------------------------------------------
  std::optional<Placement> by_grid(const RowView& v) const {
    // Grid tokens carry their cell; the header's grid columns name the template's columns.
    (void)v;
    return std::nullopt;
  }

  // ---- axes: fields and display columns ---------------------------------------------------
  /// `min_step`: how far apart two cells' positions must be for an axis to tell them apart (a
  /// display column's values, one per line, all stand at column 0: no axis at all).
  template <class X>
  void learn_axis(AxisModel& m, X x_of, double tolerance_for_full, double min_step) const {
    // per shape, per cell: the least, greatest and summed positions of the complete rows
    struct Seen {
      std::vector<double> lo, hi, sum;
      int rows = 0;
    };
    std::map<std::vector<int>, Seen> seen;
    std::vector<double> xs;
    for (const RowView& v : views_) {
      const auto& values = *v.values;
      if (values.size() != v.cells || values.empty() || !on_axis_page(v)) continue;
      if (!positions_of(values, x_of, xs)) continue;
      if (auto [it, first] = m.skew.try_emplace(v.shape, skew(values.front())); !first && it->second != skew(values.front()))
        it->second.reset();
      Seen& s = seen[v.shape];
      if (s.rows++ == 0) {
        s.lo = s.hi = s.sum = xs;
        continue;
      }
      for (std::size_t c = 0; c < v.cells; ++c) {
        s.lo[c] = std::min(s.lo[c], xs[c]);
        s.hi[c] = std::max(s.hi[c], xs[c]);
        s.sum[c] += xs[c];
      }
    }
    for (auto& [shape, s] : seen) {
      Anchors a(shape.size());
      bool ok = true;
      for (std::size_t c = 0; c < s.sum.size(); ++c) {
        if (s.hi[c] - s.lo[c] > tolerance_for_full) ok = false;
        a[c] = s.sum[c] / static_cast<double>(s.rows);
        if (c > 0 && *a[c] - *a[c - 1] < min_step) ok = false;
      }
      if (ok) m.anchors[shape] = std::move(a);
    }
  }

  /// Every value's position on an axis into `xs`; false where one has none.
  template <class X>
  static bool positions_of(std::span<const std::uint32_t> values, X& x_of, std::vector<double>& xs) {
    xs.clear();
    for (std::uint32_t i : values) {
      auto x = x_of(i);
      if (!x) return false;
      xs.push_back(*x);
    }
    return true;
  }

  template <class X>
  void verify_axis(AxisModel& m, X x_of, double exact_tolerance, bool character_grid = false) const {
    std::vector<double> xs;
    for (auto& [shape, a] : m.anchors) {
      bool ok = true, any_short = false;
      const bool header_only = m.header_only.count(shape) > 0;
      // A narrow shape's header alone places a row only where each value starts where a header
      // word starts (w3m: `规章 50` under 本年废止件数): pdftotext -layout sets table 2's values
      // a column off their header, -raw one space after their label (`规章 5`).
      const bool narrow_by_header = header_only && shape.size() < kWideShape;
      // On a grid of characters (pdftotext -layout, which lays out each line on its own) the
      // header's words alone, where the rows leave one column blank in every one of them, do not
      // show which column that is: the words may stand closer together than the values under
      // them (`社会组 法律服务 其` over `1080   10086`, 社会组织's and 法律服务机构's, 其他 blank in
      // every row), and the values then stand nearest the next column's words. Only where every
      // value stands right under its column's word does the header say so. (A renderer's
      // display columns — w3m — set a column's words and values alike.)
      const bool wide_by_header = character_grid && header_only && !layout_.single_row;
      std::uint64_t filled = 0;  // columns some row's value stands in
      bool under_words = true;   // every value where its column's header word is
      for (const RowView& v : views_) {
        if (v.shape != shape || v.values->empty() || v.values->size() > v.cells || !on_axis_page(v)) continue;
        if (!positions_of(*v.values, x_of, xs)) continue;  // not on this axis: says nothing
        auto p = by_anchors(*v.values, xs, a, exact_tolerance);
        // (each value stands at its cell's anchor, the nearest: within half a column of it?)
        bool row_under_words = true;
        for (std::size_t c = 0, k = 0; p && header_only && c < p->size(); ++c)
          if ((*p)[c] >= 0) {
            filled |= std::uint64_t{1} << c;  // (kMostCells < 64)
            row_under_words = row_under_words && std::abs(*a[c] - xs[k++]) < 0.5;
          }
        if (narrow_by_header && !row_under_words) p.reset();
        if (!p) { ok = false; break; }
        if (v.values->size() == v.cells && !std::equal(p->begin(), p->end(), v.values->begin())) { ok = false; break; }
        any_short |= v.values->size() < v.cells;
        under_words = under_words && row_under_words;
      }
      if (ok && wide_by_header && !under_words && filled != (std::uint64_t{1} << shape.size()) - 1) ok = false;
      m.trusted[shape] = ok && any_short;
    }
  }

  template <class X>
  std::optional<Placement> by_axis(const AxisModel& m, const RowView& v, X x_of, double exact_tolerance) const {
    auto t = m.trusted.find(v.shape);
    if (t == m.trusted.end() || !t->second) return std::nullopt;
    std::vector<double> xs;
    for (std::uint32_t i : *v.values) {
      auto x = x_of(i);
      if (!x) return std::nullopt;
      xs.push_back(*x);
    }
    return by_anchors(*v.values, xs, m.anchors.at(v.shape), exact_tolerance);
  }

  std::optional<double> field_of(std::uint32_t i) const {
    const Token& t = tok(i);
    if ((t.style != LineStyle::tabs && t.style != LineStyle::boxes) || t.at.field < 0) return std::nullopt;
    return t.at.field;
  }
  /// A value's place on a column axis. Values one space apart in one field (`crowded_`) teach
  /// no axis — pdftotext -raw sets them right after the text before them — but are read on an
  /// axis spaced values taught and every row, theirs too, agrees with (w3m: `1586 742` under
  /// 自然人 and 商业企业, in columns as narrow as their values).
  std::optional<double> column_at(std::uint32_t i, bool in_chars, bool left, bool teaching) const {
    const Token& t = tok(i);
    if (t.style != LineStyle::plain || t.at.column < 0 || t.spaces_line || at_margin_alone_[i] || (teaching && crowded_[i]))
      return std::nullopt;
    const double at = in_chars ? t.at.chars : t.at.column;
    return left ? at : at + (in_chars ? t.at.char_width : t.at.width) / 2.0;
  }
  std::optional<double> column_of(std::uint32_t i, bool teaching) const {
    return column_at(i, columns_in_chars_, columns_left_, teaching);
  }
  /// A token's start and width in the unit being learned.
  double start_of(const Token& t) const { return columns_in_chars_ ? t.at.chars : t.at.column; }
  double width_of(const Token& t) const { return columns_in_chars_ ? t.at.char_width : t.at.width; }

  /// The fields' model, learned when a row first asks for it: most tables of tab or box lines
  /// print every row whole and never do.
  const AxisModel& fields() const {
    if (fields_) return *fields_;
    fields_.emplace();
    auto x = [&](std::uint32_t i) { return field_of(i); };
    learn_axis(*fields_, x, 0.0, 1.0);
    learn_header_anchors(*fields_, true);
    verify_axis(*fields_, x, 0.5);
    return *fields_;
  }
  std::optional<Placement> by_field(const RowView& v) const {
    return by_axis(fields(), v, [&](std::uint32_t i) { return field_of(i); }, 0.5);
  }

  /// Display columns measured at cells' centres (values centred or right-aligned under their
  /// header), else at their left edges (w3m starts a value where its header's words start:
  /// `5` under `法律服` / `务机构` is nearer the centre of 社会组织 than of its own column).
  /// And the same counted in characters: pdftotext -layout sets text on a grid of characters,
  /// an ideograph one wide, so its values stand under their header there (measured in display
  /// columns they seem to drift from line to line with the ideographs before them); w3m and
  /// monospace text on display columns. Which one a dump uses its rows may not tell: a row both
  /// place is read only where they place it alike.
  /// pdftotext -layout sets each page on a grid of its own (its character width, its margin): a
  /// table that runs onto the next page stands in other columns there. Where no axis holds for
  /// the whole table, each page's rows are read on an axis its own complete rows teach, or not by
  /// position. (Not on the header's words alone: on one page of pdftotext -layout they may stand
  /// a column off from every value under them — `20` under 社会公 for 科研 — and only the rows of
  /// another page showed it.)
  void learn_columns() {
    // (no value stands on a plain line: tab, box and grid tables have no display columns to learn)
    bool any_plain = false;
    for (const RowView& v : views_)
      for (std::uint32_t i : *v.values) any_plain |= tok(i).style == LineStyle::plain;
    if (!any_plain) return;
    column_axes_.assign(1, learn_column_axes());
    const bool learned = std::any_of(column_axes_[0].begin(), column_axes_[0].end(), [](const ColumnAxis& a) { return a.learned; });
    // (a table over more pages than any report's is no report's table: not read page by page)
    if (learned || pages_ < 2 || pages_ > kMostPages) return;
    column_axes_.resize(pages_ + 1);
    for (std::size_t p = 0; p < pages_; ++p) {
      page_only_ = static_cast<int>(p);
      column_axes_[p + 1] = learn_column_axes();
    }
    page_only_ = -1;
  }
  /// Both units' axes over the rows of `page_only_` (complete rows only), or of every page (and
  /// the header's words), each shape's at centres, else at left edges: a block's values may be centred under their
  /// header and another's not, or one wide value (`2,323`) stand nearer the next cell's centre
  /// than its own while its left edge is its column's.
  std::array<ColumnAxis, 2> learn_column_axes() {
    std::array<ColumnAxis, 2> axes;
    for (bool in_chars : {false, true}) {
      ColumnAxis& axis = axes[in_chars];
      for (bool left : {false, true}) {
        columns_in_chars_ = in_chars;
        columns_left_ = left;
        AxisModel m;
        learn_axis(m, [&](std::uint32_t i) { return column_of(i, true); }, 2.0, 2.0);
        axis.taught[left] = m.anchors;
        if (left && page_only_ < 0) axis.header_confirms = header_confirmed(m.anchors);
        if (page_only_ < 0) learn_header_anchors(m, false);
        verify_axis(m, [&](std::uint32_t i) { return column_of(i, false); }, 0.0, in_chars);
        for (const auto& [shape, trusted] : m.trusted) {
          // (at centres or at left edges: either tells the unit)
          if (trusted && fit_across_skews(m, shape, [&](std::uint32_t i) { return column_of(i, false); }))
            axis.model.fit_across_skews.insert(shape);
          if (!trusted || trusts(axis.model, shape)) continue;
          axis.model.anchors[shape] = m.anchors.at(shape);
          axis.model.trusted[shape] = true;
          if (auto sk = m.skew.find(shape); sk != m.skew.end()) axis.model.skew[shape] = sk->second;
          if (m.header_only.count(shape)) axis.model.header_only.insert(shape);
          if (left) axis.left.insert(shape);
          axis.learned = true;
        }
      }
    }
    return axes;
  }
  /// The shapes of `taught` (anchors at left edges) whose every anchor is where the header's
  /// words for its column start, in the unit being learned.
  std::set<std::vector<int>> header_confirmed(const std::map<std::vector<int>, Anchors>& taught) {
    std::set<std::vector<int>> out;
    if (taught.empty()) return out;  // (no complete row: the header's words are not read again)
    AxisModel header;
    learn_header_anchors(header, false);
    for (const auto& [shape, a] : taught) {
      auto h = header.anchors.find(shape);
      if (h == header.anchors.end()) continue;
      bool same = true;
      for (std::size_t c = 0; c < a.size() && same; ++c) same = a[c] && h->second[c] && std::abs(*a[c] - *h->second[c]) < 0.5;
      if (same) out.insert(shape);
    }
    return out;
  }
  static bool trusts(const AxisModel& m, const std::vector<int>& shape) {
    auto t = m.trusted.find(shape);
    return t != m.trusted.end() && t->second;
  }
  /// Is every value of the row on `page_only_` (or is no page singled out)?
  bool on_axis_page(const RowView& v) const {
    if (page_only_ < 0) return true;
    return !v.values->empty() && std::all_of(v.values->begin(), v.values->end(), [&](std::uint32_t i) {
             return page_[i] == static_cast<std::uint32_t>(page_only_);
           });
  }
  /// Display column less character count where token i starts: what the wide characters before
  /// it on its line add.
  int skew(std::uint32_t i) const { return tok(i).at.column - tok(i).at.chars; }
  /// Where one unit alone was learned (display columns, or pdftotext -layout's characters), can
  /// it place row v? Only where the rows that taught it had v's skew, or told the units apart by
  /// having several: else the other unit, which nothing tried, may put v's values elsewhere
  /// (pdftotext -layout: `规章  43  706  888` / `行政规范性文件   3`, the 3 under 本年废止件数 by
  /// characters, 现行有效件数 by display columns).
  bool units_told_apart(const AxisModel& m, const RowView& v) const {
    auto it = m.skew.find(v.shape);
    return it == m.skew.end() || !it->second || *it->second == skew(v.values->front()) || m.fit_across_skews.count(v.shape);
  }
  /// Where one unit alone was learned and row v's skew is not its teaching rows', does the other
  /// unit — what the same complete rows taught it, at centres and at left edges — put every
  /// value of v at the cell p does, each at its nearest anchor? Then which unit the dump uses
  /// does not matter (pdftotext -layout: `规章 3 2542 487` / `行政规范性文件 493`, the 493 under
  /// 487 in characters and nearest it in display columns; corpus 170). Where they differ, the
  /// row is not read (corpus 096).
  bool units_agree(const ColumnAxis& other, std::size_t unit, const RowView& v, const Placement& p) const {
    std::vector<double> xs;
    for (bool left : {false, true}) {
      auto a = other.taught[left].find(v.shape);
      if (a == other.taught[left].end()) return false;
      auto x_of = [&](std::uint32_t i) { return column_at(i, unit == 1, left, false); };
      if (!positions_of(*v.values, x_of, xs)) return false;
      auto q = by_anchors(*v.values, xs, a->second, kNearestAnchor);
      if (!q || *q != p) return false;
    }
    return true;
  }
  /// Is the text set on `unit`'s grid, as far as row shape `shape` shows? Where the complete
  /// rows' values start where the header's words start in that unit and not in the other
  /// (w3m: `本年` / `制发` / `件数` and `3` at display column 17, `487` under `现行` at 29, which
  /// counted in characters stand apart; lynx the other way round: corpus 171).
  static bool header_tells_unit(const std::array<ColumnAxis, 2>& axes, std::size_t unit, const std::vector<int>& shape) {
    return axes[unit].header_confirms.count(shape) && !axes[1 - unit].header_confirms.count(shape);
  }
  /// Rows of skews other than the teaching rows' tell the units apart where they stand on the
  /// anchors exactly, every value within half a column, several values a row, of two skews or
  /// more (w3m: rows under labels of every width, each value where its header's words start;
  /// on the other unit they would stand off by what their labels' wide characters add). One
  /// value alone fits by chance (`行政规范性文件   7`, corpus 096), and so may the rows of one
  /// skew that adds a whole column.
  template <class X>
  bool fit_across_skews(const AxisModel& m, const std::vector<int>& shape, X x_of) const {
    constexpr std::size_t kLeastSkews = 2;
    auto it = m.skew.find(shape);
    if (it == m.skew.end() || !it->second) return false;
    std::set<int> skews;
    std::vector<double> xs;
    for (const RowView& v : views_) {
      if (v.shape != shape || v.values->size() < 2 || !on_axis_page(v) || skew(v.values->front()) == *it->second) continue;
      if (!positions_of(*v.values, x_of, xs)) continue;
      if (!by_anchors(*v.values, xs, m.anchors.at(shape), 0.5)) return false;
      skews.insert(skew(v.values->front()));
    }
    return skews.size() >= kLeastSkews;
  }
  /// Table 4 placed by display columns that only the header's words taught, with a blank cell
  /// between two values of one group: which cell is blank rests on where the header's words
  /// stand alone — pdftotext -layout sets wide characters on a grid of narrow ones, and a
  /// four-digit number may stand under the next column's word (`结果纠 其他` / `1382 2620 1
  /// 4003`, the 2620 结果纠正's), which no identity can tell.
  bool blank_among_group_by_header(const RowView& v, const Placement& p) const {
    if (layout_.table != TableKey::review_litigation || column_axes_.empty()) return false;
    const auto& axes = column_axes_[0];
    if (std::any_of(axes.begin(), axes.end(), [&](const ColumnAxis& a) { return a.learned && !a.model.header_only.count(v.shape); }))
      return false;
    const std::size_t per_group = layout_.def->columns.size();
    for (std::size_t g = 0; g + per_group <= p.size(); g += per_group) {
      const auto begin = p.begin() + static_cast<std::ptrdiff_t>(g), end = begin + static_cast<std::ptrdiff_t>(per_group);
      const auto printed = [](std::int32_t t) { return t >= 0; };
      const auto first = std::find_if(begin, end, printed);
      const auto last = std::find_if(std::make_reverse_iterator(end), std::make_reverse_iterator(begin), printed);
      if (first != end && std::find(first, last.base(), -1) != last.base()) return true;
    }
    return false;
  }

  /// A narrow row (table 2's) placed in characters by the header's words alone, no complete row
  /// teaching the axis and display columns not placing it: pdftotext -layout sets the header on
  /// a grid of its own, and a value centred under a wrapped header cell may start where the next
  /// column's word does (`规章 … 24` under 本年废止件数 starting where 现行有效件 starts). Mostly
  /// right, so read — and named, no identity checking it.
  bool header_alone_in_characters(const RowView& v) const {
    if (column_axes_.empty() || v.shape.size() >= kWideShape) return false;
    const auto& axes = column_axes_[0];
    if (!axes[1].learned || !axes[1].model.header_only.count(v.shape) || !trusts(axes[1].model, v.shape)) return false;
    if (!axes[0].learned || !trusts(axes[0].model, v.shape)) return true;
    const bool left = axes[0].left.count(v.shape) > 0;
    return !by_axis(axes[0].model, v, [&](std::uint32_t i) { return column_at(i, false, left, false); }, 0.0);
  }

  std::optional<Placement> by_column(const RowView& v) const {
    if (column_axes_.empty() || v.values->empty()) return std::nullopt;
    // the whole table's axes, else those of the page every value of the row stands on
    std::size_t which = 0;
    if (column_axes_.size() > 1) {
      const std::uint32_t page = page_[v.values->front()];
      if (std::any_of(v.values->begin(), v.values->end(), [&](std::uint32_t i) { return page_[i] != page; })) return std::nullopt;
      which = static_cast<std::size_t>(page) + 1;
    }
    const auto& axes = column_axes_[which];
    std::array<std::optional<Placement>, 2> placed;
    for (std::size_t unit = 0; unit < 2; ++unit) {
      const ColumnAxis& ax = axes[unit];
      if (!ax.learned) continue;
      const bool left = ax.left.count(v.shape) > 0;
      auto p = by_axis(ax.model, v, [&](std::uint32_t i) { return column_at(i, unit == 1, left, false); }, 0.0);
      if (!p) continue;
      if (!axes[1 - unit].learned && !units_told_apart(ax.model, v) && !units_agree(axes[1 - unit], 1 - unit, v, *p) &&
          !header_tells_unit(axes, unit, v.shape))
        return std::nullopt;
      placed[unit] = std::move(p);
    }
    // where the units place the row apart, the one the header's words confirm decides, else neither
    std::size_t unit = placed[0] ? 0 : 1;
    if (placed[0] && placed[1] && *placed[0] != *placed[1]) {
      if (header_tells_unit(axes, 1, v.shape)) unit = 1;
      else if (!header_tells_unit(axes, 0, v.shape)) return std::nullopt;
    }
    std::optional<Placement> found = std::move(placed[unit]);
    // (a page's axis, learned of fewer rows, places no row so that its own total breaks: its
    // values may be split by the page, one printed before its label — the identities decide;
    // nor does the whole table's axis a short row alone on its page, where the page may have
    // closed up its empty columns: table 4's `15 15` under 其他 and the next group's 维持)
    if (found && (which > 0 || alone_on_its_page(v)) && own_identities(layout_, v.index, *found, exact_).broken > 0)
      return std::nullopt;
    return found;
  }

  /// Placed by the whole table's axis, is short row v of a table over pages the only row with
  /// values on its page? Nothing on the page then shows where its columns went: a page may close
  /// up the columns its rows leave empty (the generator's closed-up flattening sets such a row
  /// under other columns' places), though Chrome's PDFs through pdftotext -layout mostly keep
  /// them (remix sets: 3,532 cells such rows read right, none wrong).
  bool alone_on_its_page(const RowView& v) const {
    if (pages_ < 2 || column_axes_.size() != 1 || v.values->empty() || v.values->size() >= v.cells) return false;
    const std::uint32_t page = page_[v.values->front()];
    return std::none_of(views_.begin(), views_.end(), [&](const RowView& o) {
      return o.index != v.index && std::any_of(o.values->begin(), o.values->end(), [&](std::uint32_t i) { return page_[i] == page; });
    });
  }

  /// Anchors from the header's words where no complete row gave them: the words of one column's
  /// header stacked over lines (自 / 然 / 人, 商业 / 企业) are one header cell, matched in order
  /// to the template's columns. Only for the table's widest shape (table 3's seven columns,
  /// table 4's fifteen). On display columns, header words a single space apart were cut as one
  /// text ("商业 科研 社会 法律" naming nothing as a whole): where the whole texts spell no
  /// header, their words are tried one by one.
  void learn_header_anchors(AxisModel& m, bool fields) const {
    if (views_.empty()) return;
    std::vector<int> shape;
    for (const RowView& v : views_)
      if (v.shape.size() > shape.size()) shape = v.shape;
    // (a narrow shape — table 2's first block, three columns — only on display columns whose
    // values start where their header's words start: see verify_axis)
    const bool widest = shape.size() >= (fields || !columns_left_ ? kWideShape : 3) && !m.anchors.count(shape);
    for (bool split : {false, true}) {
      if (!widest || (split && fields)) break;
      if (auto a = header_anchors(header_words(fields, split), shape)) {
        m.anchors[shape] = std::move(*a);
        m.header_only.insert(shape);
        break;
      }
    }
    if (!fields && columns_left_ && layout_.table == TableKey::active_disclosure) learn_block_header_anchors(m);
  }
  /// Table 2's other blocks, each under its own header's words — between the block's heading and
  /// its first label (w3m: `行政事业性收费       5` under 上一年项目数量 of 第二十条第(八)项's header).
  /// Narrow shapes: read only where every value starts where a header word starts (verify_axis).
  void learn_block_header_anchors(AxisModel& m) const {
    for (const RowView& v : views_) {
      const RowValues& rv = reading_.rows[v.index];
      if (v.shape.size() < 2 || !rv.found || m.anchors.count(v.shape)) continue;
      std::uint32_t from = 0;
      for (std::uint32_t i = 0; i < rv.label; ++i)
        if (tok(i).kind == TokenKind::text && align_.marks[i].role == TextRole::group && align_.marks[i].row == kBlockHeading) from = i + 1;
      if (from == 0) continue;
      for (bool split : {false, true})
        if (auto a = header_anchors(header_words(false, split, from, rv.label), v.shape)) {
          m.anchors[v.shape] = std::move(*a);
          m.header_only.insert(v.shape);
          break;
        }
    }
  }

  /// (`text` views header_text()'s cache: valid while the Placer lives)
  struct HeaderWord { double lo, hi; std::uint32_t line; std::string_view text; };

  /// The header's words: text before the first row label (table 4: all of it) marked as a header
  /// — or, split at spaces, any text there but whole group labels (fragments of a stacked header
  /// word, 人 of 自/然/人, are marked as a group's).
  std::vector<HeaderWord> header_words(bool fields, bool split) const {
    std::uint32_t stop = static_cast<std::uint32_t>(cand_.tokens.size());
    for (int t : align_.label_token)
      if (t >= 0) stop = std::min(stop, static_cast<std::uint32_t>(t));
    return header_words(fields, split, 0, stop);
  }
  /// The same, of tokens [from, stop) (a table-2 block's header: after its heading, before its
  /// first label).
  std::vector<HeaderWord> header_words(bool fields, bool split, std::uint32_t first, std::uint32_t stop) const {
    std::vector<HeaderWord> words;
    words.reserve(stop - first);  // (at most a word a token, unless split)
    for (std::uint32_t i = first; i < stop; ++i) {
      const Token& t = tok(i);
      if (t.kind != TokenKind::text) continue;
      TextRole role = align_.marks[i].role;
      if (role != TextRole::header && !(split && (role == TextRole::foreign || role == TextRole::group))) continue;
      if (fields) {
        if (t.at.field < 0 || (t.style != LineStyle::tabs && t.style != LineStyle::boxes)) continue;
        words.push_back({double(t.at.field), double(t.at.field), t.line, header_text(i).squeezed});
        continue;
      }
      if (t.style != LineStyle::plain || t.at.column < 0) continue;
      if (!split) {
        words.push_back({start_of(t), start_of(t) + width_of(t) - 1, t.line, header_text(i).squeezed});
        continue;
      }
      const int col = static_cast<int>(start_of(t));
      for (const SplitWord& w : header_text(i).split) {
        const int from = col + (columns_in_chars_ ? w.before.chars : w.before.columns);
        words.push_back({double(from), double(from + (columns_in_chars_ ? w.width.chars : w.width.columns) - 1), t.line, w.key});
      }
    }
    return words;
  }

  /// Token i's text as header_words reads it, worked out once.
  const HeaderText& header_text(std::uint32_t i) const {
    if (i >= header_texts_.size()) header_texts_.resize(cand_.tokens.size());  // (glued digits add tokens)
    std::unique_ptr<HeaderText>& cached = header_texts_[i];
    if (cached) return *cached;
    cached = std::make_unique<HeaderText>();
    const Token& t = tok(i);
    cached->squeezed = text::squeeze(token_text(nt_, t));
    if (t.style != LineStyle::plain || t.at.column < 0) return *cached;
    // the words cut on the text as written (token_written)
    const std::string_view raw = token_written(nt_, t);
    const std::size_t longest = longest_column_label();
    text::TextWidth at;  // where the next word starts, from the token's start
    std::size_t written_to = 0;
    auto advance = [&](text::TextWidth w) { at.columns += w.columns, at.chars += w.chars; };
    each_written_word(raw, [&](std::size_t from, std::size_t to) {
      advance(text::measure(raw.substr(written_to, from - written_to)));  // the spaces before it
      const std::string_view word = raw.substr(from, to - from);
      const text::TextWidth width = text::measure(word);
      if (std::string key = text::fold_key(word); !key.empty() && names_in_ideographs(key) && !spans_columns(key, longest))
        cached->split.push_back({at, width, std::move(key)});
      advance(width);
      written_to = to;
    });
    return *cached;
  }

  /// Has the word an ideograph? A column is named in words; a sentence's `。` wrapped onto a line
  /// of its own above the header (w3m) is none, and stacked over a column's words it would spell
  /// `。结果维持`.
  static bool names_in_ideographs(std::string_view word) {
    for (std::size_t i = 0; i < word.size();)
      if (text::is_han(text::next_code_point(word, i))) return true;
    return false;
  }

  /// Bytes of the longest of the table's column labels and their variants.
  std::size_t longest_column_label() const {
    std::size_t longest = 0;
    for (const templates::ColumnDef& c : layout_.def->columns) {
      longest = std::max(longest, c.label.size());
      for (std::string_view v : c.variants) longest = std::max(longest, v.size());
    }
    return longest;
  }
  /// A group label (法人或其他组织) or, in table 4, a row's label (行政复议, 复议后起诉) stands
  /// above several columns: no column's word. A word longer than every column's label
  /// (`longest`: the section's heading above the table) is no column's word either.
  bool spans_columns(std::string_view key, std::size_t longest) const {
    const templates::TableDef& def = *layout_.def;
    if (key.size() > longest) return true;
    // (a column's own label is its word even where a row is named alike: table 3's 总计)
    for (const templates::ColumnDef& c : def.columns)
      if (key == c.label || std::find(c.variants.begin(), c.variants.end(), key) != c.variants.end()) return false;
    return templates::spans_columns(def, key);
  }

  /// Each column, in order, takes the next stack of words (words on different lines whose spans
  /// overlap) that spells its label; every column must be found.
  std::optional<Anchors> header_anchors(const std::vector<HeaderWord>& words, const std::vector<int>& shape) const {
    if (words.empty()) return std::nullopt;
    struct Stack { double lo, hi; std::vector<std::size_t> words; };
    std::vector<Stack> stacks;
    stacks.reserve(words.size());  // (a stack a word at most)
    for (std::size_t w = 0; w < words.size(); ++w) {
      int into = -1;
      for (std::size_t s = 0; s < stacks.size() && into < 0; ++s)
        if (words[w].lo <= stacks[s].hi && words[w].hi >= stacks[s].lo &&
            std::none_of(stacks[s].words.begin(), stacks[s].words.end(), [&](std::size_t o) { return words[o].line == words[w].line; }))
          into = static_cast<int>(s);
      if (into < 0) { stacks.push_back({words[w].lo, words[w].hi, {}}); into = static_cast<int>(stacks.size()) - 1; }
      Stack& s = stacks[static_cast<std::size_t>(into)];
      s.lo = std::min(s.lo, words[w].lo);
      s.hi = std::max(s.hi, words[w].hi);
      s.words.push_back(w);
    }
    std::sort(stacks.begin(), stacks.end(), [](const Stack& a, const Stack& b) { return a.lo < b.lo; });
    // what each stack spells, its words top to bottom: spelled once, asked of every column after
    std::vector<std::string> spelled(stacks.size());
    for (std::size_t s = 0; s < stacks.size(); ++s) {
      std::vector<std::size_t>& order = stacks[s].words;
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return words[x].line < words[y].line; });
      for (std::size_t w : order) spelled[s] += words[w].text;
    }
    Anchors a(shape.size());
    std::size_t next = 0;
    for (std::size_t c = 0; c < shape.size(); ++c) {
      const templates::ColumnDef* def = templates::column(*layout_.def, shape[c]);
      if (!def) return std::nullopt;
      for (std::size_t s = next; s < stacks.size(); ++s) {
        const std::string& joined = spelled[s];
        bool spells = joined == def->label ||
                      std::any_of(def->variants.begin(), def->variants.end(), [&](std::string_view v) { return joined == v; });
        if (spells) {
          a[c] = columns_left_ ? stacks[s].lo : (stacks[s].lo + stacks[s].hi) / 2.0;
          next = s + 1;
          break;
        }
      }
      if (!a[c]) return std::nullopt;
    }
    return a;
  }

  // ---- written form -----------------------------------------------------------------------
  /// A number written as a change (`增加514`, `-37`) stands only in a column that holds one (2019
  /// table 2's 本年增/减): placements that put it elsewhere go. Only for a row printed as a line,
  /// its values on its label's: where values stand apart from labels a short row may have lost
  /// values rather than blanks (pdftotext: `162` / `1109` / 其他对外管理服务事项 / `－3`). Rows
  /// without such a column: as they were.
  /// Drops the placements that put a value written as a change in a column that holds none;
  /// whether it looked (the table has a change column, and the row stands on its label's line in
  /// a dump that keeps rows together).
  bool keep_changes_in_change_columns(const RowView& v, std::vector<Placement>& ps) const {
    const RowValues& rv = reading_.rows[v.index];
    if (reading_order_ || suspect(v.index)) return false;
    for (std::uint32_t i : *v.values)
      if (tok(i).line != tok(rv.label).line) return false;
    if (!has_change_column(v.index)) return false;
    std::erase_if(ps, [&](const Placement& p) { return change_outside_change_column(v.index, p); });
    return true;
  }
  /// Does printed row r have a cell whose column holds a change (2019 table 2's 本年增/减)?
  bool has_change_column(std::size_t r) const {
    if (!change_columns_) return false;
    const auto& cells = layout_.rows[r].cells;
    return std::any_of(cells.begin(), cells.end(), [&](const templates::CellRef& c) { return holds_change(c); });
  }
  /// Does placement p of printed row r (a row with a change column) put a value written as a
  /// change in a cell whose column holds none? (A placement is asked alone: no vector of
  /// placements built for it.)
  bool change_outside_change_column(std::size_t r, const Placement& p) const {
    const auto& cells = layout_.rows[r].cells;
    for (std::size_t c = 0; c < p.size(); ++c)
      if (p[c] >= 0 && !holds_change(cells[c]) && written_as_change(token_text(nt_, tok(static_cast<std::uint32_t>(p[c])))))
        return true;
    return false;
  }
  bool holds_change(const templates::CellRef& cell) const {
    const templates::ColumnDef* d = templates::column(*layout_.def, cell.col);
    return d && d->holds_change;
  }

  // ---- gap widths -------------------------------------------------------------------------
  /// Display gaps of a row whose values all stand on its label's line: before the first value
  /// (from the label's text) and between values.
  std::optional<std::vector<int>> gaps_of(const RowView& v) const {
    const auto& values = *v.values;
    if (values.empty()) return std::nullopt;
    const RowValues& rv = reading_.rows[v.index];
    std::uint32_t line = tok(rv.label).line;
    std::vector<int> g;
    // the end of the text before the first value on the line
    int text_end = -1;
    for (std::uint32_t i = rv.label; i < values.front(); ++i)
      if (tok(i).kind == TokenKind::text && tok(i).line == line) text_end = tok(i).at.column + tok(i).at.width;
    if (text_end < 0) return std::nullopt;
    int prev_end = text_end;
    for (std::uint32_t i : values) {
      const Token& t = tok(i);
      if (t.line != line || t.style != LineStyle::plain || t.kind != TokenKind::number) return std::nullopt;
      g.push_back(t.at.column - prev_end);
      prev_end = t.at.column + t.at.width;
    }
    return g;
  }

  void learn_gap_width(DumpLayout& dump) {
    learn_gap_width();
    if (gap_width_) dump.gap_width = gap_width_;
    else if (layout_.single_row) dump_gap_width_ = dump.gap_width;
  }
  void learn_gap_width() {
    // adjacent gap: the smallest seen; the width of a blank: the one quantum every gap fits
    std::vector<std::vector<int>> all;
    int g0 = 1 << 30;
    for (const RowView& v : views_) {
      if (v.values->size() > v.cells) continue;
      auto g = gaps_of(v);
      if (!g) continue;
      for (int x : *g) g0 = std::min(g0, x);
      all.push_back(*g);
    }
    if (all.size() < 3 || g0 < 1 || g0 > 2) return;
    for (int q = 2; q <= 4; ++q) {
      bool fits = true;
      int skipping_rows = 0;
      for (std::size_t r = 0, k = 0; r < views_.size() && fits; ++r) {
        auto g = gaps_of(views_[r]);
        if (!g || views_[r].values->size() > views_[r].cells) continue;
        (void)k;
        int skipped = 0;
        bool any = false;
        for (int x : *g) {
          if ((x - g0) % q != 0) { fits = false; break; }
          skipped += (x - g0) / q;
          any |= x > g0;
        }
        if (!fits) break;
        if (skipped + static_cast<int>(views_[r].values->size()) > static_cast<int>(views_[r].cells)) fits = false;
        if (views_[r].values->size() == views_[r].cells && any) fits = false;
        skipping_rows += any;
      }
      if (fits && skipping_rows >= 2) {
        gap_width_ = {g0, q};
        return;
      }
    }
  }
  std::optional<Placement> by_gap_width(const RowView& v) const {
    if (!gap_width_) return std::nullopt;
    auto g = gaps_of(v);
    if (!g) return std::nullopt;
    auto [g0, q] = *gap_width_;
    Placement p(v.cells, -1);
    std::size_t c = 0;
    for (std::size_t k = 0; k < g->size(); ++k) {
      c += static_cast<std::size_t>(((*g)[k] - g0) / q);
      if (c >= v.cells) return std::nullopt;
      p[c++] = static_cast<std::int32_t>((*v.values)[k]);
    }
    return p;
  }

  /// Table 4's one row on a line of its own, by the gaps table 3's rows showed (lynx: `     1 56
  /// 57   3 2 1 6`, a blank two spaces more): the gaps fix where the values stand relative to
  /// each other; where the first stands, the spaces before it past the table's margin (where its
  /// header's lines start) tell — a blank cell as wide as between values. The row is read where
  /// every group's total holds there; with no margin to count from, where they hold at one
  /// place alone (a run may hold a group further along as well).
  std::optional<Placement> by_dump_gap_width(const RowView& v) const {
    if (!dump_gap_width_ || !layout_.single_row) return std::nullopt;
    const auto& values = *v.values;
    if (values.size() < 2) return std::nullopt;
    const std::uint32_t line = tok(values.front()).line;
    for (std::uint32_t i = 0; i < values.front(); ++i)
      if (tok(i).line == line) return std::nullopt;  // text before the values: not a line of its own
    auto [g0, q] = *dump_gap_width_;
    std::vector<std::size_t> at(values.size(), 0);
    for (std::size_t k = 0; k < values.size(); ++k) {
      const Token& t = tok(values[k]);
      if (t.line != line || t.style != LineStyle::plain || t.kind != TokenKind::number) return std::nullopt;
      if (k == 0) continue;
      const Token& before = tok(values[k - 1]);
      const int gap = t.at.column - (before.at.column + before.at.width);
      if (gap < g0 || (gap - g0) % q != 0) return std::nullopt;
      at[k] = at[k - 1] + 1 + static_cast<std::size_t>((gap - g0) / q);
    }
    if (at.back() >= v.cells) return std::nullopt;
    int margin = -1;  // where the table's header lines start (not its section's heading: lynx sets it further out)
    for (std::uint32_t i = 0; i < values.front(); ++i)
      if (tok(i).kind == TokenKind::text && tok(i).style == LineStyle::plain && tok(i).at.column >= 0 &&
          (align_.marks[i].role == TextRole::header || align_.marks[i].role == TextRole::group))
        margin = margin < 0 ? int{tok(i).at.column} : std::min(margin, int{tok(i).at.column});
    const int lead = margin < 0 ? -1 : tok(values.front()).at.column - margin;
    std::optional<Placement> found;
    for (std::size_t shift = 0; at.back() + shift < v.cells; ++shift) {
      if (lead >= 0 && lead % q == 0 && shift != static_cast<std::size_t>(lead / q)) continue;
      Placement p(v.cells, -1);
      for (std::size_t k = 0; k < values.size(); ++k) p[at[k] + shift] = static_cast<std::int32_t>(values[k]);
      if (!own_identities_hold(layout_, v.index, p, exact_).value_or(false)) continue;
      if (found) return std::nullopt;  // two places hold: the gaps do not settle it
      found = p;
    }
    return found;
  }

  // ---- empty lines ------------------------------------------------------------------------
  /// One cell per line with one empty line after each (lynx): does a row's count of extra empty
  /// lines account for exactly its missing cells?
  bool gaps_account(const RowView& v) const {
    const RowValues& rv = reading_.rows[v.index];
    if (!rv.one_per_line || v.values->empty() || rv.gaps.size() != v.values->size()) return false;
    std::size_t extra = 0;
    for (std::uint16_t g : rv.gaps) {
      if (g == 0) return false;
      extra += g - 1u;
    }
    if (rv.ended_by_label) {
      if (rv.end_gap == 0) return false;
      extra += rv.end_gap - 1u;
    } else if (last_found(v.index) && rv.end_gap > 0 && v.values->size() + extra < v.cells) {
      // the table's last row: the empty lines before the text after the table hold its trailing
      // blank cells (table 4's litigation columns) and the section's spacing, which varies — so
      // they need only be enough for the cells after its last value
      return v.values->size() + extra + (rv.end_gap - 1u) >= v.cells;
    }
    return v.values->size() + extra == v.cells;
  }
  /// The layout is this one when every short row of one value per line accounts exactly for its
  /// missing cells, at least one does, and with complete rows and rows of no value (their empty
  /// lines before the next label one more than their cells) at least three rows agree. A table
  /// too small to show it (table 4's one row) counts the rows of the dump's earlier tables
  /// (`dump`), which it must not contradict; it adds its own for the tables after it.
  void learn_empty_lines(DumpLayout& dump) {
    int short_rows = 0, agreeing = 0;
    // Without a short row, empty rows of different widths whose gaps all grow with their cells
    // (table 2's 规章 four empty lines for three cells, 行政许可 two for one) tell the same: a
    // spacing that ignored blank cells would not follow each row's width.
    std::set<std::size_t> empty_widths;
    bool empty_disagrees = false, short_disagrees = false;
    for (const RowView& v : views_) {
      const RowValues& rv = reading_.rows[v.index];
      if (!rv.found) continue;
      if (v.values->empty()) {
        bool agrees = rv.ended_by_label && rv.end_gap == v.cells + 1;
        agreeing += agrees;
        if (agrees) empty_widths.insert(v.cells);
        else if (rv.ended_by_label) empty_disagrees = true;
      } else if (v.values->size() < v.cells) {
        if (!rv.one_per_line) continue;
        if (!gaps_account(v)) short_disagrees = true;
        ++short_rows;
        ++agreeing;
      } else if (v.values->size() == v.cells) {
        agreeing += gaps_account(v);
      }
    }
    if (short_disagrees) {
      dump.empty_lines_contradicted = true;
      return;
    }
    empty_lines_ = agreeing >= 3 && (short_rows >= 1 || (empty_widths.size() >= 2 && !empty_disagrees));
    dump.empty_lines_contradicted |= empty_disagrees;
    dump.empty_line_rows += agreeing;
    dump.empty_line_short_rows += short_rows;
    // (table 4 with no value has no row of its own to agree: the dump's earlier tables tell)
    if (!empty_lines_ && (agreeing >= 1 || layout_.single_row) && !dump.empty_lines_contradicted)
      empty_lines_ = dump.empty_line_rows >= 3 && dump.empty_line_short_rows >= 1;
  }
  std::optional<Placement> by_empty_lines(const RowView& v) const {
    if (!empty_lines_ || !gaps_account(v)) return std::nullopt;
    const RowValues& rv = reading_.rows[v.index];
    Placement p(v.cells, -1);
    std::size_t c = 0;
    for (std::size_t k = 0; k < v.values->size(); ++k) {
      c += rv.gaps[k] - 1u;
      if (c >= v.cells) return std::nullopt;
      p[c++] = static_cast<std::int32_t>((*v.values)[k]);
    }
    return p;
  }

  /// Rows one value per line whose complete rows (every cell printed) all keep one spacing: a
  /// wider gap in a short row is where blank cells were (lynx collapses a run of them into one
  /// extra empty line). Table 4 needs no complete row: its fifteen cells are one row.
  void learn_collapsed_gaps() {
    int complete = 0, usual = -1;
    for (const RowView& v : views_) {
      const RowValues& rv = reading_.rows[v.index];
      if (!rv.found || v.values->size() != v.cells || v.cells < 3) continue;
      if (!rv.one_per_line || rv.gaps.size() != v.values->size()) return;
      const std::uint16_t gap = *std::min_element(rv.gaps.begin() + 1, rv.gaps.end());
      if (*std::max_element(rv.gaps.begin() + 1, rv.gaps.end()) != gap) return;
      usual = complete == 0 || usual == gap ? gap : -2;  // (rows that keep different spacings: none usual)
      ++complete;
    }
    collapsed_gaps_ = complete >= 2;
    usual_gap_ = collapsed_gaps_ && usual >= 0 ? usual : -1;
    if (complete == 0) learn_collapsed_gaps_from_header();
  }

  /// No row prints every cell (a sparse table): the header's words, one a line, are cells side by
  /// side, and their spacing is the gap between adjacent cells. Where every header line keeps one
  /// spacing and every gap between a row's one-per-line values is that or one line wider, a wider
  /// gap holds blank cells (lynx: `185` / / / `32` / / / `96` / / `313` under header words an
  /// empty line apart, for 185 . 32 . . 96 313).
  void learn_collapsed_gaps_from_header() {
    constexpr int kLeastHeaderLines = 3;
    int header_gap = -1, header_lines = 0;
    std::uint32_t last_line = UINT32_MAX;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      if (tok(i).kind != TokenKind::text || align_.marks[i].role != TextRole::header) continue;
      const std::uint32_t li = cand_.line_of[i];
      if (li == last_line) continue;
      if (last_line != UINT32_MAX) {
        const int gap = cand_.lines[li].empties_before;
        if (header_gap >= 0 && gap != header_gap) return;
        header_gap = gap;
        ++header_lines;
      }
      last_line = li;
    }
    if (header_lines < kLeastHeaderLines) return;
    bool wider = false;
    for (const RowView& v : views_) {
      const RowValues& rv = reading_.rows[v.index];
      if (!rv.found || !rv.one_per_line || rv.gaps.size() != v.values->size() || rv.gaps.size() < 2) continue;
      // (a row with a narrower gap, two cells on adjacent lines, is read by no spacing:
      // filter_collapsed_gaps leaves it open)
      if (std::any_of(rv.gaps.begin() + 1, rv.gaps.end(), [&](std::uint16_t g) { return g < header_gap; })) continue;
      for (std::size_t k = 1; k < rv.gaps.size(); ++k) {
        if (rv.gaps[k] > header_gap + 1) return;
        wider |= rv.gaps[k] == header_gap + 1;
      }
    }
    if (!wider) return;
    collapsed_gaps_ = true;
    usual_gap_ = header_gap;
  }

  /// Table 4 one value per line, where a run of blank cells leaves one extra empty line (lynx
  /// collapses them): a gap wider than the usual one holds at least one blank cell, the usual gap
  /// none. Keeps the placements those gaps allow; where every gap is the same nothing is told.
  void filter_collapsed_gaps(const RowView& v, std::vector<Placement>& ps) const {
    const RowValues& rv = reading_.rows[v.index];
    if (!rv.one_per_line || rv.gaps.size() != v.values->size() || rv.gaps.size() < 2) return;
    // (values scattered among the header's words are no run of cells: pdfminer's text boxes)
    if (scattered(*v.values)) return;
    std::uint16_t base = *std::min_element(rv.gaps.begin() + 1, rv.gaps.end());
    if (*std::max_element(rv.gaps.begin() + 1, rv.gaps.end()) == base) return;
    // a gap narrower than the complete rows' keeps no spacing to read blanks by (lynx set two
    // cells on adjacent lines: `2` / `1`, where cells stand an empty line apart)
    if (usual_gap_ >= 0 && base < usual_gap_) return;
    bool leading_known = rv.gaps[0] >= base;
    std::erase_if(ps, [&](const Placement& p) {
      int last = -1;
      std::size_t k = 0;
      for (std::size_t c = 0; c < p.size(); ++c) {
        if (p[c] < 0) continue;
        bool skipped = static_cast<int>(c) > last + 1;
        if ((k > 0 || leading_known) && skipped != (rv.gaps[k] > base)) return true;
        last = static_cast<int>(c);
        ++k;
      }
      return false;
    });
  }
};

}  // namespace

std::vector<Placement> subsets(std::span<const std::uint32_t> values, std::size_t n) {
  std::vector<Placement> out;
  std::size_t k = values.size();
  if (k < n || k > 20 || k - n > 3) return out;
  for (std::uint32_t m = first_mask(n); m < (1u << k) && out.size() < kMaxPlacements; m = next_mask(m)) {
    Placement p;
    for (std::size_t v = 0; v < k; ++v)
      if (m >> v & 1u) p.push_back(static_cast<std::int32_t>(values[v]));
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Placement> all_placements(std::span<const std::uint32_t> values, std::size_t n) {
  std::vector<Placement> out;
  std::size_t k = values.size();
  if (k > n || n > 15) return out;
  // room for all C(n, k) at once: grown by doubling, table 4's 6,435 took 786 KB at its peak
  std::size_t count = 1;
  for (std::size_t i = 0; i < k; ++i) count = count * (n - i) / (i + 1);
  out.reserve(std::min(count, kMaxPlacements));
  // masks with k bits of n, in increasing order
  for (std::uint32_t m = first_mask(k); m < (1u << n) && out.size() < kMaxPlacements; m = next_mask(m)) {
    Placement p(n, -1);
    std::size_t v = 0;
    for (std::size_t c = 0; c < n; ++c)
      if (m >> c & 1u) p[c] = static_cast<std::int32_t>(values[v++]);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<RowOptions> place_columns(const text::NormalizedText& nt, Candidate& cand, const LabelAlignment& align,
                                      const RowReading& reading, const Layout& layout, DumpLayout& dump,
                                      SharedColumns* shared) {
  Placer placer(nt, cand, align, reading, layout, dump);
  if (shared) *shared = placer.shared_columns();
  std::vector<RowOptions> out;
  out.reserve(layout.rows.size());
  for (std::size_t r = 0; r < layout.rows.size(); ++r) out.push_back(placer.options(r));
  dump.reading_order |= placer.change_out_of_place();
  return out;
}

}  // namespace ogi::tables
