// SPDX-License-Identifier: Apache-2.0
// Table 2 (第二十条) as flattenings leave it.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using namespace ogi;

namespace {
std::string table2(const std::string& body) {
  return "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n"
         "本年废止件数\n现行有效件数\n规章\n0\n0\n0\n行政规范性文件\n0\n5\n5\n" +
         body + "三、收到和处理政府信息公开申请情况\n";
}

/// A cell's value as written, "blank", or "absent".
std::string value_of(const Report& r, ActiveRow row, ActiveColumn column) {
  const Cell* c = r.active_disclosure->cells.cell(row, column);
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

/// A one-column row's value as written, "blank", or "absent".
std::string decisions(const Report& r, ActiveRow row) { return value_of(r, row, ActiveColumn::decisions); }
}  // namespace

TEST_CASE("a one-column block's value printed before its label is that row's, named for a look at the source") {
  auto r = parse(table2("第二十条第（五）项\n信息内容\n本年处理决定数量\n550\n行政许可\n第二十条第（六）项\n信息内容\n"
                        "本年处理决定数量\n行政处罚\n4119\n行政强制\n195\n"));
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  const Cell* licensing = t->cells.cell(ActiveRow::licensing, ActiveColumn::decisions);
  REQUIRE(licensing);
  CHECK(licensing->value->to_string() == "550");
  CHECK(t->cells.cell(ActiveRow::penalty, ActiveColumn::decisions)->value->to_string() == "4119");
  bool said = false;
  for (const auto& d : r.report().diagnostics)
    said |= d.code == "table.value_before_label" && d.row == "licensing" && d.severity == Severity::warning;
  CHECK(said);
}

TEST_CASE("two values before two labels of one block are nobody's") {
  auto r = parse(table2("第二十条第（六）项\n信息内容\n本年处理决定数量\n4119\n195\n行政处罚\n行政强制\n"));
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  const Cell* penalty = t->cells.cell(ActiveRow::penalty, ActiveColumn::decisions);
  CHECK((penalty == nullptr || !penalty->value));
  CHECK(t->status == TableStatus::uncertain);
}

TEST_CASE("one-column labels together then their values take them in row order, named for a look at the source") {
  // pdfminer: the block's label box, then its number box
  auto r = parse(table2("第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n行政强制\n4119\n195\n"
                        "第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n12.5\n"));
  REQUIRE(r);
  REQUIRE(r.report().active_disclosure);
  CHECK(decisions(r.report(), ActiveRow::penalty) == "4119");
  CHECK(decisions(r.report(), ActiveRow::coercion) == "195");
  bool said = false;
  for (const auto& d : r.report().diagnostics) said |= d.code == "table.value_order" && d.severity == Severity::warning;
  CHECK(said);
}

TEST_CASE("a unit printed apart from its amount does not end the row") {
  // Chrome's PDF through pdftotext: the amount cell "251000元" wrapped, its unit on a line before it
  std::string text = "某某局\n2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n"
                     "本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n1\n1\n9\n规范性文件\n4\n4\n60\n"
                     "第二十条第（九）项\n信息内容\n采购项目数量 采购总金额\n政府集中采购\n6\n元\n251000\n"
                     "三、收到和处理政府信息公开申请情况\n";
  auto r = parse(text);
  REQUIRE(r);
  REQUIRE(r.report().active_disclosure);
  CHECK(value_of(r.report(), ActiveRow::procurement, ActiveColumn::projects) == "6");
  CHECK(value_of(r.report(), ActiveRow::procurement, ActiveColumn::amount) == "251000");
}

TEST_CASE("a table 2 whose labels html2text cut is read by the pieces left") {
  // html2text cut every other label: "规章" stands, "行�7处罚" keeps 行 and 处罚 around its value
  auto r = parse("某某局\n2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条 第（一）项\n"
                 "信息�本年�本年�现行有效件数\n规章  6      1      16\n行政� ��性 �件\n第二十条 第（六）项\n"
                 "信�本年处理决定数量\n行�7处罚\n三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  REQUIRE(r.report().active_disclosure);
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::made) == "6");
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::in_force) == "16");
  CHECK(value_of(r.report(), ActiveRow::penalty, ActiveColumn::decisions) == "7");
}

TEST_CASE("a cut table 2 label whose pieces fit two rows names neither") {
  // "行政�9" keeps only 行政: 行政处罚 and 行政强制 both start so, and its value is nobody's
  auto r = parse("某某局\n2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条 第（一）项\n"
                 "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章  6      1      16\n第二十条 第（六）项\n"
                 "信息内容 本年处理决定数量\n行政\xE5\xA4" "9\n三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  REQUIRE(r.report().active_disclosure);
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::made) == "6");
  CHECK(value_of(r.report(), ActiveRow::penalty, ActiveColumn::decisions) == "absent");
  CHECK(value_of(r.report(), ActiveRow::coercion, ActiveColumn::decisions) == "absent");
}

namespace {
/// A 2019 table 2 as pdftotext -raw prints it: one row a line, single spaces, blank cells nothing.
std::string table2_2019(const std::string& rows) {
  return "某某局\n2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项\n"
         "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 4 1 1\n规范性文件 6 6 234\n第二十条第(五)项\n"
         "信息内容 上一年项目数量 本年增/减 处理决定数量\n" +
         rows + "三、收到和处理政府信息公开申请情况\n";
}
}  // namespace

TEST_CASE("a change word after a label whose space was dropped is one cell, not digits run together") {
  // 行政许可 增加514: normalization drops the space between two ideographs
  auto r = parse(table2_2019("行政许可 增加514\n其他对外管理服务事项 12 0 30\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::licensing, ActiveColumn::change) == "514");
  CHECK(value_of(r.report(), ActiveRow::licensing, ActiveColumn::previous_count) == "blank");
  CHECK(value_of(r.report(), ActiveRow::licensing, ActiveColumn::decisions) == "blank");
}

TEST_CASE("a value written as a change stands in the change column") {
  auto r = parse(table2_2019("行政许可 -37\n其他对外管理服务事项 减少5\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::licensing, ActiveColumn::change) == "-37");
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::change) == "-5");
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::decisions) == "blank");
}

TEST_CASE("a change word and its number apart in one tab field are the one change") {
  // a PDF's CJK and Latin fonts make 减少 and 5 two words; the cell's text keeps them apart
  auto r = parse(table2_2019("行政许可\t1775\t\t-5\t1297\n其他对外管理服务事项\t \t\t减少 5\t2\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::change) == "-5");
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::previous_count) == "blank");
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::decisions) == "2");
}

TEST_CASE("a change word and its number one space apart on a plain line are the one change") {
  // pdftotext -layout of a Word-made PDF: cells two or more spaces apart, 减少 and 5 one
  auto r = parse(table2_2019("行政许可        1775          -5            1297\n"
                             "其他对外管理服务事项           减少 5          2\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::change) != "5");  // never the count 5
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::change) == "-5");
}

TEST_CASE("a plain value alone in a row with a change column stays unplaced") {
  auto r = parse(table2_2019("行政许可 1120\n其他对外管理服务事项 12 0 30\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::licensing, ActiveColumn::change) == "absent");
}

TEST_CASE("a change alone after its label, other values before it, is not placed by its form") {
  // pdftotext's reading order: the row's first and last values before its label
  auto r = parse(table2_2019("755\n679243\n行政许可\n－5\n162\n1109\n其他对外管理服务事项\n－3\n"));
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::other_services, ActiveColumn::decisions) != "blank");
}

TEST_CASE("a value between two labels where the dump prints values before labels is neither row's for certain") {
  // pdftotext sets a value at the middle of its cell's height: 行政许可's 5 before its label, and
  // 行政强制's 665 before its label, right after 行政处罚
  auto r = parse(table2("第二十条第（五）项\n信息内容\n本年处理决定数量\n5\n行政许可\n第二十条第（六）项\n信息内容\n"
                        "本年处理决定数量\n行政处罚\n665\n行政强制\n"));
  REQUIRE(r);
  CHECK(decisions(r.report(), ActiveRow::penalty) == "absent");
  CHECK(decisions(r.report(), ActiveRow::coercion) != "blank");
}

TEST_CASE("a value after its label where values follow their labels is that row's") {
  auto r = parse(table2("第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n5\n第二十条第（六）项\n信息内容\n"
                        "本年处理决定数量\n行政处罚\n665\n行政强制\n"));
  REQUIRE(r);
  CHECK(decisions(r.report(), ActiveRow::penalty) == "665");
}

TEST_CASE("a line of spaces after an empty line, right above a block's heading, is no blank cell") {
  // mutool of a Word-made PDF: an empty paragraph before each block, a blank cell no text at all
  auto r = parse("某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n\n信息内容\n"
                 "本年制发件数 本年废止件数 现行有效件数\n\n规章\n3\n55\n759\n\n行政规范性文件\n2\n448\n\n \n"
                 "第二十条第（五）项\n\n信息内容\n本年处理决定数量\n\n行政许可\n53\n\n \n三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  // 2 and 448 are two of three cells: which one is blank the text does not say
  CHECK(value_of(r.report(), ActiveRow::normative_documents, ActiveColumn::in_force) != "blank");
  CHECK(value_of(r.report(), ActiveRow::normative_documents, ActiveColumn::made) != "2");
}

TEST_CASE("a row with no value before one boxed with its first value may have lent it its own") {
  // pdfminer of a Word-made PDF: 规章's blank cells print nothing, 行政规范性文件's label is boxed
  // with its first value; 50 is 规章's, printed among the next row's values
  auto r = parse("某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n\n"
                 "信息内容 本年制发件数 本年废止件数 现行有效件数\n\n规章\n\n行政规范性文件 41\n\n50\n\n11\n\n"
                 "第二十条第（五）项\n\n信息内容\n\n本年处理决定数量\n\n行政许可\n\n849\n\n三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::normative_documents, ActiveColumn::repealed) != "50");
  CHECK(value_of(r.report(), ActiveRow::normative_documents, ActiveColumn::in_force) != "11");
}

TEST_CASE("a tab field holding a no-break space is a blank cell") {
  // a browser's copy of a page whose empty cells hold &nbsp;: each filled cell on a line of its
  // own, a tab line between; an empty cell is a field of its own
  auto r = parse("某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n\t\n"
                 "本年制发件数\n\t\n本年废止件数\n\t\n现行有效件数\n\n规章\n\t\n3\n\t\u00a0\t\n198\n\n行政规范性文件\n\t\n23\n\t\n"
                 "5\n\t\n831\n\n第二十条第（六）项\n信息内容\n\t\n本年处理决定数量\n\n行政处罚\n\t\u00a0\n\n行政强制\n\t\n7\n\n"
                 "三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::made) == "3");
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::repealed) == "blank");
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::in_force) == "198");
  CHECK(decisions(r.report(), ActiveRow::penalty) == "blank");
}

TEST_CASE("a run of a row's empty cells on a line apart from its label leaves the row open for its next value") {
  auto r = parse("某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n\t\n"
                 "本年制发件数\n\t\n本年废止件数\n\t\n现行有效件数\n\n规章\n\t\u00a0\t\u00a0\t\n2\n\n行政规范性文件\n\t\n3\n\t\n"
                 "1\n\t\n27\n\n三、收到和处理政府信息公开申请情况\n");
  REQUIRE(r);
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::made) == "blank");
  CHECK(value_of(r.report(), ActiveRow::rules, ActiveColumn::in_force) == "2");
  CHECK(value_of(r.report(), ActiveRow::normative_documents, ActiveColumn::in_force) == "27");
}
