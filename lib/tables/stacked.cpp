// SPDX-License-Identifier: Apache-2.0
// Rows whose labels stand stacked, their values one run beside them (stacked.hpp).
#include "tables/stacked.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

/// A stretch's readings grow as 3^rows times the ways to set values aside and to lose blanks:
/// beyond this many tried for one stretch, it reads nothing; beyond the second for a table's
/// stretches together, none reads (a row's options would be those of the stretches tried).
constexpr std::size_t kMostReadings = 20000;
constexpr std::size_t kMostReadingsInTable = 200000;
/// The most rows a stretch is read as (masks of rows fit in 32 bits).
constexpr std::size_t kMostRows = 24;
/// At most this many written blanks lost in a stretch (each in a row of 0s and blanks).
constexpr std::size_t kMostLost = 2;

/// Calls `f` with every mask of `size` bits below bit `of` (of ≤ 31), in increasing order (Gosper's
/// step), while it returns true; false where it stopped.
template <class F>
bool each_choice(std::size_t of, std::size_t size, F&& f) {
  const std::uint32_t end = 1u << of;
  for (std::uint32_t m = (1u << size) - 1; m < end;) {
    if (!f(m)) return false;
    if (m == 0) break;
    const std::uint32_t low = m & -m, up = m + low;
    m = up | (((m ^ up) >> 2) / low);
  }
  return true;
}

/// A row's cells printed apart from the run it takes the rest from, in the cells of mask `cells`
/// (in order; the run's values fill the others).
struct Apart {
  std::vector<std::uint32_t> values;
  std::uint32_t cells = 0;
};

class StackReader {
 public:
  StackReader(const Candidate& cand, const RowReading& rows, const Layout& layout, const std::vector<bool>& numeral_apart)
      : cand_(cand), rows_(rows), layout_(layout), numeral_apart_(numeral_apart), value_(cand), owner_(cand.tokens.size(), -1) {
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
      for (std::uint32_t v : rows.rows[r].values) owner_[v] = static_cast<int>(r);
  }

  /// May value v be no cell of the stretch's rows: a number alone on its line equal to a numeral a
  /// label lost, or the one value after a row's label (pdftotext set 本年新收's total after
  /// 予以公开's label, before the run of the rows after it)?
  bool may_be_no_cell(std::uint32_t v) const {
    if (v < numeral_apart_.size() && numeral_apart_[v]) return true;
    const int r = owner_[v];
    return r >= 0 && rows_.rows[static_cast<std::size_t>(r)].values.size() == 1 && cand_.tokens[v].kind == TokenKind::number;
  }

  /// May rows [first, last)'s values be their cells by count alone (values that may be no cell
  /// set aside, a blank or two lost)?
  bool may_fit(std::size_t first, std::size_t last) const {
    std::size_t count = 0, spare = 0, cells = 0;
    for (std::size_t r = first; r < last; ++r) {
      cells += layout_.rows[r].cells.size();
      count += rows_.rows[r].values.size();
      for (std::uint32_t v : rows_.rows[r].values) spare += may_be_no_cell(v);
    }
    return count - spare <= cells && cells <= count + kMostLost;
  }

  /// The readings of rows [first, last): per row, its distinct placements over every reading in
  /// which each row's total holds; empty where there is none.
  std::vector<std::set<Placement>> read(std::size_t first, std::size_t last) {
    const std::size_t k = last - first, n = layout_.rows[first].cells.size();
    std::vector<std::uint32_t> all;
    for (std::size_t r = first; r < last; ++r) all.insert(all.end(), rows_.rows[r].values.begin(), rows_.rows[r].values.end());
    std::vector<std::set<Placement>> seen(k);
    if (k > kMostRows || !each_alone_on_a_line(all)) return seen;
    // The values that may be no cell (may_be_no_cell).
    std::vector<std::uint32_t> spare;
    for (std::uint32_t v : all)
      if (may_be_no_cell(v)) spare.push_back(v);
    if (spare.size() > 12) return seen;
    // As many values as cells, less those set aside, or a blank or two fewer: a row of 0s and
    // written blanks may have lost one (pdftotext printed 部分公开's `- - - - - 0`, six for seven
    // cells).
    std::size_t reads = 0;  // this stretch's, added to the table's (reads_) as it goes
    for (std::size_t lost = 0; lost <= kMostLost && lost <= k; ++lost) {
      if (all.size() + lost < k * n) continue;
      const std::size_t aside = all.size() + lost - k * n;
      if (aside > spare.size()) continue;
      // every choice of `aside` of the spare values
      const bool within_budget = each_choice(spare.size(), aside, [&](std::uint32_t chosen) {
        std::vector<std::uint32_t> set_aside;
        std::size_t after_labels = 0;  // values set aside that equal no lost numeral
        for (std::size_t b = 0; b < spare.size(); ++b)
          if (chosen >> b & 1u) {
            set_aside.push_back(spare[b]);
            after_labels += !(spare[b] < numeral_apart_.size() && numeral_apart_[spare[b]]);
          }
        // one value after a label may be another row's; more would read the run as other rows
        // than the labels' (two rows' first cells set aside, three rows' run read as theirs)
        if (after_labels > 1) return true;
        std::vector<std::uint32_t> values;
        std::set_difference(all.begin(), all.end(), set_aside.begin(), set_aside.end(), std::back_inserter(values));
        return read_with(values, first, k, n, lost, reads, seen);
      });
      if (!within_budget) return std::vector<std::set<Placement>>(k);
    }
    return seen;
  }

 private:
  /// The readings of `values` as rows [first, first + k), `lost` of them short of a blank, into
  /// `seen`; false where they grow past kMostReadings.
  bool read_with(const std::vector<std::uint32_t>& values, std::size_t first, std::size_t k, std::size_t n, std::size_t lost,
                 std::size_t& reads, std::vector<std::set<Placement>>& seen) const {
    // Each row's choices of cells apart from the run: none; the values after its label where
    // fewer than its cells, in any of its cells, in order (pdftotext prints a row's cells on
    // lines of their own, then those its label's line holds: `40 / 4 / - / - / -` …
    // `四、结转下年度… / - / 44`, the - and 44 the second and last cells); the first of them where
    // more, as its first cell (its run then follows: `（二）部分公开… / 3 / 1 / 4 / … / 57 / 3 / 1 /
    // …`, the first 3 its own, 予以公开's rest, then its own); the value right before its label's
    // line where that value is the stretch's, as its first cell (`… / 1 / 5 / 三、本年度
    // （一）予以公开`, the 5 予以公开's).
    auto kept = [&](std::uint32_t v) { return std::binary_search(values.begin(), values.end(), v); };
    std::vector<std::vector<Apart>> apart_choices(k);
    std::size_t choices = 1;
    for (std::size_t i = 0; i < k; ++i) {
      const RowValues& rv = rows_.rows[first + i];
      apart_choices[i].push_back({});
      if (!rv.values.empty() && rv.values.size() < n && std::all_of(rv.values.begin(), rv.values.end(), kept)) {
        each_choice(n, rv.values.size(), [&](std::uint32_t cells) {
          apart_choices[i].push_back({{rv.values.begin(), rv.values.end()}, cells});
          return true;
        });
      } else if (rv.values.size() > 1 && kept(rv.values.front())) {
        apart_choices[i].push_back({{rv.values.front()}, 1u});
      }
      if (const auto before = value_before_line_of(rv.label); i > 0 && before && kept(*before))
        apart_choices[i].push_back({{*before}, 1u});
      choices *= apart_choices[i].size();
      if (choices > kMostReadings) return false;
    }
    std::vector<std::size_t> pick(k, 0);
    std::vector<Placement> placed(k);
    std::vector<std::uint32_t> taken, run;  // (reused: this loop runs thousands of times)
    for (std::size_t c = 0; c < choices; ++c) {
      std::size_t rest = c;
      std::uint32_t with_cells_apart = 0;
      for (std::size_t i = 0; i < k; ++i) {
        pick[i] = rest % apart_choices[i].size();
        rest /= apart_choices[i].size();
        if (!apart_choices[i][pick[i]].values.empty()) with_cells_apart |= 1u << i;
      }
      // the run: the values but those apart, each apart beside one label only
      taken.clear();
      for (std::size_t i = 0; i < k; ++i) taken.insert(taken.end(), apart_choices[i][pick[i]].values.begin(), apart_choices[i][pick[i]].values.end());
      std::sort(taken.begin(), taken.end());
      if (std::adjacent_find(taken.begin(), taken.end()) != taken.end()) continue;
      run.clear();
      std::set_difference(values.begin(), values.end(), taken.begin(), taken.end(), std::back_inserter(run));
      // which rows lost a blank: every choice of `lost` of them (none with cells apart)
      const bool within_budget = each_choice(k, lost, [&](std::uint32_t short_rows) {
        if (++reads > kMostReadings || ++reads_ > kMostReadingsInTable) return false;
        if (!(short_rows & with_cells_apart) && read_rows(run, apart_choices, pick, n, first, short_rows, placed))
          keep(placed, first, short_rows, seen);
        return true;
      });
      if (!within_budget) return false;
    }
    // No first cell apart, nothing lost: the run may print the rows column by column.
    if (lost > 0 || values.size() != k * n) return true;
    std::vector<int> one_run(k, owner_[values.front()]);
    if (std::any_of(values.begin(), values.end(), [&](std::uint32_t v) { return owner_[v] != one_run.front(); }) ||
        !runs_after_their_rows(one_run, first))
      return true;
    for (std::size_t i = 0; i < k; ++i) {
      placed[i] = Placement(n, -1);
      for (std::size_t col = 0; col < n; ++col) placed[i][col] = static_cast<std::int32_t>(values[col * k + i]);
      if (!holds_printed_total(first + i, placed[i])) return true;
    }
    keep(placed, first, 0, seen);
    return true;
  }

  /// The token right before the line of label `label` (text before the label on its line aside —
  /// a group's label, `三、本 （一）予以公开`), where that is a value.
  std::optional<std::uint32_t> value_before_line_of(std::uint32_t label) const {
    std::uint32_t i = label;
    while (i > 0 && cand_.tokens[i - 1].kind == TokenKind::text && cand_.tokens[i - 1].line == cand_.tokens[label].line) --i;
    if (i == 0 || cand_.tokens[i - 1].kind == TokenKind::text) return std::nullopt;
    return i - 1;
  }

  /// Every value a printed cell on a line of its own — but for a line in ten that holds two
  /// (pdftotext keeps two close cells together now and then: `- / 1470 5406 / 三、本`): a run in
  /// reading order, not rows on lines.
  bool each_alone_on_a_line(const std::vector<std::uint32_t>& values) const {
    std::size_t pairs = 0;
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (!cand_.tokens[values[v]].printed_cell()) return false;
      if (v == 0 || cand_.tokens[values[v]].line != cand_.tokens[values[v - 1]].line) continue;
      if (v > 1 && cand_.tokens[values[v]].line == cand_.tokens[values[v - 2]].line) return false;
      ++pairs;
    }
    return pairs * 10 <= values.size();
  }

  /// Rows [first, first + k) with the cells apart `pick` chooses and `run`'s values in the others,
  /// row by row, into `placed`: true where every row's total holds and `run` is used up. The rows
  /// in mask `short_rows` take one value fewer, all 0s or blanks, their last cell left blank.
  bool read_rows(const std::vector<std::uint32_t>& run, const std::vector<std::vector<Apart>>& apart_choices,
                 const std::vector<std::size_t>& pick, std::size_t n, std::size_t first, std::uint32_t short_rows,
                 std::vector<Placement>& placed) const {
    std::size_t at = 0;
    std::array<int, kMostRows> run_of;  // per row: the row after whose label its run stands
    run_of.fill(-1);
    for (std::size_t i = 0; i < apart_choices.size(); ++i) {
      const Apart& apart = apart_choices[i][pick[i]];
      const bool lost = short_rows >> i & 1u;
      placed[i] = Placement(n, -1);
      // the run's values in the cells around those apart
      for (std::size_t col = 0, a = 0; col < n; ++col)
        if (apart.cells >> col & 1u) placed[i][col] = static_cast<std::int32_t>(apart.values[a++]);
      for (std::size_t col = 0; col < (lost ? n - 1 : n); ++col) {
        if (apart.cells >> col & 1u) continue;
        if (at == run.size()) return false;
        const std::uint32_t v = run[at++];
        if (run_of[i] >= 0 && owner_[v] != run_of[i]) return false;  // a row's run is one
        run_of[i] = owner_[v];
        placed[i][col] = static_cast<std::int32_t>(v);
        if (lost && value_(v) != 0) return false;
      }
      // (a row that lost a blank is checked as keep() sets the blank in each of its cells)
      if (!lost && !holds_printed_total(first + i, placed[i])) return false;
    }
    return at == run.size() && runs_after_their_rows(std::span(run_of).first(apart_choices.size()), first);
  }

  /// Does row r's total, a printed number, hold over placement p? A run of written blanks keeps
  /// any row's total wherever it is cut (pdfminer prints a sparse table's blanks column by column,
  /// `- - - - - - - - 2621 - - -`); a row of such a table, read off the run in its order, shows
  /// its reading true by a number where its total stands.
  bool holds_printed_total(std::size_t r, const Placement& p) const {
    const int total = r < layout_.total_cell.size() ? layout_.total_cell[r] : -1;
    if (total < 0 || p[static_cast<std::size_t>(total)] < 0 ||
        cand_.tokens[static_cast<std::size_t>(p[static_cast<std::size_t>(total)])].kind != TokenKind::number)
      return false;
    return own_identities_hold(layout_, r, p, value_).value_or(false);
  }

  /// Does each run, where it holds rows [s, e], stand right after the label of s (the labels of
  /// the rest after it) or of e (the labels before it)? Rows read off a run that follows none of
  /// their own labels are a shifted reading: eight rows' run read as those of three rows earlier
  /// keeps every total (each seven values hold their own).
  static bool runs_after_their_rows(std::span<const int> run_of, std::size_t first) {
    std::vector<int> done;
    for (std::size_t i = 0; i < run_of.size();) {
      const int x = run_of[i];
      std::size_t j = i;
      while (j + 1 < run_of.size() && run_of[j + 1] == x) ++j;
      if (x >= 0) {
        if (std::find(done.begin(), done.end(), x) != done.end()) return false;
        done.push_back(x);
        if (static_cast<std::size_t>(x) != first + i && static_cast<std::size_t>(x) != first + j) return false;
      }
      i = j + 1;
    }
    return true;
  }

  /// Each row's placement into `seen`; a row in `short_rows` with its lost blank in each of its
  /// cells where its total still holds, printed — none of the reading where some such row has none.
  void keep(const std::vector<Placement>& placed, std::size_t first, std::uint32_t short_rows,
            std::vector<std::set<Placement>>& seen) const {
    std::vector<std::vector<Placement>> lost(placed.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (!(short_rows >> i & 1u)) continue;
      const std::size_t n = placed[i].size();
      for (std::size_t blank = 0; blank < n; ++blank) {
        Placement p(n, -1);
        for (std::size_t c = 0, from = 0; c < n; ++c)
          if (c != blank) p[c] = placed[i][from++];
        if (holds_printed_total(first + i, p)) lost[i].push_back(p);
      }
      if (lost[i].empty()) return;
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (short_rows >> i & 1u)
        seen[i].insert(lost[i].begin(), lost[i].end());
      else
        seen[i].insert(placed[i]);
    }
  }

  const Candidate& cand_;
  const RowReading& rows_;
  const Layout& layout_;
  const std::vector<bool>& numeral_apart_;
  const ExactValues value_;
  std::vector<int> owner_;  ///< per token: the row whose label it follows (RowReading), or -1
  mutable std::size_t reads_ = 0;  ///< readings tried for the table's stretches together

 public:
  /// Did the table's stretches together try more readings than their budget allows?
  bool over_budget() const { return reads_ > kMostReadingsInTable; }
};

}  // namespace

StackedRows read_stacked_rows(const Candidate& cand, const RowReading& rows, const Layout& layout,
                                           const std::vector<bool>& involved, const std::vector<bool>& numeral_apart,
                                           std::vector<RowOptions>& options) {
  StackedRows read;
  if (layout.single_row) return read;
  const std::size_t R = std::min(layout.rows.size(), rows.rows.size());
  // (a row with more values than cells, read by leaving some out, may hold the next row's first
  // cell: `- - - 173 - - 173 1`, the 1 予以公开's)
  // (a row whose label is missing may stand in a stretch after its first row: its values may be
  // in the run after the label before it — `2、重复申请` and 21 values, 出版物's and 无正当理由's
  // labels printed after the table — but no stretch is read from it: a run after a later label
  // would be read as rows before their own)
  auto stackable = [&](std::size_t r) {
    return (options[r].placements.empty() || options[r].evidence == Evidence::extra) &&
           !(r < involved.size() && involved[r]) && layout.has_row_identity(r);
  };
  auto label_of = [&](std::size_t r) { return rows.rows[r].found ? static_cast<std::int64_t>(rows.rows[r].label) : -1; };
  StackReader reader(cand, rows, layout, numeral_apart);
  for (std::size_t first = 0; first < R;) {
    if (!stackable(first) || !rows.rows[first].found) {
      ++first;
      continue;
    }
    std::size_t last = first + 1;
    for (std::int64_t label = label_of(first);
         last < R && stackable(last) && (label_of(last) < 0 || label_of(last) > label) &&
         layout.rows[last].cells.size() == layout.rows[first].cells.size();
         ++last)
      label = std::max(label, label_of(last));
    // Every stretch of two rows or more within it: the whole may hold values of rows outside it
    // (pdftotext set 本年新收's total after 予以公开's label, before eight rows' labels and their run).
    // Two stretches that read do not contradict each other where they give each value the same
    // rows: a run read as rows 0–2 after the label of row 2, and as rows 2–4 after that same label,
    // leaves all five rows unknown (each reading says nothing of the rows the other reads).
    std::vector<std::set<Placement>> seen(last - first);
    std::map<std::uint32_t, std::uint32_t> rows_of_value;  // per value: the rows (bits from `first`) a stretch gave it
    std::uint32_t contested = 0;
    for (std::size_t from = first; from < last; ++from)
      for (std::size_t to = from + 2; to <= last; ++to) {
        // a row without its label next to the stretch may have its values in the stretch's runs;
        // so may the row before it whose label came with no value (labels 信访举报… / 重复申请 /
        // 要求提供公开出版物, then one run: read from the last label's row on, each row would take
        // the one before's values). The row after it cannot: its values would be the last row's.
        const bool unlabelled_next = (from > 0 && !rows.rows[from - 1].found) || (to < R && !rows.rows[to].found);
        const bool valueless_before = from > 0 && rows.rows[from - 1].values.empty();
        if (unlabelled_next || !rows.rows[from].found || valueless_before || !reader.may_fit(from, to)) continue;
        const std::vector<std::set<Placement>> got = reader.read(from, to);
        if (std::any_of(got.begin(), got.end(), [](const auto& s) { return s.empty(); })) continue;
        std::map<std::uint32_t, std::uint32_t> here;
        for (std::size_t i = 0; i < got.size(); ++i) {
          seen[from - first + i].insert(got[i].begin(), got[i].end());
          for (const Placement& p : got[i])
            for (std::int32_t t : p)
              if (t >= 0) here[static_cast<std::uint32_t>(t)] |= 1u << (from - first + i);
        }
        for (const auto& [value, rows_here] : here) {
          const auto [it, added] = rows_of_value.emplace(value, rows_here);
          if (!added && it->second != rows_here) contested |= it->second | rows_here;
        }
      }
    for (std::size_t i = 0; i < seen.size(); ++i)
      if (contested >> i & 1u) seen[i].clear();
    // over the budget: this stretch's rows (and the later stretches') stay unread — the stretches
    // before it were searched whole
    if (reader.over_budget()) {
      read.budget_exhausted = true;
      return read;
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (seen[i].empty()) continue;
      RowOptions& o = options[first + i];
      o.placements.assign(seen[i].begin(), seen[i].end());
      o.evidence = Evidence::stacked_labels;
      o.why.clear();
      read.rows.push_back(first + i);
    }
    first = last;
  }
  return read;
}

}  // namespace ogi::tables
