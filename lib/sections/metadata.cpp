// SPDX-License-Identifier: Apache-2.0
// Metadata from the title block: "<agency>\n<year>年政府信息公开工作年度报告", or both on one line
// ("<agency><year>年…" or "<year>年（度）<agency>政府信息公开工作年度报告").
// The year falls back to the statistics period (统计期限自 2021 年 1 月 1 日…).
#include <string>

#include "sections/sections.hpp"
#include "text/numbering.hpp"

namespace ogi::sections {
namespace {

using text::trim;

constexpr std::string_view kTitle = "政府信息公开工作年度报告";
constexpr std::string_view kTitleShort = "年度报告";

/// A four-digit year 2000..2099 ending right before `pos` (digits, optional spaces, then 年).
int year_before(std::string_view s, std::size_t pos, std::size_t& start) {
  // s[pos..] starts with 年
  std::size_t e = pos;
  while (e > 0 && s[e - 1] == ' ') --e;
  if (e < 4) return 0;
  std::size_t b = e - 4;
  for (std::size_t i = b; i < e; ++i)
    if (s[i] < '0' || s[i] > '9') return 0;
  if (b > 0 && s[b - 1] >= '0' && s[b - 1] <= '9') return 0;
  int y = std::stoi(std::string(s.substr(b, 4)));
  if (y < 2000 || y > 2099) return 0;
  start = b;
  return y;
}

}  // namespace

void read_metadata(const text::NormalizedText& nt, Report& report) {
  std::size_t limit = std::min<std::size_t>(nt.lines.size(), std::max<std::size_t>(report.preamble_end_line, 1) + 2);
  limit = std::min<std::size_t>(limit, 60);
  for (std::size_t li = 0; li < limit; ++li) {
    std::string_view line = nt.line_text(li);
    auto t = line.find(kTitle);
    if (t == std::string_view::npos) t = line.find(kTitleShort);
    if (t == std::string_view::npos) continue;
    auto nian = line.rfind("年", t);
    std::size_t ystart = 0;
    if (nian != std::string_view::npos) {
      if (int y = year_before(line, nian, ystart)) {
        report.metadata.year.value = y;
        std::uint32_t b = nt.lines[li].begin + static_cast<std::uint32_t>(ystart);
        report.metadata.year.span = nt.span(b, b + 4);
      }
    } else {
      ystart = t;
    }
    std::string_view prefix = trim(line.substr(0, report.metadata.year ? ystart : t));
    if (prefix.empty() && report.metadata.year) {
      // "2021年（度）<agency>政府信息公开工作年度报告": the agency between the year and the title
      std::size_t after = nian + std::string_view("年").size();
      if (line.substr(after, 3) == "度") after += 3;
      prefix = trim(line.substr(after, t > after ? t - after : 0));
    }
    if (!prefix.empty() && prefix.find("。") == std::string_view::npos) {
      auto off = static_cast<std::uint32_t>(prefix.data() - nt.text.data());
      report.metadata.agency.value = std::string(prefix);
      report.metadata.agency.span = nt.span(off, off + static_cast<std::uint32_t>(prefix.size()));
    } else {
      // The agency alone on the nearest non-blank line above the title.
      for (std::size_t k = li; k-- > 0;) {
        std::string_view up = trim(nt.line_text(k));
        if (up.empty()) continue;
        if (up.size() <= 90 && up.find("。") == std::string_view::npos) {
          auto off = static_cast<std::uint32_t>(up.data() - nt.text.data());
          report.metadata.agency.value = std::string(up);
          report.metadata.agency.span = nt.span(off, off + static_cast<std::uint32_t>(up.size()));
        }
        break;
      }
    }
    break;
  }
  // The statistics period (统计期限自2021年1月1日 / 从2019年1月1日): the year when the title has
  // none, and a finding when it names another year than the title.
  for (std::size_t li = 0; li < nt.lines.size(); ++li) {
    std::string_view line = nt.line_text(li);
    if (line.find("统计") == std::string_view::npos) continue;  // one search per line, not four
    for (std::string_view kw : {"统计期限", "统计时限", "统计期间", "数据统计"}) {
      auto p = line.find(kw);
      if (p == std::string_view::npos) continue;
      auto nian = line.find("年", p);
      std::size_t ystart = 0;
      if (nian == std::string_view::npos || nian - p >= 40) continue;
      int y = year_before(line, nian, ystart);
      if (!y) continue;
      std::uint32_t b = nt.lines[li].begin + static_cast<std::uint32_t>(ystart);
      if (!report.metadata.year) {
        report.metadata.year.value = y;
        report.metadata.year.span = nt.span(b, b + 4);
      } else if (*report.metadata.year.value != y) {
        Diagnostic d;
        d.code = "plausibility.year_period";
        d.severity = Severity::warning;
        d.message = "标题年度 " + std::to_string(*report.metadata.year.value) + " 与统计期限的年度 " + std::to_string(y) + " 不一致";
        d.span = nt.span(b, b + 4);
        report.diagnostics.push_back(std::move(d));
      }
      break;  // one statement per line; every line that states the period is compared
    }
  }
}

}  // namespace ogi::sections
