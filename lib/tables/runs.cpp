// SPDX-License-Identifier: Apache-2.0
// The whole-table reading of runs of values near their labels (stream.hpp). pdftotext's default
// order prints a table's values in its rows' order, but not each row in its cells' order: a row
// whose label wraps prints the values on the label's own line after those set on lines of their
// own (`90 / 3 / 2305 / 二、上年结转… 1978 214 11 9`: the row turned round at one point), a run of
// rows with one value or two each prints them column by column (`120 / 55 / 2 / 2 / … / 120 / 55 /
// 2 / 2`), and a row with no value prints nothing. Where the labels still stand in order, each run
// lies between its neighbours' labels; that, the rows' own totals and the identities across rows
// (the placement step's) are what a reading rests on.
#include <algorithm>
#include <array>
#include <bit>
#include <set>

#include "tables/exact.hpp"
#include "tables/stream.hpp"

namespace ogi::tables {
namespace {

/// A run of values that reads as rows [row, row + rows): one row turned round at `turn` (its
/// values stream[at + turn, at + count) then stream[at, at + turn)), or `rows` ≥ 2 rows of
/// count / rows values each printed column by column; count 0 is a row with no value.
struct Run {
  std::size_t row, at, rows, count, turn;
  bool by_columns;
  bool after_empty;  ///< the row before printed nothing
};

class RunReader {
 public:
  RunReader(const Candidate& cand, const Layout& layout, const LabelAlignment& align)
      : layout_(layout), label_token_(align.label_token), value_(cand, /*tabled=*/true), R_(layout.rows.size()), n_(layout.rows[0].cells.size()) {
    for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
      const Token& t = cand.tokens[i];
      if (t.printed_cell()) stream_.push_back(i);
    }
    for (const LinearIdentity& id : layout.identities)
      if (id.one_row && static_cast<std::size_t>(id.terms.front().row) < own_.size())
        own_[static_cast<std::size_t>(id.terms.front().row)].push_back(&id);
    // Each row's label from its first piece to its last (a wrapped label's pieces are scattered
    // among the values); after_[r]: where the label of the last labelled row before r ends;
    // before_[r]: where that of the first labelled row from r on starts.
    std::vector<std::int64_t> last(R_, -1);
    for (std::size_t t = 0; t < align.marks.size(); ++t) {
      const Mark& m = align.marks[t];
      if ((m.role == TextRole::row_label || m.role == TextRole::continuation) && m.row >= 0 &&
          static_cast<std::size_t>(m.row) < R_)
        last[static_cast<std::size_t>(m.row)] = static_cast<std::int64_t>(t);
    }
    // A value after a piece of a row's label on its line is that row's, wherever the rest went.
    pinned_.assign(stream_.size(), -1);
    for (std::size_t v = 0; v < stream_.size(); ++v) pinned_[v] = row_labelled_before(cand, align, stream_[v]);
    after_.assign(R_ + 1, -1);
    before_.assign(R_ + 1, static_cast<std::int64_t>(cand.tokens.size()));
    for (std::size_t r = 1; r <= R_; ++r) {
      after_[r] = labelled(r - 1) ? std::max<std::int64_t>(last[r - 1], label_token_[r - 1]) : after_[r - 1];
    }
    for (std::size_t r = R_; r-- > 0;) {
      before_[r] = labelled(r) ? label_token_[r] : before_[r + 1];
    }
  }

  std::optional<std::vector<RowOptions>> read();

 private:
  /// The values of row `j` of run `u`, in their cells' order.
  std::vector<std::uint32_t> values(const Run& u, std::size_t j) const {
    std::vector<std::uint32_t> out;
    if (u.by_columns) {
      for (std::size_t c = 0; c < u.count / u.rows; ++c) out.push_back(stream_[u.at + c * u.rows + j]);
    } else {
      for (std::size_t k = 0; k < u.count; ++k) out.push_back(stream_[u.at + (u.turn + k) % u.count]);
    }
    return out;
  }
  /// Does some order-keeping placement of `vals` keep row r's own totals?
  bool fits(std::size_t r, const std::vector<std::uint32_t>& vals) const {
    ++work_;
    const std::size_t k = vals.size();
    if (k > n_) return false;
    std::array<Wide, 16> cell{};
    for (std::uint32_t m = 0; m < (1u << n_); ++m) {
      if (static_cast<std::size_t>(std::popcount(m)) != k) continue;
      for (std::size_t c = 0, v = 0; c < n_; ++c) cell[c] = m >> c & 1u ? value_(static_cast<std::int32_t>(vals[v++])) : 0;
      if (row_identities_hold(own_[r], cell.data())) return true;
    }
    return false;
  }
  /// Does the run stand between the label before its first row and the one after its last
  /// (a run of rows by columns: before the label after the row after it, where pdftotext prints
  /// its last column)?
  bool near_labels(const Run& u) const {
    if (u.count == 0) return true;
    const auto first = static_cast<std::int64_t>(stream_[u.at]), last = static_cast<std::int64_t>(stream_[u.at + u.count - 1]);
    const std::size_t end = u.row + u.rows + (u.by_columns ? 1 : 0);  // the first row whose label bounds it
    return first > after_[u.row] && last < before_[std::min(end, R_)];
  }
  /// Does every value pinned to a row go to that row?
  bool keeps_pins(const Run& u) const {
    for (std::size_t o = 0; o < u.count; ++o) {
      const int pin = pinned_[u.at + o];
      if (pin >= 0 && static_cast<std::size_t>(pin) != u.row + (u.by_columns ? o % u.rows : 0)) return false;
    }
    return true;
  }
  bool readable(const Run& u) const {
    if (!near_labels(u) || !keeps_pins(u)) return false;
    for (std::size_t j = 0; j < u.rows; ++j)
      if (!fits(u.row + j, values(u, j))) return false;
    return true;
  }
  /// The runs that may start at row r, value i.
  std::vector<Run> runs_from(std::size_t r, std::size_t i, bool after_empty) const;

  /// Was row r's label found? (A row that prints nothing shows it.)
  bool labelled(std::size_t r) const { return r < label_token_.size() && label_token_[r] >= 0; }

  const Layout& layout_;
  const std::vector<int>& label_token_;
  ExactValues value_;
  std::size_t R_, n_;
  std::vector<std::uint32_t> stream_;
  std::array<std::vector<const LinearIdentity*>, 64> own_{};
  std::vector<std::int64_t> after_, before_;
  std::vector<int> pinned_;     ///< per value: the row whose label's piece stands before it on its line, or -1
  mutable std::size_t work_ = 0;  ///< rows' totals checked (the parse's budget)
};

std::vector<Run> RunReader::runs_from(std::size_t r, std::size_t i, bool after_empty) const {
  constexpr std::size_t kMaxRowsByColumns = 8;
  const std::size_t N = stream_.size();
  std::vector<Run> out;
  if (labelled(r)) out.push_back({r, i, 1, 0, 0, false, after_empty});  // a row that prints nothing
  // A run may start before its own row's label only after a row that printed something: values
  // after a row's label that is read as printing nothing would be that row's (pdfminer prints a
  // column's values after the labels of the rows they belong to: `一.本年新收… / 55 / 二.上年
  // 结转… / 55`, the second 55 the first row's total).
  if (after_empty && i < N && static_cast<std::int64_t>(stream_[i]) < before_[r]) return out;
  for (std::size_t k = 1; k <= n_ && i + k <= N; ++k)
    for (std::size_t turn = 0; turn < k; ++turn) {
      Run u{r, i, 1, k, turn, false, after_empty};
      if (readable(u)) out.push_back(u);
    }
  // A run by columns after a row that printed nothing starts on its first row's label line: else
  // the values could as well be that row's and the next's (pdfminer: `4.保护第三方… / 5.属于三类…
  // / 28 / 1 / 28 / 1`, the first row's 28s; read as the next two rows' they would put every row
  // after them one off), which pdftotext's `4.无正当理由… 1 / 5.要求行政机关… 6 / … / 5 / 1 / 6 / 5`
  // rules out.
  const bool by_columns = !after_empty || (i < N && pinned_[i] == static_cast<int>(r));
  for (std::size_t b = 2; by_columns && b <= kMaxRowsByColumns && r + b <= R_; ++b)
    for (std::size_t q = 1; q <= n_ && i + b * q <= N; ++q) {
      Run u{r, i, b, b * q, 0, true, after_empty};
      if (readable(u)) out.push_back(u);
    }
  return out;
}

std::optional<std::vector<RowOptions>> RunReader::read() {
  const std::size_t N = stream_.size();
  if (N == 0 || N > R_ * n_ || n_ > 15 || R_ > own_.size()) return std::nullopt;
  constexpr std::size_t kMaxWork = 200000;
  // A parse state: rows before r took stream[0, i), row r - 1 printing nothing or something.
  auto state = [&](std::size_t r, std::size_t i, bool after_empty) { return (r * (N + 1) + i) * 2 + (after_empty ? 1 : 0); };
  // Forward: the runs from every state some parse reaches.
  std::vector<bool> reach((R_ + 1) * (N + 1) * 2, false), done(reach.size(), false);
  auto next = [&](const Run& u) { return state(u.row + u.rows, u.at + u.count, u.count == 0); };
  std::vector<Run> runs;
  reach[state(0, 0, false)] = true;
  for (std::size_t r = 0; r < R_; ++r)
    for (std::size_t i = 0; i <= N; ++i)
      for (bool e : {false, true}) {
        if (!reach[state(r, i, e)]) continue;
        // a dump whose labels bound nothing would try every cut: no reading (the real and
        // practice reports need at most some 12 000 checks)
        if (work_ > kMaxWork) return std::nullopt;
        for (const Run& u : runs_from(r, i, e)) {
          reach[next(u)] = true;
          runs.push_back(u);
        }
      }
  // Backward: the states from which the rest parses; runs were found in increasing row order.
  done[state(R_, N, false)] = done[state(R_, N, true)] = true;
  for (auto u = runs.rbegin(); u != runs.rend(); ++u)
    if (done[next(*u)]) done[state(u->row, u->at, u->after_empty)] = true;
  if (!done[state(0, 0, false)]) return std::nullopt;
  // Each row's readings over every complete parse; too many is no reading.
  constexpr std::size_t kMaxRowReadings = 400;
  // The placement step combines rows' readings freely: each row must take the same values in
  // every complete parse (the same numbers, if not the same tokens: `8 / 8 / 8 / 8` read row by
  // row or by columns), or two rows could take one value, or a value none.
  std::vector<std::set<Placement>> seen(R_);
  std::vector<std::set<std::vector<Wide>>> taken(R_);
  for (const Run& u : runs) {
    if (!done[next(u)]) continue;
    for (std::size_t j = 0; j < u.rows; ++j) {
      const std::size_t r = u.row + j;
      std::vector<Wide> numbers;
      for (std::uint32_t t : values(u, j)) numbers.push_back(value_(static_cast<std::int32_t>(t)));
      std::sort(numbers.begin(), numbers.end());
      taken[r].insert(std::move(numbers));
      if (taken[r].size() > 1) return std::nullopt;
      for (Placement& p : all_placements(values(u, j), n_))
        if (own_identities_hold(layout_, r, p, value_).value_or(true)) seen[r].insert(std::move(p));
      if (seen[r].size() > kMaxRowReadings) return std::nullopt;
    }
  }
  return options_of(seen, Evidence::value_order_sparse);
}

}  // namespace

std::optional<std::vector<RowOptions>> read_runs_near_labels(const Candidate& cand, const Layout& layout,
                                                              const LabelAlignment& align) {
  if (layout.single_row || layout.identities.empty() || layout.rows.empty()) return std::nullopt;
  for (const PrintedRow& r : layout.rows)
    if (r.cells.size() != layout.rows[0].cells.size()) return std::nullopt;
  return RunReader(cand, layout, align).read();
}

}  // namespace ogi::tables
