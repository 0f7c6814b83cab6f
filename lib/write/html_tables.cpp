// SPDX-License-Identifier: Apache-2.0
// The three tables on the page, drawn as the template draws them (lib/write/layout.hpp): merged
// header cells, Chinese labels, each cell with its value, its marks and its source line.
#include <algorithm>

#include "template/template.hpp"
#include "write/html_parts.hpp"
#include "write/layout.hpp"

namespace ogi::write::html {
namespace {

std::string attr_list(const std::vector<std::size_t>& findings, int report) {
  std::string s;
  for (std::size_t f : findings) s += (s.empty() ? "" : " ") + finding_id(report, f);
  return s;
}

/// One value cell: <td> with its id, classes, source line and the findings about it.
template <class Row, class Col>
void value_cell(std::string& out, const ReportView& v, const Source& src, Words w, std::string_view table,
                const std::optional<Table<Row, Col>>& t, Row row, Col col, bool in_template, std::size_t colspan = 1) {
  const std::string id = cell_id(v.number, table, to_string(row), to_string(col));
  const Cell* c = t ? t->cells.cell(row, col) : nullptr;
  std::string cls = "cell";
  std::string text, title;
  if (c && c->value) {
    text = escape(c->value->to_string());
    if (!c->unit.empty()) text += "<small>" + escape(c->unit) + "</small>";
  } else if (c) {
    cls += " blank";
    text = escape(c->raw);
    title = std::string(w("空白（勾稽关系中按 0 计）", "blank (counts as 0 in the identities)"));
  } else if (in_template && t) {
    cls += " unread";
    text = std::string(w("未读出", "not read"));
    title = std::string(w("这个单元格没能确定地读出：见本表的问题", "this cell could not be read with certainty: see the findings"));
  } else {
    cls += " none";
  }
  auto m = v.marks.find(id);
  if (m != v.marks.end()) {
    if (m->second.broken) cls += " broken";
    if (m->second.flagged) cls += " flagged";
  }
  out += "<td id=\"" + id + "\" class=\"" + cls + "\"";
  if (colspan > 1) out += " colspan=\"" + std::to_string(colspan) + "\"";
  if (c && c->span.line) {
    // the source line first: the panel shows the title's first line as its heading
    const std::string n = std::to_string(c->span.line);
    std::string line = (w.lang == Language::en ? "line " + n + ": " : "第 " + n + " 行：") + std::string(src.line(c->span.line));
    title = title.empty() ? line : line + "\n" + title;
    auto [ub, ue] = src.units(c->span);
    out += " data-line=\"" + n + "\" data-from=\"" + std::to_string(ub) + "\" data-to=\"" + std::to_string(ue) + "\"";
  }
  if (m != v.marks.end() && !m->second.findings.empty())
    out += " data-findings=\"" + attr_list(m->second.findings, v.number) + "\"";
  if (!title.empty()) out += " title=\"" + escape(title) + "\"";
  out += ">" + text + "</td>";
}

/// The template's title of the section a table stands in (2021's wording).
std::string_view section_title(SectionKey key) {
  for (const templates::SectionDef& s : templates::sections())
    if (s.key == key) return s.titles.front();
  return {};
}

/// A header cell over the template's `i`th column group (template.hpp: outer groups first, as
/// the header prints them), spanning its columns.
std::string group_cell(TableKey table, std::size_t i, std::string_view more = {}) {
  const templates::ColumnGroup& g = templates::table(table).column_groups.at(i);
  return "<th colspan=\"" + std::to_string(g.last - g.first + 1) + "\"" + std::string(more) + ">" + std::string(g.label) + "</th>";
}

void heading(std::string& out, const ReportView& v, Words w, TableKey key, SectionKey section, const auto& t) {
  out += "<h3 id=\"r" + std::to_string(v.number) + "-" + std::string(to_string(key)) + "\">" +
         std::string(templates::label(key)) + " " + std::string(section_title(section));
  if (t) out += " <span class=\"status s-" + std::string(to_string(t->status)) + "\">" + escape(status_words(t->status, w.lang)) + "</span>";
  out += "</h3>";
  auto n = v.notes.find(std::string(to_string(key)));
  if (n != v.notes.end()) {
    out += "<ul class=\"notes\">";
    for (std::size_t f : n->second)
      out += "<li><a href=\"#" + finding_id(v.number, f) + "\">" + escape(v.report->diagnostics[f].message) + "</a></li>";
    out += "</ul>";
  }
}

void active_table(std::string& out, const ReportView& v, const Source& src, Words w) {
  const Report& r = *v.report;
  heading(out, v, w, TableKey::active_disclosure, SectionKey::active_disclosure, r.active_disclosure);
  if (!r.active_disclosure) return;
  const TemplateVersion t = r.template_version == TemplateVersion::v2019 ? TemplateVersion::v2019 : TemplateVersion::v2021;
  const auto blocks = active_layout(t);
  std::size_t width = 0;
  for (const ActiveBlock& b : blocks) width = std::max(width, b.columns.size());
  out += "<table class=\"tpl t2\">";
  for (const ActiveBlock& b : blocks) {
    out += "<tr><th class=\"item\" colspan=\"" + std::to_string(width + 1) + "\">" + std::string(b.item) + "</th></tr><tr><th>信息内容</th>";
    for (std::size_t i = 0; i < b.columns.size(); ++i) {
      std::size_t span = i + 1 == b.columns.size() ? width - i : 1;
      out += "<th" + (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : std::string()) + ">" +
             std::string(templates::label(b.rows.front(), b.columns[i], t)) + "</th>";
    }
    out += "</tr>";
    for (ActiveRow row : b.rows) {
      out += "<tr><th class=\"row\">" + std::string(templates::label(row, t)) + "</th>";
      for (std::size_t i = 0; i < b.columns.size(); ++i) {
        // the last value cell spans the columns the block lacks
        std::size_t span = i + 1 == b.columns.size() ? width - i : 1;
        value_cell(out, v, src, w, "active_disclosure", r.active_disclosure, row, b.columns[i],
                   has_cell(r, row, b.columns[i]), span);
      }
      out += "</tr>";
    }
  }
  out += "</table>";
}

void applications_table(std::string& out, const ReportView& v, const Source& src, Words w) {
  const Report& r = *v.report;
  heading(out, v, w, TableKey::applications, SectionKey::applications, r.applications);
  if (!r.applications) return;
  const auto lines = applications_layout(r.template_version, &*r.applications);
  out += "<table class=\"tpl t3\"><tr><th class=\"corner\" colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，"
         "等于第三项加第四项之和）</th>" + group_cell(TableKey::applications, 0) + "</tr>"
         "<tr><th rowspan=\"2\">" + std::string(templates::label(ApplicantColumn::natural_person)) + "</th>" +
         group_cell(TableKey::applications, 1) + "<th rowspan=\"2\">" +
         std::string(templates::label(ApplicantColumn::total)) + "</th></tr><tr>";
  for (ApplicantColumn c : {ApplicantColumn::commercial, ApplicantColumn::research, ApplicantColumn::social,
                            ApplicantColumn::legal_service, ApplicantColumn::other_org})
    out += "<th>" + std::string(templates::label(c)) + "</th>";
  out += "</tr>";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += "<tr>";
    for (std::size_t level = 0; level < 3; ++level) {
      std::string_view label = lines[i].labels[level];
      if (label.empty()) continue;
      // merged with the row above: the same label under the same parents
      auto same = [&](std::size_t a, std::size_t b) {
        for (std::size_t k = 0; k <= level; ++k)
          if (lines[a].labels[k] != lines[b].labels[k]) return false;
        return true;
      };
      if (i > 0 && same(i, i - 1)) continue;
      std::size_t rows = 1;
      while (i + rows < lines.size() && same(i, i + rows)) ++rows;
      std::size_t cols = 1;
      while (level + cols < 3 && lines[i].labels[level + cols].empty()) ++cols;
      out += "<th class=\"row\"";
      if (rows > 1) out += " rowspan=\"" + std::to_string(rows) + "\"";
      if (cols > 1) out += " colspan=\"" + std::to_string(cols) + "\"";
      out += ">" + escape(label) + "</th>";
    }
    for (std::size_t c = 0; c < key_count<ApplicantColumn>(); ++c)
      value_cell(out, v, src, w, "applications", r.applications, lines[i].row, static_cast<ApplicantColumn>(c),
                 has_cell(r, lines[i].row, static_cast<ApplicantColumn>(c)));
    out += "</tr>";
  }
  out += "</table>";
}

void review_table(std::string& out, const ReportView& v, const Source& src, Words w) {
  const Report& r = *v.report;
  heading(out, v, w, TableKey::review_litigation, SectionKey::review_litigation, r.review_litigation);
  if (!r.review_litigation) return;
  constexpr TableKey t4 = TableKey::review_litigation;
  out += "<table class=\"tpl t4\"><tr>" + group_cell(t4, 0, " rowspan=\"2\"") + group_cell(t4, 1) + "</tr><tr>" +
         group_cell(t4, 2) + group_cell(t4, 3) + "</tr><tr>";
  for (int g = 0; g < 3; ++g)
    for (std::size_t c = 0; c < key_count<ReviewColumn>(); ++c)
      out += "<th>" + std::string(templates::label(static_cast<ReviewColumn>(c))) + "</th>";
  out += "</tr><tr>";
  for (std::size_t g = 0; g < key_count<ReviewGroup>(); ++g)
    for (std::size_t c = 0; c < key_count<ReviewColumn>(); ++c)
      value_cell(out, v, src, w, "review_litigation", r.review_litigation, static_cast<ReviewGroup>(g),
                 static_cast<ReviewColumn>(c), has_cell(r, static_cast<ReviewGroup>(g), static_cast<ReviewColumn>(c)));
  out += "</tr></table>";
}

}  // namespace

void draw_tables(std::string& out, const ReportView& view, const Source& source, Words words) {
  active_table(out, view, source, words);
  applications_table(out, view, source, words);
  review_table(out, view, source, words);
}

}  // namespace ogi::write::html
