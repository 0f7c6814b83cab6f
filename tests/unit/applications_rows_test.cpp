// SPDX-License-Identifier: Apache-2.0
// Table 3 (收到和处理政府信息公开申请情况) rows whose values a tool broke over lines.
#include <algorithm>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ogi/ogi.hpp"

using namespace ogi;

namespace {

// Table 3, its identities holding, every row on a line of its own with its values after the
// label one space apart; `broken` replaces the line of the row it names.
std::string table3(const std::string& broken_label, const std::string& broken) {
  static const std::vector<std::pair<std::string, std::string>> rows = {
      {"一、本年新收政府信息公开申请数量", "7 1 0 1 1 1 11"},
      {"二、上年结转政府信息公开申请数量", "1 0 0 0 0 0 1"},
      {"（一）予以公开", "2 0 0 0 0 0 2"},
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1 0 0 0 0 0 1"},
      {"1．属于国家秘密", "0 0 0 0 0 0 0"},
      {"2．其他法律行政法规禁止公开", "0 0 0 0 0 0 0"},
      {"3．危及“三安全一稳定”", "0 0 0 0 0 0 0"},
      {"4．保护第三方合法权益", "0 0 0 0 0 0 0"},
      {"5．属于三类内部事务信息", "2 1 0 1 1 1 6"},
      {"6．属于四类过程性信息", "0 0 0 0 0 0 0"},
      {"7．属于行政执法案卷", "0 0 0 0 0 0 0"},
      {"8．属于行政查询事项", "0 0 0 0 0 0 0"},
      {"1．本机关不掌握相关政府信息", "3 0 0 0 0 0 3"},
      {"2．没有现成信息需要另行制作", "0 0 0 0 0 0 0"},
      {"3．补正后申请内容仍不明确", "0 0 0 0 0 0 0"},
      {"1．信访举报投诉类申请", "0 0 0 0 0 0 0"},
      {"2．重复申请", "0 0 0 0 0 0 0"},
      {"3．要求提供公开出版物", "0 0 0 0 0 0 0"},
      {"4．无正当理由大量反复申请", "0 0 0 0 0 0 0"},
      {"5．要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"},
      {"1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"},
      {"2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"},
      {"3．其他", "0 0 0 0 0 0 0"},
      {"（七）总计", "8 1 0 1 1 1 12"},
      {"四、结转下年度继续办理", "0 0 0 0 0 0 0"},
  };
  std::string in =
      "某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
      "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n";
  for (const auto& [label, values] : rows) in += label + " " + (label == broken_label ? broken : values) + "\n";
  return in + "四、政府信息公开行政复议、行政诉讼情况\n无。\n";
}

std::string cell(const Report& r, ApplicationRow row, ApplicantColumn col) {
  const Cell* c = r.applications->cells.cell(row, col);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

}  // namespace

TEST_CASE("a row broken over lines beside its wrapped label takes the later line where its total then holds") {
  // 5．属于三类 / 内部事务信息: "2 1" on the first line, "1 1 1 6" on the next, the blank
  // research cell vanished (pdftotext -layout beside a wrapped label)
  std::string in = table3("", "");
  std::string from = "5．属于三类内部事务信息 2 1 0 1 1 1 6";
  in.replace(in.find(from), from.size(), "5．属于三类 2 1\n内部事务信息 1 1 1 6");
  auto r = parse(in);
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::denied_internal_affairs, ApplicantColumn::total) == "6");
  CHECK(cell(rep, ApplicationRow::denied_internal_affairs, ApplicantColumn::natural_person) == "2");
  CHECK(cell(rep, ApplicationRow::denied_internal_affairs, ApplicantColumn::legal_service) == "1");
  bool joined = false;
  for (const Diagnostic& d : rep.diagnostics) {
    CHECK(d.code != "table.values_unplaced");
    joined |= d.code == "table.row_joined_lines" && d.row == "denied_internal_affairs";
  }
  CHECK(joined);  // the reading is named
}

TEST_CASE("a row whose total holds on its own line leaves a later line's values to nobody") {
  // the first line is the whole row; the next line is no row's (its label was not recognised)
  std::string in = table3("", "");
  std::string from = "5．属于三类内部事务信息 2 1 0 1 1 1 6";
  in.replace(in.find(from), from.size(), from + "\n某某 3 4");
  auto r = parse(in);
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::denied_internal_affairs, ApplicantColumn::total) == "6");
  CHECK(cell(rep, ApplicationRow::denied_internal_affairs, ApplicantColumn::research) == "0");
  bool unplaced = false;
  for (const Diagnostic& d : rep.diagnostics) {
    unplaced |= d.code == "table.values_unplaced";
    CHECK(d.code != "table.row_joined_lines");
  }
  CHECK(unplaced);
}

TEST_CASE("a number cut off at its end is a cell of unknown value, and its row's blanks are not inferred") {
  // the total column printed past the page's side: 1 of 11 kept, the PDF layout's ellipsis after
  // it; 科研机构's 0 not printed (its blank leaves no trace)
  auto r = parse(table3("一、本年新收政府信息公开申请数量", "7 1 1 1 1 1\u2026"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::total) == "absent");
  for (auto col : {ApplicantColumn::natural_person, ApplicantColumn::commercial, ApplicantColumn::research})
    CHECK(cell(rep, ApplicationRow::new_received, col) != "0");  // no cell read as an unprinted 0 or blank
  bool named = false;
  for (const Diagnostic& d : rep.diagnostics)
    named |= d.code == "table.cell_unreadable" && d.message.find("截断") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a cell whose figure stands wholly past the page's side is of unknown value, not blank") {
  // a PDF table wider than its page, laid out as tab fields: the total column's cells an ellipsis
  std::string in = table3("", "");
  for (std::size_t at = in.find("一、本年新收"); at < in.find("四、政府信息公开"); at = in.find('\n', at) + 1) {
    std::size_t end = in.find('\n', at);
    std::string line = in.substr(at, end - at);
    std::replace(line.begin(), line.end(), ' ', '\t');
    line = line.substr(0, line.rfind('\t')) + "\t\u2026";  // the total cut off whole
    in.replace(at, end - at, line);
  }
  auto r = parse(in);
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "7");
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::total) == "absent");
  CHECK(cell(rep, ApplicationRow::denied_state_secret, ApplicantColumn::total) == "absent");  // not read blank
  bool named = false;
  for (const Diagnostic& d : rep.diagnostics)
    named |= d.code == "table.cell_unreadable" && d.row == "denied_state_secret" && d.column == "total";
  CHECK(named);
}
