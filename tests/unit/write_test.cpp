// SPDX-License-Identifier: Apache-2.0
// The writers for people: the CSV with the template's Chinese labels, findings as CSV, and the
// HTML page (its DOM in a real browser is tested by tests/python/test_html.py).
#include <catch2/catch.hpp>

#include <regex>

#include "../support.hpp"
#include "ogi/ogi.hpp"

namespace {
std::string reference() { return ogi_test::read_file(ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt"); }

ogi::Report parsed(const std::string& s) {
  auto r = ogi::parse(s);
  REQUIRE(r);
  return std::move(r).report();
}

/// CSV fields of one line (no quoted separators in these tests' fields).
std::vector<std::string> fields(std::string line) {
  if (line.size() >= 2 && line.substr(line.size() - 2) == "\r\n") line.resize(line.size() - 2);
  std::vector<std::string> out;
  std::size_t at = 0;
  while (true) {
    std::size_t comma = line.find(',', at);
    out.push_back(line.substr(at, comma - at));
    if (comma == std::string::npos) return out;
    at = comma + 1;
  }
}

std::string field_of(const std::string& header, const std::string& row, const std::string& column) {
  auto h = fields(header), r = fields(row);
  REQUIRE(h.size() == r.size());
  for (std::size_t i = 0; i < h.size(); ++i)
    if (h[i] == column) return r[i];
  FAIL("no column " << column);
  return {};
}

/// The reference report with one row of table 3 that cannot be placed: its one value stands in a
/// field no column has, so which column it is cannot be told.
std::string with_unplaced_row() {
  std::string in = reference();
  const std::string row = "2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0";
  auto at = in.find(row);
  REQUIRE(at != std::string::npos);
  return in.replace(at, row.size(), "2. 其他法律行政法规禁止公开\t\t\t\t\t\t\t\t\t\t\t1");
}
}  // namespace

TEST_CASE("csv with Chinese labels: headers from the template, blanks empty, unread cells marked") {
  ogi::CsvOptions zh;
  zh.chinese_labels = true;
  const std::string header = ogi::csv_header(zh);
  CHECK(header.find("表三·予以公开·自然人") != std::string::npos);
  CHECK(header.find("表三·不予公开·属于国家秘密·自然人") != std::string::npos);
  CHECK(header.find("表四·行政复议·结果维持") != std::string::npos);
  ogi::Report rep = parsed(with_unplaced_row());
  REQUIRE(rep.applications->cells.cell(ogi::ApplicationRow::denied_law_prohibits, ogi::ApplicantColumn::total) == nullptr);
  const std::string row = ogi::csv_row("a.txt", rep, zh);
  CHECK(field_of(header, row, "表三·不予公开·其他法律行政法规禁止公开·总计") == "未读出");
  CHECK(field_of(header, row, "表三·予以公开·总计") == "8");
  CHECK(field_of(header, row, "表三·其他处理·自然人") == "");  // the 2021 template has three （六） rows instead
  CHECK(field_of(header, row, "表三状态") == "部分单元格未读出");
  // the machine form keeps its keys and leaves the unread cell empty
  const std::string keys = ogi::csv_header(), machine = ogi::csv_row("a.txt", rep);
  CHECK(field_of(keys, machine, "applications.denied_law_prohibits.total") == "");
  CHECK(field_of(keys, machine, "applications.status") == "uncertain");
}

TEST_CASE("csv with Chinese labels: every header is distinct") {
  ogi::CsvOptions zh;
  zh.chinese_labels = true;
  auto h = fields(ogi::csv_header(zh));
  std::sort(h.begin(), h.end());
  CHECK(std::adjacent_find(h.begin(), h.end()) == h.end());
  CHECK(h.size() == ogi::csv_columns().size());
}

TEST_CASE("csv for Excel starts with a byte order mark and ends lines with CRLF") {
  ogi::CsvOptions excel;
  excel.excel = true;
  const std::string header = ogi::csv_header(excel);
  CHECK(header.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(header.substr(header.size() - 2) == "\r\n");
  CHECK(ogi::csv_header().rfind("path,", 0) == 0);
}

TEST_CASE("findings as CSV: one row per finding with its place and line") {
  ogi::Report rep = parsed(reference());
  const std::string rows = ogi::findings_csv_rows("a.txt", rep, ogi::Severity::warning);
  CHECK(std::count(rows.begin(), rows.end(), '\n') == 4);
  CHECK(rows.find("a.txt,张店区人民政府办公室,2021,applications,,natural_person,identity.column_balance,warning,") == 0);
  ogi::CsvOptions zh;
  zh.chinese_labels = true;
  CHECK(ogi::findings_csv_header(zh).rfind("文件,机关,年度,表格,行,列,代码,级别,说明,行号", 0) == 0);
  CHECK(ogi::findings_csv_rows("a.txt", rep, ogi::Severity::warning, zh).find(",表三,,自然人,identity.column_balance,警告,") !=
        std::string::npos);
  CHECK(ogi::findings_csv_error_row("b.txt", ogi::Error{ogi::ErrorCode::not_text, "不是文本", 0}) ==
        "b.txt,,,,,,input.not_text,error,不是文本,\r\n");
}

TEST_CASE("the HTML page is self-contained and marks the cells of the identities the report breaks") {
  ogi::Report rep = parsed(reference());
  const std::string page = ogi::to_html({ogi::HtmlInput{"reference.txt", &rep, nullptr}});
  CHECK(page == ogi::to_html({ogi::HtmlInput{"reference.txt", &rep, nullptr}}));  // deterministic
  CHECK(page.find("default-src 'none'") != std::string::npos);
  CHECK_FALSE(std::regex_search(page, std::regex(R"((src|href)=["']?(https?:)?//)")));
  for (const char* col : {"natural_person", "commercial", "research"})
    for (const char* row : {"new_received", "carried_over", "total", "carried_forward"}) {
      std::regex broken("id=\"r1-applications-" + std::string(row) + "-" + col + "\" class=\"cell[^\"]* broken");
      CHECK(std::regex_search(page, broken));
    }
  CHECK_FALSE(std::regex_search(page, std::regex("id=\"r1-applications-new_received-social\" class=\"cell[^\"]* broken")));
  CHECK(page.find("（本列数据的勾稽关系为") != std::string::npos);
}

TEST_CASE("the HTML page marks cells not read, and lists inputs that could not be read") {
  ogi::Report rep = parsed(with_unplaced_row());
  ogi::Error e{ogi::ErrorCode::not_text, "输入像是二进制文件", 0};
  const std::string page = ogi::to_html({ogi::HtmlInput{"a.txt", &rep, nullptr}, ogi::HtmlInput{"b.bin", nullptr, &e}});
  CHECK(std::regex_search(page, std::regex("id=\"r1-applications-denied_law_prohibits-total\" class=\"cell unread")));
  CHECK(page.find("id=\"reports\"") != std::string::npos);           // the list of reports
  CHECK(page.find("data-status=\"unreadable\"") != std::string::npos);
  CHECK(page.find("输入像是二进制文件") != std::string::npos);
}
