// SPDX-License-Identifier: Apache-2.0
// Rows whose labels stand stacked, their values one run beside them (stacked.hpp).
#include "tables/stacked.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

/// A stretch's readings grow as 3^rows: beyond this many, nothing is read.
constexpr std::size_t kMostHeadChoices = 729;

class StackReader {
 public:
  StackReader(const Candidate& cand, const RowReading& rows, const Layout& layout)
      : cand_(cand), rows_(rows), layout_(layout), value_(cand) {}

  /// The readings of rows [first, last): per row, its distinct placements over every reading in
  /// which each row's total holds; empty where there is none.
  std::vector<std::set<Placement>> read(std::size_t first, std::size_t last) {
    const std::size_t k = last - first, n = layout_.rows[first].cells.size();
    std::vector<std::uint32_t> values;
    for (std::size_t r = first; r < last; ++r)
      values.insert(values.end(), rows_.rows[r].values.begin(), rows_.rows[r].values.end());
    std::vector<std::set<Placement>> seen(k);
    // As many values as cells, or one fewer: a row of 0s and written blanks may have lost one of
    // its blanks (pdftotext printed 部分公开's `- - - - - 0`, six for seven cells, the first lost).
    if ((values.size() != k * n && values.size() + 1 != k * n) || !each_alone_on_a_line(values)) return seen;
    const bool one_lost = values.size() + 1 == k * n;
    // Each row's choices of first cells: none, the values after its label where fewer than its
    // cells, the value right before its label's line where that value is the stretch's.
    std::vector<std::vector<std::vector<std::uint32_t>>> heads(k);
    std::size_t choices = 1;
    for (std::size_t i = 0; i < k; ++i) {
      const RowValues& rv = rows_.rows[first + i];
      heads[i].push_back({});
      if (!rv.values.empty() && rv.values.size() < n) heads[i].push_back({rv.values.begin(), rv.values.end()});
      if (const auto before = value_before_line_of(rv.label); i > 0 && before && std::binary_search(values.begin(), values.end(), *before))
        heads[i].push_back({*before});
      choices *= heads[i].size();
      if (choices > kMostHeadChoices) return seen;
    }
    std::vector<std::size_t> pick(k, 0);
    std::vector<Placement> placed(k);
    for (std::size_t c = 0; c < choices; ++c) {
      std::size_t rest = c;
      for (std::size_t i = 0; i < k; ++i) {
        pick[i] = rest % heads[i].size();
        rest /= heads[i].size();
      }
      for (std::size_t lost = one_lost ? 0 : k; lost <= k && (lost < k || !one_lost); ++lost)
        if (read_rows(values, heads, pick, n, first, lost, placed)) keep(placed, first, lost, seen);
    }
    // No first cell apart: the run may print the rows column by column.
    bool all_hold = !one_lost;
    for (std::size_t i = 0; i < k && all_hold; ++i) {
      placed[i] = Placement(n, -1);
      for (std::size_t col = 0; col < n; ++col) placed[i][col] = static_cast<std::int32_t>(values[col * k + i]);
      all_hold = own_identities_hold(layout_, first + i, placed[i], value_).value_or(false);
    }
    if (all_hold) keep(placed, first, k, seen);
    return seen;
  }

 private:
  /// The token right before the line of label `label` (text before the label on its line aside —
  /// a group's label, `三、本 （一）予以公开`), where that is a value.
  std::optional<std::uint32_t> value_before_line_of(std::uint32_t label) const {
    std::uint32_t i = label;
    while (i > 0 && cand_.tokens[i - 1].kind == TokenKind::text && cand_.tokens[i - 1].line == cand_.tokens[label].line) --i;
    if (i == 0 || cand_.tokens[i - 1].kind == TokenKind::text) return std::nullopt;
    return i - 1;
  }

  /// Every value a printed cell on a line of its own: a run in reading order, not rows on lines.
  bool each_alone_on_a_line(const std::vector<std::uint32_t>& values) const {
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (!cand_.tokens[values[v]].printed_cell()) return false;
      if (v > 0 && cand_.tokens[values[v]].line == cand_.tokens[values[v - 1]].line) return false;
    }
    return true;
  }

  /// Rows [first, first + k) with the first cells `pick` chooses and the rest of `values` row by
  /// row, into `placed`: true where every row's total holds. Row `lost` (k: none) takes one value
  /// fewer, all 0s or blanks, its last cell left blank.
  bool read_rows(const std::vector<std::uint32_t>& values, const std::vector<std::vector<std::vector<std::uint32_t>>>& heads,
                 const std::vector<std::size_t>& pick, std::size_t n, std::size_t first, std::size_t lost,
                 std::vector<Placement>& placed) const {
    std::vector<std::uint32_t> taken;
    for (std::size_t i = 0; i < heads.size(); ++i) {
      const auto& head = heads[i][pick[i]];
      if (head.size() >= n || (i == lost && !head.empty())) return false;
      taken.insert(taken.end(), head.begin(), head.end());
    }
    std::sort(taken.begin(), taken.end());
    if (std::adjacent_find(taken.begin(), taken.end()) != taken.end()) return false;  // a value beside two labels
    std::vector<std::uint32_t> run;
    std::set_difference(values.begin(), values.end(), taken.begin(), taken.end(), std::back_inserter(run));
    std::size_t at = 0;
    for (std::size_t i = 0; i < heads.size(); ++i) {
      const auto& head = heads[i][pick[i]];
      placed[i] = Placement(n, -1);
      std::size_t col = 0;
      for (std::uint32_t v : head) placed[i][col++] = static_cast<std::int32_t>(v);
      for (; col < (i == lost ? n - 1 : n); ++col) {
        placed[i][col] = static_cast<std::int32_t>(run[at++]);
        if (i == lost && value_(placed[i][col]) != 0) return false;
      }
      if (!own_identities_hold(layout_, first + i, placed[i], value_).value_or(false)) return false;
    }
    return true;
  }

  /// Each row's placement into `seen`; row `lost`'s with its lost blank in each of its cells.
  void keep(const std::vector<Placement>& placed, std::size_t first, std::size_t lost,
            std::vector<std::set<Placement>>& seen) const {
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (i != lost) {
        seen[i].insert(placed[i]);
        continue;
      }
      const std::size_t n = placed[i].size();
      for (std::size_t blank = 0; blank < n; ++blank) {
        Placement p(n, -1);
        for (std::size_t c = 0, from = 0; c < n; ++c)
          if (c != blank) p[c] = placed[i][from++];
        if (own_identities_hold(layout_, first + i, p, value_).value_or(false)) seen[i].insert(p);
      }
    }
  }

  const Candidate& cand_;
  const RowReading& rows_;
  const Layout& layout_;
  const ExactValues value_;
};

}  // namespace

std::vector<std::size_t> read_stacked_rows(const Candidate& cand, const RowReading& rows, const Layout& layout,
                                           const std::vector<bool>& involved, std::vector<RowOptions>& options) {
  std::vector<std::size_t> read;
  if (layout.single_row) return read;
  const std::size_t R = std::min(layout.rows.size(), rows.rows.size());
  auto stackable = [&](std::size_t r) {
    return rows.rows[r].found && options[r].placements.empty() && !(r < involved.size() && involved[r]) &&
           layout.has_row_identity(r);
  };
  StackReader reader(cand, rows, layout);
  for (std::size_t first = 0; first < R;) {
    if (!stackable(first)) {
      ++first;
      continue;
    }
    std::size_t last = first + 1;
    while (last < R && stackable(last) && rows.rows[last].label > rows.rows[last - 1].label &&
           layout.rows[last].cells.size() == layout.rows[first].cells.size())
      ++last;
    if (last - first >= 2) {
      std::vector<std::set<Placement>> seen = reader.read(first, last);
      if (std::none_of(seen.begin(), seen.end(), [](const auto& s) { return s.empty(); }))
        for (std::size_t i = 0; i < seen.size(); ++i) {
          RowOptions& o = options[first + i];
          o.placements.assign(seen[i].begin(), seen[i].end());
          o.evidence = Evidence::stacked_labels;
          o.why.clear();
          read.push_back(first + i);
        }
    }
    first = last;
  }
  return read;
}

}  // namespace ogi::tables
