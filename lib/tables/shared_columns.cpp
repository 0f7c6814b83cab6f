// SPDX-License-Identifier: Apache-2.0
// Columns a page's rows share (shared_columns.hpp): grouping a page's values by position, and
// reading the rows those groups tie together, one way of naming the groups' columns at a time.
#include "tables/shared_columns.hpp"

#include <algorithm>
#include <numeric>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

// One column either way (positions are in half columns): a one-digit and a two-digit value
// centred in one cell stand half a column apart.
constexpr std::int32_t kTolerance = 2;
// The ways one page's groups may be given columns: C(7, 3) = 35 for table 3. A page with more
// is not read this way (each way is one search of the placement step).
constexpr std::size_t kMostWays = 64;
// The searches a table's pages may take in all: where the first ways already read nothing alike,
// the rest seldom do (a body whose every row prints `3 3` in one column, any of six), and each
// search costs as much as the placement step.
constexpr std::size_t kMostSearches = 40;

/// The values of a page's tied rows grouped by position on one axis: per value (in `spots`
/// order), its group, groups numbered left to right; empty where the axis does not group them —
/// a group wider than the tolerance, a row with two values in one group or out of order, more
/// groups than cells, or no group of two values.
std::vector<std::int32_t> groups_on_axis(const std::vector<const ValueSpot*>& spots, const std::vector<std::size_t>& row_end,
                                         int axis, std::size_t cells) {
  std::vector<std::size_t> order(spots.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return spots[a]->x[axis] < spots[b]->x[axis]; });
  std::vector<std::int32_t> group(spots.size(), -1);
  std::int32_t g = -1, lo = 0, last = 0;
  for (std::size_t i : order) {
    const std::int32_t x = spots[i]->x[axis];
    if (g < 0 || x - last > kTolerance) {
      ++g;
      lo = x;
    } else if (x - lo > kTolerance) {
      return {};  // positions drift across the page: no grid
    }
    last = x;
    group[i] = g;
  }
  const auto groups = static_cast<std::size_t>(g + 1);
  if (groups > cells || groups >= spots.size()) return {};
  for (std::size_t r = 0, begin = 0; r < row_end.size(); begin = row_end[r++])
    for (std::size_t i = begin + 1; i < row_end[r]; ++i)
      if (group[i] <= group[i - 1]) return {};
  return group;
}

/// Every way to give `groups` groups, left to right, columns among `cells` in increasing order:
/// the order-keeping placements of the groups' indices into the cells (columns.hpp).
std::vector<Placement> ways_to_name(std::size_t groups, std::size_t cells) {
  std::vector<std::uint32_t> ids(groups);
  std::iota(ids.begin(), ids.end(), 0u);
  return all_placements(ids, cells);
}

bool same_cell(const PlacedCell& a, const PlacedCell& b, const Candidate& cand, const ExactValues& value) {
  if (a.kind != b.kind) return false;
  if (a.kind != PlacedCell::printed || a.token == b.token) return true;
  auto number = [&](std::int32_t t) { return cand.tokens[static_cast<std::size_t>(t)].kind == TokenKind::number; };
  return number(a.token) && number(b.token) && value(a.token) == value(b.token);
}

/// Can every identity over a row in `rows` still hold in the reading? One it reads in full must
/// hold; one with cells left out, each a count (never below 0), must not already be past what
/// they can make up: parts read that exceed their total read (a way of naming the page's
/// positions that puts a value in a column whose total is smaller is not the page's). Where the
/// table prints a negative number (a change), a cell left out may be one too: no bound then.
bool identities_hold(const Layout& layout, const Placement_result& res, const std::vector<bool>& rows,
                     const Candidate& cand, const ExactValues& value) {
  const bool counts_only = std::none_of(cand.tokens.begin(), cand.tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::number && t.value && t.value->units < 0;
  });
  for (const LinearIdentity& id : layout.identities) {
    bool touches = false, open_up = false, open_down = false;
    Wide sum = 0;
    for (const Term& t : id.terms) {
      const auto r = static_cast<std::size_t>(t.row);
      touches |= rows[r];
      const PlacedCell& c = res.cells[r][static_cast<std::size_t>(t.cell)];
      if (c.kind == PlacedCell::absent || res.total_unprinted[r]) {
        (t.sign > 0 ? open_up : open_down) = true;
        continue;
      }
      sum += t.sign * (c.kind == PlacedCell::printed ? value(c.token) : Wide{0});
    }
    if (!touches || (open_up && open_down) || ((open_up || open_down) && !counts_only)) continue;
    if (!open_up && !open_down ? sum != 0 : open_up ? sum > 0 : sum < 0) return false;
  }
  return true;
}

}  // namespace

SharedColumns find_shared_columns(const std::vector<std::vector<ValueSpot>>& rows, std::size_t tokens, std::size_t cells) {
  SharedColumns out;
  out.tied_to.assign(rows.size(), -1);
  std::uint32_t pages = 0;
  for (const auto& row : rows)
    for (const ValueSpot& s : row) pages = std::max(pages, s.page + 1);
  std::int32_t next_group = 0;
  for (std::uint32_t page = 0; page < pages; ++page) {
    // the rows whose values all stand on this page, each where a grid may say
    std::vector<std::size_t> members;
    std::vector<const ValueSpot*> spots;
    std::vector<std::size_t> row_end;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.empty() || row.size() > cells ||
          !std::all_of(row.begin(), row.end(), [&](const ValueSpot& s) { return s.on_grid && s.page == page; }))
        continue;
      members.push_back(r);
      for (const ValueSpot& s : row) spots.push_back(&s);
      row_end.push_back(spots.size());
    }
    if (members.size() < 2) continue;
    // A unit (characters, display columns) groups the values where its left edges, centres and
    // right edges all group them alike: a value a column or two off its column's others (as
    // pdftotext -layout sets some) then fails one of them. Both units, where both group, alike.
    std::vector<std::int32_t> group;
    bool agree = true;
    for (int unit = 0; unit < 2 && agree; ++unit) {
      std::vector<std::int32_t> g = groups_on_axis(spots, row_end, 3 * unit, cells);
      for (int edge = 1; edge < 3 && !g.empty(); ++edge)
        if (groups_on_axis(spots, row_end, 3 * unit + edge, cells) != g) g.clear();
      if (g.empty()) continue;
      if (group.empty()) group = std::move(g);
      else agree = g == group;
    }
    if (!agree || group.empty()) continue;
    const std::int32_t groups = *std::max_element(group.begin(), group.end()) + 1;
    if (ways_to_name(static_cast<std::size_t>(groups), cells).size() > kMostWays) continue;
    if (out.group_of.empty()) out.group_of.assign(tokens, -1);
    for (std::size_t i = 0; i < spots.size(); ++i) out.group_of[spots[i]->token] = next_group + group[i];
    std::vector<std::int32_t>& ids = out.page_groups.emplace_back(static_cast<std::size_t>(groups));
    std::iota(ids.begin(), ids.end(), next_group);
    next_group += groups;
    out.groups = static_cast<std::size_t>(next_group);
    for (std::size_t r : members) out.tied_to[r] = static_cast<std::int32_t>(out.page_groups.size() - 1);
  }
  return out;
}

std::vector<bool> settle_by_shared_columns(const Candidate& cand, const Layout& layout, const SharedColumns& shared,
                                           const std::vector<RowOptions>& options,
                                           const std::vector<bool>& total_may_be_unprinted, Placement_result& placed) {
  const std::size_t R = layout.rows.size();
  std::vector<bool> gained(R, false);
  // only where the search itself was whole and clean: the ways narrow its readings
  if (!shared.any() || placed.budget_exhausted || placed.past_budget_narrowed || placed.identities_set_aside > 0)
    return gained;
  const auto ambiguous = placed.ambiguous.all();
  if (std::find(ambiguous.begin(), ambiguous.end(), true) == ambiguous.end()) return gained;  // nothing left out
  const ExactValues value(cand);
  std::vector<RowOptions> base = options;
  std::vector<std::int32_t> column_of_group(shared.groups, -1);
  // does placement p put each of its values in the column its group is given?
  auto conforms = [&](const Placement& p) {
    for (std::size_t c = 0; c < p.size(); ++c) {
      if (p[c] < 0) continue;
      const auto t = static_cast<std::size_t>(p[c]);
      if (t >= shared.group_of.size() || shared.group_of[t] < 0 ||
          column_of_group[static_cast<std::size_t>(shared.group_of[t])] != static_cast<std::int32_t>(c))
        return false;
    }
    return true;
  };
  std::size_t searches = 0;
  for (std::size_t page = 0; page < shared.page_groups.size(); ++page) {
    const std::vector<std::int32_t>& groups = shared.page_groups[page];
    // the rows this page ties (a row that cannot be placed stays out of every reading)
    std::vector<bool> rows(R, false);
    for (std::size_t r = 0; r < R; ++r)
      rows[r] = shared.tied_to[r] == static_cast<std::int32_t>(page) && !base[r].placements.empty();
    // A way is told from the others only by the identities over the rows it ties: where one of
    // them takes in a row not read at all, any way may hold (a grouping a column or two off,
    // which pdftotext -layout makes, then has no true way, and a false one passes).
    if (std::any_of(layout.identities.begin(), layout.identities.end(), [&](const LinearIdentity& id) {
          bool touches = false, lost = false;
          for (const Term& t : id.terms) {
            const auto r = static_cast<std::size_t>(t.row);
            touches |= rows[r];
            lost |= base[r].placements.empty();
          }
          return touches && lost;
        }))
      continue;
    std::optional<Placement_result> agreed;
    bool whole = true;
    std::vector<std::vector<bool>> differs(R);
    std::vector<std::vector<bool>> kept(R);  // per tied row: its placements some way kept
    for (std::size_t r = 0; r < R; ++r) {
      differs[r].assign(layout.rows[r].cells.size(), false);
      kept[r].assign(base[r].placements.size(), false);
    }
    for (const Placement& way : ways_to_name(groups.size(), layout.rows.front().cells.size())) {
      for (std::size_t c = 0; c < way.size(); ++c)
        if (way[c] >= 0) column_of_group[static_cast<std::size_t>(groups[static_cast<std::size_t>(way[c])])] = static_cast<std::int32_t>(c);
      std::vector<RowOptions> narrowed = base;
      bool possible = true;
      for (std::size_t r = 0; r < R && possible; ++r) {
        if (!rows[r]) continue;
        auto& ps = narrowed[r].placements;
        ps.erase(std::remove_if(ps.begin(), ps.end(), [&](const Placement& p) { return !conforms(p); }), ps.end());
        possible = !ps.empty();
      }
      if (!possible) continue;
      if (searches++ == kMostSearches) return gained;
      Placement_result res = place(cand, layout, narrowed, total_may_be_unprinted);
      // a way not searched to its end may hold readings the others lack: the page is not read
      whole = !res.budget_exhausted && !res.past_budget_narrowed;
      if (!whole) break;
      if (res.identities_set_aside > 0 || !identities_hold(layout, res, rows, cand, value)) continue;
      for (std::size_t r = 0; r < R; ++r)
        if (rows[r])
          for (std::size_t k = 0; k < base[r].placements.size(); ++k) kept[r][k] = kept[r][k] || conforms(base[r].placements[k]);
      if (!agreed) {
        agreed = std::move(res);
        continue;
      }
      for (std::size_t r = 0; r < R; ++r)
        for (std::size_t c = 0; c < differs[r].size(); ++c)
          differs[r][c] = differs[r][c] || !same_cell(agreed->cells[r][c], res.cells[r][c], cand, value);
    }
    if (!agreed || !whole) continue;  // no way holds, or one is undecided: the grid's word is not taken
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < differs[r].size(); ++c) {
        if (!placed.ambiguous[r][c] || differs[r][c] || agreed->cells[r][c].kind == PlacedCell::absent) continue;
        placed.cells[r][c] = agreed->cells[r][c];
        placed.ambiguous[r][c] = false;
        gained[r] = true;
      }
      // the next page's ways start from what this page's ways kept (the true reading is among them)
      if (!rows[r]) continue;
      std::vector<Placement> still;
      for (std::size_t k = 0; k < base[r].placements.size(); ++k)
        if (kept[r][k]) still.push_back(std::move(base[r].placements[k]));
      base[r].placements = std::move(still);
    }
  }
  return gained;
}

}  // namespace ogi::tables
