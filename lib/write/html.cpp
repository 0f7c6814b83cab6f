// SPDX-License-Identifier: Apache-2.0
// The auditor's page (include/ogi/html.hpp): one self-contained HTML file. A content security
// policy forbids every fetch, so the page provably needs no network; style and script are inline.
#include "ogi/html.hpp"

#include <algorithm>
#include <set>

#include "model/utf8.hpp"
#include "ogi/ogi.hpp"
#include "write/html_parts.hpp"
#include "write/layout.hpp"

namespace ogi::write::html {

std::string cell_id(int report, std::string_view table, std::string_view row, std::string_view column) {
  return "r" + std::to_string(report) + "-" + std::string(table) + "-" + std::string(row) + "-" + std::string(column);
}

std::string finding_id(int report, std::size_t diagnostic) {
  return "r" + std::to_string(report) + "-f" + std::to_string(diagnostic + 1);
}

std::vector<std::array<std::string_view, 3>> cells_named(const Report& r, const Diagnostic& d) {
  std::vector<std::array<std::string_view, 3>> all;
  if (d.table == "active_disclosure" && r.active_disclosure) {
    auto t = r.template_version == TemplateVersion::v2019 ? TemplateVersion::v2019 : TemplateVersion::v2021;
    for (const ActiveBlock& b : active_layout(t))
      for (ActiveRow row : b.rows)
        for (ActiveColumn c : b.columns) all.push_back({d.table, to_string(row), to_string(c)});
  } else if (d.table == "applications" && r.applications) {
    for (const ApplicationLine& l : applications_layout(r.template_version, &*r.applications))
      for (std::size_t c = 0; c < key_count<ApplicantColumn>(); ++c)
        all.push_back({d.table, to_string(l.row), to_string(static_cast<ApplicantColumn>(c))});
  } else if (d.table == "review_litigation" && r.review_litigation) {
    for (std::size_t g = 0; g < key_count<ReviewGroup>(); ++g)
      for (std::size_t c = 0; c < key_count<ReviewColumn>(); ++c)
        all.push_back({d.table, to_string(static_cast<ReviewGroup>(g)), to_string(static_cast<ReviewColumn>(c))});
  }
  // The identities that a column breaks are about some of its rows (R1: 新收, 上年结转, 总计,
  // 结转下年度; R2: the result rows and 总计); year.carried_over_mismatch about 上年结转.
  const bool r1 = d.code == "identity.column_balance", r2 = d.code == "identity.column_total",
             year = d.code == "year.carried_over_mismatch";
  auto row_named = [&](std::string_view row) {
    if (r1) return row == "new_received" || row == "carried_over" || row == "total" || row == "carried_forward";
    if (r2) return row != "new_received" && row != "carried_over" && row != "carried_forward";
    if (year) return row == "carried_over";
    return d.row.empty() || row == d.row;
  };
  std::vector<std::array<std::string_view, 3>> out;
  if (d.row.empty() && d.column.empty() && !r1 && !r2 && !year) return out;  // the whole table: a note, no cell
  for (const auto& c : all)
    if (row_named(c[1]) && (d.column.empty() || c[2] == d.column)) out.push_back(c);
  return out;
}

namespace {

constexpr std::uint32_t kContext = 2;  // lines shown around a cell's or a finding's line

enum class Status { ok, problem, unreadable };

std::string_view status_key(Status s) {
  return s == Status::ok ? "ok" : s == Status::problem ? "problem" : "unreadable";
}
std::string_view status_text(Status s, Words w) {
  return s == Status::ok ? w("ok", "ok") : s == Status::problem ? w("有问题", "problems") : w("无法读取", "unreadable");
}
std::string_view severity_text(Severity s, Words w) {
  return s == Severity::error ? w("错误", "error") : s == Severity::warning ? w("警告", "warning") : w("提示", "info");
}

std::size_t problem_count(const ReportView& v) {
  std::size_t n = 0;
  for (std::size_t i : v.listed) n += v.report->diagnostics[i].severity != Severity::info;
  return n;
}

ReportView view_of(int number, const Report& r, Severity min) {
  ReportView v;
  v.number = number;
  v.report = &r;
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    const Diagnostic& d = r.diagnostics[i];
    if (d.severity < min) continue;
    v.listed.push_back(i);
    auto cells = cells_named(r, d);
    if (cells.empty() && !d.table.empty()) v.notes[std::string(d.table)].push_back(i);
    for (const auto& c : cells) {
      CellMark& m = v.marks[cell_id(number, c[0], c[1], c[2])];
      m.findings.push_back(i);
      if (d.severity == Severity::info) continue;
      (d.code.rfind("identity.", 0) == 0 ? m.broken : m.flagged) = true;
    }
  }
  return v;
}

std::string where(const Report& r, const Diagnostic& d) {
  std::string s;
  if (!d.table.empty()) s = table_words(d.table);
  if (!d.row.empty()) s += " · " + row_words(d.table, d.row, r.template_version);
  if (!d.column.empty()) s += " · " + column_words(d.table, d.row, d.column, r.template_version);
  return s;
}

/// The lines the page's script may show for a report: each cell's and each finding's, with context.
std::string lines_json(const ReportView& v, const Source& src) {
  std::set<std::uint32_t> wanted;
  auto want = [&](std::uint32_t line) {
    if (line == 0) return;
    for (std::uint32_t n = line > kContext ? line - kContext : 1; n <= line + kContext && n <= src.line_count(); ++n)
      wanted.insert(n);
  };
  const Report& r = *v.report;
  auto cells = [&](const auto& t) {
    if (!t) return;
    using G = std::decay_t<decltype(t->cells)>;
    for (std::size_t row = 0; row < G::rows; ++row)
      for (std::size_t col = 0; col < G::cols; ++col)
        if (const Cell* c = t->cells.cell(static_cast<typename G::RowKey>(row), static_cast<typename G::ColumnKey>(col)))
          want(c->span.line);
  };
  cells(r.active_disclosure);
  cells(r.applications);
  cells(r.review_litigation);
  for (std::size_t i : v.listed) want(r.diagnostics[i].span.line);
  std::string out = "{";
  for (std::uint32_t n : wanted) {
    if (out.size() > 1) out += ",";
    out += "\"" + std::to_string(n) + "\":\"";
    for (char c : printable(src.line(n))) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '<': out += "\\u003c"; break;  // never "</script>" inside the script element
        case '\t': out += "\\t"; break;
        default: out.push_back(c);
      }
    }
    out += "\"";
  }
  return out + "}";
}

void finding(std::string& out, const ReportView& v, std::size_t i, const Source& src, Words w) {
  const Report& r = *v.report;
  const Diagnostic& d = r.diagnostics[i];
  std::string cells;
  for (const auto& c : cells_named(r, d)) cells += (cells.empty() ? "" : " ") + cell_id(v.number, c[0], c[1], c[2]);
  out += "<li id=\"" + finding_id(v.number, i) + "\" class=\"finding " + std::string(to_string(d.severity)) + "\"";
  if (!cells.empty()) out += " data-cells=\"" + cells + "\"";
  out += "><div class=\"head\"><span class=\"sev\">" + std::string(severity_text(d.severity, w)) + "</span> ";
  if (d.span.line)
    out += "<a class=\"line\" href=\"#" + finding_id(v.number, i) + "\">" +
           (w.lang == Language::en ? "line " + std::to_string(d.span.line) : "第 " + std::to_string(d.span.line) + " 行") +
           "</a> ";
  out += "<code>" + escape(d.code) + "</code>";
  std::string place = where(r, d);
  if (!place.empty()) out += " <span class=\"where\">" + escape(place) + "</span>";
  out += "</div><div class=\"msg\">" + escape(d.message) + "</div>";
  if (d.span.line && d.span.line <= src.line_count()) {
    out += "<pre class=\"excerpt\">";
    std::uint32_t from = d.span.line > 1 ? d.span.line - 1 : 1, to = std::min(d.span.line + 1, src.line_count());
    for (std::uint32_t n = from; n <= to; ++n)
      out += "<span class=\"ln" + std::string(n == d.span.line ? " at" : "") + "\">" + std::to_string(n) + "</span>" +
             src.marked(n, &d.span) + "\n";
    out += "</pre>";
  }
  out += "</li>";
}

void report_section(std::string& out, const ReportView& v, std::string_view path, Severity min, Words w) {
  const Report& r = *v.report;
  Source src(r);
  const std::size_t problems = problem_count(v);
  const Status status = problems ? Status::problem : Status::ok;
  out += "<section class=\"report\" id=\"r" + std::to_string(v.number) + "\" data-status=\"" +
         std::string(status_key(status)) + "\"><h2>";
  out += r.metadata.agency ? escape(*r.metadata.agency.value) : std::string(w("（机关未识别）", "(agency not found)"));
  if (r.metadata.year) out += " · " + std::to_string(*r.metadata.year.value) + std::string(w(" 年", ""));
  out += "</h2><p class=\"meta\">" + std::string(w("文件：", "file: ")) + "<span class=\"path\">" + escape(path) +
         "</span> · " + std::string(w("模板：", "template: ")) + escape(template_words(r.template_version, w.lang)) + " · " +
         std::string(w("编码：", "encoding: ")) + escape(r.encoding) + " · <span class=\"badge " +
         std::string(status_key(status)) + "\">" + std::string(status_text(status, w));
  if (problems) out += w.lang == Language::en ? ": " + std::to_string(problems) : "：" + std::to_string(problems) + " 项";
  out += "</span></p>";
  draw_tables(out, v, src, w);
  out += "<h3>" + std::string(w("问题", "Findings")) + "（" + std::to_string(v.listed.size()) + "）</h3>";
  if (v.listed.empty()) out += "<p class=\"none\">" + std::string(w("无问题。", "No findings.")) + "</p>";
  out += "<ol class=\"findings\">";
  for (std::size_t i : v.listed) finding(out, v, i, src, w);
  out += "</ol>";
  std::size_t hidden = r.diagnostics.size() - v.listed.size();
  if (hidden)
    out += "<p class=\"hidden-note\">" +
           (w.lang == Language::en ? std::to_string(hidden) + " finding(s) below the severity shown (ogi check --min-severity " +
                                         std::string(to_string(min == Severity::error ? Severity::warning : Severity::info)) + ")"
                                   : "另有 " + std::to_string(hidden) + " 项低于所选级别的提示未列出（ogi check --min-severity " +
                                         std::string(to_string(min == Severity::error ? Severity::warning : Severity::info)) + "）") +
           "</p>";
  out += "<script type=\"application/json\" class=\"lines\" data-report=\"" + std::to_string(v.number) + "\">" +
         lines_json(v, src) + "</script></section>";
}

void error_section(std::string& out, int number, std::string_view path, const Error& e, Words w) {
  out += "<section class=\"report\" id=\"r" + std::to_string(number) + "\" data-status=\"unreadable\"><h2>" + escape(path) +
         "</h2><p class=\"meta\"><span class=\"badge unreadable\">" + std::string(status_text(Status::unreadable, w)) +
         "</span> <code>" + std::string(to_string(e.code)) + "</code></p><p class=\"error\">" + escape(e.message) + "</p></section>";
}

struct IndexRow {
  int number;
  std::string path, agency, year, template_name;
  Status status;
  std::size_t findings;
};

void index_section(std::string& out, const std::vector<IndexRow>& rows, Words w) {
  std::size_t counts[3] = {0, 0, 0};
  for (const IndexRow& r : rows) ++counts[static_cast<int>(r.status)];
  out += "<section id=\"index\"><h2>" + std::string(w("报告一览", "Reports")) + "</h2><p class=\"summary\">";
  out += w.lang == Language::en
             ? std::to_string(rows.size()) + " reports: " + std::to_string(counts[0]) + " ok, " + std::to_string(counts[1]) +
                   " with problems, " + std::to_string(counts[2]) + " unreadable"
             : "共 " + std::to_string(rows.size()) + " 份：ok " + std::to_string(counts[0]) + " 份，有问题 " +
                   std::to_string(counts[1]) + " 份，无法读取 " + std::to_string(counts[2]) + " 份";
  out += "</p><div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"" +
         std::string(w("筛选：机关、文件、年度…", "filter: agency, file, year…")) + "\"> <select id=\"status\"><option value=\"\">" +
         std::string(w("全部", "all")) + "</option>";
  for (Status s : {Status::ok, Status::problem, Status::unreadable})
    out += "<option value=\"" + std::string(status_key(s)) + "\">" + std::string(status_text(s, w)) + "</option>";
  out += "</select> <span id=\"count\" data-of=\"" + std::string(w(" / ", " of ")) + "\"></span></div>";
  out += "<table id=\"reports\"><thead><tr><th data-key=\"path\">" + std::string(w("文件", "file")) +
         "</th><th data-key=\"agency\">" + std::string(w("机关", "agency")) + "</th><th data-key=\"year\" data-num>" +
         std::string(w("年度", "year")) + "</th><th data-key=\"template\">" + std::string(w("模板", "template")) +
         "</th><th data-key=\"status\">" + std::string(w("状态", "status")) + "</th><th data-key=\"findings\" data-num>" +
         std::string(w("问题数", "findings")) + "</th></tr></thead><tbody>";
  for (const IndexRow& r : rows) {
    const std::string path = escape(r.path), agency = escape(r.agency);
    out += "<tr data-n=\"" + std::to_string(r.number) + "\" data-path=\"" + path + "\" data-agency=\"" + agency +
           "\" data-year=\"" + r.year + "\" data-template=\"" + escape(r.template_name) + "\" data-status=\"" +
           std::string(status_key(r.status)) + "\" data-findings=\"" + std::to_string(r.findings) + "\" data-search=\"" +
           path + " " + agency + " " + r.year + "\"><td><a href=\"#r" + std::to_string(r.number) + "\">" + path +
           "</a></td><td>" + agency + "</td><td>" + r.year + "</td><td>" + escape(r.template_name) +
           "</td><td><span class=\"badge " + std::string(status_key(r.status)) + "\">" +
           std::string(status_text(r.status, w)) + "</span></td><td>" + std::to_string(r.findings) + "</td></tr>";
  }
  out += "</tbody></table></section>";
}

}  // namespace
}  // namespace ogi::write::html

namespace ogi {

std::string to_html(const std::vector<HtmlInput>& inputs, const HtmlOptions& options) {
  using namespace write::html;
  Words w{options.language};
  const std::string title = options.title.empty()
                                ? std::string(w("政府信息公开工作年度报告核查结果", "Annual reports on open government information: check results"))
                                : options.title;
  std::string body;
  std::vector<IndexRow> rows;
  int number = 0;
  for (const HtmlInput& in : inputs) {
    ++number;
    if (in.report) {
      ReportView v = view_of(number, *in.report, options.min_severity);
      const Report& r = *in.report;
      rows.push_back({number, in.path, r.metadata.agency ? *r.metadata.agency.value : "",
                      r.metadata.year ? std::to_string(*r.metadata.year.value) : "",
                      std::string(write::template_words(r.template_version, options.language)),
                      problem_count(v) ? Status::problem : Status::ok, problem_count(v)});
      report_section(body, v, in.path, options.min_severity, w);
    } else {
      Error none{ErrorCode::io, "", 0};
      error_section(body, number, in.path, in.error ? *in.error : none, w);
      rows.push_back({number, in.path, "", "", "", Status::unreadable, 0});
    }
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(w("zh-CN", "en")) +
                    "\"><head><meta charset=\"utf-8\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<meta name=\"generator\" content=\"ogi " + std::string(version()) + "\"><title>" + escape(title) +
                    "</title><style>" + kStyle + "</style></head><body data-ready=\"0\"><header><h1>" + escape(title) +
                    "</h1><p class=\"gen\">ogi " + std::string(version()) + " · " +
                    (w.lang == Language::en ? std::to_string(inputs.size()) + " input(s)" : std::to_string(inputs.size()) + " 份输入") +
                    "</p></header><main>";
  if (inputs.size() > 1) index_section(out, rows, w);
  out += body;
  out += "</main><aside id=\"panel\" hidden><button class=\"close\" type=\"button\" aria-label=\"" +
         std::string(w("关闭", "close")) + "\">×</button><div class=\"where\"></div><pre class=\"excerpt\"></pre>"
         "<ul class=\"refs\"></ul></aside><script>" + kScript + "</script></body></html>\n";
  return out;
}

}  // namespace ogi
