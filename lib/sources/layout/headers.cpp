// SPDX-License-Identifier: Apache-2.0
// The headers of the three standard tables, found by their words (report-format.md): a data
// column is anchored on its header word, so a column blank in every row (科研机构, often) is a
// column all the same, which clustering the numbers alone would miss. A column's span reaches
// halfway to its neighbours' headers.
#include <algorithm>
#include <cmath>

#include "sources/layout/layout.hpp"
#include "template/template.hpp"
#include "text/text.hpp"

namespace ogi::sources::layout {
namespace {

/// A table's header words as terms: each column's label and the other headers it goes by
/// (template.hpp), folded as the words are; alternatives share their column's key.
std::vector<Term> column_terms(const templates::TableDef& t) {
  std::vector<Term> out;
  for (const templates::ColumnDef& c : t.columns) {
    out.push_back({c.key, text::fold_key(c.label)});
    for (std::string_view v : c.variants) out.push_back({c.key, text::fold_key(v)});
  }
  return out;
}
const std::vector<Term>& applicant_terms() {
  static const std::vector<Term> t = column_terms(templates::applications());
  return t;
}
const int kApplicantColumns = static_cast<int>(templates::applications().columns.size());

const std::vector<Term>& review_terms() {
  static const std::vector<Term> t = column_terms(templates::review_litigation());
  return t;
}
// its five columns printed once per group: three groups of five
const int kReviewGroupColumns = static_cast<int>(templates::review_litigation().columns.size());
const int kReviewColumns = static_cast<int>(templates::review_litigation().rows.size()) * kReviewGroupColumns;

/// Table 2's label column's header (信息内容).
const std::vector<Term>& label_terms() {
  static const std::vector<Term> t = [] {
    std::vector<Term> out;
    for (std::string_view h : templates::active_disclosure().headers) out.push_back({0, text::fold_key(h)});
    return out;
  }();
  return t;
}

bool overlaps(float a0, float a1, float b0, float b1) { return std::min(a1, b1) - std::max(a0, b0) > 0; }

Column column_of(const Match& m) {
  Column c;
  c.key = m.key;
  c.x0 = m.x0;
  c.x1 = m.x1;
  c.top = m.top;
  c.bottom = m.bottom;
  c.page = m.page;
  c.words = m.words;
  return c;
}

/// Spans halfway to the neighbours; the first column's left edge halfway to the label header
/// where there is one (table 2's 信息内容), else as far as its right gap.
void set_spans(Header& h) {
  auto& cs = h.cols;
  std::size_t n = cs.size();
  for (std::size_t i = 1; i < n; ++i) {
    cs[i].left = (cs[i - 1].x1 + cs[i].x0) / 2;
    cs[i - 1].right = cs[i].left;
  }
  float g0 = n > 1 ? std::max(cs[1].x0 - cs[0].x1, 2.0f) : 40.0f;
  float gl = n > 1 ? std::max(cs[n - 1].x0 - cs[n - 2].x1, 2.0f) : g0;
  if (!h.label_words.empty() && h.label_x1 < cs[0].x0) {
    cs[0].left = (h.label_x1 + cs[0].x0) / 2;
    if (n == 1) gl = cs[0].x0 - h.label_x1;
  } else {
    cs[0].left = cs[0].x0 - g0 / 2;
  }
  cs[n - 1].right = cs[n - 1].x1 + gl / 2;
  h.label_right = cs[0].left;
  h.right = cs[n - 1].right;
}

/// How far right a page's words reach: where its print stops (the page's side, or the printed
/// area's edge where a browser clips what runs past it).
float ink_right(const Doc& d, std::uint32_t page) {
  float x = 0;
  for (std::uint32_t li = d.page_first[page]; li < d.page_first[page + 1]; ++li)
    for (auto w : d.lines[li].words)
      if (!d.words[w].furniture) x = std::max(x, d.words[w].x1);
  return std::min(x, d.pages[page].width);
}

/// A table wider than its page (Word and LibreOffice print it cut off at the page's side, a
/// browser at its printed area's edge) has its last columns all the same where its header words
/// fall short of them and they would stand past where the print stops: a column's pitch apart
/// after the last found, but not beyond that edge, so that what of their figures reaches into the
/// page is their own. Their figures are not on the page (the grid writes them as cut off).
void add_columns_past_page(const Doc& d, Header& h, int count) {
  if (h.cols.size() < 2 || h.cols.back().key >= count - 1 || h.cols.back().key <= h.cols.front().key) return;
  const Column& first = h.cols.front();
  const Column last = h.cols.back();
  const float pitch = ((last.x0 + last.x1) / 2 - (first.x0 + first.x1) / 2) / static_cast<float>(last.key - first.key);
  const float edge = ink_right(d, last.page);
  if (pitch <= 0 || (last.x0 + last.x1) / 2 + 1.5f * pitch <= edge) return;  // the next column's cell would end on the page
  for (int key = last.key + 1; key < count; ++key) {
    Column c = last;
    c.key = key;
    c.words.clear();
    c.x0 = c.x1 = std::min((last.x0 + last.x1) / 2 + pitch * static_cast<float>(key - last.key), edge);
    c.off_page = true;
    h.cols.push_back(std::move(c));
  }
}

/// Fills columns missing between two found ones (a header word no vocabulary knows), placed
/// evenly between them; a table missing its first or last column is not taken (the last ones
/// past the page's side were added before: add_columns_past_page).
bool complete(std::vector<Column>& cols, int count) {
  if (cols.empty() || cols.front().key != 0 || cols.back().key != count - 1) return false;
  std::vector<Column> out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) {
      const Column& a = cols[i - 1];
      const Column& b = cols[i];
      int gap = b.key - a.key;
      for (int k = 1; k < gap; ++k) {
        Column c;
        c.key = a.key + k;
        float t = static_cast<float>(k) / static_cast<float>(gap);
        c.x0 = c.x1 = a.x1 + (b.x0 - a.x1) * t;
        c.top = a.top;
        c.bottom = a.bottom;
        c.page = a.page;
        out.push_back(c);
      }
    }
    out.push_back(cols[i]);
  }
  cols = std::move(out);
  return true;
}

void header_lines(const Doc& d, Header& h) {
  h.lo = UINT32_MAX;
  h.hi = 0;
  auto take = [&](const std::vector<std::uint32_t>& ws) {
    for (auto w : ws) {
      h.lo = std::min(h.lo, d.words[w].line);
      h.hi = std::max(h.hi, d.words[w].line);
    }
  };
  for (auto& c : h.cols) take(c.words);
  take(h.label_words);
  h.page = d.lines[h.lo].page;
}

/// Table 3: 自然人 and the other applicant columns right of it in one header band (or moved to
/// the top of the next page).
void applications(const Doc& d, std::vector<Header>& out) {
  auto ms = find_terms(d, applicant_terms());
  for (const Match& m0 : ms) {
    if (m0.key != 0) continue;
    std::vector<const Match*> best(kApplicantColumns, nullptr);
    best[0] = &m0;
    auto dist = [&](const Match& m) { return m.page == m0.page ? std::fabs(m.top - m0.top) : 1000 + m.top; };
    for (const Match& m : ms) {
      if (m.key == 0 || m.x0 < m0.x1 - 0.5f) continue;
      // (a name stacked over more lines than 自然人's, centred in the same header row, starts
      // higher: its lines need only overlap 自然人's band)
      bool near = m.page == m0.page ? (m.bottom >= m0.top - 4 * m0.em && m.top <= std::min(m0.bottom, 1e5f) + 4 * m0.em)
                                    : (m.page == m0.page + 1 && m.first_line - d.page_first[m.page] < 8);
      if (!near) continue;
      if (!best[static_cast<std::size_t>(m.key)] || dist(m) < dist(*best[static_cast<std::size_t>(m.key)]))
        best[static_cast<std::size_t>(m.key)] = &m;
    }
    Header h;
    h.kind = Kind::applications;
    for (auto* m : best)
      if (m) h.cols.push_back(column_of(*m));
    const auto found = static_cast<int>(h.cols.size());  // (the columns past the page count for none)
    add_columns_past_page(d, h, kApplicantColumns);
    bool ordered = std::is_sorted(h.cols.begin(), h.cols.end(), [](auto& a, auto& b) { return a.x0 < b.x0; });
    if (found < kApplicantColumns - 1 || !ordered || !complete(h.cols, kApplicantColumns)) continue;
    header_lines(d, h);
    set_spans(h);
    out.push_back(std::move(h));
  }
}

/// Table 4's columns from header matches, left to right: a key repeating or going back starts
/// the next group. False unless they make the fifteen columns (a missing one filled between).
bool review_columns(const Doc& d, std::vector<const Match*> row, Header& h) {
  std::stable_sort(row.begin(), row.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
  h.kind = Kind::review_litigation;
  int group = 0, prev = -1;
  for (auto* m : row) {
    if (!h.cols.empty() && overlaps(h.cols.back().x0, h.cols.back().x1, m->x0, m->x1)) continue;
    if (m->key <= prev) ++group;
    prev = m->key;
    h.cols.push_back(column_of(*m));
    h.cols.back().key = group * kReviewGroupColumns + m->key;
  }
  const std::size_t found = h.cols.size();  // (the columns past the page count for none)
  add_columns_past_page(d, h, kReviewColumns);
  return found >= 12 && group <= 2 && complete(h.cols, kReviewColumns);
}

/// Table 4: the five result columns three times over, in one header band — or in two, where a
/// page break cut the header (the first group's columns at the foot of a page, the others' at
/// the top of the next) or the first group's cells, spanning both header rows, stand a line
/// above the others': their x ranges side by side, as in one band.
void review(const Doc& d, std::vector<Header>& out) {
  auto ms = find_terms(d, review_terms());
  std::sort(ms.begin(), ms.end(), [](auto& a, auto& b) { return a.page != b.page ? a.page < b.page : a.top < b.top; });
  std::vector<std::vector<const Match*>> bands;  // matches whose heights overlap, one after the other
  for (std::size_t i = 0; i < ms.size();) {
    std::size_t j = i + 1;
    float bottom = std::min(ms[i].bottom, 1e5f);
    while (j < ms.size() && ms[j].page == ms[i].page && ms[j].top <= bottom) {
      bottom = std::max(bottom, std::min(ms[j].bottom, 1e5f));
      ++j;
    }
    bands.emplace_back();
    for (std::size_t k = i; k < j; ++k) bands.back().push_back(&ms[k]);
    i = j;
  }
  auto last_line = [](const std::vector<const Match*>& b) {
    std::uint32_t l = 0;
    for (auto* m : b) l = std::max(l, m->last_line);
    return l;
  };
  auto rightmost = [](const std::vector<const Match*>& b) {
    float x = 0;
    for (auto* m : b) x = std::max(x, m->x1);
    return x;
  };
  auto right_of = [&](const std::vector<const Match*>& a, const std::vector<const Match*>& b) {
    const float right = rightmost(a);
    return std::all_of(b.begin(), b.end(), [&](auto* m) { return m->x0 >= right - 0.5f; });
  };
  auto continued = [&](const std::vector<const Match*>& a, const std::vector<const Match*>& b) {
    std::uint32_t pa = a.front()->page, pb = b.front()->page;
    bool at_foot = pa + 1 == pb && last_line(a) + 3 >= d.page_first[pa + 1];
    bool at_top = b.front()->first_line - d.page_first[pb] < 8;
    return at_foot && at_top && right_of(a, b);
  };
  // the first group's columns a line above the others' on the same page: its header cells span
  // both header rows (rowspan), centred between them, where no header cell wraps
  auto beside = [&](const std::vector<const Match*>& a, const std::vector<const Match*>& b) {
    return a.front()->page == b.front()->page && b.front()->first_line <= last_line(a) + 2 && right_of(a, b);
  };
  for (std::size_t i = 0; i < bands.size(); ++i) {
    Header h;
    bool found = review_columns(d, bands[i], h);
    if (!found && i + 1 < bands.size() && (continued(bands[i], bands[i + 1]) || beside(bands[i], bands[i + 1]))) {
      auto both = bands[i];
      both.insert(both.end(), bands[i + 1].begin(), bands[i + 1].end());
      h = Header{};
      if ((found = review_columns(d, both, h))) ++i;
    }
    if (!found) continue;
    header_lines(d, h);
    set_spans(h);
    out.push_back(std::move(h));
  }
}

/// Table 2's blocks: a 信息内容 cell and the header cells right of it on its row (whatever their
/// words: 本年制发件数, 上一年项目数量, …), grouped where they overlap or touch.
void active_disclosure(const Doc& d, std::vector<Header>& out) {
  for (const Match& m : find_terms(d, label_terms())) {
    std::uint32_t lo = m.first_line, hi = m.last_line;
    float cy = (m.top + m.bottom) / 2;
    auto clear_of_labels = [&](std::uint32_t li) {
      for (auto w : d.lines[li].words)
        if (!d.words[w].furniture && d.words[w].x0 < m.x1 - 0.5f) return false;
      return true;
    };
    while (lo > d.page_first[m.page] && clear_of_labels(lo - 1) &&
           cy - d.lines[lo - 1].cy < 4 * m.em) {
      std::string k;
      for (auto w : d.lines[lo - 1].words) k += d.words[w].key;
      if (is_block_title(k)) break;
      --lo;
    }
    while (hi + 1 < d.page_first[m.page + 1] && clear_of_labels(hi + 1) && d.lines[hi + 1].cy - cy < 4 * m.em) {
      bool numbers = false;
      for (auto w : d.lines[hi + 1].words) numbers |= is_number(d.words[w].key);
      if (numbers) break;
      ++hi;
    }
    // header words right of 信息内容, grouped into columns
    std::vector<std::uint32_t> ws;
    for (auto li = lo; li <= hi; ++li)
      for (auto w : d.lines[li].words)
        if (!d.words[w].furniture && d.words[w].x0 >= m.x1 - 0.5f) ws.push_back(w);
    std::sort(ws.begin(), ws.end(), [&](auto a, auto b) { return d.words[a].x0 < d.words[b].x0; });
    Header h;
    h.kind = Kind::active_disclosure;
    for (auto w : ws) {
      const Word& x = d.words[w];
      Column* hit = nullptr;
      for (auto& c : h.cols) {
        bool touch = std::fabs(x.x0 - c.x1) < 0.1f * x.em &&
                     std::any_of(c.words.begin(), c.words.end(), [&](auto v) { return d.words[v].line == x.line; });
        if (overlaps(c.x0, c.x1, x.x0, x.x1) || touch) { hit = &c; break; }
      }
      if (!hit) {
        h.cols.emplace_back();
        hit = &h.cols.back();
        hit->x0 = x.x0;
        hit->x1 = x.x1;
        hit->top = x.top;
        hit->bottom = x.bottom;
        hit->page = x.page;
        hit->key = static_cast<int>(h.cols.size() - 1);
      }
      hit->x0 = std::min(hit->x0, x.x0);
      hit->x1 = std::max(hit->x1, x.x1);
      hit->top = std::min(hit->top, x.top);
      hit->bottom = std::max(hit->bottom, x.bottom);
      hit->words.push_back(w);
    }
    if (h.cols.empty()) continue;
    for (auto& c : h.cols)  // reading order inside each header cell
      std::sort(c.words.begin(), c.words.end(), [&](auto a, auto b) {
        return d.words[a].line != d.words[b].line ? d.words[a].line < d.words[b].line : d.words[a].x0 < d.words[b].x0;
      });
    h.label_words = m.words;
    h.label_x1 = m.x1;
    h.lo = lo;
    h.hi = hi;
    h.page = m.page;
    set_spans(h);
    out.push_back(std::move(h));
  }
}

std::string_view skip_numeral(std::string_view k) {
  static constexpr std::string_view digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t n = 0;
  for (bool hit = true; hit;) {
    hit = false;
    for (auto dg : digits)
      if (k.substr(n, dg.size()) == dg) { n += dg.size(); hit = true; break; }
  }
  if (n == 0) return {};
  k.remove_prefix(n);
  if (k.substr(0, 3) == "、") k.remove_prefix(3);
  else if (k.substr(0, 1) == ".") k.remove_prefix(1);
  return k;
}

}  // namespace

bool is_heading(std::string_view key) {
  const auto& sections = templates::sections();
  // numbered: a section's word within the first dozen characters after the numeral
  if (std::string_view rest = skip_numeral(key); !rest.empty()) {
    std::string_view head = rest.substr(0, 3 * 16);
    for (const templates::SectionDef& s : sections)
      for (const auto* words : {&s.keywords, &s.numbered_only})
        for (std::string_view w : *words)
          if (auto at = head.find(w); at != std::string_view::npos && at <= 3 * 12) return true;
  }
  // unnumbered: the line opens as a template title does, over its first ten characters (a title
  // wrapped after them still counts) or the whole of a shorter one. Titles are ideographs and 、,
  // three bytes each.
  constexpr std::size_t kOpening = 3 * 10;
  for (const templates::SectionDef& s : sections)
    for (std::string_view title : s.titles) {
      std::size_t need = std::min(title.size(), kOpening);
      if (key.substr(0, need) == title.substr(0, need)) return true;
    }
  return false;
}

bool is_block_title(std::string_view key) {
  if (key.substr(0, 12) != "第二十条") return false;  // 第二十条第(一)项, spaces already folded away
  key.remove_prefix(12);
  if (key.substr(0, 3) != "第") return false;
  key.remove_prefix(3);
  if (!key.empty() && key[0] == '(') key.remove_prefix(1);
  std::string_view rest = skip_numeral(key);
  if (rest.data() == nullptr) return false;
  if (!rest.empty() && rest[0] == ')') rest.remove_prefix(1);
  return rest.substr(0, 3) == "项";
}

std::vector<Header> find_headers(const Doc& d) {
  std::vector<Header> all;
  applications(d, all);
  review(d, all);
  active_disclosure(d, all);
  std::stable_sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.lo < b.lo; });
  std::vector<Header> out;
  for (auto& h : all)
    if (out.empty() || h.lo > out.back().hi) out.push_back(std::move(h));
  return out;
}

}  // namespace ogi::sources::layout
