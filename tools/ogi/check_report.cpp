// SPDX-License-Identifier: Apache-2.0
#include "check_report.hpp"

namespace ogi::cli {

std::size_t finding_count(const Report& report) {
  std::size_t n = 0;
  for (const Diagnostic& d : report.diagnostics) n += d.severity != Severity::info;
  return n;
}

std::string check_summary(const std::string& path, const Report& report) {
  std::string out = path + ": ";
  out += report.metadata.agency ? *report.metadata.agency.value : std::string("(机关未识别)");
  out += report.metadata.year ? " " + std::to_string(*report.metadata.year.value) + " 年" : std::string();
  out += "，模板 " + std::string(to_string(report.template_version)) + "\n";
  auto status = [&](std::string_view name, auto const& t) {
    out += "  ";
    out += name;
    out += t ? std::string(to_string(t->status)) : std::string("absent");
    out += "\n";
  };
  status("表二 主动公开: ", report.active_disclosure);
  status("表三 依申请:   ", report.applications);
  status("表四 复议诉讼: ", report.review_litigation);
  for (const Diagnostic& d : report.diagnostics) {
    out += "  第 " + std::to_string(d.span.line) + " 行 [" + std::string(to_string(d.severity)) + "] " + d.code +
           "：" + d.message + "\n";
  }
  std::size_t n = finding_count(report);
  out += n == 0 ? "  无问题\n" : "  共 " + std::to_string(n) + " 项问题\n";
  return out;
}

}  // namespace ogi::cli
