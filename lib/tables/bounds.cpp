// SPDX-License-Identifier: Apache-2.0
// Placement options narrowed by the bounds of identities the table cannot evaluate whole (bounds.hpp).
#include "tables/bounds.hpp"

#include <algorithm>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

/// A row whose cells count for nothing certain: not read, read with more values than cells
/// (never by the identities), or a blank row the identities have yet to confirm.
bool row_unknown(const RowOptions& o) {
  return o.placements.empty() || o.evidence == Evidence::extra || o.evidence == Evidence::all_blank;
}

/// Rows to take as not read: row_unknown, or read only in ways that break the row's own total
/// (its values are not the row's as printed: the search leaves it out, and a bound it meets
/// would prove nothing).
std::vector<char> rows_unknown(const Layout& l, const std::vector<RowOptions>& options, const ExactValues& value) {
  std::vector<char> out(options.size());
  for (std::size_t r = 0; r < options.size(); ++r)
    out[r] = row_unknown(options[r]) || std::none_of(options[r].placements.begin(), options[r].placements.end(),
                                                     [&](const Placement& p) { return own_identities_hold(l, r, p, value) != false; });
  return out;
}

/// Does term `t` stand for a count every placement of its row reads — not an unreadable number,
/// nor a total cell left blank in a table that may leave its totals unprinted?
bool term_known(const Candidate& cand, const Layout& l, const std::vector<RowOptions>& options, const std::vector<char>& unknown,
                const std::vector<bool>& total_may_be_unprinted, const Term& t) {
  const auto r = static_cast<std::size_t>(t.row);
  const RowOptions& o = options[r];
  if (unknown[r]) return false;
  const bool total_may_be_blank = r < total_may_be_unprinted.size() && total_may_be_unprinted[r] && t.cell == l.total_cell[r];
  for (const Placement& p : o.placements) {
    const std::int32_t k = p[static_cast<std::size_t>(t.cell)];
    const Token* tok = k >= 0 ? &cand.tokens[static_cast<std::size_t>(k)] : nullptr;
    if (tok && tok->unreadable) return false;
    if (total_may_be_blank && !(tok && tok->kind == TokenKind::number)) return false;
  }
  return true;
}

}  // namespace

std::vector<bool> narrow_by_bounds(const Candidate& cand, const Layout& layout, std::vector<RowOptions>& options,
                                   const std::vector<bool>& total_may_be_unprinted) {
  // (a change, 本年增/减, may be below 0; and where every row is read, the search evaluates every
  // identity whole)
  const bool totals_may_be_blank =
      std::find(total_may_be_unprinted.begin(), total_may_be_unprinted.end(), true) != total_may_be_unprinted.end();
  if (layout.table == TableKey::active_disclosure || (std::none_of(options.begin(), options.end(), row_unknown) && !totals_may_be_blank))
    return {};
  const ExactValues value(cand);
  const std::vector<char> unknown = rows_unknown(layout, options, value);
  // One bound: an identity whose terms not known all stand on one side (sign `side`); the known
  // ones, each times `side`, sum to at most 0 (the unknown counts make up the rest, and are at
  // least 0). Per row of its known terms, the least that row adds over its placements.
  struct Bound {
    const LinearIdentity* id;
    int side = 0;
    std::vector<char> known;  // per term
    std::vector<char> rows;   // per row of the layout: holds a known term
    std::vector<Wide> least;  // per row of the layout (0 for rows with no known term)
    Wide all_least = 0;
    Wide adds(std::size_t r, const Placement& p, const ExactValues& value) const {
      Wide c = 0;
      for (std::size_t i = 0; i < id->terms.size(); ++i)
        if (const Term& t = id->terms[i]; known[i] && static_cast<std::size_t>(t.row) == r)
          c += side * t.sign * value(p[static_cast<std::size_t>(t.cell)]);
      return c;
    }
  };
  std::vector<Bound> bounds;
  for (const LinearIdentity& id : layout.identities) {
    if (id.one_row) continue;
    Bound b{&id, 0, std::vector<char>(id.terms.size()), std::vector<char>(options.size()), {}, 0};
    bool one_side = true;
    for (std::size_t i = 0; i < id.terms.size(); ++i) {
      const Term& t = id.terms[i];
      if ((b.known[i] = term_known(cand, layout, options, unknown, total_may_be_unprinted, t))) {
        b.rows[static_cast<std::size_t>(t.row)] = true;
        continue;
      }
      if (b.side == 0) b.side = t.sign;
      one_side &= b.side == t.sign;
    }
    if (b.side != 0 && one_side) bounds.push_back(std::move(b));
  }
  if (bounds.empty()) return {};
  auto least_of = [&](const Bound& b, std::size_t r) {
    const auto& ps = options[r].placements;
    Wide m = b.adds(r, ps.front(), value);
    for (const Placement& p : ps) m = std::min(m, b.adds(r, p, value));
    return m;
  };
  std::vector<bool> narrowed;
  for (bool changed = true; changed;) {
    changed = false;
    for (Bound& b : bounds) {
      b.least.assign(options.size(), 0);
      b.all_least = 0;
      for (std::size_t r = 0; r < options.size(); ++r)
        if (b.rows[r]) b.all_least += b.least[r] = least_of(b, r);
    }
    // A row keeps the placements within every bound at once, the other rows at their least.
    for (std::size_t r = 0; r < options.size(); ++r) {
      auto& ps = options[r].placements;
      if (ps.size() < 2 || unknown[r]) continue;
      std::vector<Placement> kept;
      for (const Placement& p : ps)
        if (std::all_of(bounds.begin(), bounds.end(), [&](const Bound& b) {
              return !b.rows[r] || b.adds(r, p, value) + (b.all_least - b.least[r]) <= 0;
            }))
          kept.push_back(p);
      if (kept.empty() || kept.size() == ps.size()) continue;
      if (narrowed.empty()) narrowed.assign(layout.rows.size(), false);
      ps = std::move(kept);
      narrowed[r] = changed = true;
      for (Bound& b : bounds)
        if (b.rows[r]) {
          const Wide m = least_of(b, r);
          b.all_least += m - b.least[r];
          b.least[r] = m;
        }
    }
  }
  return narrowed;
}

}  // namespace ogi::tables
