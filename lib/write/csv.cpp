// SPDX-License-Identifier: Apache-2.0
// CSV (include/ogi/csv.hpp): one wide row per report, or one row per finding; the machine form
// or the Chinese one. RFC 4180 quoting; deterministic column order.
#include "ogi/csv.hpp"

#include <array>
#include <cstring>

#include "template/template.hpp"
#include "model/utf8.hpp"
#include "ogi/printable.hpp"
#include "write/layout.hpp"
#include "write/text_out.hpp"

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

/// Bytes that make a field quoted (RFC 4180).
constexpr std::array<bool, 256> kQuoted = [] {
  std::array<bool, 256> t{};
  t[','] = t['"'] = t['\r'] = t['\n'] = true;
  return t;
}();

void field(write::TextOut& out, std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && !kQuoted[static_cast<unsigned char>(v[i])]) ++i;
  if (i == v.size()) {
    out.put(v);
    return;
  }
  // quoted: every '"' doubled
  char* p = out.room(2 * v.size() + 2);
  *p++ = '"';
  std::memcpy(p, v.data(), i);
  p += i;
  for (; i < v.size(); ++i) {
    if (v[i] == '"') *p++ = '"';
    *p++ = v[i];
  }
  *p++ = '"';
  out.done(p);
}

void field(std::string& out, std::string_view v) {
  write::TextOut t(v.size() + 2);
  field(t, v);
  out += t.take();
}

/// One CSV line written field by field, straight into the output.
class Line {
 public:
  explicit Line(write::TextOut& out) : out_(out) {}
  void text(std::string_view v) {
    comma();
    field(out_, v);
  }
  /// A number: digits, a sign and a point need no quoting.
  void decimal(const Decimal& d) {
    comma();
    out_.done(write::put_decimal(out_.room(write::decimal_room(d)), d));
  }
  void count(std::uint64_t v) {
    comma();
    out_.done(write::put_uint(out_.room(write::kUintRoom), v));
  }
  void end() { out_.put("\r\n"); }

 private:
  void comma() {
    if (fields_++) out_.put(',');
  }
  write::TextOut& out_;
  std::size_t fields_ = 0;
};

/// What a cell shows: its value exactly; a blank as "null" (machine form) or empty (Chinese
/// form); a cell the report lacks as empty — or, in the Chinese form, kUnreadMark when the
/// report's template has it and its table is there.
template <class Row, class Col>
void cell_field(Line& line, const Report& rep, const std::optional<Table<Row, Col>>& t, Row r, Col c, const CsvOptions& o) {
  if (!t) return line.text({});
  if (const Cell* cell = t->cells.cell(r, c)) {
    if (cell->value) return line.decimal(*cell->value);
    return line.text(o.chinese_labels ? "" : "null");
  }
  line.text(o.chinese_labels && write::has_cell(rep, r, c) ? kUnreadMark : std::string_view());
}

void line(std::string& out, const std::vector<std::string>& v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    field(out, v[i]);
  }
  out += "\r\n";
}

std::string_view bom(const CsvOptions& o) { return o.excel ? "\xEF\xBB\xBF" : ""; }

/// The column headers of the Chinese form, in the order of csv_columns().
const std::vector<std::string>& chinese_columns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> v{"文件", "机关", "年度", "模板", "编码", "表二状态", "表三状态", "表四状态"};
    auto active = [&](ActiveRow r, ActiveColumn c) {
      v.push_back("表二·" + std::string(templates::label(r)) + "·" + std::string(templates::neutral_label(r, c)));
    };
    for (auto [r, c] : kActiveCells) active(r, c);
    active(ActiveRow::procurement, ActiveColumn::amount);
    for (std::size_t r = 0; r < key_count<ApplicationRow>(); ++r)
      for (std::size_t c = 0; c < key_count<ApplicantColumn>(); ++c)
        v.push_back("表三·" + write::qualified_label(static_cast<ApplicationRow>(r)) + "·" +
                    std::string(templates::label(static_cast<ApplicantColumn>(c))));
    for (std::size_t r = 0; r < key_count<ReviewGroup>(); ++r)
      for (std::size_t c = 0; c < key_count<ReviewColumn>(); ++c)
        v.push_back("表四·" + std::string(templates::label(static_cast<ReviewGroup>(r))) + "·" +
                    std::string(templates::label(static_cast<ReviewColumn>(c))));
    for (const char* s : {"错误数", "警告数", "提示数", "无法读取的原因"}) v.emplace_back(s);
    return v;
  }();
  return cols;
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

std::string csv_header(const CsvOptions& o) {
  std::string out(bom(o));
  line(out, o.chinese_labels ? chinese_columns() : csv_columns());
  return out;
}

std::string csv_row(std::string_view path, const Report& r, const CsvOptions& o) {
  const Language lang = o.chinese_labels ? Language::zh : Language::en;
  write::TextOut out(1024 + path.size() + r.encoding.size() +
                     (r.metadata.agency ? r.metadata.agency.value->size() : 0));  // most cells are short numbers
  Line line(out);
  auto status = [&](const auto& t) {
    if (!t) return line.text({});
    line.text(o.chinese_labels ? write::status_words(t->status, lang) : to_string(t->status));
  };
  if (is_valid_utf8(path)) line.text(path);
  else line.text(model::lossy_utf8(path));
  line.text(r.metadata.agency ? std::string_view(*r.metadata.agency.value) : std::string_view());
  if (r.metadata.year) line.decimal(Decimal::from_int(*r.metadata.year.value));
  else line.text({});
  line.text(o.chinese_labels ? write::template_words(r.template_version, lang) : to_string(r.template_version));
  line.text(r.encoding);
  status(r.active_disclosure);
  status(r.applications);
  status(r.review_litigation);
  for (auto [row, col] : kActiveCells) cell_field(line, r, r.active_disclosure, row, col, o);
  cell_field(line, r, r.active_disclosure, ActiveRow::procurement, ActiveColumn::amount, o);
  for (std::size_t row = 0; row < key_count<ApplicationRow>(); ++row)
    for (std::size_t col = 0; col < key_count<ApplicantColumn>(); ++col)
      cell_field(line, r, r.applications, static_cast<ApplicationRow>(row), static_cast<ApplicantColumn>(col), o);
  for (std::size_t row = 0; row < key_count<ReviewGroup>(); ++row)
    for (std::size_t col = 0; col < key_count<ReviewColumn>(); ++col)
      cell_field(line, r, r.review_litigation, static_cast<ReviewGroup>(row), static_cast<ReviewColumn>(col), o);
  std::array<std::uint64_t, 3> counts{};
  for (const Diagnostic& d : r.diagnostics) ++counts[static_cast<std::size_t>(d.severity)];
  line.count(counts[2]);
  line.count(counts[1]);
  line.count(counts[0]);
  line.text({});
  line.end();
  return out.take();
}

std::string csv_error_row(std::string_view path, const Error& e, const CsvOptions&) {
  std::vector<std::string> v(csv_columns().size());
  v.front() = model::lossy_utf8(path);
  v.back() = model::lossy_utf8(e.message);
  std::string out;
  line(out, v);
  return out;
}

std::string findings_csv_header(const CsvOptions& o) {
  std::string out(bom(o));
  if (o.chinese_labels)
    line(out, {"文件", "机关", "年度", "表格", "行", "列", "代码", "级别", "说明", "行号"});
  else
    line(out, {"file", "agency", "year", "table", "row", "column", "code", "severity", "message", "line"});
  return out;
}

std::string findings_csv_rows(std::string_view path, const Report& r, Severity min, const CsvOptions& o) {
  static constexpr std::array<std::string_view, 3> zh_severity{"提示", "警告", "错误"};
  const std::string file = model::lossy_utf8(path);
  const std::string agency = r.metadata.agency ? *r.metadata.agency.value : std::string();
  const std::string year = r.metadata.year ? std::to_string(*r.metadata.year.value) : std::string();
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity < min) continue;
    std::vector<std::string> v{file, agency, year};
    if (o.chinese_labels) {
      v.push_back(d.table.empty() ? "" : write::table_words(d.table));
      v.push_back(d.row.empty() ? "" : write::row_words(d.table, d.row, r.template_version));
      v.push_back(d.column.empty() ? "" : write::column_words(d.table, d.row, d.column, r.template_version));
    } else {
      v.emplace_back(d.table);
      v.emplace_back(d.row);
      v.emplace_back(d.column);
    }
    v.push_back(d.code);
    v.emplace_back(o.chinese_labels ? zh_severity[static_cast<std::size_t>(d.severity)] : to_string(d.severity));
    v.push_back(printable(d.message));
    v.push_back(d.span.line ? std::to_string(d.span.line) : std::string());
    line(out, v);
  }
  return out;
}

std::string findings_csv_error_row(std::string_view path, const Error& e, const CsvOptions& o) {
  std::string out;
  line(out, {model::lossy_utf8(path), "", "", "", "", "", "input." + std::string(to_string(e.code)),
             o.chinese_labels ? "错误" : "error", printable(e.message), ""});
  return out;
}

}  // namespace ogi
