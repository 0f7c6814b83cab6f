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
#include <bit>
#include <set>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {


/// How a block prints its cells: row by row, column by column, column by column with its last
/// column (总计) before the one ahead of it (pdfminer reads a page's 总计 header first), or two
/// rows' cells merged, each row's in order (RowsMerged, stream.hpp).
enum class Order { rows, columns, columns_total_first, two_rows_merged };
constexpr Order kOrders[] = {Order::rows, Order::columns, Order::columns_total_first, Order::two_rows_merged};
constexpr std::size_t kOrderCount = std::size(kOrders);

}  // namespace

std::optional<std::vector<RowOptions>> options_of(const std::vector<std::set<Placement>>& seen, Evidence evidence) {
  std::vector<RowOptions> out(seen.size());
  for (std::size_t r = 0; r < seen.size(); ++r) {
    out[r].placements.assign(seen[r].begin(), seen[r].end());
    out[r].evidence = evidence;
    if (out[r].placements.empty()) return std::nullopt;
  }
  return out;
}

Evidence unless_zeros_and_blanks(const Candidate& cand, Evidence certain) {
  const ExactValues value(cand);
  bool zeros = false, blanks = false;
  for (std::size_t i = 0; i < cand.tokens.size() && !(zeros && blanks); ++i) {
    const Token& t = cand.tokens[i];
    blanks |= t.kind == TokenKind::blank && (t.written || t.spaces_line);
    zeros |= t.kind == TokenKind::number && value(static_cast<std::int32_t>(i)) == 0;
  }
  return zeros && blanks ? Evidence::value_order_sparse : certain;
}

std::optional<std::vector<RowOptions>> read_in_value_order(const Candidate& cand, const Layout& layout, RowsMerged merge) {
  if (layout.single_row || layout.identities.empty() || layout.rows.empty()) return std::nullopt;
  const std::size_t R = layout.rows.size(), n = layout.rows[0].cells.size();
  for (const PrintedRow& r : layout.rows)
    if (r.cells.size() != n) return std::nullopt;
  // What a cell prints: numbers, written blanks and, where the count then comes out, lines of
  // spaces (an office export's empty cell; pdfminer's lines of spaces stand anywhere).
  std::vector<std::uint32_t> stream;
  for (bool spaces_lines : {true, false}) {
    stream.clear();
    for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
      const Token& t = cand.tokens[i];
      if (t.kind == TokenKind::number || (t.kind == TokenKind::blank && (t.written || (spaces_lines && t.spaces_line))))
        stream.push_back(i);
    }
    if (stream.size() == R * n) break;
  }
  if (stream.size() != R * n) return std::nullopt;
  const ExactValues value(cand, /*tabled=*/true);
  // A row's own identities (its total) hold for placement p? (True where it has none.)
  auto row_holds = [&](std::size_t r, const Placement& p) { return own_identities_hold(layout, r, p, value).value_or(true); };
  // Row r keeps its total read from its own n values in the stream: a block read row by row
  // holds where each of its rows holds alone (R checks, not one per row of every block), and two
  // rows merge only where they do not both.
  auto alone = [&](std::size_t r) { return Placement(stream.begin() + static_cast<long>(r * n), stream.begin() + static_cast<long>((r + 1) * n)); };
  std::vector<bool> holds_alone(R);
  for (std::size_t r = 0; r < R; ++r) holds_alone[r] = row_holds(r, alone(r));
  // The readings of block [i, i + k) in an order that keep every row's total (at most one but
  // where two rows merge).
  auto block = [&](std::size_t i, std::size_t k, Order order) {
    std::vector<std::vector<Placement>> readings;
    if (k == 0 || k > R || n == 0) return readings;
    if (k == 1 && order != Order::rows) return readings;  // one row reads the same in every order
    if (order == Order::two_rows_merged && (merge == RowsMerged::no || k != 2 || 2 * n > 30)) return readings;
    const std::uint32_t* v = stream.data() + i * n;
    std::vector<Placement> rows(k, Placement(n, -1));
    if (order == Order::two_rows_merged) {
      // Two rows merge only where they do not read one after the other: else rows of zeros and
      // blanks, which merge every way, would give the search readings by the thousand.
      if (holds_alone[i] && holds_alone[i + 1]) return readings;
      // which of the 2n values are the first row's (n of them, each row's in order); the plain
      // row-by-row split is Order::rows'
      // (the first row's total is asked before the second row is read)
      for (std::uint32_t m = next_mask(first_mask(n)); m < (1u << (2 * n)); m = next_mask(m)) {
        std::size_t a = 0, b = 0;
        for (std::uint32_t bits = m; bits; bits &= bits - 1) rows[0][a++] = static_cast<std::int32_t>(v[std::countr_zero(bits)]);
        if (!row_holds(i, rows[0])) continue;
        for (std::size_t at = 0; at < 2 * n; ++at)
          if (!(m >> at & 1u)) rows[1][b++] = static_cast<std::int32_t>(v[at]);
        if (row_holds(i + 1, rows[1])) readings.push_back(rows);
      }
      return readings;
    }
    for (std::size_t r = 0; r < k; ++r) {
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
      if (!row_holds(i + r, rows[r])) return readings;  // (the rest of the block need not be read)
    }
    readings.push_back(rows);
    return readings;
  };
  // ok[i][k][o]: block [i, i + k) reads in order o; forward (rows before i parse) and backward.
  using Orders = std::array<bool, kOrderCount>;
  std::vector<std::vector<Orders>> ok(R, std::vector<Orders>(R + 1, Orders{}));
  std::vector<std::vector<std::vector<Placement>>> merged(R);  // per i: block [i, i + 2)'s merged readings
  auto any_order = [](const Orders& o) { return std::any_of(o.begin(), o.end(), [](bool b) { return b; }); };
  for (std::size_t i = 0; i < R; ++i) {
    bool rows_hold = n > 0;
    for (std::size_t k = 1; i + k <= R; ++k) {
      rows_hold = rows_hold && holds_alone[i + k - 1];
      for (std::size_t o = 0; o < kOrderCount; ++o) {
        if (kOrders[o] == Order::rows) {
          ok[i][k][o] = rows_hold;
        } else if (kOrders[o] == Order::two_rows_merged) {
          if (k == 2) merged[i] = block(i, k, kOrders[o]);  // (kept: thousands of splits tried)
          ok[i][k][o] = k == 2 && !merged[i].empty();
        } else {
          ok[i][k][o] = !block(i, k, kOrders[o]).empty();
        }
      }
    }
  }
  std::vector<bool> reach(R + 1, false), complete(R + 1, false);
  reach[0] = true;
  for (std::size_t i = 0; i < R; ++i)
    if (reach[i])
      for (std::size_t k = 1; i + k <= R; ++k)
        if (any_order(ok[i][k])) reach[i + k] = true;
  complete[R] = true;
  for (std::size_t i = R; i-- > 0;)
    for (std::size_t k = 1; i + k <= R && !complete[i]; ++k)
      if (complete[i + k] && any_order(ok[i][k])) complete[i] = true;
  if (!complete[0]) return std::nullopt;
  // Each row's distinct readings over every block that is part of a complete parse.
  // (a row read row by row reads the same in every block: put once)
  std::vector<std::set<Placement>> seen(R);
  std::vector<bool> alone_seen(R, false);
  for (std::size_t i = 0; i < R; ++i) {
    if (!reach[i]) continue;
    for (std::size_t k = 1; i + k <= R; ++k) {
      if (!complete[i + k]) continue;
      for (std::size_t o = 0; o < kOrderCount; ++o) {
        if (!ok[i][k][o]) continue;
        if (kOrders[o] == Order::rows) {
          for (std::size_t r = i; r < i + k; ++r)
            if (!alone_seen[r]) {
              alone_seen[r] = true;
              seen[r].insert(alone(r));
            }
          continue;
        }
        const bool kept = kOrders[o] == Order::two_rows_merged;
        const std::vector<std::vector<Placement>> read = kept ? std::vector<std::vector<Placement>>{} : block(i, k, kOrders[o]);
        for (const auto& rows : kept ? merged[i] : read)
          for (std::size_t r = 0; r < k; ++r) seen[i + r].insert(rows[r]);
      }
    }
  }
  return options_of(seen, unless_zeros_and_blanks(cand, Evidence::value_order));
}

std::optional<std::vector<RowOptions>> read_rows_without_blanks(const Candidate& cand, const Layout& layout) {
  if (layout.single_row || layout.identities.empty() || layout.rows.empty()) return std::nullopt;
  const std::size_t R = layout.rows.size(), n = layout.rows[0].cells.size();
  for (const PrintedRow& r : layout.rows)
    if (r.cells.size() != n) return std::nullopt;
  std::vector<std::uint32_t> stream;  // numbers and blanks written as such: what a cell prints
  for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
    const Token& t = cand.tokens[i];
    if (t.printed_cell()) stream.push_back(i);
  }
  const std::size_t N = stream.size();
  // Every cell printed is value order's case; more values than cells is no such table.
  if (N >= R * n || N < R || n > 15) return std::nullopt;
  const ExactValues value(cand, /*tabled=*/true);
  // The placements of stream[i, i + k) in row r that keep its total. Every row prints at least
  // one value (its total, if only a 0): a row that printed nothing could be any of a run of such
  // rows, and which one holds the values beside them would rest on nothing.
  auto readings = [&](std::size_t r, std::size_t i, std::size_t k) {
    std::vector<std::uint32_t> vals(stream.begin() + static_cast<long>(i), stream.begin() + static_cast<long>(i + k));
    std::vector<Placement> ps = all_placements(vals, n);
    std::erase_if(ps, [&](const Placement& p) { return !own_identities_hold(layout, r, p, value).value_or(true); });
    return ps;
  };
  // A row's own totals, checked for every reachable row and start on masks over a stack array
  // (no placement built: this is asked thousands of times).
  std::vector<std::vector<const LinearIdentity*>> own(R);
  for (const LinearIdentity& id : layout.identities)
    if (id.one_row) own[static_cast<std::size_t>(id.terms.front().row)].push_back(&id);
  // Bit k of the result: some placement of stream[i, i + k) keeps row r's total (1 ≤ k ≤ n).
  auto counts_that_fit = [&](std::size_t r, std::size_t i) {
    std::uint32_t bits = 0;
    std::array<Wide, 16> cell{};
    for (std::uint32_t m = 1; m < (1u << n); ++m) {
      auto k = static_cast<std::size_t>(std::popcount(m));
      if (i + k > N || (bits >> k & 1u)) continue;
      for (std::size_t c = 0, v = i; c < n; ++c) cell[c] = m >> c & 1u ? value(static_cast<std::int32_t>(stream[v++])) : 0;
      if (row_identities_hold(own[r], cell.data())) bits |= 1u << k;
    }
    return bits;
  };
  // reach[r][i]: rows before r take exactly stream[0, i); fits[r][i] (bit k: row r can take
  // stream[i, i + k)) is computed for those states only; done[r][i]: rows from r take stream[i, N).
  std::vector<std::vector<std::uint32_t>> fits(R, std::vector<std::uint32_t>(N + 1, 0));
  std::vector<std::vector<bool>> reach(R + 1, std::vector<bool>(N + 1, false)), done(R + 1, std::vector<bool>(N + 1, false));
  reach[0][0] = true;
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t i = 0; i <= N; ++i) {
      if (!reach[r][i]) continue;
      fits[r][i] = counts_that_fit(r, i);
      for (std::size_t k = 1; k <= n && i + k <= N; ++k)
        if (fits[r][i] >> k & 1u) reach[r + 1][i + k] = true;
    }
  done[R][N] = true;
  for (std::size_t r = R; r-- > 0;)
    for (std::size_t i = 0; i <= N; ++i)
      for (std::size_t k = 1; k <= n && i + k <= N && reach[r][i] && !done[r][i]; ++k)
        if ((fits[r][i] >> k & 1u) && done[r + 1][i + k]) done[r][i] = true;
  if (!done[0][0]) return std::nullopt;
  // A row's readings over every complete parse; a row read too many ways is no reading (the
  // placement search would only spend its budget on it).
  constexpr std::size_t kMaxRowReadings = 400;
  std::vector<RowOptions> out(R);
  for (std::size_t r = 0; r < R; ++r) {
    std::set<Placement> seen;
    for (std::size_t i = 0; i <= N; ++i) {
      if (!reach[r][i]) continue;
      for (std::size_t k = 1; k <= n && i + k <= N; ++k)
        if ((fits[r][i] >> k & 1u) && done[r + 1][i + k])
          for (Placement& p : readings(r, i, k)) seen.insert(std::move(p));
      if (seen.size() > kMaxRowReadings) return std::nullopt;
    }
    out[r].placements.assign(seen.begin(), seen.end());
    out[r].evidence = Evidence::value_order_sparse;
  }
  return out;
}

}  // namespace ogi::tables
