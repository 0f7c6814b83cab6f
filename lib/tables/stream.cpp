// SPDX-License-Identifier: Apache-2.0
// The whole-table reading in value order (stream.hpp). Every block of consecutive rows consumes
// rows × cells values, so a parse is a cut of the rows into blocks and an order per block; which
// blocks can be part of a complete parse is found forward and backward, each block checked by the
// rows' own totals as it is read. The rows' readings are then options for the placement step,
// whose identities across rows (new + carried over = handled + carried forward, 总计 = the
// outcome rows) pick among them.
#include "tables/stream.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {


/// How a block prints its cells: row by row, column by column, or column by column with its last
/// column (总计) before the one ahead of it (pdfminer reads a page's 总计 header first).
enum class Order { rows, columns, columns_total_first };

}  // namespace

std::optional<std::vector<RowOptions>> read_in_value_order(const Candidate& cand, const Layout& layout) {
  if (layout.single_row || layout.identities.empty() || layout.rows.empty()) return std::nullopt;
  const std::size_t R = layout.rows.size(), n = layout.rows[0].cells.size();
  for (const PrintedRow& r : layout.rows)
    if (r.cells.size() != n) return std::nullopt;
  std::vector<std::uint32_t> stream;
  for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
    const Token& t = cand.tokens[i];
    if (t.kind == TokenKind::number || (t.kind == TokenKind::blank && (t.written || t.spaces_line))) stream.push_back(i);
  }
  if (stream.size() != R * n) return std::nullopt;
  const ExactValues value(cand);
  // A row's own identities (its total) hold for placement p? (True where it has none.)
  auto row_holds = [&](std::size_t r, const Placement& p) { return own_identities_hold(layout, r, p, value).value_or(true); };
  // The rows of block [i, i + k) in an order, or empty when a row's total breaks.
  auto block = [&](std::size_t i, std::size_t k, Order order) {
    std::vector<Placement> rows;
    if (k == 0 || k > R || n == 0) return rows;
    rows.reserve(k);
    for (std::size_t r = 0; r < k; ++r) rows.emplace_back(n, -1);
    const std::uint32_t* v = stream.data() + i * n;
    for (std::size_t r = 0; r < k; ++r)
      for (std::size_t c = 0; c < n; ++c) {
        std::size_t at;
        if (order == Order::rows) {
          at = r * n + c;
        } else {
          std::size_t printed = c;  // which printed column holds template column c
          if (order == Order::columns_total_first && n >= 2) printed = c == n - 1 ? n - 2 : c == n - 2 ? n - 1 : c;
          at = printed * k + r;
        }
        rows[r][c] = static_cast<std::int32_t>(v[at]);
      }
    for (std::size_t r = 0; r < k; ++r)
      if (!row_holds(i + r, rows[r])) return std::vector<Placement>{};
    return rows;
  };
  constexpr Order orders[] = {Order::rows, Order::columns, Order::columns_total_first};
  // ok[i][k][o]: block [i, i + k) reads in order o; forward (rows before i parse) and backward.
  std::vector<std::vector<std::array<bool, 3>>> ok(R, std::vector<std::array<bool, 3>>(R + 1, {false, false, false}));
  for (std::size_t i = 0; i < R; ++i)
    for (std::size_t k = 1; i + k <= R; ++k)
      for (int o = 0; o < 3; ++o) {
        if (k == 1 && o > 0) continue;  // one row reads the same in every order
        ok[i][k][static_cast<std::size_t>(o)] = !block(i, k, orders[o]).empty();
      }
  std::vector<bool> reach(R + 1, false), complete(R + 1, false);
  reach[0] = true;
  for (std::size_t i = 0; i < R; ++i)
    if (reach[i])
      for (std::size_t k = 1; i + k <= R; ++k)
        if (ok[i][k][0] || ok[i][k][1] || ok[i][k][2]) reach[i + k] = true;
  complete[R] = true;
  for (std::size_t i = R; i-- > 0;)
    for (std::size_t k = 1; i + k <= R && !complete[i]; ++k)
      if (complete[i + k] && (ok[i][k][0] || ok[i][k][1] || ok[i][k][2])) complete[i] = true;
  if (!complete[0]) return std::nullopt;
  // Each row's distinct readings over every block that is part of a complete parse.
  std::vector<std::set<Placement>> seen(R);
  for (std::size_t i = 0; i < R; ++i) {
    if (!reach[i]) continue;
    for (std::size_t k = 1; i + k <= R; ++k) {
      if (!complete[i + k]) continue;
      for (int o = 0; o < 3; ++o) {
        if (!ok[i][k][static_cast<std::size_t>(o)]) continue;
        auto rows = block(i, k, orders[o]);
        for (std::size_t r = 0; r < k; ++r) seen[i + r].insert(rows[r]);
      }
    }
  }
  std::vector<RowOptions> out(R);
  for (std::size_t r = 0; r < R; ++r) {
    out[r].placements.assign(seen[r].begin(), seen[r].end());
    out[r].evidence = Evidence::value_order;
    if (out[r].placements.empty()) return std::nullopt;
  }
  return out;
}

}  // namespace ogi::tables
