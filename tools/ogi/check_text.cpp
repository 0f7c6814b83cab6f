// SPDX-License-Identifier: Apache-2.0
#include "check_text.hpp"

#include <algorithm>

#include "say.hpp"

namespace ogi::cli {
namespace {

std::string status_words(TableStatus s) {
  switch (s) {
    case TableStatus::ok: return say("无问题", "ok");
    case TableStatus::inconsistent: return say("勾稽关系不成立", "inconsistent (an identity breaks)");
    case TableStatus::uncertain: return say("部分单元格未读出", "uncertain (cells not read)");
    case TableStatus::missing: return say("未读到表格", "missing (no table read)");
  }
  return {};
}

std::string severity_words(Severity s) {
  switch (s) {
    case Severity::error: return say("错误", "error");
    case Severity::warning: return say("警告", "warning");
    case Severity::info: return say("提示", "info");
  }
  return {};
}

std::string template_words(TemplateVersion t) {
  switch (t) {
    case TemplateVersion::v2019: return "2019";
    case TemplateVersion::v2021: return "2021";
    case TemplateVersion::legacy: return say("旧版（2019 年前）", "legacy (before 2019)");
    case TemplateVersion::unknown: return say("未识别", "unknown");
  }
  return {};
}

}  // namespace

std::size_t finding_count(const Report& report, Severity min) {
  const Severity floor = std::max(min, Severity::warning);
  return static_cast<std::size_t>(std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                                                [&](const Diagnostic& d) { return d.severity >= floor; }));
}

std::string check_text(const std::string& path, const Report& r, Severity min) {
  std::string out = shown(path) + say("：", ": ");
  out += r.metadata.agency ? shown(*r.metadata.agency.value) : say("（机关未识别）", "(agency not found)");
  if (r.metadata.year) out += " " + std::to_string(*r.metadata.year.value) + say(" 年", "");
  out += say("，模板 ", ", template ") + template_words(r.template_version) + "\n";
  auto table = [&](std::string zh, std::string en, const auto& t) {
    out += "  " + say(zh, en) + say("：", ": ") + (t ? status_words(t->status) : say("无此表", "absent")) + "\n";
  };
  table("表二 主动公开", "table 2, active disclosure", r.active_disclosure);
  table("表三 依申请", "table 3, applications", r.applications);
  table("表四 复议诉讼", "table 4, review and litigation", r.review_litigation);
  std::size_t hidden = 0;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity < min) { ++hidden; continue; }
    out += "  " + say("第 " + std::to_string(d.span.line) + " 行", "line " + std::to_string(d.span.line)) + " [" +
           severity_words(d.severity) + "] " + d.code + say("：", ": ") + shown(d.message) + "\n";
  }
  const std::size_t n = finding_count(r, min);
  out += "  " + (n == 0 ? say("无问题", "no findings") : say("共 " + std::to_string(n) + " 项问题", std::to_string(n) + " finding(s)"));
  if (hidden) {
    const std::string lower = min == Severity::error ? "warning" : "info";
    out += say("（另有 " + std::to_string(hidden) + " 项较低级别的未显示：--min-severity " + lower + "）",
               " (" + std::to_string(hidden) + " of lower severity not shown: --min-severity " + lower + ")");
  }
  return out + "\n";
}

std::string check_text_error(const std::string& path, const Error& e) {
  return shown(path) + say("：无法读取：", ": unreadable: ") + shown(e.message) + "\n";
}

}  // namespace ogi::cli
