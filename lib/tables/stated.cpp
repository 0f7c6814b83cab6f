// SPDX-License-Identifier: Apache-2.0
// Placement options narrowed by the prose's stated figures (stated.hpp).
#include "tables/stated.hpp"

#include <algorithm>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

/// The printed row holding every cell of `def`, and those cells' indices; -1 when they are not
/// all in one printed row.
int row_of_cells(const Layout& l, const templates::StatedFigureDef& def, std::vector<std::size_t>& cells) {
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    cells.clear();
    for (const templates::CellRef& want : def.cells) {
      auto it = std::find(l.rows[r].cells.begin(), l.rows[r].cells.end(), want);
      if (it == l.rows[r].cells.end()) break;
      cells.push_back(static_cast<std::size_t>(it - l.rows[r].cells.begin()));
    }
    if (cells.size() == def.cells.size()) return static_cast<int>(r);
  }
  return -1;
}

}  // namespace

std::vector<std::vector<int>> narrow_by_stated(const Candidate& cand, const Layout& layout,
                                               std::vector<RowOptions>& options,
                                               const std::vector<templates::StatedFigure>& stated) {
  std::vector<std::vector<int>> by(layout.rows.size());
  // (each value worked out once where some row is read thousands of ways: table 4's 6,435)
  const bool many = std::any_of(options.begin(), options.end(), [](const RowOptions& o) { return o.placements.size() > 64; });
  const ExactValues value(cand, many);
  const auto& defs = templates::stated_figures();
  // Each figure over one printed row's cells, by row.
  struct Wanted {
    int figure;
    std::vector<std::size_t> cells;
    Wide count;
  };
  std::vector<std::vector<Wanted>> per_row(layout.rows.size());
  std::vector<std::size_t> cells;
  for (std::size_t f = 0; f < stated.size(); ++f) {
    const templates::StatedFigureDef& def = defs[static_cast<std::size_t>(stated[f].def)];
    if (def.table != layout.table) continue;
    if (int r = row_of_cells(layout, def, cells); r >= 0)
      per_row[static_cast<std::size_t>(r)].push_back({static_cast<int>(f), cells, value.integer(stated[f].count)});
  }
  for (std::size_t r = 0; r < layout.rows.size(); ++r) {
    RowOptions& o = options[r];
    // more values than cells: choosing which to leave out by a figure would repair the document
    if (per_row[r].empty() || o.evidence == Evidence::extra || o.placements.size() < 2) continue;
    // Of the placements that keep the row's own total, those that agree with every figure stated
    // over the row: they decide only where some do and some do not (the total alone rules the
    // rest out), and where the figures contradict each other or the values, nothing is decided.
    auto holds = [&](const Placement& p) { return own_identities_hold(layout, r, p, value) != false; };
    auto agrees = [&](const Placement& p, const Wanted& w) {
      Wide sum = 0;
      for (std::size_t c : w.cells) sum += value(p[c]);
      return sum == w.count;
    };
    std::vector<Placement> kept;
    std::size_t base = 0;
    std::vector<bool> decides(per_row[r].size(), false);  // a figure some placement disagrees with
    for (Placement& p : o.placements) {
      if (!holds(p)) continue;
      ++base;
      bool all = true;
      for (std::size_t w = 0; w < per_row[r].size(); ++w) {
        bool a = agrees(p, per_row[r][w]);
        decides[w] = decides[w] || !a;
        all = all && a;
      }
      if (all) kept.push_back(p);
    }
    if (kept.empty() || kept.size() == base) continue;
    o.placements = std::move(kept);
    for (std::size_t w = 0; w < per_row[r].size(); ++w)
      if (decides[w]) by[r].push_back(per_row[r][w].figure);
  }
  return by;
}

}  // namespace ogi::tables
