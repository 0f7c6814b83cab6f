// SPDX-License-Identifier: Apache-2.0
// Digits run together with labels (crawler text): where a run of cells starts and ends.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using namespace ogi;

namespace {

// Part of a 2021 table 3 on one line, as a crawler saves a page: `rows` (labels and digits) then
// three more rows, so that there is a table to read.
std::string one_line_table(const std::string& rows) {
  return "某某区人民政府办公室2021年政府信息公开工作年度报告 一、总体情况本年度工作情况良好。"
         "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他 " +
         rows +
         "（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000"
         "四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n";
}

/// The same table with `tail` after its (五) rows: the table's last rows.
std::string one_line_table_ending(const std::string& tail) {
  std::string t = one_line_table("");
  auto at = t.find("四、政府信息公开行政复议");
  return t.insert(at, tail);
}

std::string cell(const Report& r, ApplicationRow row, ApplicantColumn col) {
  const Cell* c = r.applications->cells.cell(row, col);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

Report parsed(const std::string& s) {
  auto r = parse(s);
  REQUIRE(r);
  return std::move(r).report();
}

}  // namespace

TEST_CASE("digits before the next label's Chinese numbering are the row's cells") {
  auto r = parsed(one_line_table("一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 "));
  REQUIRE(r.applications);
  CHECK(cell(r, ApplicationRow::new_received, ApplicantColumn::natural_person) == "71");
  CHECK(cell(r, ApplicationRow::new_received, ApplicantColumn::commercial) == "3");
  CHECK(cell(r, ApplicationRow::new_received, ApplicantColumn::total) == "74");
  CHECK(cell(r, ApplicationRow::carried_over, ApplicantColumn::total) == "1");
}

TEST_CASE("digits before a label's numbering in brackets are the row's cells") {
  auto r = parsed(one_line_table("（一）予以公开 210000021（二）部分公开（区分处理的，只计这一情形，不计其他情形） 8100009（三）不予公开"));
  REQUIRE(r.applications);
  CHECK(cell(r, ApplicationRow::granted, ApplicantColumn::total) == "21");
  CHECK(cell(r, ApplicationRow::partly_granted, ApplicantColumn::natural_person) == "8");
  CHECK(cell(r, ApplicationRow::partly_granted, ApplicantColumn::commercial) == "1");
}

TEST_CASE("a group label glued to its first child's numbering gives that numbering to no row") {
  auto r = parsed(one_line_table("（二）部分公开（区分处理的，只计这一情形，不计其他情形）290000029（三）不予公开1.属于国家秘密4000004"
                                 "2.其他法律行政法规禁止公开0000000"));
  REQUIRE(r.applications);
  CHECK(cell(r, ApplicationRow::partly_granted, ApplicantColumn::total) == "29");
  CHECK(cell(r, ApplicationRow::denied_state_secret, ApplicantColumn::natural_person) == "4");
}

TEST_CASE("a run of zeros standing alone is a row of zero cells") {
  // the row's label, then its seven zero cells run together, with spaces around
  auto r = parsed(one_line_table("（四）无法提供1.本机关不掌握相关政府信息0000000 "));
  REQUIRE(r.applications);
  CHECK(cell(r, ApplicationRow::unable_not_held, ApplicantColumn::natural_person) == "0");
  r = parsed(one_line_table_ending("四、结转下年度继续办理 0000000 "));
  REQUIRE(r.applications);
  CHECK(cell(r, ApplicationRow::carried_forward, ApplicantColumn::natural_person) == "0");
  CHECK(cell(r, ApplicationRow::carried_forward, ApplicantColumn::total) == "0");
}

namespace {
std::string one_line_table2(const std::string& prose) {
  return "某某区人民政府办公室2022年政府信息公开工作年度报告 一、总体情况" + prose +
         "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698"
         "第二十条第（五）项信息内容本年处理决定数量行政许可10690"
         "三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况无。\n";
}
std::string table2_cell(const Report& r, ActiveRow row, ActiveColumn col) {
  const Cell* c = r.active_disclosure->cells.cell(row, col);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}
}  // namespace

TEST_CASE("glued table-2 digits split by two counts the prose states") {
  auto r = parsed(one_line_table2("集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。"));
  REQUIRE(r.active_disclosure);
  CHECK(table2_cell(r, ActiveRow::normative_documents, ActiveColumn::made) == "88");
  CHECK(table2_cell(r, ActiveRow::normative_documents, ActiveColumn::repealed) == "55");
  CHECK(table2_cell(r, ActiveRow::normative_documents, ActiveColumn::in_force) == "698");
}

TEST_CASE("one count the prose states does not split glued table-2 digits") {
  auto r = parsed(one_line_table2("动态更新本年度制发的规范性文件88件。"));
  REQUIRE(r.active_disclosure);
  CHECK(table2_cell(r, ActiveRow::normative_documents, ActiveColumn::made) == "absent");
}
