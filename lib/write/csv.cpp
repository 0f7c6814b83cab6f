// SPDX-License-Identifier: Apache-2.0
// One wide CSV row per report (include/ogi/csv.hpp). RFC 4180 quoting; deterministic column order.
#include "ogi/csv.hpp"

#include <array>

namespace ogi {
namespace {

// The section-2 cells each template has (report-format.md); the CSV carries the union.
constexpr std::array<std::pair<ActiveRow, ActiveColumn>, 26> kActiveCells{{
    {ActiveRow::rules, ActiveColumn::made}, {ActiveRow::rules, ActiveColumn::repealed},
    {ActiveRow::rules, ActiveColumn::in_force}, {ActiveRow::rules, ActiveColumn::published},
    {ActiveRow::rules, ActiveColumn::total_published},
    {ActiveRow::normative_documents, ActiveColumn::made}, {ActiveRow::normative_documents, ActiveColumn::repealed},
    {ActiveRow::normative_documents, ActiveColumn::in_force}, {ActiveRow::normative_documents, ActiveColumn::published},
    {ActiveRow::normative_documents, ActiveColumn::total_published},
    {ActiveRow::licensing, ActiveColumn::previous_count}, {ActiveRow::licensing, ActiveColumn::change},
    {ActiveRow::licensing, ActiveColumn::decisions},
    {ActiveRow::other_services, ActiveColumn::previous_count}, {ActiveRow::other_services, ActiveColumn::change},
    {ActiveRow::other_services, ActiveColumn::decisions},
    {ActiveRow::penalty, ActiveColumn::previous_count}, {ActiveRow::penalty, ActiveColumn::change},
    {ActiveRow::penalty, ActiveColumn::decisions},
    {ActiveRow::coercion, ActiveColumn::previous_count}, {ActiveRow::coercion, ActiveColumn::change},
    {ActiveRow::coercion, ActiveColumn::decisions},
    {ActiveRow::fees, ActiveColumn::previous_count}, {ActiveRow::fees, ActiveColumn::change},
    {ActiveRow::fees, ActiveColumn::amount},
    {ActiveRow::procurement, ActiveColumn::projects},
}};

void field(std::string& out, std::string_view v) {
  bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += v;
    return;
  }
  out.push_back('"');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string cell_text(const Cell* c) {
  if (!c) return {};
  return c->value ? c->value->to_string() : "null";
}

template <class Row, class Col>
void each_cell(const std::optional<Table<Row, Col>>& t, Row r, Col c, std::vector<std::string>& out) {
  out.push_back(t ? cell_text(t->cells.cell(r, c)) : std::string());
}

}  // namespace

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> v{"path", "agency", "year", "template", "encoding",
                               "active_disclosure.status", "applications.status", "review_litigation.status"};
    for (auto [r, c] : kActiveCells) v.push_back("active_disclosure." + std::string(to_string(r)) + "." + std::string(to_string(c)));
    v.push_back("active_disclosure.procurement.amount");
    for (std::size_t r = 0; r < key_count<ApplicationRow>(); ++r)
      for (std::size_t c = 0; c < key_count<ApplicantColumn>(); ++c)
        v.push_back("applications." + std::string(to_string(static_cast<ApplicationRow>(r))) + "." +
                    std::string(to_string(static_cast<ApplicantColumn>(c))));
    for (std::size_t r = 0; r < key_count<ReviewGroup>(); ++r)
      for (std::size_t c = 0; c < key_count<ReviewColumn>(); ++c)
        v.push_back("review_litigation." + std::string(to_string(static_cast<ReviewGroup>(r))) + "." +
                    std::string(to_string(static_cast<ReviewColumn>(c))));
    for (const char* s : {"diagnostics.error", "diagnostics.warning", "diagnostics.info", "error"}) v.emplace_back(s);
    return v;
  }();
  return cols;
}

std::string csv_header() {
  std::string out;
  bool first = true;
  for (const std::string& c : csv_columns()) {
    if (!first) out.push_back(',');
    first = false;
    field(out, c);
  }
  out += "\r\n";
  return out;
}

std::string csv_row(std::string_view path, const Report& r) {
  std::vector<std::string> v;
  v.reserve(csv_columns().size());
  v.emplace_back(path);
  v.push_back(r.metadata.agency ? *r.metadata.agency.value : std::string());
  v.push_back(r.metadata.year ? std::to_string(*r.metadata.year.value) : std::string());
  v.emplace_back(to_string(r.template_version));
  v.push_back(r.encoding);
  v.push_back(r.active_disclosure ? std::string(to_string(r.active_disclosure->status)) : std::string());
  v.push_back(r.applications ? std::string(to_string(r.applications->status)) : std::string());
  v.push_back(r.review_litigation ? std::string(to_string(r.review_litigation->status)) : std::string());
  for (auto [row, col] : kActiveCells) each_cell(r.active_disclosure, row, col, v);
  each_cell(r.active_disclosure, ActiveRow::procurement, ActiveColumn::amount, v);
  for (std::size_t row = 0; row < key_count<ApplicationRow>(); ++row)
    for (std::size_t col = 0; col < key_count<ApplicantColumn>(); ++col)
      each_cell(r.applications, static_cast<ApplicationRow>(row), static_cast<ApplicantColumn>(col), v);
  for (std::size_t row = 0; row < key_count<ReviewGroup>(); ++row)
    for (std::size_t col = 0; col < key_count<ReviewColumn>(); ++col)
      each_cell(r.review_litigation, static_cast<ReviewGroup>(row), static_cast<ReviewColumn>(col), v);
  std::array<int, 3> counts{};
  for (const Diagnostic& d : r.diagnostics) ++counts[static_cast<std::size_t>(d.severity)];
  v.push_back(std::to_string(counts[2]));
  v.push_back(std::to_string(counts[1]));
  v.push_back(std::to_string(counts[0]));
  v.emplace_back();
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    field(out, v[i]);
  }
  out += "\r\n";
  return out;
}

std::string csv_error_row(std::string_view path, const Error& e) {
  std::string out;
  field(out, path);
  for (std::size_t i = 1; i + 1 < csv_columns().size(); ++i) out.push_back(',');
  out.push_back(',');
  field(out, e.message);
  out += "\r\n";
  return out;
}

}  // namespace ogi
