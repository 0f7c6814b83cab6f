#include "tables/text_boxes.hpp"

#include <algorithm>
#include <bit>

namespace ogi::tables {
namespace {

// Real tables take a few thousand steps; past the budget (rows of zeros fit many ways) nothing
// is trusted.
constexpr std::size_t kStepBudget = 2000000;

struct Box {
  std::size_t first = 0, size = 0;  // into the document-ordered values
};

struct Search {
  const std::vector<const Piece*>& values;
  const std::vector<Box>& boxes;
  std::size_t nrows, ncols;
  const GridCheck& identities_hold;
  std::uint32_t cuts = 0;                          // bit c: a box may start or end at column c
  std::vector<std::size_t> fill;                   // [row]: cells placed so far
  std::vector<std::vector<const Piece*>> grid;     // [row][col]
  std::optional<std::vector<std::vector<const Piece*>>> chosen;
  bool ambiguous = false;
  std::size_t steps = 0;

  /// The row's 总计 is the sum of its other cells (a blank counts 0).
  bool row_adds_up(std::size_t r) const {
    std::int64_t sum = 0;
    for (std::size_t c = 0; c + 1 < ncols; ++c) {
      const Piece* p = grid[r][c];
      auto v = p->value ? p->value->as_integer() : std::optional<std::int64_t>(0);
      if (!v || __builtin_add_overflow(sum, *v, &sum)) return false;
    }
    const Piece* t = grid[r][ncols - 1];
    return (t->value ? t->value->as_integer() : std::optional<std::int64_t>(0)) == sum;
  }

  void run(std::size_t bi) {
    if (ambiguous || steps >= kStepBudget) return;
    ++steps;
    if (bi == boxes.size()) {
      if (!identities_hold(grid)) return;
      if (!chosen) { chosen = grid; return; }
      for (std::size_t r = 0; r < nrows; ++r)
        for (std::size_t c = 0; c < ncols; ++c)
          if (grid[r][c]->value != (*chosen)[r][c]->value) ambiguous = true;
      return;
    }
    const Box& b = boxes[bi];
    for (std::size_t r = 0; r < nrows; ++r) {
      // the box extends row r, within the table, no further than the row above reaches
      if (fill[r] + b.size > ncols || (r > 0 && fill[r - 1] < fill[r] + b.size)) continue;
      if (!(cuts >> fill[r] & 1u) || !(cuts >> (fill[r] + b.size) & 1u)) continue;  // across a band
      for (std::size_t i = 0; i < b.size; ++i) grid[r][fill[r] + i] = values[b.first + i];
      fill[r] += b.size;
      if (fill[r] < ncols || row_adds_up(r)) run(bi + 1);
      fill[r] -= b.size;
      if (fill[r] == 0) break;  // the rows below are empty too: nothing can go there
    }
  }
};

}  // namespace

std::optional<std::vector<std::vector<Piece>>> read_text_boxes(const RowScan& scan, const std::vector<int>& row_keys,
                                                               std::size_t ncols, const GridCheck& identities_hold) {
  std::vector<const Piece*> values;
  for (const Piece& p : scan.orphans) values.push_back(&p);
  for (const RowValues& r : scan.rows)
    for (const Piece& p : r.values) values.push_back(&p);
  std::sort(values.begin(), values.end(), [](const Piece* a, const Piece* b) { return a->begin < b->begin; });
  // A line of only spaces is no box; any other blank marker would be a cell, which this layout
  // does not show (its blank cells are empty boxes, i.e. nothing).
  values.erase(std::remove_if(values.begin(), values.end(), [](const Piece* p) { return p->kind == PieceKind::blank; }),
               values.end());
  if (values.size() != row_keys.size() * ncols || values.empty()) return std::nullopt;
  std::vector<Box> boxes;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i]->line != values[i - 1]->line) boxes.push_back({i, 0});
    ++boxes.back().size;
    if (boxes.back().size > ncols) return std::nullopt;
  }
  Search s{values, boxes, row_keys.size(), ncols, identities_hold, 0, std::vector<std::size_t>(row_keys.size(), 0),
           std::vector<std::vector<const Piece*>>(row_keys.size(), std::vector<const Piece*>(ncols, nullptr)),
           std::nullopt};
  // The rows are cut into the same bands of columns (a text box never crosses a band's edge):
  // the fewest bands that give a reading are the reading.
  for (int inner = 0; inner < static_cast<int>(ncols) && !s.chosen && !s.ambiguous; ++inner)
    for (std::uint32_t m = 0; m < (1u << (ncols - 1)) && !s.ambiguous && s.steps < kStepBudget; ++m) {
      if (std::popcount(m) != inner) continue;
      s.cuts = 1u | (m << 1) | (1u << ncols);
      s.run(0);
    }
  if (s.ambiguous || s.steps >= kStepBudget || !s.chosen) return std::nullopt;
  std::vector<std::vector<Piece>> out(s.chosen->size());
  for (std::size_t r = 0; r < s.chosen->size(); ++r)
    for (const Piece* p : (*s.chosen)[r]) out[r].push_back(*p);
  return out;
}

}  // namespace ogi::tables
