// SPDX-License-Identifier: Apache-2.0
#include "tables/text_boxes.hpp"

#include <algorithm>
#include <bit>
#include <unordered_set>
#include <utility>

namespace ogi::tables {
namespace {

// Real tables take a few thousand steps; past the budget (rows of zeros fit many ways) nothing
// is trusted.
constexpr std::size_t kStepBudget = 100000;

/// Every value of the table region, in document order (blank markers are no cells here).
std::vector<const Piece*> values_in_order(const RowScan& scan) {
  std::vector<const Piece*> values;
  for (const Piece& p : scan.orphans) values.push_back(&p);
  for (const RowValues& r : scan.rows)
    for (const Piece& p : r.values) values.push_back(&p);
  std::sort(values.begin(), values.end(), [](const Piece* a, const Piece* b) { return a->begin < b->begin; });
  values.erase(std::remove_if(values.begin(), values.end(), [](const Piece* p) { return p->kind == PieceKind::blank; }),
               values.end());
  return values;
}

/// Keeps the first grid; marks `ambiguous` when another differs from it in any value.
void agree(std::optional<std::vector<std::vector<const Piece*>>>& chosen, const std::vector<std::vector<const Piece*>>& grid,
           bool& ambiguous) {
  if (!chosen) { chosen = grid; return; }
  for (std::size_t r = 0; r < grid.size(); ++r)
    for (std::size_t c = 0; c < grid[r].size(); ++c)
      if (grid[r][c]->value != (*chosen)[r][c]->value) ambiguous = true;
}

std::vector<std::vector<Piece>> copied(const std::vector<std::vector<const Piece*>>& grid) {
  std::vector<std::vector<Piece>> out(grid.size());
  for (std::size_t r = 0; r < grid.size(); ++r)
    for (const Piece* p : grid[r]) out[r].push_back(*p);
  return out;
}

/// A 128-bit fingerprint of a search state: two independent 64-bit mixes of the same words. Two
/// states that share one are the same state (a collision needs ~2^64 states; the budget allows 2^17).
struct Fingerprint {
  std::uint64_t a = 0x9e3779b97f4a7c15ull, b = 0xc2b2ae3d27d4eb4full;
  void add(std::uint64_t w) {
    auto mix = [](std::uint64_t x) {
      x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ull; x ^= x >> 27; x *= 0x94d049bb133111ebull; return x ^ (x >> 31);
    };
    a = mix(a ^ w) + 0x632be59bd9b4e019ull;
    b = mix(b + w * 0x9e3779b97f4a7c15ull) ^ 0x85ebca6b0c5d4f3full;
  }
  void add(const Piece* p) {
    if (!p || !p->value) return add(~0ull);
    add(static_cast<std::uint64_t>(p->value->units));
    add(p->value->scale);
  }
  std::pair<std::uint64_t, std::uint64_t> done() const { return {a, b}; }
  static std::pair<std::uint64_t, std::uint64_t> of(std::uint64_t x, std::uint64_t y, std::uint64_t z) {
    Fingerprint f;
    f.add(x);
    f.add(y);
    f.add(z);
    return f.done();
  }
};

struct FingerprintHash {
  std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& f) const { return f.first; }
};
using SeenStates = std::unordered_set<std::pair<std::uint64_t, std::uint64_t>, FingerprintHash>;

/// A value as one word for fingerprints (blank and numbers of any scale apart).
std::uint64_t value_word(const Piece* p) {
  if (!p || !p->value) return ~0ull;
  return static_cast<std::uint64_t>(p->value->units) * 32 + p->value->scale;
}

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
  std::optional<std::vector<std::vector<const Piece*>>> chosen = std::nullopt;
  bool ambiguous = false;
  std::size_t steps = 0;
  // Rows of zeros can be filled many ways that leave the same cells: a state (the next box, the
  // band cuts, how far each row is filled and with what values) seen before is not searched again.
  SeenStates seen = {};
  std::pair<std::uint64_t, std::uint64_t> placed{0, 0};  // XOR of the placed cells' fingerprints

  void run(std::size_t bi) {
    if (ambiguous || steps >= kStepBudget) return;
    ++steps;
    if (bi == boxes.size()) {
      if (identities_hold(grid)) agree(chosen, grid, ambiguous);
      return;
    }
    // The cells placed so far are fingerprinted incrementally (`placed`); with the box and cuts
    // that is the state.
    auto at = Fingerprint::of(bi, cuts, 0);
    if (!seen.insert({placed.first ^ at.first, placed.second ^ at.second}).second) return;
    const Box& b = boxes[bi];
    for (std::size_t r = 0; r < nrows; ++r) {
      // the box extends row r, within the table, no further than the row above reaches
      if (fill[r] + b.size > ncols || (r > 0 && fill[r - 1] < fill[r] + b.size)) continue;
      if (!(cuts >> fill[r] & 1u) || !(cuts >> (fill[r] + b.size) & 1u)) continue;  // across a band
      auto toggle = [&] {
        for (std::size_t i = 0; i < b.size; ++i) {
          auto h = Fingerprint::of(r, fill[r] + i, value_word(values[b.first + i]));
          placed.first ^= h.first;
          placed.second ^= h.second;
        }
      };
      for (std::size_t i = 0; i < b.size; ++i) grid[r][fill[r] + i] = values[b.first + i];
      toggle();
      fill[r] += b.size;
      if (fill[r] < ncols || row_total_holds(grid[r])) run(bi + 1);
      fill[r] -= b.size;
      toggle();
      if (fill[r] == 0) break;  // the rows below are empty too: nothing can go there
    }
  }
};

}  // namespace

std::optional<std::vector<std::vector<Piece>>> read_first_cells_beside_labels(const text::NormalizedText& nt,
                                                                              const RowScan& scan,
                                                                              const std::vector<int>& row_keys,
                                                                              std::size_t ncols,
                                                                              const GridCheck& identities_hold) {
  std::vector<const Piece*> values = values_in_order(scan);
  if (values.size() != row_keys.size() * ncols || values.size() < 2) return std::nullopt;
  const std::size_t n = values.size();
  // Whether each value's line also holds text (a label): its line cut once.
  std::vector<bool> on_text_line(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && values[i]->line == values[i - 1]->line) {
      on_text_line[i] = on_text_line[i - 1];
      continue;
    }
    SplitLine sl = split_line(nt, values[i]->line);
    on_text_line[i] = std::any_of(sl.pieces.begin(), sl.pieces.end(), [](const Piece& p) { return p.kind == PieceKind::text; });
  }
  // Two values are in one flow when only empty lines stand between them.
  auto together = [&](std::size_t a, std::size_t b) {
    if (values[a]->line == values[b]->line) return true;
    for (std::uint32_t l = values[a]->line + 1; l < values[b]->line; ++l)
      if (nt.lines[l].begin != nt.lines[l].end && !nt.lines[l].dropped) return false;
    return !on_text_line[a] && !on_text_line[b];
  };
  // A value on a label's line, or alone between label lines, is beside the labels; a value inside
  // a run of values is in the flow; the first value of a run right after a label's line may be
  // either (a cell alone under the page's last label, then the next page's flow).
  enum class Kind : char { flow, beside, either };
  std::vector<Kind> kind(n, Kind::flow);
  bool any_beside = false;
  for (std::size_t i = 0; i < n; ++i) {
    bool with_prev = i > 0 && together(i - 1, i);
    bool with_next = i + 1 < n && together(i, i + 1);
    if (on_text_line[i] || (!with_prev && !with_next)) kind[i] = Kind::beside;
    else if (!with_prev) kind[i] = Kind::either;
    any_beside |= kind[i] != Kind::flow;
  }
  if (!any_beside) return std::nullopt;  // nothing beside the labels: value order's case

  // Two cursors walk the values: the flow's and the one beside the labels. Each value is taken by
  // exactly one; an `either` value is decided by the first cursor to reach it (taken, or left to
  // the other cursor).
  enum Mark : char { open = 0, in_flow = 1, by_label = 2 };
  std::vector<char> mark(n, open);
  auto owner = [&](std::size_t i) -> char {
    if (mark[i] != open) return mark[i];
    return kind[i] == Kind::flow ? in_flow : kind[i] == Kind::beside ? by_label : open;
  };
  const std::size_t nrows = row_keys.size();
  std::vector<std::vector<const Piece*>> grid(nrows, std::vector<const Piece*>(ncols, nullptr));
  std::optional<std::vector<std::vector<const Piece*>>> chosen;
  bool ambiguous = false;
  std::size_t steps = 0;
  // Rows of zeros fit many ways, and many paths reach one state with the same rows above: what
  // follows a row's start depends only on the row, the cursors, the decisions already made about
  // values ahead of them, and (for the identities) the values of the rows above. A state seen
  // before is not explored again — its readings were already compared.
  SeenStates seen;
  auto state_key = [&](std::size_t r, std::size_t fi, std::size_t bi) {
    Fingerprint f;
    f.add(r);
    f.add(fi);
    f.add(bi);
    for (std::size_t i = std::min(fi, bi); i < n; ++i)
      if (mark[i] != open) f.add(i * 4 + static_cast<std::uint64_t>(mark[i]));
    f.add(~1ull);
    for (std::size_t row = 0; row < r; ++row)
      for (const Piece* p : grid[row]) f.add(p);
    return f.done();
  };
  // Cell (r, c) next; `fi`/`bi`: where the cursors stand; `taken`: values used so far.
  auto run = [&](auto&& self, std::size_t r, std::size_t c, std::size_t fi, std::size_t bi, std::size_t taken) -> void {
    if (ambiguous || ++steps > kStepBudget) return;
    if (r == nrows) {
      if (taken == n && identities_hold(grid)) agree(chosen, grid, ambiguous);
      return;
    }
    if (c == ncols) {
      if (row_total_holds(grid[r])) self(self, r + 1, 0, fi, bi, taken);
      return;
    }
    if (c == 0 && !seen.insert(state_key(r, fi, bi)).second) return;
    auto take = [&](char mine) {
      char other = mine == in_flow ? by_label : in_flow;
      std::vector<std::size_t> left;  // `either` values left to the other cursor on the way
      for (std::size_t i = mine == in_flow ? fi : bi; i < n; ++i) {
        char o = owner(i);
        if (o == other) continue;
        char before = mark[i];
        mark[i] = mine;
        grid[r][c] = values[i];
        self(self, r, c + 1, mine == in_flow ? i + 1 : fi, mine == in_flow ? bi : i + 1, taken + 1);
        mark[i] = before;
        if (o == mine || i < (mine == in_flow ? bi : fi)) break;  // decided, or the other cursor is past it
        mark[i] = other;
        left.push_back(i);
      }
      for (std::size_t i : left) mark[i] = open;
    };
    take(in_flow);
    if (c == 0) take(by_label);  // the row's first cell beside its label
  };
  run(run, 0, 0, 0, 0, 0);
  if (ambiguous || steps > kStepBudget || !chosen) return std::nullopt;
  return copied(*chosen);
}

std::optional<std::vector<std::vector<Piece>>> read_text_boxes(const RowScan& scan, const std::vector<int>& row_keys,
                                                               std::size_t ncols, const GridCheck& identities_hold) {
  // A line of only spaces is no box; this layout shows no blank marker (a blank cell is an empty
  // box, i.e. nothing), so the count must be every cell.
  std::vector<const Piece*> values = values_in_order(scan);
  if (values.size() != row_keys.size() * ncols || values.empty()) return std::nullopt;
  std::vector<Box> boxes;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i]->line != values[i - 1]->line) boxes.push_back({i, 0});
    ++boxes.back().size;
    if (boxes.back().size > ncols) return std::nullopt;
  }
  // Where nearly every value stands alone, the boxes say nothing about bands: any order of the
  // columns' flows would fit. That is not this layout.
  if (boxes.size() * 4 > values.size() * 3) return std::nullopt;
  Search s{.values = values, .boxes = boxes, .nrows = row_keys.size(), .ncols = ncols, .identities_hold = identities_hold,
           .fill = std::vector<std::size_t>(row_keys.size(), 0),
           .grid = std::vector<std::vector<const Piece*>>(row_keys.size(), std::vector<const Piece*>(ncols, nullptr))};
  // The rows are cut into the same bands of columns (a text box never crosses a band's edge):
  // the fewest bands that give a reading are the reading.
  for (int inner = 0; inner < static_cast<int>(ncols) && !s.chosen && !s.ambiguous; ++inner)
    for (std::uint32_t m = 0; m < (1u << (ncols - 1)) && !s.ambiguous && s.steps < kStepBudget; ++m) {
      if (std::popcount(m) != inner) continue;
      s.cuts = 1u | (m << 1) | (1u << ncols);
      s.run(0);
    }
  if (s.ambiguous || s.steps >= kStepBudget || !s.chosen) return std::nullopt;
  return copied(*s.chosen);
}

}  // namespace ogi::tables
