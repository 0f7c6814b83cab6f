// SPDX-License-Identifier: Apache-2.0
// Header words found in two dimensions. A table's header cell is often narrower than its words:
// 自然人 stands as 自/然/人 one under the other, 法律服务机构 as 法律/服务/机构, 社会公益组织 as
// 社会/公/益组/织 centred; Chrome may even carry the rest of a header row to the next page. A term
// is matched by whole words: along the line, then down the lines under the box matched so far.
#include <algorithm>
#include <cmath>

#include "sources/layout/layout.hpp"

namespace ogi::sources::layout {
namespace {

constexpr int kStepBudget = 4000;  // words tried per starting word: keeps stacked hostile text linear

struct Search {
  const Doc& d;
  int steps = 0;

  /// Words that may continue a term after word w: the next word on its line when close, then on
  /// each of the following lines (this page, or the next page's first lines) the first word
  /// under [x0, x1].
  void next_words(std::uint32_t w, float x0, float x1, float em, std::vector<std::uint32_t>& out) const {
    const Word& a = d.words[w];
    const Line& l = d.lines[a.line];
    if (a.at + 1 < l.words.size()) {
      std::uint32_t n = l.words[a.at + 1];
      if (!d.words[n].furniture && d.words[n].x0 - a.x1 < 1.0f * em) out.push_back(n);
    }
    for (std::uint32_t lj = a.line + 1; lj < d.lines.size() && lj < a.line + 12; ++lj) {
      const Line& m = d.lines[lj];
      if (m.page == l.page) {
        // (a header name wrapped at a fixed 28 pt line spacing over two paragraphs, 商/业 then
        // 企/业, stands some five characters' height from one line to the next)
        if (m.cy - l.cy > 6.0f * em) break;
      } else if (m.page == l.page + 1) {
        if (lj - d.page_first[m.page] >= 4) break;  // only the top of the next page
      } else {
        break;
      }
      for (auto v : m.words) {
        const Word& b = d.words[v];
        if (b.furniture) continue;
        if (std::min(x1, b.x1) - std::max(x0, b.x0) > 0) {
          out.push_back(v);
          break;
        }
      }
    }
  }

  bool go(std::vector<std::uint32_t>& path, std::string_view rest, float x0, float x1, float em) {
    std::vector<std::uint32_t> next;
    next_words(path.back(), x0, x1, em, next);
    for (auto v : next) {
      if (++steps > kStepBudget) return false;
      const std::string& k = d.words[v].key;
      if (k.empty() || rest.substr(0, k.size()) != k) continue;
      path.push_back(v);
      if (rest.size() == k.size() || d.words[v].clipped) return true;  // (the rest past the page's side)
      const Word& b = d.words[v];
      if (go(path, rest.substr(k.size()), std::min(x0, b.x0), std::max(x1, b.x1), em)) return true;
      path.pop_back();
    }
    return false;
  }
};

Match make_match(const Doc& d, int key, std::vector<std::uint32_t> words) {
  Match m;
  m.key = key;
  m.words = std::move(words);
  const Word& first = d.words[m.words.front()];
  m.page = first.page;
  m.first_line = m.last_line = first.line;
  m.x0 = m.top = 1e30f;
  m.x1 = m.bottom = -1e30f;
  for (auto w : m.words) {
    const Word& x = d.words[w];
    m.x0 = std::min(m.x0, x.x0);
    m.x1 = std::max(m.x1, x.x1);
    m.first_line = std::min(m.first_line, x.line);
    m.last_line = std::max(m.last_line, x.line);
    m.em = std::max(m.em, x.em);
    if (x.page == m.page) {
      m.top = std::min(m.top, x.top);
      m.bottom = std::max(m.bottom, x.bottom);
    } else {
      m.split = true;
    }
  }
  return m;
}

}  // namespace

std::vector<Match> find_terms(const Doc& d, const std::vector<Term>& terms) {
  std::vector<Match> out;
  Search s{d};
  for (std::uint32_t li = 0; li < d.lines.size(); ++li) {
    if (!d.geometry[d.lines[li].page]) continue;
    for (auto w : d.lines[li].words) {
      const Word& a = d.words[w];
      if (a.furniture || a.key.empty()) continue;
      for (const Term& t : terms) {
        if (t.folded.substr(0, a.key.size()) != a.key) continue;
        std::vector<std::uint32_t> path{w};
        s.steps = 0;
        // a word cut by the page's side (总 of 总计) is as much of the term as the page shows
        if (t.folded.size() == a.key.size() || a.clipped || s.go(path, t.folded.substr(a.key.size()), a.x0, a.x1, a.em))
          out.push_back(make_match(d, t.key, std::move(path)));
      }
    }
  }
  return out;
}

}  // namespace ogi::sources::layout
