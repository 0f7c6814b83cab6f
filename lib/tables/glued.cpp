// SPDX-License-Identifier: Apache-2.0
// Splitting glued digit runs (see glued.hpp).
#include "tables/glued.hpp"

namespace ogi::tables {
namespace {
constexpr std::size_t kMaxDigits = 7;   // a count in these tables has at most seven digits
constexpr std::size_t kMaxRun = 64;  // longer runs are not a table row
constexpr std::size_t kMaxSteps = 2000000;
}  // namespace

std::vector<std::vector<std::size_t>> digit_splits(std::string_view d, std::size_t parts,
                                                   const std::function<bool(const std::vector<std::int64_t>&)>& accept,
                                                   std::size_t limit) {
  std::vector<std::vector<std::size_t>> found;
  if (parts == 0 || d.size() < parts || d.size() > kMaxRun || d.size() > parts * kMaxDigits) return found;
  std::vector<std::size_t> cuts;  // end offset of each part
  std::vector<std::int64_t> values;
  // The number of splits grows combinatorially with the run's length: past this many steps the
  // run is treated as having several readings (it is then left out and named), never searched on.
  std::size_t budget = kMaxSteps;
  std::function<void(std::size_t)> go = [&](std::size_t at) {
    if (found.size() >= limit) return;
    if (budget == 0) return;
    --budget;
    std::size_t left = parts - values.size();
    if (left == 0) {
      if (at == d.size() && accept(values)) found.push_back(cuts);
      return;
    }
    std::size_t rest = d.size() - at;
    if (rest < left || rest > left * kMaxDigits) return;
    std::size_t max_len = d[at] == '0' ? 1 : std::min(kMaxDigits, rest - (left - 1));
    std::int64_t v = 0;
    for (std::size_t len = 1; len <= max_len; ++len) {
      v = v * 10 + (d[at + len - 1] - '0');
      cuts.push_back(at + len);
      values.push_back(v);
      go(at + len);
      cuts.pop_back();
      values.pop_back();
    }
  };
  go(0);
  if (budget == 0 && found.size() < limit) found.resize(limit);  // undecided: as good as ambiguous
  return found;
}

std::optional<std::vector<Piece>> split_glued(const text::NormalizedText& nt, const Piece& p, std::size_t parts,
                                              const std::function<bool(const std::vector<std::int64_t>&)>& accept) {
  std::string_view run = std::string_view(nt.text).substr(p.begin, p.end - p.begin);
  for (char c : run)
    if (c < '0' || c > '9') return std::nullopt;  // decimals are never split
  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> readings;  // (length used, cuts)
  for (std::size_t drop = 0; drop <= (p.numbering_tail ? 1u : 0u) && drop < run.size(); ++drop) {
    auto s = digit_splits(run.substr(0, run.size() - drop), parts, accept);
    for (auto& cuts : s) readings.emplace_back(run.size() - drop, std::move(cuts));
  }
  if (readings.size() != 1) return std::nullopt;
  std::vector<Piece> cells;
  std::size_t at = 0;
  for (std::size_t cut : readings[0].second) {
    Piece c = p;
    c.begin = p.begin + static_cast<std::uint32_t>(at);
    c.end = p.begin + static_cast<std::uint32_t>(cut);
    c.value = Decimal::parse(run.substr(at, cut - at));
    c.numbering_tail = false;
    cells.push_back(std::move(c));
    at = cut;
  }
  return cells;
}

}  // namespace ogi::tables
