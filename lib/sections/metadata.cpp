// SPDX-License-Identifier: Apache-2.0
// Agency, year and statistics period (docs/sections.md, "Agency and year"). The agency is the
// first name found in the order title, signature, 现将…报告, byline, 本报告由…编制, 请与…联系,
// 主办单位, completed by the higher levels another of them writes before it (淮安市 + 洪泽区人民
// 政府). The year is the title's, else the statistics period's, else the one 现将…报告 states; a
// period that names another year than the title is a finding.
#include <algorithm>
#include <string>

#include "sections/names.hpp"
#include "sections/sections.hpp"
#include "text/numbering.hpp"
#include "text/patterns.hpp"

namespace ogi::sections {
namespace {

enum Re { kPeriod, kFullYear };

const text::Patterns& patterns() {
  static const text::Patterns set(
      {
          // 统计期限自2021年1月1日起至2021年12月31日止: (1)(2)(3) start, (4) end year if written, (5)(6) end
          {"统计(?:期限|时限|期间|时间|时段|区间|范围)[^0-9]{0,6}([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[^0-9]{0,6}"
           "(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日",
           {"统计"}},
          // without the keyword, in the preamble: 自2025年1月1日起至2025年12月31日止
          {"(?:自|从)([0-9]{4})年(1)月(1)日起?(?:至|到|—|-|~)(?:([0-9]{4})年)?(12)月(31)日", {"1月1日"}},
      },
      /*ucp=*/true);
  return set;
}

std::string iso(std::string_view y, std::string_view m, std::string_view d) {
  auto two = [](std::string_view v) { return v.size() == 1 ? "0" + std::string(v) : std::string(v); };
  return std::string(y) + "-" + two(m) + "-" + two(d);
}

/// A name's prefix ends where an administrative area's name does (淮安市|洪泽区人民政府).
bool area_boundary(std::string_view prefix) {
  if (prefix.size() < 6) return false;
  for (std::string_view end : {"省", "市", "区", "县", "州", "盟", "旗"})
    if (prefix.ends_with(end)) return true;
  return false;
}

/// Names are written with full-width brackets, as Chinese names are (the view folds them).
std::string as_name(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '(') out += "（";
    else if (c == ')') out += "）";
    else out.push_back(c);
  }
  return out;
}

void choose_agency(const text::NormalizedText& nt, std::vector<Name>& names, Field<std::string>& agency) {
  std::stable_sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.rank < b.rank; });
  if (names.empty()) return;
  const Name& base = names.front();
  const Piece* piece = &base.piece;
  Piece qualified;
  FieldSource source = base.source;
  for (const Name& other : names) {
    std::size_t k = other.piece.text.find(base.piece.text);
    if (k == std::string::npos || k == 0 || !area_boundary(std::string_view(other.piece.text).substr(0, k))) continue;
    qualified = other.piece.sub(0, k + base.piece.text.size());
    piece = &qualified;
    source = other.source;
    break;
  }
  agency.value = as_name(piece->text);
  agency.span = piece->span(nt, 0, piece->text.size());
  agency.source = source;
}

/// Whether a name the title (on line `title_line`) may have wrapped is written so elsewhere: in
/// another name found, or in the prose after the title.
bool written_elsewhere(std::string_view name, std::size_t title_line, const std::vector<Name>& names,
                       const std::vector<text::Paragraph>& prose) {
  for (std::size_t i = 1; i < names.size(); ++i)
    if (names[i].piece.text.find(name) != std::string::npos) return true;
  for (const text::Paragraph& p : prose)
    if (p.first_line > title_line && p.text.find(name) != std::string::npos) return true;
  return false;
}

void year_period_finding(Report& report, int period_year, Span span) {
  Diagnostic d;
  d.code = "plausibility.year_period";
  d.severity = Severity::warning;
  d.message = "标题年度 " + std::to_string(*report.metadata.year.value) + " 与统计期限的年度 " +
              std::to_string(period_year) + " 不一致";
  d.span = span;
  report.diagnostics.push_back(std::move(d));
}

/// Every statement of the statistics period: the first sets period_start/end; each is compared
/// with the title's year.
void read_period(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report,
                 bool title_year) {
  Metadata& md = report.metadata;
  text::Matcher m;
  for (const text::Paragraph& p : prose) {
    bool preamble = p.first_line < report.preamble_end_line;
    for (Re re : {kPeriod, kFullYear}) {
      if (re == kFullYear && !preamble) continue;
      bool found = false;
      m.each(patterns(), re, p.text, p.chars(), [&](PCRE2_SIZE* ov, int rc) {
        found = true;
        auto group = [&](int g) { return std::string_view(p.text).substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g]); };
        auto span = [&](PCRE2_SIZE b, PCRE2_SIZE e) { return nt.span(p.at(b), p.at(e - 1) + 1); };
        bool end_year = rc > 4 && ov[8] != PCRE2_UNSET;
        int year = std::stoi(std::string(group(1)));
        Span year_span = span(ov[2], ov[3]);
        if (!md.period_start) {
          // each date up to its 日, which follows the day's digits
          md.period_start = {iso(group(1), group(2), group(3)), span(ov[2], ov[7] + 3), FieldSource::period};
          md.period_end = {iso(end_year ? group(4) : group(1), group(5), group(6)),
                           span(ov[end_year ? 8 : 10], ov[13] + 3), FieldSource::period};
          if (!md.year) md.year = {year, year_span, FieldSource::period};
        }
        if (title_year && *md.year.value != year) year_period_finding(report, year, year_span);
      });
      if (found) break;  // the keyword's statement, not the same dates again
    }
  }
}

}  // namespace

void read_metadata(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report) {
  Metadata& md = report.metadata;
  std::size_t head = std::max<std::size_t>(report.preamble_end_line, 1);
  TitleReading title = read_title(nt, std::min<std::size_t>(head + 2, 60));
  std::vector<Name> names = std::move(title.names);
  if (title.year) md.year = {title.year, title.year_span, FieldSource::title};

  read_signature_and_bylines(nt, std::min<std::size_t>(head, 30), names);
  int prose_year = 0;
  Span prose_year_span;
  read_prose_names(nt, prose, report.preamble_end_line, names, prose_year, prose_year_span);
  if (title.wrapped && written_elsewhere(title.wrapped->piece.text, title.line, names, prose)) names.front() = *title.wrapped;
  choose_agency(nt, names, md.agency);

  read_period(nt, prose, report, title.year != 0);
  if (!md.year && prose_year) md.year = {prose_year, prose_year_span, FieldSource::body};
}

}  // namespace ogi::sections
