// SPDX-License-Identifier: Apache-2.0
// Cells from stacked text. A wrapped cell repeats one line pitch exactly; the border between two
// cells adds to it (or an enumerator opens the next cell). Fragments of lines are stacked into
// blocks on that evidence (docs/formats.md "PDF", the geometry rules).
#include <algorithm>
#include <cmath>
#include <utility>

#include "sources/layout/layout.hpp"

namespace ogi::sources::layout {
namespace {

constexpr std::size_t kMaxFragmentsPerLine = 400;  // beyond it a line is not stacked (hostile input)

bool chinese_numeral(std::string_view k, std::size_t& n) {
  static constexpr std::string_view digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  n = 0;
  for (;;) {
    bool hit = false;
    for (auto dg : digits)
      if (k.substr(n, dg.size()) == dg) { n += dg.size(); hit = true; break; }
    if (!hit) break;
  }
  return n > 0;
}

/// Length of the enumerator opening k, or 0.
std::size_t enumerator_length(std::string_view k) {
  std::size_t n = 0;
  if (chinese_numeral(k, n)) {
    if (k.substr(n, 3) == "、") return n + 3;
    if (k.substr(n, 1) == ".") return n + 1;
    return 0;
  }
  if (!k.empty() && k[0] == '(') {
    std::size_t m = 0;
    if (chinese_numeral(k.substr(1), m) && k.substr(1 + m, 1) == ")") return m + 2;
    std::size_t d = 1;
    while (d < k.size() && k[d] >= '0' && k[d] <= '9') ++d;
    if (d > 1 && d < 4 && k.substr(d, 1) == ")") return d + 1;
    return 0;
  }
  std::size_t d = 0;
  while (d < k.size() && k[d] >= '0' && k[d] <= '9') ++d;
  if (d > 0 && d < 3) {
    if (k.substr(d, 3) == "、") return d + 3;
    // "1." but not a decimal "7.5"
    if (k.substr(d, 1) == "." && !(d + 1 < k.size() && k[d + 1] >= '0' && k[d + 1] <= '9')) return d + 1;
    return 0;
  }
  // ① … ⑳ (U+2460–U+2473: E2 91 A0 – E2 91 B3)
  if (k.size() >= 3 && static_cast<unsigned char>(k[0]) == 0xE2 && static_cast<unsigned char>(k[1]) == 0x91 &&
      static_cast<unsigned char>(k[2]) >= 0xA0 && static_cast<unsigned char>(k[2]) <= 0xB3)
    return 3;
  return 0;
}

bool overlaps(float a0, float a1, float b0, float b1) { return std::min(a1, b1) - std::max(a0, b0) > 0; }

/// Geometry alone allows f (below) to continue g's cell: under it, centres inside each other's
/// span, and a plausible line distance — up to a fixed 28 pt spacing in a 10.5 pt cell, as
/// LibreOffice sets it (3.2 em; the pitch learned decides which steps continue a cell).
bool stackable(const Fragment& g, const Fragment& f) {
  if (!overlaps(g.x0, g.x1, f.x0, f.x1)) return false;
  float gc = (g.x0 + g.x1) / 2, fc = (f.x0 + f.x1) / 2;
  if (!((fc >= g.x0 - 1 && fc <= g.x1 + 1) || (gc >= f.x0 - 1 && gc <= f.x1 + 1))) return false;
  float p = f.cy - g.cy;
  return p >= 0.8f * std::min(g.em, f.em) && p <= 3.5f * std::max(g.em, f.em);
}

bool same_pitch(float p, float q) { return std::fabs(p - q) <= 0.04f * q; }

float em_bin(float em) { return std::round(em * 2) / 2; }

bool has_wide(const Doc& d, const Fragment& f) {
  return std::any_of(f.words.begin(), f.words.end(), [&](auto w) { return d.words[w].wide; });
}

}  // namespace

int enumerator_rank(std::string_view k) {
  std::size_t n = enumerator_length(k);
  if (n == 0) return 0;
  unsigned char c = static_cast<unsigned char>(k[0]);
  if (c == '(') return k[1] >= '0' && k[1] <= '9' ? 4 : 2;
  if (c >= '0' && c <= '9') return 3;
  if (c == 0xE2) return 5;  // ①
  return 1;                 // 一、
}

bool starts_enumerator(std::string_view key) { return enumerator_length(key) > 0; }
bool is_enumerator(std::string_view key) {
  std::size_t n = enumerator_length(key);
  return n > 0 && n == key.size();
}
bool is_number(std::string_view k) {
  if (!k.empty() && (k[0] == '-' || k[0] == '+')) k.remove_prefix(1);
  bool digit = false;
  for (char c : k) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit;
}

Fragment make_fragment(const Doc& d, std::uint32_t line, std::vector<std::uint32_t> words) {
  Fragment f;
  f.line = line;
  f.page = d.lines[line].page;
  f.words = std::move(words);
  f.x0 = f.top = 1e30f;
  f.x1 = f.bottom = -1e30f;
  float cy = 0, em_any = 0, em_wide = 0;
  for (auto i : f.words) {
    const Word& w = d.words[i];
    f.x0 = std::min(f.x0, w.x0);
    f.x1 = std::max(f.x1, w.x1);
    f.top = std::min(f.top, w.top);
    f.bottom = std::max(f.bottom, w.bottom);
    cy += w.cy;
    em_any = std::max(em_any, w.em);
    if (w.wide) em_wide = std::max(em_wide, w.em);
    f.key += w.key;
  }
  f.cy = f.words.empty() ? 0 : cy / static_cast<float>(f.words.size());
  f.em = em_wide > 0 ? em_wide : em_any;
  return f;
}

std::vector<Fragment> gap_fragments(const Doc& d, std::uint32_t line) {
  std::vector<Fragment> out;
  std::vector<std::uint32_t> cur;
  for (auto i : d.lines[line].words) {
    const Word& w = d.words[i];
    if (w.furniture) continue;
    if (!cur.empty()) {
      const Word& p = d.words[cur.back()];
      if (w.x0 - p.x1 > 1.0f * std::max(p.em, w.em)) out.push_back(make_fragment(d, line, std::exchange(cur, {})));
    }
    cur.push_back(i);
  }
  if (!cur.empty()) out.push_back(make_fragment(d, line, std::move(cur)));
  return out;
}

std::vector<Fragment> label_fragments(const Doc& d, std::uint32_t line, const std::vector<std::uint32_t>& ws,
                                      const std::vector<float>& starts, const std::vector<Fragment>& above) {
  std::vector<Fragment> out;
  std::vector<std::uint32_t> cur;
  std::string cur_key;  // cur's words' keys, joined
  // a fragment of the label line above begins at x, a line's height over this one (not the
  // in-cell pitch learned: where cells touch, single-line rows stacked at the row pitch outnumber
  // wrapped lines): a wrapped cell's text goes on at x
  auto stack_goes_on_at = [&](float x, const Word& w) {
    return std::any_of(above.begin(), above.end(), [&](const Fragment& f) {
      const float rise = w.cy - f.cy, em = std::max(f.em, w.em);
      return std::fabs(f.x0 - x) < 1.0f && rise > 0.8f * em && rise < 2.0f * em;
    });
  };
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const Word& w = d.words[ws[k]];
    if (!cur.empty()) {
      const Word& p = d.words[cur.back()];
      float gap = w.x0 - p.x1, em = std::max(p.em, w.em);
      // "1" and "．属于" are two words of one enumerated label; so are "(", "一", ")" and "予"
      // (an ASCII parenthesis in another font)
      std::string ahead = w.key;
      for (std::size_t n = k + 1; n < ws.size() && n <= k + 3 && d.words[ws[n]].x0 - d.words[ws[n - 1]].x1 < 0.15f * em; ++n)
        ahead += d.words[ws[n]].key;
      bool at_start = std::any_of(starts.begin(), starts.end(), [&](float x) { return std::fabs(w.x0 - x) < 1.0f; });
      // Cells a few points apart (a narrow table's padding, less than a space): a wrapped cell's
      // text goes on under the cut, and the piece before it is another cell's — its text goes on
      // under it too (三、 | （一）予以 over 本年 | 公开), or it is a group's bare numbering opening
      // its cell (（三） | 合法 beside 2.保护第三方). One cell's words are neither (（七）总 计
      // under 3.其他: nothing over 总, and 总 is no numbering).
      bool two_stacks = at_start && gap > 0.15f * em && stack_goes_on_at(w.x0, w) &&
                        (stack_goes_on_at(d.words[cur.front()].x0, w) || is_enumerator(cur_key));
      if (gap > 1.0f * em || (gap > 0.15f * em && starts_enumerator(ahead)) || (gap > 0.5f * em && at_start) || two_stacks) {
        out.push_back(make_fragment(d, line, std::exchange(cur, {})));
        cur_key.clear();
      }
    }
    cur.push_back(ws[k]);
    cur_key += w.key;
  }
  if (!cur.empty()) out.push_back(make_fragment(d, line, std::move(cur)));
  return out;
}

std::vector<float> column_starts(const Doc& d, const std::vector<std::vector<std::uint32_t>>& label_lines) {
  std::vector<float> xs;
  for (auto& ws : label_lines)
    for (auto w : ws) xs.push_back(d.words[w].x0);
  std::sort(xs.begin(), xs.end());
  std::vector<float> out;
  std::size_t j = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {  // words within a point of xs[i], on both sides
    while (xs[j] < xs[i] - 1.0f) ++j;
    std::size_t k = i;
    while (k < xs.size() && xs[k] < xs[i] + 1.0f) ++k;
    if (k - j >= 3 && (out.empty() || xs[i] - out.back() >= 1.0f)) out.push_back(xs[i]);
  }
  return out;
}

float Pitches::of(float em) const {
  float key = em_bin(em), best = 0, dist = 1e30f;
  for (auto& [k, p] : by_em) {
    float dk = std::fabs(k - key);
    if (dk <= 0.12f * key && dk < dist) { dist = dk; best = p; }
  }
  return best;
}

Pitches learn_pitches(const Doc& d) {
  std::vector<std::pair<float, std::vector<float>>> bins;
  auto record = [&](float em, float p) {
    float k = em_bin(em);
    for (auto& b : bins)
      if (b.first == k) { b.second.push_back(p); return; }
    bins.push_back({k, {p}});
  };
  for (std::size_t page = 0; page < d.pages.size(); ++page) {
    if (!d.geometry[page]) continue;
    std::vector<std::vector<Fragment>> fl;
    for (auto li = d.page_first[page]; li < d.page_first[page + 1]; ++li) {
      auto f = gap_fragments(d, li);
      if (!f.empty() && f.size() <= kMaxFragmentsPerLine) fl.push_back(std::move(f));
    }
    for (std::size_t i = 0; i + 1 < fl.size(); ++i)
      for (const Fragment& g : fl[i]) {
        if (!has_wide(d, g)) continue;
        for (std::size_t j = i + 1; j < std::min(i + 4, fl.size()); ++j) {
          bool any = false;
          for (const Fragment& f : fl[j]) {
            if (!overlaps(g.x0, g.x1, f.x0, f.x1)) continue;
            any = true;
            if (stackable(g, f) && std::fabs(g.em - f.em) < 0.15f * g.em && has_wide(d, f)) record(g.em, f.cy - g.cy);
          }
          if (any) break;
        }
      }
  }
  Pitches out;
  std::sort(bins.begin(), bins.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [k, ps] : bins) {
    std::sort(ps.begin(), ps.end());
    std::size_t best_n = 0;
    float best_p = 0;
    std::size_t lo = 0, hi = 0;
    for (std::size_t i = 0; i < ps.size(); ++i) {  // the most common pitch, within its tolerance
      float tol = std::max(0.3f, 0.015f * ps[i]);
      while (ps[lo] < ps[i] - tol) ++lo;
      while (hi < ps.size() && ps[hi] <= ps[i] + tol) ++hi;
      if (hi - lo >= 2 && hi - lo > best_n) { best_n = hi - lo; best_p = ps[i]; }
    }
    if (best_n) out.by_em.emplace_back(k, best_p);
  }
  return out;
}

Block::Block(Fragment f)
    : page(f.page), x0(f.x0), x1(f.x1), top(f.top), bottom(f.bottom), em(f.em) {
  frags.push_back(std::move(f));
}

void Block::add(Fragment f) {
  x0 = std::min(x0, f.x0);
  x1 = std::max(x1, f.x1);
  if (f.page == page) {
    top = std::min(top, f.top);
    bottom = std::max(bottom, f.bottom);
  }
  em = std::max(em, f.em);
  frags.push_back(std::move(f));
}

std::string Block::key() const {
  std::string k;
  for (auto& f : frags) k += f.key;
  return k;
}

std::vector<std::uint32_t> Block::words() const {
  std::vector<std::uint32_t> w;
  for (auto& f : frags) w.insert(w.end(), f.words.begin(), f.words.end());
  return w;
}

std::vector<Block> build_blocks(const std::vector<std::vector<Fragment>>& lines, const Pitches& pitches) {
  std::vector<Block> blocks;
  std::vector<std::size_t> open;  // blocks whose last line may still continue
  for (const auto& frs : lines) {
    if (frs.size() > kMaxFragmentsPerLine) {
      for (const Fragment& f : frs) blocks.emplace_back(f);
      open.clear();
      continue;
    }
    std::vector<std::vector<std::size_t>> claimed(open.size());
    for (std::size_t fi = 0; fi < frs.size(); ++fi) {
      const Fragment& f = frs[fi];
      if (starts_enumerator(f.key)) continue;  // an enumerator opens a cell
      std::size_t cand = SIZE_MAX, n = 0;
      for (std::size_t oi = 0; oi < open.size(); ++oi) {
        const Block& b = blocks[open[oi]];
        const Fragment& g = b.frags.back();
        if (!stackable(g, f)) continue;
        float p = f.cy - g.cy;
        std::string bk = b.key();
        if (b.frags.size() == 1 && is_enumerator(bk)) {
          // a bare enumerator is never a whole cell: what stands under it continues it
        } else {
          // the block's own pitch, or the in-cell pitch at either line's size: a line with a
          // narrower character (1．属, 及“三) reads smaller and its ink sits off the line, skewing
          // both the size it is looked up by and the pitch the block learned from it
          auto fits = [&](float q) { return q > 0 && same_pitch(p, q); };
          if (!fits(b.pitch) && !fits(pitches.of(g.em)) && !fits(pitches.of(f.em))) continue;
        }
        if (is_number(f.key) && !is_number(bk)) continue;  // a value under its header
        cand = oi;
        ++n;
      }
      if (n == 1) claimed[cand].push_back(fi);
    }
    std::vector<bool> used(frs.size(), false);
    std::vector<std::size_t> next;
    for (std::size_t oi = 0; oi < open.size(); ++oi) {
      Block& b = blocks[open[oi]];
      if (claimed[oi].size() == 1) {
        const Fragment& f = frs[claimed[oi][0]];
        float p = f.cy - b.frags.back().cy;
        bool bare = b.frags.size() == 1 && is_enumerator(b.key());
        if (!bare && b.pitch <= 0) b.pitch = p;
        b.add(f);
        used[claimed[oi][0]] = true;
      }
      next.push_back(open[oi]);
    }
    for (std::size_t fi = 0; fi < frs.size(); ++fi)
      if (!used[fi]) {
        blocks.emplace_back(frs[fi]);
        next.push_back(blocks.size() - 1);
      }
    float cy = frs.empty() ? 0 : frs[0].cy;
    open.clear();
    for (auto bi : next)
      if (cy - blocks[bi].frags.back().cy <= 2.7f * blocks[bi].em) open.push_back(bi);
  }
  return blocks;
}

}  // namespace ogi::sources::layout
