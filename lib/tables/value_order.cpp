// SPDX-License-Identifier: Apache-2.0
#include "tables/value_order.hpp"

#include <algorithm>

namespace ogi::tables {
namespace {

struct Group {
  std::size_t first = 0, size = 0;  // into the document-ordered values
};

/// A block of the reading: `rows` rows from group `group` on, row by row (one group), or column by
/// column, each column in `period` groups (a page of pdfminer output: 1 + 1 + 1 + 1 + 10 values
/// per column, the groups of one column being the same sizes as the next column's).
struct Block {
  std::size_t group = 0, period = 1, row = 0, rows = 0;
  bool column_major = false;
};

constexpr std::size_t kMaxReadings = 16;
constexpr std::size_t kParseBudget = 20000;  // parse steps; real tables need a few hundred

/// The row's total holds; with `swapped`, the last two cells taken the other way round.
bool row_total_holds(const std::vector<const Piece*>& row, bool swapped) {
  if (!swapped || row.size() < 2) return tables::row_total_holds(row);
  std::vector<const Piece*> other = row;
  std::swap(other[other.size() - 2], other.back());
  return tables::row_total_holds(other);
}

/// Every way the groups parse into blocks covering exactly `nrows` rows (at most kMaxReadings).
void parse(const std::vector<Group>& groups, std::size_t ncols, std::size_t nrows, std::size_t gi, std::size_t row,
           std::vector<Block>& so_far, std::vector<std::vector<Block>>& out, std::size_t& budget) {
  // Hostile input (group sizes that repeat in many periods) must not make this exponential: past
  // the budget no reading is trusted (see read_in_value_order).
  if (out.size() >= kMaxReadings || budget == 0) return;
  --budget;
  if (gi == groups.size()) {
    if (row == nrows) out.push_back(so_far);
    return;
  }
  std::size_t k = groups[gi].size;
  // Column by column: a period of group sizes repeated for every column. Period 1 (ncols groups
  // of k values: k rows; k = 1 is one row with a value per line), or a longer period whose sizes
  // differ (a constant longer period would only repeat what period 1 already reads).
  for (std::size_t period = 1; period <= 16 && gi + period * ncols <= groups.size(); ++period) {
    bool repeats = true, constant = true;
    std::size_t rows = 0;
    for (std::size_t j = 0; j < period; ++j) {
      rows += groups[gi + j].size;
      constant &= groups[gi + j].size == k;
      for (std::size_t c = 1; c < ncols && repeats; ++c) repeats = groups[gi + c * period + j].size == groups[gi + j].size;
    }
    if (!repeats || (period > 1 && constant) || row + rows > nrows) continue;
    so_far.push_back({gi, period, row, rows, true});
    parse(groups, ncols, nrows, gi + period * ncols, row + rows, so_far, out, budget);
    so_far.pop_back();
  }
  // one group of m × ncols values: m rows given row by row
  if (k % ncols == 0 && row + k / ncols <= nrows) {
    so_far.push_back({gi, 1, row, k / ncols, false});
    parse(groups, ncols, nrows, gi + 1, row + k / ncols, so_far, out, budget);
    so_far.pop_back();
  }
}

}  // namespace

std::optional<std::vector<std::vector<Piece>>> read_in_value_order(const RowScan& scan, const std::vector<int>& row_keys,
                                                                   std::size_t ncols, const GridCheck& identities_hold) {
  // The values in document order, and the labels' positions.
  std::vector<const Piece*> values;
  for (const Piece& p : scan.orphans) values.push_back(&p);
  for (const RowValues& r : scan.rows)
    for (const Piece& p : r.values) values.push_back(&p);
  std::sort(values.begin(), values.end(), [](const Piece* a, const Piece* b) { return a->begin < b->begin; });
  if (values.size() != row_keys.size() * ncols) return std::nullopt;
  // Groups: values on consecutive lines. A group that is one line of several (fewer than a row's)
  // values is that many groups of one: a column's group never holds two values on a line.
  std::vector<Group> groups;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i]->line > values[i - 1]->line + 1) groups.push_back({i, 0});
    ++groups.back().size;
  }
  std::vector<Group> split;
  for (const Group& g : groups) {
    bool one_line = values[g.first]->line == values[g.first + g.size - 1]->line;
    if (one_line && g.size > 1 && g.size < ncols)
      for (std::size_t i = 0; i < g.size; ++i) split.push_back({g.first + i, 1});
    else
      split.push_back(g);
  }
  groups = std::move(split);
  std::vector<std::vector<Block>> readings;
  std::vector<Block> so_far;
  std::size_t budget = kParseBudget;
  parse(groups, ncols, row_keys.size(), 0, 0, so_far, readings, budget);
  if (budget == 0 || readings.size() >= kMaxReadings) return std::nullopt;  // not every reading was seen

  std::optional<std::vector<std::vector<const Piece*>>> chosen;
  for (const auto& blocks : readings) {
    std::vector<std::vector<const Piece*>> grid(row_keys.size(), std::vector<const Piece*>(ncols));
    std::vector<std::size_t> block_of_group(groups.size(), SIZE_MAX);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const Block& bl = blocks[b];
      block_of_group[bl.group] = b;
      if (!bl.column_major) {
        for (std::size_t r = 0; r < bl.rows; ++r)
          for (std::size_t c = 0; c < ncols; ++c) grid[bl.row + r][c] = values[groups[bl.group].first + r * ncols + c];
        continue;
      }
      for (std::size_t c = 0; c < ncols; ++c) {
        std::size_t r = bl.row;
        for (std::size_t j = 0; j < bl.period; ++j) {
          const Group& g = groups[bl.group + c * bl.period + j];
          for (std::size_t i = 0; i < g.size; ++i) grid[r++][c] = values[g.first + i];
        }
      }
    }
    // A label right before a block (no value or other label between) names one of its rows.
    bool labels_agree = true;
    for (const RowValues& rv : scan.rows) {
      auto at = std::find(row_keys.begin(), row_keys.end(), rv.key);
      if (at == row_keys.end()) continue;
      auto row = static_cast<std::size_t>(at - row_keys.begin());
      auto next = std::upper_bound(values.begin(), values.end(), rv.label_end,
                                   [](std::uint32_t pos, const Piece* p) { return pos < p->begin; });
      if (next == values.end()) continue;
      bool label_between = std::any_of(scan.rows.begin(), scan.rows.end(), [&](const RowValues& o) {
        return o.label_begin > rv.label_end && o.label_end <= (*next)->begin;
      });
      std::size_t vi = static_cast<std::size_t>(next - values.begin());
      auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& gr) { return gr.first == vi; });
      if (label_between || g == groups.end()) continue;
      std::size_t b = block_of_group[static_cast<std::size_t>(g - groups.begin())];
      if (b == SIZE_MAX) continue;
      if (row < blocks[b].row || row >= blocks[b].row + blocks[b].rows) labels_agree = false;
    }
      if (!labels_agree) continue;
    // Per block, the columns in template order or with the last two swapped: pdfminer may read a
    // page's 总计 header cell, which spans the header's rows, before 其他, and that page's values
    // follow. Each row's 总计 decides; a block both orders fit with different cells is ambiguous.
    bool settled = true;
    for (const Block& bl : blocks) {
      auto fits = [&](bool swapped) {
        for (std::size_t r = bl.row; r < bl.row + bl.rows; ++r)
          if (!row_total_holds(grid[r], swapped)) return false;
        return true;
      };
      bool plain = fits(false), swapped = ncols >= 2 && fits(true);
      if (plain && swapped) {
        for (std::size_t r = bl.row; r < bl.row + bl.rows && settled; ++r)
          settled = grid[r][ncols - 2]->value == grid[r][ncols - 1]->value;
      } else if (swapped) {
        for (std::size_t r = bl.row; r < bl.row + bl.rows; ++r) std::swap(grid[r][ncols - 2], grid[r][ncols - 1]);
      } else if (!plain) {
        settled = false;
      }
    }
    if (!settled || !identities_hold(grid)) continue;
    if (chosen) {
      for (std::size_t r = 0; r < grid.size(); ++r)
        for (std::size_t c = 0; c < ncols; ++c)
          if (grid[r][c]->value != (*chosen)[r][c]->value) return std::nullopt;  // two readings disagree
      continue;
    }
    chosen = std::move(grid);
  }
  if (!chosen) return std::nullopt;
  std::vector<std::vector<Piece>> out(chosen->size());
  for (std::size_t r = 0; r < chosen->size(); ++r)
    for (const Piece* p : (*chosen)[r]) out[r].push_back(*p);
  return out;
}

}  // namespace ogi::tables
