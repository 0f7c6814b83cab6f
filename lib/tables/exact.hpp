// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — a candidate's numbers as exact integers at one scale: what every reader that
// checks an identity sums (rows, placement, the whole-table readers), and a row's own total.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

__extension__ typedef __int128 Wide;

/// Each number of a candidate as an integer at the candidate's largest scale (0.5 and 12 read as
/// 5 and 120): sums are exact and far from overflow (a value has at most 18 digits).
class ExactValues {
 public:
  /// `tabled`: each value worked out once, for a reader that asks thousands of times (table 4's
  /// 6,435 placements of a row, each summed by its totals); else as asked.
  explicit ExactValues(const Candidate& cand, bool tabled = false) : cand_(&cand) {
    for (const Token& t : cand.tokens)
      if (t.kind == TokenKind::number && t.value) scale_ = std::max<int>(scale_, t.value->scale);
    if (!tabled) return;
    values_.resize(cand.tokens.size());
    for (std::size_t i = 0; i < cand.tokens.size(); ++i) values_[i] = worked_out(cand.tokens[i]);
  }
  /// The value of token `t`; 0 for a blank cell, text, or no token (-1).
  [[gnu::always_inline]] Wide operator()(std::int32_t t) const {
    if (t < 0) return 0;
    const auto i = static_cast<std::size_t>(t);
    return values_.empty() ? worked_out(cand_->tokens[i]) : values_[i];
  }
  /// An integer count (a figure the prose states) at the same scale.
  Wide integer(std::int64_t n) const {
    Wide v = n;
    for (int i = 0; i < scale_; ++i) v *= 10;
    return v;
  }

 private:
  [[gnu::always_inline]] Wide worked_out(const Token& tok) const {
    if (tok.kind != TokenKind::number || !tok.value) return 0;
    Wide v = tok.value->units;
    for (int i = tok.value->scale; i < scale_; ++i) v *= 10;
    return v;
  }
  const Candidate* cand_;
  std::vector<Wide> values_;  // per token, where tabled
  int scale_ = 0;
};

/// How many identities within printed row `row` (its total) there are, and how many break with
/// `cells` (a token per cell, -1 for a blank one).
struct OwnIdentities {
  int count = 0, broken = 0;
};
inline OwnIdentities own_identities(const Layout& l, std::size_t row, std::span<const std::int32_t> cells,
                                    const ExactValues& value) {
  OwnIdentities out;
  for (int k : l.row_identities[row]) {
    const LinearIdentity& id = l.identities[static_cast<std::size_t>(k)];
    Wide sum = 0;
    for (const Term& t : id.terms) sum += t.sign * value(cells[static_cast<std::size_t>(t.cell)]);
    ++out.count;
    out.broken += sum != 0;
  }
  return out;
}

/// Do row identities `ids` all hold over a row's cell values (`cell[c]`, 0 for a blank)? Asked
/// thousands of times by the whole-table readers, on a stack array rather than a placement.
inline bool row_identities_hold(const std::vector<const LinearIdentity*>& ids, const Wide* cell) {
  for (const LinearIdentity* id : ids) {
    Wide sum = 0;
    for (const Term& t : id->terms) sum += t.sign * cell[static_cast<std::size_t>(t.cell)];
    if (sum != 0) return false;
  }
  return true;
}

/// Do they all hold? nullopt where the row has none: nothing checks it.
inline std::optional<bool> own_identities_hold(const Layout& l, std::size_t row, std::span<const std::int32_t> cells,
                                               const ExactValues& value) {
  const OwnIdentities o = own_identities(l, row, cells, value);
  if (o.count == 0) return std::nullopt;
  return o.broken == 0;
}

}  // namespace ogi::tables
