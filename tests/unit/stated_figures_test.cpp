// SPDX-License-Identifier: Apache-2.0
// The figures the prose states ("其中自然人申请3件", "制发行政规范性文件13件") as evidence of where
// table-3 and table-2 values stand, in a dump that kept no trace of blank cells (pdftotext -raw):
// a body whose applicants are all natural persons prints "3 3", which every identity allows in
// any applicant column; table 2's `行政规范性文件 13 163` may be any two of its three columns.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ogi/ogi.hpp"

using namespace ogi;

namespace {

std::string report(const std::string& prose) {
  static const std::vector<std::pair<std::string, std::string>> rows = {
      {"一、本年新收政府信息公开申请数量", "3 3"},
      {"二、上年结转政府信息公开申请数量", ""},
      {"（一）予以公开", "2 2"},
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""},
      {"1．属于国家秘密", ""},
      {"2．其他法律行政法规禁止公开", ""},
      {"3．危及“三安全一稳定”", ""},
      {"4．保护第三方合法权益", ""},
      {"5．属于三类内部事务信息", ""},
      {"6．属于四类过程性信息", ""},
      {"7．属于行政执法案卷", ""},
      {"8．属于行政查询事项", ""},
      {"1．本机关不掌握相关政府信息", "1 1"},
      {"2．没有现成信息需要另行制作", ""},
      {"3．补正后申请内容仍不明确", ""},
      {"1．信访举报投诉类申请", ""},
      {"2．重复申请", ""},
      {"3．要求提供公开出版物", ""},
      {"4．无正当理由大量反复申请", ""},
      {"5．要求行政机关确认或重新出具已获取信息", ""},
      {"1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ""},
      {"2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ""},
      {"3．其他", ""},
      {"（七）总计", "3 3"},
      {"四、结转下年度继续办理", ""},
  };
  std::string in = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n" + prose +
                   "\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
                   "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n";
  for (const auto& [label, values] : rows) in += label + (values.empty() ? "" : " " + values) + "\n";
  return in + "四、政府信息公开行政复议、行政诉讼情况\n无。\n";
}

std::string cell(const Report& r, ApplicationRow row, ApplicantColumn col) {
  const Cell* c = r.applications->cells.cell(row, col);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

bool has(const Report& r, std::string_view code, std::string_view row) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code && d.row == row) return true;
  return false;
}

}  // namespace

TEST_CASE("a stated 其中自然人 count places a row whose blank cells left no trace, and the identities the rest") {
  auto r = parse(report("本年共收到政府信息公开申请3件，其中自然人申请3件。全年办结3件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "3");
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::commercial) == "blank");
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::total) == "3");
  // the column identities carry the decision to the other rows
  CHECK(cell(rep, ApplicationRow::granted, ApplicantColumn::natural_person) == "2");
  CHECK(cell(rep, ApplicationRow::unable_not_held, ApplicantColumn::natural_person) == "1");
  CHECK(cell(rep, ApplicationRow::total, ApplicantColumn::natural_person) == "3");
  CHECK(has(rep, "table.columns_by_statement", "new_received"));  // the reading is named
}

TEST_CASE("rows with no value in a table of few values are blank where every reading holds the identities") {
  auto r = parse(report("本年共收到政府信息公开申请3件，其中自然人申请3件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::carried_over, ApplicantColumn::natural_person) == "blank");
  CHECK(cell(rep, ApplicationRow::denied_state_secret, ApplicantColumn::total) == "blank");
  CHECK(cell(rep, ApplicationRow::carried_forward, ApplicantColumn::total) == "blank");
  CHECK_FALSE(has(rep, "table.row_values_missing", "carried_over"));
}

TEST_CASE("without a stated figure a row that reads the same one column over is left out and named") {
  auto r = parse(report("本年共收到政府信息公开申请3件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "absent");
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::total) == "3");
  CHECK(has(rep, "table.cells_ambiguous", "new_received"));
}

TEST_CASE("a stated figure no reading agrees with decides nothing") {
  auto r = parse(report("本年共收到政府信息公开申请3件，其中自然人申请4件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "absent");
  CHECK_FALSE(has(rep, "table.columns_by_statement", "new_received"));
}

TEST_CASE("figures over one row that contradict each other decide nothing") {
  // 自然人 3 and 商业企业 3 cannot both stand in a row of total 3
  auto r = parse(report("本年共收到政府信息公开申请3件，其中自然人申请3件，商业企业申请3件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "absent");
  CHECK_FALSE(has(rep, "table.columns_by_statement", "new_received"));
}

TEST_CASE("a figure about every body of the city is not read as the report's own") {
  auto r = parse(report("全市共收到政府信息公开申请3件，其中自然人申请3件。"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.applications);
  CHECK(cell(rep, ApplicationRow::new_received, ApplicantColumn::natural_person) == "absent");
}

namespace {

/// A report whose table 2 prints `normative` as its 行政规范性文件 row, after `prose`.
std::string report_with_table2(const std::string& prose, const std::string& normative) {
  return "某某局2021年政府信息公开工作年度报告\n一、总体情况\n" + prose +
         "\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章\n" +
         normative +
         "\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 5\n第二十条第（六）项\n信息内容 本年处理决定数量\n"
         "行政处罚 7\n行政强制\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费\n"
         "三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n";
}

std::string cell(const Report& r, ActiveRow row, ActiveColumn col) {
  const Cell* c = r.active_disclosure->cells.cell(row, col);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

}  // namespace

TEST_CASE("stated 制发规范性文件 figures place table 2's row whose blank cell left no trace") {
  auto r = parse(report_with_table2("本年度制发行政规范性文件13件，废止0件，现行有效163件。", "行政规范性文件 13 163"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.active_disclosure);
  CHECK(cell(rep, ActiveRow::normative_documents, ActiveColumn::made) == "13");
  CHECK(cell(rep, ActiveRow::normative_documents, ActiveColumn::repealed) == "blank");
  CHECK(cell(rep, ActiveRow::normative_documents, ActiveColumn::in_force) == "163");
  CHECK(has(rep, "table.columns_by_statement", "normative_documents"));
}

namespace {
Severity severity_of(const Report& r, std::string_view code, std::string_view row) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code && d.row == row) return d.severity;
  return Severity::info;
}
}  // namespace

TEST_CASE("a table-2 row placed by one stated figure alone is a warning; by several that agree, a note") {
  auto one = parse(report_with_table2("本年度制发行政规范性文件13件。", "行政规范性文件 13 163"));
  REQUIRE(one);
  REQUIRE(one.report().active_disclosure);
  CHECK(cell(one.report(), ActiveRow::normative_documents, ActiveColumn::made) == "13");
  CHECK(severity_of(one.report(), "table.columns_by_statement", "normative_documents") == Severity::warning);
  auto three = parse(report_with_table2("本年度制发行政规范性文件13件，废止0件，现行有效163件。", "行政规范性文件 13 163"));
  REQUIRE(three);
  CHECK(severity_of(three.report(), "table.columns_by_statement", "normative_documents") == Severity::info);
}

TEST_CASE("without a stated figure table 2's row short of a value is left out and named") {
  auto r = parse(report_with_table2("本年度主动公开政府信息100条。", "行政规范性文件 13 163"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.active_disclosure);
  CHECK(cell(rep, ActiveRow::normative_documents, ActiveColumn::made) == "absent");
  CHECK(has(rep, "table.cells_ambiguous", "normative_documents"));
}

TEST_CASE("a stated table-2 figure that differs from the table is named with its row") {
  auto r = parse(report_with_table2("本年度制发行政规范性文件12件。全年公开行政许可决定5件、行政处罚决定8件。",
                                    "行政规范性文件 13 0 163"));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.active_disclosure);
  CHECK(cell(rep, ActiveRow::normative_documents, ActiveColumn::made) == "13");  // the table as printed
  CHECK(has(rep, "narrative.count_mismatch", "normative_documents"));
  CHECK(has(rep, "narrative.count_mismatch", "penalty"));
  CHECK_FALSE(has(rep, "narrative.count_mismatch", "licensing"));  // 5 agrees
}
