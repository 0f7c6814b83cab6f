// SPDX-License-Identifier: Apache-2.0
#include "tables/identity_fit.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

namespace ogi::tables {
namespace {

__extension__ typedef __int128 Wide;  // sums of thousands of int64 values never overflow it

// Real tables need a few thousand steps; a table of zero rows can need millions (every zero fits
// every column). Past the budget nothing is trusted.
constexpr std::size_t kStepBudget = 400000;

struct Search {
  const std::vector<FitRow>& rows;
  const std::vector<FitIdentity>& identities;
  std::vector<bool> active;                  // identities that must hold in this run
  std::vector<std::size_t> order;            // rows in search order
  std::vector<std::vector<Wide>> lo, hi;     // [depth][identity]: what the rows from depth on can still add
  std::vector<Wide> partial;                 // [identity]: what the rows placed so far add
  std::vector<std::uint32_t> chosen;         // [row]: index of the class placed
  // [row][class]: placements that differ only in where the row's zeros go — the identities cannot
  // tell them apart, so they are searched once and all of them recorded as used.
  std::vector<std::vector<std::vector<std::uint32_t>>> classes;
  std::vector<std::vector<std::uint32_t>> used;
  std::vector<std::vector<std::pair<std::size_t, const FitTerm*>>> terms_of;  // [row]: (identity, term)
  std::size_t steps = 0;
  std::size_t readings = 0;

  Search(const std::vector<FitRow>& fit_rows, const std::vector<FitIdentity>& ids) : rows(fit_rows), identities(ids) {
    classes.resize(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;  // (non-zero columns, mask)
      for (std::uint32_t m : rows[r].masks) {
        std::uint32_t nonzero = 0;
        for (std::size_t c = 0; c < 32; ++c)
          if ((m >> c & 1u) && placed_value(rows[r], m, c) != 0) nonzero |= 1u << c;
        keyed.emplace_back(nonzero, m);
      }
      std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i == 0 || keyed[i].first != keyed[i - 1].first) classes[r].emplace_back();
        classes[r].back().push_back(keyed[i].second);
      }
    }
    order.resize(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Rows that are fixed first, then the rows in most identities (a total row sets the targets),
    // then the fewest placements, the largest values (they prune most) first.
    std::vector<std::size_t> mentions(rows.size(), 0);
    for (const FitIdentity& id : identities)
      for (const FitTerm& t : id) ++mentions[t.row];
    auto biggest = [&](std::size_t row) {
      const auto& v = rows[row].values;
      return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      bool fa = classes[a].size() == 1, fb = classes[b].size() == 1;
      if (fa != fb) return fa;
      if (mentions[a] != mentions[b]) return mentions[a] > mentions[b];
      if (classes[a].size() != classes[b].size()) return classes[a].size() < classes[b].size();
      return biggest(a) > biggest(b);
    });
    std::vector<std::size_t> depth_of(rows.size());
    for (std::size_t d = 0; d < order.size(); ++d) depth_of[order[d]] = d;
    lo.assign(rows.size() + 1, std::vector<Wide>(identities.size(), 0));
    hi = lo;
    for (std::size_t e = 0; e < identities.size(); ++e)
      for (const FitTerm& t : identities[e]) {
        Wide most = static_cast<Wide>(t.coef) * biggest(t.row);
        for (std::size_t d = 0; d <= depth_of[t.row]; ++d) {
          lo[d][e] += std::min<Wide>(0, most);
          hi[d][e] += std::max<Wide>(0, most);
        }
      }
    terms_of.resize(rows.size());
    for (std::size_t e = 0; e < identities.size(); ++e)
      for (const FitTerm& t : identities[e]) terms_of[t.row].emplace_back(e, &t);
    partial.assign(identities.size(), 0);
    chosen.assign(rows.size(), 0);
    used.assign(rows.size(), {});
  }

  void add(std::size_t row, std::uint32_t mask, int sign) {
    for (auto [e, t] : terms_of[row]) partial[e] += static_cast<Wide>(sign) * t->coef * placed_value(rows[row], mask, t->col);
  }

  bool feasible(std::size_t depth) const {
    for (std::size_t e = 0; e < identities.size(); ++e)
      if (active[e] && (partial[e] + lo[depth][e] > 0 || partial[e] + hi[depth][e] < 0)) return false;
    return true;
  }

  void run(std::size_t depth) {
    if (steps >= kStepBudget) return;
    ++steps;
    if (depth == order.size()) {
      ++readings;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        auto& u = used[r];
        for (std::uint32_t m : classes[r][chosen[r]])
          if (std::find(u.begin(), u.end(), m) == u.end()) u.push_back(m);
      }
      return;
    }
    std::size_t row = order[depth];
    for (std::size_t g = 0; g < classes[row].size(); ++g) {
      std::uint32_t mask = classes[row][g].front();
      add(row, mask, +1);
      chosen[row] = static_cast<std::uint32_t>(g);
      if (feasible(depth + 1)) run(depth + 1);
      add(row, mask, -1);
    }
  }
};

}  // namespace

std::int64_t placed_value(const FitRow& row, std::uint32_t mask, std::size_t col) {
  if (!(mask >> col & 1u)) return 0;
  auto index = static_cast<std::size_t>(std::popcount(mask & ((1u << col) - 1u)));
  return row.values[index];
}

std::vector<std::uint32_t> all_placements(std::size_t k, std::size_t ncols) {
  std::vector<std::uint32_t> out;
  if (ncols > 20 || k > ncols) return out;
  for (std::uint32_t m = 0; m < (1u << ncols); ++m)
    if (static_cast<std::size_t>(std::popcount(m)) == k) out.push_back(m);
  return out;
}

std::optional<FitResult> fit_by_identities(const std::vector<FitRow>& rows, const std::vector<FitIdentity>& identities) {
  for (const FitRow& r : rows) {
    if (r.masks.empty()) return std::nullopt;
    for (std::int64_t v : r.values)
      if (v < 0) return std::nullopt;  // the bounds assume counts
  }
  // One budget for all runs: the steps count on across them.
  Search s(rows, identities);
  auto attempt = [&](std::optional<std::size_t> dropped) -> std::optional<std::size_t> {
    s.active.assign(identities.size(), true);
    if (dropped) s.active[*dropped] = false;
    s.readings = 0;
    std::fill(s.partial.begin(), s.partial.end(), 0);
    if (s.feasible(0)) s.run(0);
    if (s.steps >= kStepBudget) return std::nullopt;
    return s.readings;
  };
  FitResult result;
  auto all = attempt(std::nullopt);
  if (!all) return std::nullopt;
  if (*all > 0) {
    result.used = std::move(s.used);
    return result;
  }
  std::size_t runs_with_readings = 0;
  for (std::size_t e = 0; e < identities.size(); ++e) {
    auto found = attempt(e);
    if (!found) return std::nullopt;
    if (*found > 0) {
      ++runs_with_readings;
      result.set_aside = e;
    }
  }
  if (runs_with_readings == 0) return std::nullopt;
  if (runs_with_readings > 1) result.set_aside.reset();  // several ways to break one: none is named
  result.used = std::move(s.used);
  return result;
}

}  // namespace ogi::tables
