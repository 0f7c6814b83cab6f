// SPDX-License-Identifier: Apache-2.0
// Splitting glued digits into cells (glued.hpp).
#include "tables/glued.hpp"

#include <string>

namespace ogi::tables {
namespace {

/// Calls `each` with every split of digits [at, end) into `left` more parts (as end offsets),
/// none starting with 0 unless it is 0; stops when `each` returns false.
bool splits(std::string_view d, std::size_t at, std::size_t left, std::vector<std::size_t>& cut,
            const std::function<bool(const std::vector<std::size_t>&)>& each) {
  if (left == 1) {
    if (d.size() - at > 18 || (d[at] == '0' && d.size() - at > 1)) return true;
    cut.push_back(d.size());
    bool go = each(cut);
    cut.pop_back();
    return go;
  }
  std::size_t max_len = d[at] == '0' ? 1 : std::min<std::size_t>(18, d.size() - at - (left - 1));
  for (std::size_t len = 1; len <= max_len; ++len) {
    cut.push_back(at + len);
    bool go = splits(d, at + len, left - 1, cut, each);
    cut.pop_back();
    if (!go) return false;
  }
  return true;
}

}  // namespace

std::vector<Placement> glued_splits(const text::NormalizedText& nt, Candidate& cand, std::uint32_t token,
                                    std::size_t cells, std::string_view tail,
                                    const std::function<bool(const std::vector<Decimal>&)>& accept, std::size_t limit) {
  std::vector<Placement> out;
  const Token base = cand.tokens[token];
  std::string_view d = token_text(nt, base);
  if (d.empty() || d.find_first_not_of("0123456789") != std::string_view::npos || cells == 0) return out;
  if (!tail.empty() && d.size() > tail.size() && d.substr(d.size() - tail.size()) == tail) d.remove_suffix(tail.size());
  if (d.size() < cells) return out;
  std::vector<std::vector<std::size_t>> ends;
  std::vector<std::size_t> cut;
  std::vector<Decimal> parts(cells);
  std::size_t tried = 0;
  bool complete = splits(d, 0, cells, cut, [&](const std::vector<std::size_t>& e) {
    if (++tried > 200000) return false;  // digits that split this many ways say nothing
    std::size_t from = 0;
    for (std::size_t i = 0; i < cells; ++i) {
      parts[i] = *Decimal::parse(d.substr(from, e[i] - from));
      from = e[i];
    }
    if (accept(parts)) ends.push_back(e);
    return ends.size() <= limit;
  });
  if (!complete || ends.empty()) return out;
  for (const auto& e : ends) {
    Placement p;
    std::size_t from = 0;
    for (std::size_t to : e) {
      Token t = base;
      t.begin = base.begin + static_cast<std::uint32_t>(from);
      t.end = base.begin + static_cast<std::uint32_t>(to);
      t.value = Decimal::parse(d.substr(from, to - from));
      t.numbering_tail = false;
      p.push_back(static_cast<std::int32_t>(cand.tokens.size()));
      cand.line_of.push_back(cand.line_of[token]);
      cand.tokens.push_back(t);
      from = to;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ogi::tables
