// The outline: headings found by meaning (keywords of the six standard headings), in order,
// numbered or not, tolerant of renamed and misnumbered headings. Table row labels such as
// 一、本年新收… never open a section: they name none of the six subjects.
#include <algorithm>
#include <array>
#include <string>

#include "sections/sections.hpp"
#include "tables/cells.hpp"

namespace ogi::sections {
namespace {

struct HeadingSpec {
  SectionKey key;
  std::vector<std::string_view> keywords;
};

const std::array<HeadingSpec, 6>& heading_specs() {
  static const std::array<HeadingSpec, 6> s = {{
      {SectionKey::overview, {"总体情况", "概述", "基本情况"}},
      {SectionKey::active_disclosure, {"主动公开政府信息", "主动公开情况"}},
      {SectionKey::applications, {"收到和处理政府信息公开申请", "依申请公开政府信息", "依申请公开情况", "收到和处理"}},
      {SectionKey::review_litigation, {"行政复议", "行政诉讼"}},
      {SectionKey::problems, {"存在的主要问题", "问题及改进", "主要问题和改进"}},
      {SectionKey::other_matters, {"其他需要报告", "其他事项"}},
  }};
  return s;
}

constexpr std::array<std::string_view, 10> kNumerals{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/// "一、" "一." "一，" "一 " at the start: the numeral's value (1..10), else 0; `rest` gets the text after.
int top_numbering(std::string_view s, std::string_view& rest) {
  for (std::size_t i = 0; i < kNumerals.size(); ++i) {
    if (s.substr(0, kNumerals[i].size()) != kNumerals[i]) continue;
    auto r = s.substr(kNumerals[i].size());
    for (std::string_view sep : {"、", ".", ",", "．"})
      if (r.substr(0, sep.size()) == sep) { rest = r.substr(sep.size()); return static_cast<int>(i) + 1; }
  }
  return 0;
}

/// "(一)" at the start: 1..10, else 0.
int sub_numbering(std::string_view s) {
  if (s.substr(0, 1) != "(") return 0;
  for (std::size_t i = 0; i < kNumerals.size(); ++i)
    if (s.substr(1, kNumerals[i].size()) == kNumerals[i] && s.substr(1 + kNumerals[i].size(), 1) == ")")
      return static_cast<int>(i) + 1;
  return 0;
}

std::size_t han_length(std::string_view s) {  // characters, roughly: UTF-8 lead bytes
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool has_any(std::string_view s, const std::vector<std::string_view>& kws) {
  return std::any_of(kws.begin(), kws.end(), [&](std::string_view k) { return s.find(k) != std::string_view::npos; });
}

struct Candidate {
  std::size_t line;
  SectionKey key;
  std::uint32_t at = 0;   // normalized offset where the heading starts
  std::uint32_t end = 0;  // and ends
};

/// Headings inside one long line (a page saved as one line of text): "二、主动公开政府信息情况第二十条…".
/// A numeral 一、…十、 followed within a few characters by the next expected section's keyword.
void inline_headings(const text::NormalizedText& nt, std::size_t li, int& last_spec, std::vector<Candidate>& tops) {
  const auto& specs = heading_specs();
  std::string_view line = nt.line_text(li);
  for (std::size_t pos = 0; pos < line.size();) {
    std::string_view rest;
    int num = top_numbering(line.substr(pos), rest);
    if (num == 0) {
      ++pos;
      while (pos < line.size() && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    std::size_t body = line.size() - rest.size();
    std::string_view window = line.substr(body, 60);  // about 20 characters
    bool found = false;
    for (int i = last_spec + 1; i < static_cast<int>(specs.size()) && !found; ++i)
      for (auto kw : specs[static_cast<std::size_t>(i)].keywords) {
        auto k = window.find(kw);
        if (k == std::string_view::npos) continue;
        std::size_t end = body + k + kw.size();
        for (std::string_view tail : {"情况", "事项"}) {  // the heading usually ends with one of these
          auto t = line.substr(end, 24).find(tail);
          if (t != std::string_view::npos) { end += t + tail.size(); break; }
        }
        auto base = nt.lines[li].begin;
        tops.push_back({li, specs[static_cast<std::size_t>(i)].key, base + static_cast<std::uint32_t>(pos),
                        base + static_cast<std::uint32_t>(end)});
        last_spec = i;
        pos = end;
        found = true;
        break;
      }
    if (!found) pos = body;
  }
}

}  // namespace

void build_outline(const text::NormalizedText& nt, Report& report) {
  const auto& specs = heading_specs();
  std::vector<Candidate> tops;
  int last_spec = -1;
  for (std::size_t li = 0; li < nt.lines.size(); ++li) {
    if (nt.lines[li].dropped) continue;
    std::string_view raw = nt.line_text(li);
    // Headings are short: a paragraph is skipped without copying it (a whole page saved as one
    // line is searched for headings inside it).
    if (raw.size() > 400) {
      if (han_length(raw) > 400 && raw.find('\t') == std::string_view::npos) inline_headings(nt, li, last_spec, tops);
      continue;
    }
    std::string s = tables::squeeze(raw);
    if (s.empty() || s.find('\t') != std::string::npos || han_length(s) > 40) continue;
    std::string_view rest = s;
    int num = top_numbering(s, rest);
    bool numbered = num > 0;
    if (!numbered && han_length(s) > 24) continue;  // an unnumbered heading is short
    for (int i = last_spec + 1; i < static_cast<int>(specs.size()); ++i) {
      if (!has_any(rest, specs[static_cast<std::size_t>(i)].keywords)) continue;
      // Unnumbered lines must look like a heading, not a sentence.
      if (!numbered && (s.find("。") != std::string::npos || s.find(",") != std::string::npos)) break;
      tops.push_back({li, specs[static_cast<std::size_t>(i)].key, nt.lines[li].begin, nt.lines[li].end});
      last_spec = i;
      break;
    }
    // 七、… after 六、: an extra top-level section, kept as "other".
    if (numbered && num >= 7 && last_spec == static_cast<int>(specs.size()) - 1 && tops.back().line != li &&
        han_length(s) <= 30 && s.find("。") == std::string::npos)
      tops.push_back({li, SectionKey::other, nt.lines[li].begin, nt.lines[li].end});
  }

  report.preamble_end_line = tops.empty() ? static_cast<std::uint32_t>(nt.lines.size())
                                          : static_cast<std::uint32_t>(tops.front().line);
  for (std::size_t t = 0; t < tops.size(); ++t) {
    std::size_t first = tops[t].line;
    bool inline_next = t + 1 < tops.size() && tops[t + 1].at != nt.lines[tops[t + 1].line].begin;
    std::size_t last = t + 1 < tops.size() ? tops[t + 1].line + (inline_next ? 1 : 0) : nt.lines.size();  // exclusive
    std::uint32_t begin = tops[t].at;
    std::uint32_t end = t + 1 < tops.size() ? tops[t + 1].at : static_cast<std::uint32_t>(nt.text.size());
    Section sec;
    sec.key = tops[t].key;
    std::string_view h = std::string_view(nt.text).substr(tops[t].at, tops[t].end - tops[t].at);
    auto b = h.find_first_not_of(" \t");
    auto e = h.find_last_not_of(" \t");
    sec.heading = b == std::string_view::npos ? std::string() : std::string(h.substr(b, e - b + 1));
    sec.line = static_cast<std::uint32_t>(first + 1);
    sec.end_line = static_cast<std::uint32_t>(std::max(last, first + 1));
    sec.span = nt.range(begin, end);
    sec.span.line = sec.line;
    int parent = static_cast<int>(report.sections.size());
    report.sections.push_back(std::move(sec));

    // Sub-sections （一）… inside this section; table labels like (一)予以公开 are excluded.
    bool tabular = tops[t].key == SectionKey::active_disclosure || tops[t].key == SectionKey::applications ||
                   tops[t].key == SectionKey::review_litigation;
    std::vector<std::size_t> subs;
    for (std::size_t li = first + 1; li < last; ++li) {
      if (nt.lines[li].dropped) continue;
      std::string_view raw = nt.line_text(li);
      if (raw.size() > 300 || raw.find('(') > 12) continue;  // a sub-heading starts with (一) and is short
      std::string s = tables::squeeze(raw);
      if (sub_numbering(s) == 0 || han_length(s) > 40) continue;
      if (raw.find('\t') != std::string_view::npos) continue;
      if (tabular && std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      if (tabular && (s.find("予以公开") != std::string::npos || s.find("部分公开") != std::string::npos ||
                      s.find("不予") != std::string::npos || s.find("无法提供") != std::string::npos ||
                      s.find("其他处理") != std::string::npos || s.find("总计") != std::string::npos))
        continue;
      subs.push_back(li);
    }
    for (std::size_t k = 0; k < subs.size(); ++k) {
      std::size_t sf = subs[k], sl = k + 1 < subs.size() ? subs[k + 1] : last;
      Section sub;
      std::string_view sh = nt.line_text(sf);
      auto sb = sh.find_first_not_of(" \t");
      auto se = sh.find_last_not_of(" \t");
      sub.heading = std::string(sh.substr(sb, se - sb + 1));
      sub.line = static_cast<std::uint32_t>(sf + 1);
      // A sub-section ends at its last non-blank line.
      std::size_t sub_end = sl;
      while (sub_end > sf + 1 && tables::squeeze(nt.line_text(sub_end - 1)).empty()) --sub_end;
      sub.end_line = static_cast<std::uint32_t>(sub_end);
      sub.span = nt.span(nt.lines[sf].begin, nt.lines[sub_end - 1].end);
      sub.span.line = sub.line;
      sub.parent = parent;
      report.sections[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(report.sections.size()));
      report.sections.push_back(std::move(sub));
    }
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
