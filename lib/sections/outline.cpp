// SPDX-License-Identifier: Apache-2.0
// The outline: headings found by meaning (keywords of the six standard headings), in order,
// numbered or not, tolerant of renamed and misnumbered headings, of headings glued to their first
// paragraph and of headings split over two lines. Table row labels such as 一、本年新收… never open
// a section: they name none of the six subjects, and their numbering does not continue the
// outline's (docs/sections.md).
#include <algorithm>
#include <array>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/numbering.hpp"
#include "sections/sections.hpp"
#include "template/template.hpp"

namespace ogi::sections {
namespace {

using text::char_count;
using text::first_chars;
using text::item_numbering;
using text::ItemStyle;
using text::top_numbering;

/// The sections' heading words are the template's (template.hpp).
const std::vector<templates::SectionDef>& heading_specs() { return templates::sections(); }

constexpr std::size_t kHeadingChars = 40;     // a numbered heading is at most this long
constexpr std::size_t kUnnumberedChars = 24;  // an unnumbered one at most this

using text::kCut;  // U+FFFD: a character html2text cut apart

/// `kw` in `s` where a run of cut characters (U+FFFD) may stand for one of its characters
/// (一、总�情况 names 总体情况): at most one such run, and a keyword of three characters or more.
/// Sets `end` past the match.
std::size_t find_cut_keyword(std::string_view s, std::string_view kw, std::size_t& end) {
  if (kw.size() < 9) return std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    std::size_t p = i, q = 0;
    bool wild = false;
    while (q < kw.size() && p < s.size()) {
      std::size_t len = 1;
      while (q + len < kw.size() && (static_cast<unsigned char>(kw[q + len]) & 0xC0) == 0x80) ++len;
      if (s.compare(p, len, kw, q, len) == 0) {
        p += len;
      } else if (!wild && q > 0 && s.substr(p).starts_with(kCut)) {
        while (s.substr(p).starts_with(kCut)) p += kCut.size();
        wild = true;
      } else {
        break;
      }
      q += len;
    }
    if (q == kw.size() && wild) {
      end = p;
      return i;
    }
  }
  return std::string_view::npos;
}

/// The first spec after `last` whose keyword occurs in `s` at or before `within` bytes; -1 if none.
int find_spec(std::string_view s, int last, std::size_t within, bool numbered, std::size_t* kw_end = nullptr) {
  const auto& specs = heading_specs();
  bool cut = s.find(kCut) != std::string_view::npos;
  for (int i = last + 1; i < static_cast<int>(specs.size()); ++i) {
    const templates::SectionDef& spec = specs[static_cast<std::size_t>(i)];
    for (const auto* list : {&spec.keywords, &spec.numbered_only}) {
      if (list == &spec.numbered_only && !numbered) break;
      for (auto kw : *list) {
        auto k = s.find(kw);
        std::size_t end = k + kw.size();
        if (k == std::string_view::npos && cut) k = find_cut_keyword(s, kw, end);
        if (k == std::string_view::npos || k > within) continue;
        if (kw_end) *kw_end = end;
        return i;
      }
    }
  }
  return -1;
}

/// Where a heading glued to its paragraph ends: after the keyword when it ends the heading itself
/// (总体情况), else after 情况/事项/措施 following it, else before the first 。 or ：; npos when that
/// is not within a heading's length or the heading would hold a sentence.
std::size_t glued_heading_end(std::string_view s, std::size_t kw_end) {
  std::string_view window = first_chars(s, kHeadingChars);
  std::size_t best = std::string_view::npos;
  for (std::string_view tail : {"情况", "事项", "概述", "措施"})
    if (kw_end >= tail.size() && s.substr(kw_end - tail.size(), tail.size()) == tail) best = kw_end;
  for (std::string_view tail : {"情况", "事项", "措施"}) {
    auto t = window.find(tail, kw_end);
    if (t != std::string_view::npos) best = std::min(best, t + tail.size());
  }
  for (std::string_view stop : {"。", ":"}) {
    auto t = window.find(stop, kw_end);
    if (t != std::string_view::npos) best = std::min(best, t);
  }
  if (best == std::string_view::npos) return best;
  std::string_view head = s.substr(0, best);
  if (head.find("。") != std::string_view::npos || head.find(",") != std::string_view::npos) return std::string_view::npos;
  return best;
}

/// A numeral html2text cut in half before a heading's separator (�、总体情况): -1 and `rest`
/// after the separator; else 0.
int cut_numbering(std::string_view s, std::string_view& rest) {
  if (!s.starts_with(kCut)) return 0;
  while (s.starts_with(kCut)) s.remove_prefix(kCut.size());
  for (std::string_view sep : {"、", ".", ",", "．"})
    if (s.starts_with(sep)) {
      rest = s.substr(sep.size());
      return -1;
    }
  return 0;
}

/// The heading's numeral: as written, or for a cut one, the standard number of its subject.
int numeral(int num, int spec) { return num < 0 ? spec + 1 : num; }

/// The heading as written, without the marks around it and the spaces.
std::string heading_text(std::string_view raw) { return std::string(text::strip_heading_marks(raw)); }

/// Byte offset in `raw` of squeezed offset `k` (squeeze drops spaces and tabs).
std::size_t raw_offset(std::string_view raw, std::size_t k) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < raw.size(); ++i) {
    if (raw[i] == ' ' || raw[i] == '\t') continue;
    if (seen++ == k) break;
  }
  return i;
}

struct Candidate {
  std::size_t line;
  SectionKey key;
  std::uint32_t at = 0;   // normalized offset where the heading starts
  std::uint32_t end = 0;  // and ends
  int numeral = 0;        // 一、 = 1; 0 when unnumbered
  std::string heading;
};

/// Headings inside one long line (a page saved as one line of text): "二、主动公开政府信息情况第二十条…".
/// A numeral 一、…十、 followed within a few characters by the next expected section's keyword.
void inline_headings(const text::NormalizedText& nt, std::size_t li, int& last_spec, std::vector<Candidate>& tops) {
  const auto& specs = heading_specs();
  std::string_view line = nt.line_text(li);
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  // A numeral (three bytes led by E4 or E5) and a separator (、 or ． led by E3 or EF, or . ,)
  // right after it: the bytes that must be there before top_numbering is worth asking.
  auto may_number = [&](std::size_t at) {
    if (at + 3 >= line.size() || (p[at] != 0xE4 && p[at] != 0xE5)) return false;
    unsigned char sep = p[at + 3];
    return sep == 0xE3 || sep == 0xEF || sep == '.' || sep == ',';
  };
  // The next position from `at` where may_number holds: a lead E4 or E5 is always a character's
  // first byte, so the bytes are searched sixteen at a time where SSE2 is.
  auto next_numeral = [&](std::size_t at) {
#if defined(__SSE2__)
    for (; at + 19 <= line.size(); at += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      const __m128i sep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 3));
      auto is = [](__m128i x, unsigned char b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(b))); };
      const __m128i hit = _mm_and_si128(_mm_or_si128(is(v, 0xE4), is(v, 0xE5)),
                                        _mm_or_si128(_mm_or_si128(is(sep, 0xE3), is(sep, 0xEF)), _mm_or_si128(is(sep, '.'), is(sep, ','))));
      if (const int mask = _mm_movemask_epi8(hit)) return at + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; at < line.size(); ++at)
      if (may_number(at)) return at;
    return line.size();
  };
  for (std::size_t pos = next_numeral(0); pos < line.size(); pos = next_numeral(pos)) {
    std::string_view rest;
    int num = top_numbering(line.substr(pos), rest);
    if (num == 0) {
      ++pos;
      continue;
    }
    std::size_t body = line.size() - rest.size();
    std::size_t kw_end = 0;
    int i = find_spec(line.substr(body, 60), last_spec, 60, true, &kw_end);  // about 20 characters
    if (i < 0) {
      pos = body;
      continue;
    }
    std::size_t end = body + kw_end;
    for (std::string_view tail : {"情况", "事项"}) {  // the heading usually ends with one of these
      auto t = line.substr(end, 24).find(tail);
      if (t != std::string_view::npos) { end += t + tail.size(); break; }
    }
    auto base = nt.lines[li].begin;
    tops.push_back({li, specs[static_cast<std::size_t>(i)].key, base + static_cast<std::uint32_t>(pos),
                    base + static_cast<std::uint32_t>(end), num, std::string(line.substr(pos, end - pos))});
    last_spec = i;
    pos = end;
  }
}

/// The next line after `li` with content, if it is within two lines.
std::size_t next_content_line(const text::NormalizedText& nt, std::size_t li) {
  for (std::size_t k = li + 1; k < nt.lines.size() && k <= li + 2; ++k)
    if (!nt.lines[k].dropped && nt.line_text(k).find_first_not_of(" \t") != std::string_view::npos) return k;
  return nt.lines.size();
}

/// The line that ends a heading a PDF tool broke before its last characters (二、主动公开政府信息情
/// / 况): the next line, when it is at most three characters and the heading with it ends as
/// headings do (情况, 事项, 措施); else npos.
std::size_t heading_tail(const text::NormalizedText& nt, std::size_t li, std::string_view heading) {
  for (std::string_view end : {"情况", "事项", "措施", "概述"})
    if (heading.ends_with(end)) return static_cast<std::size_t>(-1);
  if (li + 1 >= nt.lines.size() || nt.lines[li + 1].dropped) return static_cast<std::size_t>(-1);
  std::string t = text::squeeze(nt.line_text(li + 1));
  if (t.empty() || char_count(t) > 3) return static_cast<std::size_t>(-1);
  std::string joined = std::string(heading) + t;
  for (std::string_view end : {"情况", "事项", "措施"})
    if (std::string_view(joined).ends_with(end)) return li + 1;
  return static_cast<std::size_t>(-1);
}

/// Numbered headings that name none of the six subjects become top-level sections of their own
/// (key `other`: 四、收费及减免情况 in a pre-2019 report, 七、附件) when their numeral continues
/// the outline's numbering and the next recognised heading's numeral is higher. A table's row
/// label 四、结转下年度… inside section 三 fails the second test: 四、行政复议… follows it.
std::vector<Candidate> with_extras(std::vector<Candidate> tops, const std::vector<Candidate>& extras) {
  if (extras.empty() || tops.empty()) return tops;
  std::vector<Candidate> out;
  std::size_t e = 0;
  auto take_extras_before = [&](std::size_t line, int next_numeral) {
    for (; e < extras.size() && extras[e].line < line; ++e) {
      int prev = out.empty() ? 0 : out.back().numeral;
      if (!out.empty() && prev == 0) continue;
      bool follows = extras[e].numeral == prev + 1;
      bool room = next_numeral > 0 ? next_numeral > extras[e].numeral
                                   : !out.empty() && (out.back().key == SectionKey::other_matters ||
                                                      out.back().key == SectionKey::other);
      if (follows && room) out.push_back(extras[e]);
    }
  };
  for (Candidate& t : tops) {
    take_extras_before(t.line, t.numeral);
    out.push_back(std::move(t));
  }
  take_extras_before(static_cast<std::size_t>(-1), 0);
  return out;
}

}  // namespace

void build_outline(const text::NormalizedText& nt, Report& report) {
  const auto& specs = heading_specs();
  std::vector<Candidate> tops, extras;
  int last_spec = -1;
  std::string squeezed;  // one buffer for every line's squeezed text
  for (std::size_t li = 0; li < nt.lines.size(); ++li) {
    if (nt.lines[li].dropped) continue;
    std::string_view raw = nt.line_text(li);
    // Headings are short: a paragraph is skipped without copying it (a whole page saved as one
    // line is searched for headings inside it).
    if (raw.size() > 400) {
      if (text::more_chars_than(raw, 400) && raw.find('\t') == std::string_view::npos) inline_headings(nt, li, last_spec, tops);
      continue;
    }
    text::squeeze_into(raw, squeezed);
    std::string_view s = text::strip_heading_marks(squeezed);
    std::size_t mark_b = static_cast<std::size_t>(s.data() - squeezed.data());
    if (s.empty()) continue;
    std::string_view rest = s;
    int num = top_numbering(s, rest);
    if (num == 0) num = cut_numbering(s, rest);  // -1: a numeral html2text cut (�、总体情况)
    std::size_t body = s.size() - rest.size();
    auto begin = nt.lines[li].begin;
    if (num == 0) {
      // Unnumbered: short and not a sentence.
      if (text::more_chars_than(s, kUnnumberedChars) || s.find("。") != std::string_view::npos ||
          s.find(",") != std::string_view::npos)
        continue;
      ItemStyle style;
      std::size_t text_at = 0;
      if (item_numbering(s, style, text_at) != 0) continue;  // (一)主动公开情况 is a sub-section
      // a table's header word alone on its line (`行政复议` over table 4's first group, which a
      // reading-order dump may print before the section's own heading) heads no section
      if (templates::names_column_group(s)) continue;
      int i = find_spec(s, last_spec, s.size(), false);
      if (i < 0) continue;
      tops.push_back({li, specs[static_cast<std::size_t>(i)].key, begin, nt.lines[li].end, 0, heading_text(raw)});
      last_spec = i;
      continue;
    }
    std::size_t kw_end = 0;
    if (!text::more_chars_than(s, kHeadingChars)) {
      if (int i = find_spec(rest, last_spec, rest.size(), true); i >= 0) {
        tops.push_back({li, specs[static_cast<std::size_t>(i)].key, begin, nt.lines[li].end, numeral(num, i), heading_text(raw)});
        last_spec = i;
        if (std::size_t tail = heading_tail(nt, li, s); tail < nt.lines.size()) {
          tops.back().end = nt.lines[tail].end;
          tops.back().heading += heading_text(nt.line_text(tail));
          li = tail;
        }
        continue;
      }
      // Split over two lines: 五、存在的主要 / 问题及改进情况.
      std::size_t next = next_content_line(nt, li);
      if (s.find("。") == std::string_view::npos && next < nt.lines.size()) {
        std::string s2 = text::squeeze(nt.line_text(next));
        std::string_view r2;
        ItemStyle st;
        std::size_t at2 = 0;
        if (char_count(s2) <= kUnnumberedChars && s2.find("。") == std::string::npos && top_numbering(s2, r2) == 0 &&
            item_numbering(s2, st, at2) == 0) {
          std::string joined = std::string(rest) + s2;
          if (int i = find_spec(joined, last_spec, rest.size() + 1, true); i >= 0) {
            tops.push_back({li, specs[static_cast<std::size_t>(i)].key, begin, nt.lines[next].end, numeral(num, i),
                            heading_text(raw) + heading_text(nt.line_text(next))});
            last_spec = i;
            li = next;
            continue;
          }
        }
      }
      // Kept only when it continues the numbering so far (see with_extras), so that a run of
      // lookalike lines costs no memory.
      int prev = extras.empty() || (!tops.empty() && tops.back().line > extras.back().line)
                     ? (tops.empty() ? 0 : tops.back().numeral)
                     : extras.back().numeral;
      if (num == prev + 1 && s.find("。") == std::string_view::npos && s.find_first_of("0123456789") == std::string_view::npos)
        extras.push_back({li, SectionKey::other, begin, nt.lines[li].end, num, heading_text(raw)});
      continue;
    }
    // Glued to its first paragraph: 一、总体情况2021年，我区…
    int i = find_spec(rest, last_spec, 3 * 12, true, &kw_end);
    if (i < 0) continue;
    std::size_t end = glued_heading_end(s, body + kw_end);
    if (end == std::string_view::npos) continue;
    std::size_t raw_end = raw_offset(raw, mark_b + end);
    tops.push_back({li, specs[static_cast<std::size_t>(i)].key, begin, begin + static_cast<std::uint32_t>(raw_end), numeral(num, i),
                    heading_text(raw.substr(0, raw_end))});
    last_spec = i;
  }
  tops = with_extras(std::move(tops), extras);

  report.preamble_end_line = tops.empty() ? static_cast<std::uint32_t>(nt.lines.size())
                                          : static_cast<std::uint32_t>(tops.front().line);
  for (std::size_t t = 0; t < tops.size(); ++t) {
    std::size_t first = tops[t].line;
    bool inline_next = t + 1 < tops.size() && tops[t + 1].at != nt.lines[tops[t + 1].line].begin;
    std::size_t last = t + 1 < tops.size() ? tops[t + 1].line + (inline_next ? 1 : 0) : nt.lines.size();  // exclusive
    Section sec;
    sec.key = tops[t].key;
    sec.heading = std::move(tops[t].heading);
    sec.line = static_cast<std::uint32_t>(first + 1);
    sec.end_line = static_cast<std::uint32_t>(std::max(last, first + 1));
    std::uint32_t end = t + 1 < tops.size() ? tops[t + 1].at : static_cast<std::uint32_t>(nt.text.size());
    sec.span = nt.range(tops[t].at, end);
    sec.span.line = sec.line;
    report.sections.push_back(std::move(sec));
    build_items(nt, report, report.sections.size() - 1, first, last);
  }
}

bool section_lines(const Report& report, SectionKey key, std::size_t& first, std::size_t& last) {
  for (const Section& s : report.sections)
    if (s.parent < 0 && s.key == key) {
      first = s.line - 1;
      last = s.end_line;
      return true;
    }
  return false;
}

}  // namespace ogi::sections
