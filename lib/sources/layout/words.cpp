// SPDX-License-Identifier: Apache-2.0
// Words ready for geometry: each in its page's reading frame, with its character size and the
// band its ink occupies; duplicates (fake bold) dropped; grouped into visual lines; page numbers
// and running heads marked (docs/formats.md "PDF").
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "sources/layout/layout.hpp"
#include "text/text.hpp"

namespace ogi::sources::layout {
namespace {

/// Pages with more words than this are laid out as lines only (no table geometry): a report's
/// page has a few hundred; the bound keeps hostile pages linear.
constexpr std::size_t kMaxGeometryWords = 6000;

bool wide(char32_t c) {
  auto w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

struct Box4 {
  float x0, y0, x1, y1;
};

/// The box in the reading frame of text turned `rot` quarter turns clockwise on a w × h page.
Box4 unturn(const PositionedWord& p, int rot, float w, float h) {
  switch (rot) {
    case 1: return {p.y0, w - p.x1, p.y1, w - p.x0};
    case 2: return {w - p.x1, h - p.y1, w - p.x0, h - p.y0};
    case 3: return {h - p.y1, p.x0, h - p.y0, p.x1};
    default: return {p.x0, p.y0, p.x1, p.y1};
  }
}

bool finite_box(const PositionedWord& p) {
  return std::isfinite(p.x0) && std::isfinite(p.y0) && std::isfinite(p.x1) && std::isfinite(p.y1) &&
         std::fabs(p.x0) < 1e6f && std::fabs(p.x1) < 1e6f && std::fabs(p.y0) < 1e6f && std::fabs(p.y1) < 1e6f;
}

/// Page numbers: -3-, — 3 —, 第3页, 第3页共9页, 3/9 (on the folded key, spaces removed).
bool is_page_number(std::string_view k) {
  auto dashes = [&] {
    while (!k.empty()) {
      if (k.front() == '-' || k.front() == '~') { k.remove_prefix(1); continue; }
      if (k.substr(0, 3) == "\u2014" || k.substr(0, 3) == "\u2015") { k.remove_prefix(3); continue; }
      break;
    }
  };
  auto digits = [&] {
    std::size_t n = 0;
    while (n < k.size() && k[n] >= '0' && k[n] <= '9') ++n;
    k.remove_prefix(n);
    return n >= 1 && n <= 4;
  };
  auto lit = [&](std::string_view p) {
    if (k.substr(0, p.size()) != p) return false;
    k.remove_prefix(p.size());
    return true;
  };
  std::string_view all = k;
  dashes();
  if (digits()) {
    if (lit("/")) return digits() && k.empty();
    dashes();
    return k.empty();
  }
  k = all;
  if (lit("第") && digits() && lit("页")) return k.empty() || (lit("共") && digits() && lit("页") && k.empty());
  return false;
}

std::string line_key(const Doc& d, const Line& l) {
  std::string k;
  for (auto w : l.words) k += d.words[w].key;
  return k;
}

/// Two words of digits side by side, more than a character apart: a table row's values (`1  1
/// 2` of a row carried to the next page), which read as one number when the words' keys are
/// joined. (`3 / 9`, `第 3 页 共 9 页`: other words stand between their numbers.)
bool separate_numbers(const Doc& d, const Line& l) {
  auto digit = [](const Word& x) { return x.key.find_first_of("0123456789") != std::string::npos; };
  for (std::size_t i = 1; i < l.words.size(); ++i) {
    const Word &a = d.words[l.words[i - 1]], &b = d.words[l.words[i]];
    if (digit(a) && digit(b) && b.x0 - a.x1 > std::max(a.em, b.em)) return true;
  }
  return false;
}

void mark_furniture(Doc& d) {
  std::size_t pages = d.pages.size();
  std::map<std::string, std::vector<std::uint32_t>> firsts;
  for (std::size_t p = 0; p < pages; ++p) {
    std::uint32_t a = d.page_first[p], b = d.page_first[p + 1];
    if (a == b) continue;
    for (std::uint32_t li : {b - 1, a})
      if (is_page_number(line_key(d, d.lines[li])) && !separate_numbers(d, d.lines[li]))
        for (auto w : d.lines[li].words) d.words[w].furniture = true;
    std::string k = line_key(d, d.lines[a]);
    for (char& c : k)
      if (c >= '0' && c <= '9') c = '#';
    if (k.size() > 1 && k.size() < 200) firsts[k].push_back(a);
  }
  for (auto& [k, ls] : firsts)  // running heads: the same first line on three pages or more
    if (ls.size() >= 3)
      for (auto li : ls)
        for (auto w : d.lines[li].words) d.words[w].furniture = true;
}

/// Visual lines of one page: words by ink centre, a word joining the line whose centre is within
/// four tenths of a character of its own.
void make_lines(Doc& d, std::uint32_t page, std::vector<std::uint32_t>& ws) {
  std::stable_sort(ws.begin(), ws.end(), [&](auto a, auto b) { return d.words[a].cy < d.words[b].cy; });
  std::size_t start = d.lines.size();
  for (auto w : ws) {
    const Word& x = d.words[w];
    if (d.lines.size() > start) {
      Line& l = d.lines.back();
      if (std::fabs(x.cy - l.cy) <= 0.4f * std::min(std::max(l.em, 1.0f), std::max(x.em, 1.0f)) + 0.5f) {
        l.words.push_back(w);
        l.cy += (x.cy - l.cy) / static_cast<float>(l.words.size());
        if (x.em < 2 * l.em) l.em = std::max(l.em, x.em);
        continue;
      }
    }
    Line l;
    l.page = page;
    l.cy = x.cy;
    l.em = x.em;
    l.words.push_back(w);
    d.lines.push_back(std::move(l));
  }
  for (std::size_t i = start; i < d.lines.size(); ++i) {
    auto& lw = d.lines[i].words;
    std::stable_sort(lw.begin(), lw.end(), [&](auto a, auto b) { return d.words[a].x0 < d.words[b].x0; });
    for (std::size_t k = 0; k < lw.size(); ++k) {
      d.words[lw[k]].line = static_cast<std::uint32_t>(i);
      d.words[lw[k]].at = static_cast<std::uint32_t>(k);
    }
  }
}

}  // namespace

Doc prepare(const PositionedText& in) {
  Doc d;
  d.in = &in;
  std::size_t pages = in.pages.size();
  // each page's words, in the producer's order
  std::vector<std::vector<std::uint32_t>> by_page(pages);
  for (std::size_t i = 0; i < in.words.size(); ++i) {
    const auto& w = in.words[i];
    if (w.page < pages && w.end > w.begin && w.end <= in.text.size() && finite_box(w))
      by_page[w.page].push_back(static_cast<std::uint32_t>(i));
  }
  d.pages.resize(pages);
  d.geometry.assign(pages, true);
  std::vector<std::vector<std::uint32_t>> page_words(pages);
  std::vector<std::pair<float, float>> tall_pairs;  // (offset of a touching normal word's centre, tall height)
  std::vector<bool> tall_box;                       // per word of d.words
  for (std::size_t p = 0; p < pages; ++p) {
    // the page's reading frame: the rotation most of its text has
    std::size_t bytes[4] = {0, 0, 0, 0};
    for (auto i : by_page[p]) bytes[in.words[i].rotation & 3] += in.words[i].end - in.words[i].begin;
    int rot = static_cast<int>(std::max_element(bytes, bytes + 4) - bytes);
    float W = in.pages[p].width, H = in.pages[p].height;
    d.pages[p] = rot % 2 ? PositionedPage{H, W} : PositionedPage{W, H};
    std::unordered_set<std::string> seen;
    const Word* prev = nullptr;
    for (auto i : by_page[p]) {
      const PositionedWord& pw = in.words[i];
      Box4 b = unturn(pw, rot, W, H);
      if (b.x1 < b.x0) std::swap(b.x0, b.x1);
      if (b.y1 < b.y0) std::swap(b.y0, b.y1);
      std::string_view t = std::string_view(in.text).substr(pw.begin, pw.end - pw.begin);
      // the same text drawn twice at one place (fake bold) is one word
      std::string dup(t);
      dup += '\x01' + std::to_string(std::lround(b.x0)) + ',' + std::to_string(std::lround(b.y0));
      if (!seen.insert(std::move(dup)).second) continue;
      Word w;
      w.page = static_cast<std::uint32_t>(p);
      w.x0 = b.x0;
      w.x1 = b.x1;
      w.top = b.y0;
      w.bottom = b.y1;
      w.begin = pw.begin;
      w.end = pw.end;
      w.key = text::fold_key(t);
      std::size_t nw = 0, nn = 0;
      for (std::size_t k = 0; k < t.size();) {
        char32_t c = text::next_code_point(t, k);
        (wide(c) ? nw : nn) += 1;
      }
      float width = std::max(b.x1 - b.x0, 0.01f), h = std::max(b.y1 - b.y0, 0.01f);
      float den = static_cast<float>(nw) + 0.6f * static_cast<float>(nn);
      w.em = den > 0 ? width / den : h;
      if (nw == 0) w.em = std::min(w.em, h);  // a narrow word's box height bounds its size
      bool tall = nw > 0 && h > 1.8f * w.em;   // a Type 3 CJK box, taller than its glyphs
      w.wide = nw > 0;
      // (a table wider than the page: the producer drops the characters past its side, and the
      // word's last kept one runs over it — `608` of 60890)
      w.clipped = b.x1 > d.pages[p].width + 0.5f || b.x0 < -0.5f;
      w.cy = (b.y0 + b.y1) / 2;
      // learn where the ink sits in tall boxes from a normal word touching one
      if (prev && prev->page == w.page) {
        const Word* a = prev;
        const Word* c = &w;
        bool a_tall = tall_box.back();
        bool touch = std::fabs(c->x0 - a->x1) < 0.3f * std::max(a->em, c->em);
        if (touch && tall != a_tall) {
          const Word* t2 = tall ? c : a;
          const Word* n2 = tall ? a : c;
          if (n2->top >= t2->top - 0.5f && n2->bottom <= t2->bottom + 0.5f)
            tall_pairs.emplace_back(n2->cy - t2->cy, t2->bottom - t2->top);
        }
      }
      d.words.push_back(std::move(w));
      tall_box.push_back(tall);
      page_words[p].push_back(static_cast<std::uint32_t>(d.words.size() - 1));
      prev = &d.words.back();
    }
    if (page_words[p].size() > kMaxGeometryWords) d.geometry[p] = false;
  }
  // the ink centre of a tall box: its middle, moved by the learned share of its height
  float ratio = 0;
  if (!tall_pairs.empty()) {
    std::vector<float> r;
    r.reserve(tall_pairs.size());
    for (auto& [off, h] : tall_pairs) r.push_back(off / h);
    std::nth_element(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(r.size() / 2), r.end());
    ratio = r[r.size() / 2];
  }
  for (std::size_t i = 0; i < d.words.size(); ++i) {
    Word& w = d.words[i];
    float h = w.bottom - w.top;
    if (tall_box[i]) {
      w.cy += ratio * h;
      w.top = w.cy - 0.6f * w.em;
      w.bottom = w.cy + 0.6f * w.em;
    }
  }
  d.page_first.push_back(0);
  for (std::size_t p = 0; p < pages; ++p) {
    make_lines(d, static_cast<std::uint32_t>(p), page_words[p]);
    d.page_first.push_back(static_cast<std::uint32_t>(d.lines.size()));
  }
  mark_furniture(d);
  return d;
}

namespace {
bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
}  // namespace

std::string join(const Doc& d, const std::vector<std::uint32_t>& ws, bool tabs) {
  std::string out;
  const Word* prev = nullptr;
  for (auto i : ws) {
    const Word& w = d.words[i];
    if (prev) {
      float gap = w.x0 - prev->x1, em = std::max(prev->em, w.em);
      bool same_line = prev->line == w.line;
      std::string_view t = d.text(i);
      if (!same_line) {  // a wrapped cell: lines run on, but words of Latin letters and digits stay apart
        if (!out.empty() && !t.empty() && alnum(out.back()) && alnum(t.front())) out += ' ';
      } else if (tabs && gap > 1.5f * em) {
        out += '\t';
      } else if (gap > 0.15f * em) {
        out += ' ';
      }
    }
    out += d.text(i);
    if (w.clipped) out += "\u2026";  // its characters past the page's side are lost: an ellipsis says so
    prev = &w;
  }
  return out;
}

}  // namespace ogi::sources::layout
