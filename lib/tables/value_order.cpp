#include "tables/value_order.hpp"

#include <algorithm>

namespace ogi::tables {
namespace {

struct Group {
  std::size_t first = 0, size = 0;  // into the document-ordered values
};

/// A block of the reading: `rows` rows from group `group` on, column by column or row by row.
struct Block {
  std::size_t group = 0, groups = 0, row = 0, rows = 0;
  bool column_major = false;
};

constexpr std::size_t kMaxReadings = 16;

/// Every way the groups parse into blocks covering exactly `nrows` rows (at most kMaxReadings).
void parse(const std::vector<Group>& groups, std::size_t ncols, std::size_t nrows, std::size_t gi, std::size_t row,
           std::vector<Block>& so_far, std::vector<std::vector<Block>>& out) {
  if (out.size() >= kMaxReadings) return;
  if (gi == groups.size()) {
    if (row == nrows) out.push_back(so_far);
    return;
  }
  std::size_t k = groups[gi].size;
  // ncols groups of k values: k rows given column by column (k = 1: one row, a value per line)
  if (gi + ncols <= groups.size() && row + k <= nrows &&
      std::all_of(groups.begin() + static_cast<long>(gi), groups.begin() + static_cast<long>(gi + ncols),
                  [&](const Group& g) { return g.size == k; })) {
    so_far.push_back({gi, ncols, row, k, true});
    parse(groups, ncols, nrows, gi + ncols, row + k, so_far, out);
    so_far.pop_back();
  }
  // one group of m × ncols values: m rows given row by row
  if (k % ncols == 0 && row + k / ncols <= nrows) {
    so_far.push_back({gi, 1, row, k / ncols, false});
    parse(groups, ncols, nrows, gi + 1, row + k / ncols, so_far, out);
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
  std::vector<Group> groups;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i]->line > values[i - 1]->line + 1) groups.push_back({i, 0});
    ++groups.back().size;
  }
  std::vector<std::vector<Block>> readings;
  std::vector<Block> so_far;
  parse(groups, ncols, row_keys.size(), 0, 0, so_far, readings);

  std::optional<std::vector<std::vector<const Piece*>>> chosen;
  for (const auto& blocks : readings) {
    std::vector<std::vector<const Piece*>> grid(row_keys.size(), std::vector<const Piece*>(ncols));
    std::vector<std::size_t> block_of_group(groups.size(), SIZE_MAX);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const Block& bl = blocks[b];
      block_of_group[bl.group] = b;
      for (std::size_t r = 0; r < bl.rows; ++r)
        for (std::size_t c = 0; c < ncols; ++c)
          grid[bl.row + r][c] = bl.column_major ? values[groups[bl.group + c].first + r]
                                                : values[groups[bl.group].first + r * ncols + c];
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
    if (!labels_agree || !identities_hold(grid)) continue;
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
