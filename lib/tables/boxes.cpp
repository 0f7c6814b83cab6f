// SPDX-License-Identifier: Apache-2.0
// Text-box readings of a whole table (boxes.hpp).
#include "tables/boxes.hpp"

#include <algorithm>
#include <bit>
#include <set>
#include <utility>

#include "tables/exact.hpp"
#include "tables/kept.hpp"
#include "tables/stream.hpp"

namespace ogi::tables {
namespace {


// Real tables take a few thousand steps; past the budget (rows of zeros fit many ways) nothing
// is trusted.
constexpr std::size_t kStepBudget = 100000;
constexpr std::size_t kMaxReadings = 64;

using Grid = std::vector<std::vector<std::int32_t>>;  // [row][cell]: token, or -1

/// What both readings share: the table's values in document order, its identities, and the
/// readings found.
class Reader {
 public:
  // every search step asks for values and row totals: taken once
  Reader(const Candidate& cand, const Layout& layout) : cand_(cand), layout_(layout), value_of_(cand, /*tabled=*/true) {
    row_totals_.resize(layout.rows.size());
    for (const LinearIdentity& id : layout.identities)
      if (id.one_row) row_totals_[static_cast<std::size_t>(id.terms.front().row)].push_back(&id);
  }

  /// The values of the table in document order: numbers, and blanks written as such.
  std::vector<std::int32_t> values() const {
    std::vector<std::int32_t> v;
    for (std::uint32_t i = 0; i < cand_.tokens.size(); ++i) {
      const Token& t = cand_.tokens[i];
      if (t.printed_cell()) v.push_back(static_cast<std::int32_t>(i));
    }
    return v;
  }

  Wide value(std::int32_t t) const { return value_of_(t); }
  /// What a cell holds, as a word for a search state or a reading's key: a printed 0 and a
  /// blank are other cells, though both count 0 (-1: no token).
  Wide word(std::int32_t t) const {
    return t < 0 ? -1 : value(t) * 2 + (cand_.tokens[static_cast<std::size_t>(t)].kind == TokenKind::blank);
  }
  bool holds(const LinearIdentity& id, const Grid& g) const {
    Wide sum = 0;
    for (const Term& t : id.terms) sum += t.sign * value(g[static_cast<std::size_t>(t.row)][static_cast<std::size_t>(t.cell)]);
    return sum == 0;
  }
  bool row_holds(const Grid& g, std::size_t r) const {
    return std::all_of(row_totals_[r].begin(), row_totals_[r].end(), [&](const LinearIdentity* id) { return holds(*id, g); });
  }
  bool all_hold(const Grid& g) const {
    return std::all_of(layout_.identities.begin(), layout_.identities.end(), [&](const LinearIdentity& id) { return holds(id, g); });
  }
  /// Keeps a passing reading (distinct by values).
  void found(const Grid& g) {
    std::vector<Wide> key;
    for (const auto& row : g)
      for (std::int32_t t : row) key.push_back(word(t));
    if (seen_values_.insert(key).second) readings_.push_back(g);
    if (readings_.size() > kMaxReadings) too_many_ = true;
  }
  /// The readings as per-row options, or nullopt when there is none (or too many).
  std::optional<std::vector<RowOptions>> options(Evidence how) const {
    if (readings_.empty() || too_many_) return std::nullopt;
    std::vector<RowOptions> out(layout_.rows.size());
    for (std::size_t r = 0; r < out.size(); ++r) {
      std::set<Placement> distinct;
      for (const Grid& g : readings_) distinct.insert(Placement(g[r].begin(), g[r].end()));
      out[r].placements.assign(distinct.begin(), distinct.end());
      out[r].evidence = how;
    }
    return out;
  }

  const Candidate& cand_;
  const Layout& layout_;
  ExactValues value_of_;                                       // per token: its exact value
  std::vector<std::vector<const LinearIdentity*>> row_totals_;  // per row: its own identities
  std::vector<Grid> readings_;
  std::set<std::vector<Wide>> seen_values_;
  bool too_many_ = false;
};

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
  std::pair<std::uint64_t, std::uint64_t> done() const { return {a, b}; }
  static std::pair<std::uint64_t, std::uint64_t> of(std::uint64_t x, std::uint64_t y, std::uint64_t z) {
    Fingerprint f;
    f.add(x);
    f.add(y);
    f.add(z);
    return f.done();
  }
};
/// The fingerprints of a grid's cells, Fingerprint::of(row, column, value), with each cell's row and
/// column words added once, not once per value tried there: a search sets and clears cells
/// thousands of times.
class CellFingerprints {
 public:
  CellFingerprints(std::size_t rows, std::size_t cols) : cols_(cols), at_(rows * cols) {
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < cols; ++c) {
        at_[r * cols + c].add(r);
        at_[r * cols + c].add(c);
      }
  }
  std::pair<std::uint64_t, std::uint64_t> of(std::size_t r, std::size_t c, std::uint64_t value) const {
    Fingerprint f = at_[r * cols_ + c];
    f.add(value);
    return f.done();
  }

 private:
  std::size_t cols_;
  std::vector<Fingerprint> at_;
};

/// The states a search has seen, by fingerprint: open addressing in one array (a node-based set
/// allocated once per state, a third of the search's time on a pdfminer dump), cleared in O(1)
/// (a slot counts only with the current generation) and kept on the thread between searches
/// (kept.hpp).
class SeenStates {
 public:
  void clear() {
    size_ = 0;
    if (++generation_ == 0) {  // (wrapped: slots of generation 0 would count)
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  /// True where `f` was not seen before (and is now).
  bool insert(std::pair<std::uint64_t, std::uint64_t> f) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    if (!place(f)) return false;
    ++size_;
    return true;
  }
  std::size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t a = 0, b = 0;
    std::uint32_t generation = 0;
  };
  bool place(std::pair<std::uint64_t, std::uint64_t> f) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(f.first) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = {f.first, f.second, generation_};
        return true;
      }
      if (s.a == f.first && s.b == f.second) return false;
    }
  }
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, 2 * slots_.size()));
    old.swap(slots_);
    const std::uint32_t was = generation_;
    generation_ = 1;
    for (const Slot& s : old)
      if (s.generation == was) place({s.a, s.b});
  }
  std::vector<Slot> slots_;  // a power of two, at most half full of the current generation
  std::size_t size_ = 0;
  std::uint32_t generation_ = 1;
};

/// A SeenStates kept on the thread for one search, and given back after it.
class KeptSeenStates {
 public:
  KeptSeenStates() : seen_(KeptOnThread<SeenStates>::take()) { seen_.clear(); }
  ~KeptSeenStates() { KeptOnThread<SeenStates>::give(std::move(seen_), seen_.bytes()); }
  KeptSeenStates(const KeptSeenStates&) = delete;
  KeptSeenStates& operator=(const KeptSeenStates&) = delete;
  bool insert(std::pair<std::uint64_t, std::uint64_t> f) { return seen_.insert(f); }

 private:
  SeenStates seen_;
};

/// The layout's rows all have this many cells (table 3), else 0.
std::size_t uniform_width(const Layout& l) {
  if (l.rows.empty() || l.single_row) return 0;
  std::size_t n = l.rows[0].cells.size();
  for (const PrintedRow& r : l.rows)
    if (r.cells.size() != n) return 0;
  return n;
}

/// The cell each row's own total stands in (Layout::total_cell), where it is the same for every
/// row and sums all the row's other cells (table 3); else -1.
int whole_row_total(const Layout& l, std::size_t ncols) {
  const int total = l.total_cell.empty() ? -1 : l.total_cell.front();
  if (total < 0 || std::any_of(l.total_cell.begin(), l.total_cell.end(), [&](int c) { return c != total; })) return -1;
  for (const LinearIdentity& id : l.identities)
    if (id.one_row && id.terms.size() != ncols) return -1;
  return total;
}

/// A band's boxes in the columns: per cell, its box.
using Way = std::vector<std::uint8_t>;
constexpr std::size_t kMaxWays = 24;

/// The ways the boxes of rows [a, a + h) can stand in the columns and keep every row's total —
/// box k is `values` [a·n + k·h, a·n + (k + 1)·h) — or nullopt where there are more than kMaxWays
/// (the band is left unread: its columns would be the identities' alone to tell). The total's box
/// is the one equal to half the boxes' sum; the others may stand in any column, and of boxes that
/// hold the same cells (a 0 is not a blank) only one order counts.
std::optional<std::vector<Way>> band_ways(const Reader& reader, const std::vector<std::int32_t>& values,
                                          std::size_t a, std::size_t h, std::size_t ncols, int total) {
  const std::size_t off = a * ncols;
  auto token = [&](std::size_t box, std::size_t i) { return values[off + box * h + i]; };
  auto same_cells = [&](std::size_t j, std::size_t k) {
    for (std::size_t i = 0; i < h; ++i)
      if (reader.word(token(j, i)) != reader.word(token(k, i))) return false;
    return true;
  };
  std::vector<int> kind(ncols);  // boxes holding the same cells share a kind: the first such box
  for (std::size_t k = 0; k < ncols; ++k) {
    kind[k] = static_cast<int>(k);
    for (std::size_t j = 0; j < k && kind[k] == static_cast<int>(k); ++j)
      if (same_cells(j, k)) kind[k] = kind[j];
  }
  auto half_of_sum = [&](std::size_t t) {
    for (std::size_t i = 0; i < h; ++i) {
      Wide sum = 0;
      for (std::size_t k = 0; k < ncols; ++k) sum += reader.value(token(k, i));
      if (sum != 2 * reader.value(token(t, i))) return false;
    }
    return true;
  };
  std::vector<Way> ways;
  for (std::size_t t = 0; t < ncols; ++t) {
    if (kind[t] != static_cast<int>(t) || !half_of_sum(t)) continue;  // one box of each kind as the total
    std::vector<int> rest;  // the other boxes' kinds, in every distinct order
    for (std::size_t k = 0; k < ncols; ++k)
      if (k != t) rest.push_back(kind[k]);
    std::sort(rest.begin(), rest.end());
    do {
      if (ways.size() == kMaxWays) return std::nullopt;
      Way w(ncols);
      std::vector<bool> used(ncols, false);
      used[t] = true;
      w[static_cast<std::size_t>(total)] = static_cast<std::uint8_t>(t);
      for (std::size_t c = 0, r = 0; c < ncols; ++c) {
        if (static_cast<int>(c) == total) continue;
        std::size_t k = 0;
        while (used[k] || kind[k] != rest[r]) ++k;  // the first unused box of the kind
        used[k] = true;
        w[c] = static_cast<std::uint8_t>(k);
        ++r;
      }
      ways.push_back(std::move(w));
    } while (std::next_permutation(rest.begin(), rest.end()));
  }
  return ways;
}

}  // namespace

std::optional<std::vector<RowOptions>> read_column_bands(const Candidate& cand, const Layout& layout) {
  const std::size_t ncols = uniform_width(layout), nrows = layout.rows.size();
  if (ncols < 2 || ncols > 8 || nrows < 2) return std::nullopt;
  const int total = whole_row_total(layout, ncols);
  if (total < 0) return std::nullopt;
  Reader reader(cand, layout);
  const std::vector<std::int32_t> values = reader.values();
  if (values.size() != nrows * ncols) return std::nullopt;
  // a column's box prints one cell per line
  for (std::size_t i = 1; i < values.size(); ++i)
    if (cand.line_of[static_cast<std::size_t>(values[i])] == cand.line_of[static_cast<std::size_t>(values[i - 1])])
      return std::nullopt;

  // per band [a, a + h): its ways, found once (both passes below ask)
  struct Band {
    bool asked = false;
    std::optional<std::vector<Way>> ways;
  };
  std::vector<Band> bands(nrows * (nrows + 1));
  auto ways_of = [&](std::size_t a, std::size_t h) -> const std::optional<std::vector<Way>>& {
    Band& b = bands[a * (nrows + 1) + h];
    if (!b.asked) {
      b.asked = true;
      b.ways = band_ways(reader, values, a, h, ncols, total);
    }
    return b.ways;
  };
  auto usable = [&](std::size_t a, std::size_t h) {
    const auto& w = ways_of(a, h);
    return w && !w->empty();
  };
  // The fewest bands that tile the rows: pdfminer cuts a column where its cells stand apart, and
  // a reading with more cuts than the text needs is no reading of it. Bands have two rows or more
  // (a row alone in a band is its cells in any order: nothing would tell them apart).
  constexpr int kNone = 1 << 20;
  std::vector<int> fewest(nrows + 1, kNone);
  fewest[nrows] = 0;
  for (std::size_t a = nrows - 1; a-- > 0;)
    for (std::size_t h = 2; a + h <= nrows; ++h)
      if (fewest[a + h] < kNone && fewest[a + h] + 1 < fewest[a] && usable(a, h)) fewest[a] = fewest[a + h] + 1;
  if (fewest[0] >= kNone) return std::nullopt;

  Grid grid(nrows, std::vector<std::int32_t>(ncols, -1));
  std::size_t steps = 0;
  auto run = [&](auto&& self, std::size_t a) -> void {
    if (reader.too_many_ || ++steps > kStepBudget) return;
    if (a == nrows) {
      if (reader.all_hold(grid)) reader.found(grid);
      return;
    }
    for (std::size_t h = 2; a + h <= nrows; ++h) {
      if (fewest[a + h] + 1 != fewest[a] || !usable(a, h)) continue;
      for (const Way& w : *ways_of(a, h)) {
        for (std::size_t i = 0; i < h; ++i)
          for (std::size_t c = 0; c < ncols; ++c) grid[a + i][c] = values[a * ncols + w[c] * h + i];
        self(self, a + h);
      }
    }
  };
  run(run, 0);
  if (steps > kStepBudget) return std::nullopt;
  return reader.options(Evidence::text_boxes);
}

std::optional<std::vector<RowOptions>> read_text_boxes(const Candidate& cand, const Layout& layout) {
  const std::size_t ncols = uniform_width(layout), nrows = layout.rows.size();
  if (ncols == 0 || ncols > 30 || layout.identities.empty()) return std::nullopt;
  Reader reader(cand, layout);
  std::vector<std::int32_t> values = reader.values();
  if (values.size() != nrows * ncols) return std::nullopt;
  struct Box { std::size_t first = 0, size = 0; };  // into `values`
  std::vector<Box> boxes;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || cand.line_of[static_cast<std::size_t>(values[i])] != cand.line_of[static_cast<std::size_t>(values[i - 1])])
      boxes.push_back({i, 0});
    if (++boxes.back().size > ncols) return std::nullopt;
  }
  // Where nearly every value stands alone, the boxes say nothing about bands: any order of the
  // columns' flows would fit. That is not this layout.
  if (boxes.size() * 4 > values.size() * 3) return std::nullopt;

  Grid grid(nrows, std::vector<std::int32_t>(ncols, -1));
  std::vector<std::size_t> fill(nrows, 0);
  std::uint32_t cuts = 0;  // bit c: a box may start or end at column c
  std::size_t steps = 0;
  KeptSeenStates seen;
  const CellFingerprints cells(nrows, ncols);
  std::pair<std::uint64_t, std::uint64_t> placed{0, 0};  // XOR of the placed cells' fingerprints
  std::vector<std::size_t> rows_at_fill(ncols + 1, 0);  // how many rows hold f cells
  rows_at_fill[0] = nrows;
  auto value_word = [&](std::int32_t t) { return static_cast<std::uint64_t>(reader.value(t)); };
  auto run = [&](auto&& self, std::size_t bi) -> void {
    if (reader.too_many_ || steps >= kStepBudget) return;
    ++steps;
    if (bi == boxes.size()) {
      if (reader.all_hold(grid)) reader.found(grid);
      return;
    }
    auto at = Fingerprint::of(bi, cuts, 0);
    if (!seen.insert({placed.first ^ at.first, placed.second ^ at.second})) return;
    const Box& b = boxes[bi];
    // No row reaches further than the one above: the rows that hold f cells stand together, and
    // only the first of them can take a box (the others' row above reaches no further). So the
    // rows tried are the first of each such stretch, top down — a handful, not every row.
    for (std::size_t f = ncols + 1, first = 0; f-- > 0;) {
      if (rows_at_fill[f] == 0) continue;
      const std::size_t r = first;
      first += rows_at_fill[f];
      // the box extends row r, within the table, no further than the row above reaches
      if (f + b.size > ncols || (r > 0 && fill[r - 1] < f + b.size)) continue;
      if (!(cuts >> f & 1u) || !(cuts >> (f + b.size) & 1u)) continue;  // across a band
      auto toggle = [&] {
        for (std::size_t i = 0; i < b.size; ++i) {
          auto h = cells.of(r, f + i, value_word(values[b.first + i]));
          placed.first ^= h.first;
          placed.second ^= h.second;
        }
      };
      for (std::size_t i = 0; i < b.size; ++i) grid[r][f + i] = values[b.first + i];
      toggle();
      fill[r] = f + b.size;
      --rows_at_fill[f];
      ++rows_at_fill[f + b.size];
      if (fill[r] < ncols || reader.row_holds(grid, r)) self(self, bi + 1);
      --rows_at_fill[f + b.size];
      ++rows_at_fill[f];
      fill[r] = f;
      toggle();
      for (std::size_t i = 0; i < b.size; ++i) grid[r][f + i] = -1;
    }
  };
  // The rows are cut into the same bands of columns (a text box never crosses a band's edge):
  // the fewest bands that give a reading are the reading.
  for (int inner = 0; inner < static_cast<int>(ncols) && reader.readings_.empty() && !reader.too_many_; ++inner)
    for (std::uint32_t m = 0; m < (1u << (ncols - 1)) && steps < kStepBudget; ++m) {
      if (std::popcount(m) != inner) continue;
      cuts = 1u | (m << 1) | (1u << ncols);
      run(run, 0);
    }
  if (steps >= kStepBudget) return std::nullopt;
  return reader.options(Evidence::text_boxes);
}

std::optional<std::vector<RowOptions>> read_first_cells_beside_labels(const Candidate& cand, const Layout& layout,
                                                                       BesideOrder order) {
  const std::size_t ncols = uniform_width(layout), nrows = layout.rows.size();
  if (ncols == 0 || layout.identities.empty()) return std::nullopt;
  Reader reader(cand, layout);
  std::vector<std::int32_t> values = reader.values();
  const std::size_t n = values.size();
  if (n != nrows * ncols || n < 2) return std::nullopt;
  auto line = [&](std::size_t i) { return cand.line_of[static_cast<std::size_t>(values[i])]; };
  std::vector<bool> on_text_line(n);
  for (std::size_t i = 0; i < n; ++i) on_text_line[i] = line_has_text(cand, line(i));
  // Two values are in one flow when only empty lines stand between them.
  auto together = [&](std::size_t a, std::size_t b) {
    if (line(a) == line(b)) return true;
    return line(b) == line(a) + 1 && !on_text_line[a] && !on_text_line[b];
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
    // (a label's line may hold the start of its row's flow: `2、其他法律… / / /`, the rest below)
    if (on_text_line[i] && i > 0 && line(i - 1) == line(i)) kind[i] = Kind::flow;
    else if (on_text_line[i] || (!with_prev && !with_next)) kind[i] = Kind::beside;
    else if (!with_prev) kind[i] = Kind::either;
    any_beside |= kind[i] != Kind::flow;
  }
  if (!any_beside) return std::nullopt;  // nothing beside the labels: value order's case
  std::vector<std::size_t> may_be_beside;  // the values the labels' cursor may take
  for (std::size_t i = 0; i < n; ++i)
    if (kind[i] != Kind::flow) may_be_beside.push_back(i);

  // Two cursors walk the values: the flow's and the one beside the labels. Each value is taken by
  // exactly one; an `either` value is decided by the first cursor to reach it.
  // (by_label marks a value left to the labels' cursor; in any order, taken marks one it took)
  enum Cursor : char { open = 0, in_flow = 1, by_label = 2, by_label_taken = 3 };
  std::vector<char> mark(n, open);
  auto owner = [&](std::size_t i) -> char {
    if (mark[i] != open) return mark[i];
    return kind[i] == Kind::flow ? in_flow : kind[i] == Kind::beside ? by_label : open;
  };
  Grid grid(nrows, std::vector<std::int32_t>(ncols, -1));
  std::size_t steps = 0;
  // Rows of zeros fit many ways, and many paths reach one state with the same rows above: a
  // state seen before is not explored again — its readings were already found.
  KeptSeenStates seen;
  const CellFingerprints cells(nrows, ncols);
  // The rows above a state, as the XOR of their cells' fingerprints, kept as cells are set: a
  // cell is set to token t and cleared again by the same call (XOR undoes itself).
  std::pair<std::uint64_t, std::uint64_t> rows_above{0, 0};
  auto toggle_cell = [&](std::size_t r, std::size_t c, std::int32_t t) {
    const auto h = cells.of(r, c, static_cast<std::uint64_t>(reader.value(t)));
    rows_above.first ^= h.first;
    rows_above.second ^= h.second;
    grid[r][c] = grid[r][c] >= 0 ? -1 : t;
  };
  auto state_key = [&](std::size_t r, std::size_t fi, std::size_t bi) {
    Fingerprint f;
    f.add(r);
    f.add(fi);
    f.add(bi);
    // (in any order, only the values the labels' cursor may take are undecided behind the flow's)
    if (order == BesideOrder::any) {
      for (std::size_t i : may_be_beside)
        if (mark[i] != open) f.add(i * 4 + static_cast<std::uint64_t>(mark[i]));
    } else {
      for (std::size_t i = std::min(fi, bi); i < n; ++i)
        if (mark[i] != open) f.add(i * 4 + static_cast<std::uint64_t>(mark[i]));
    }
    f.add(~1ull);
    f.add(rows_above.first);
    f.add(rows_above.second);
    return f.done();
  };
  // `first_later`: the row's first cell is to be taken beside the labels, in any order, once its
  // other cells are read from the flow — the row's own total then names the value it must be.
  auto run = [&](auto&& self, std::size_t r, std::size_t c, std::size_t fi, std::size_t bi, std::size_t taken,
                 bool first_later) -> void {
    if (reader.too_many_ || ++steps > kStepBudget) return;
    if (r == nrows) {
      if (taken == n && reader.all_hold(grid)) reader.found(grid);
      return;
    }
    if (c == ncols) {
      if (!first_later) {
        if (reader.row_holds(grid, r)) self(self, r + 1, 0, fi, bi, taken, false);
        return;
      }
      // Any value beside the labels not yet taken, the first of each value only (two equal
      // values give the same reading), that keeps the row's total.
      std::vector<Wide> tried;
      for (std::size_t i : may_be_beside) {
        const char o = owner(i);
        if (o == in_flow || o == by_label_taken) continue;
        const Wide w = reader.word(values[i]);
        if (std::find(tried.begin(), tried.end(), w) != tried.end()) continue;
        tried.push_back(w);
        const char before = mark[i];
        mark[i] = by_label_taken;
        toggle_cell(r, 0, values[i]);
        if (reader.row_holds(grid, r)) self(self, r + 1, 0, fi, bi, taken + 1, false);
        toggle_cell(r, 0, values[i]);
        mark[i] = before;
      }
      return;
    }
    if (c == 0 && !seen.insert(state_key(r, fi, bi))) return;
    auto take = [&](char mine) {
      char other = mine == in_flow ? by_label : in_flow;
      std::vector<std::size_t> left;  // `either` values left to the other cursor on the way
      for (std::size_t i = mine == in_flow ? fi : bi; i < n; ++i) {
        char o = owner(i);
        if (o == other || o == by_label_taken) continue;
        char before = mark[i];
        mark[i] = mine;
        toggle_cell(r, c, values[i]);
        self(self, r, c + 1, mine == in_flow ? i + 1 : fi, mine == in_flow ? bi : i + 1, taken + 1, first_later);
        toggle_cell(r, c, values[i]);
        mark[i] = before;
        if (o == mine || i < (mine == in_flow ? bi : fi)) break;  // decided, or the other cursor is past it
        mark[i] = other;
        left.push_back(i);
      }
      for (std::size_t i : left) mark[i] = open;
    };
    take(in_flow);
    if (c == 0) {  // the row's first cell beside its label
      if (order == BesideOrder::labels_in_order) take(by_label);
      else self(self, r, 1, fi, bi, taken, true);
    }
  };
  run(run, 0, 0, 0, 0, 0, false);
  if (steps > kStepBudget) return std::nullopt;
  // (states are remembered by the values above them: a printed 0 and a blank count alike)
  return reader.options(unless_zeros_and_blanks(cand, Evidence::text_boxes));
}

}  // namespace ogi::tables
