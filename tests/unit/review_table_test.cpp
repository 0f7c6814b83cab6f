// SPDX-License-Identifier: Apache-2.0
// Table 4 (行政复议、行政诉讼) as flattenings leave it.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using namespace ogi;

TEST_CASE("table 4 one cell per line keeps its blank cells as lines of no-break spaces") {
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n"
                   "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n";
  for (const char* v : {"5", "\u00a0", "\u00a0", "2", "7", "8", "\u00a0", "\u00a0", "1", "9", "\u00a0", "\u00a0", "\u00a0",
                        "\u00a0", "\u00a0"})
    in += std::string(v) + "\n";
  in += "五、存在的主要问题及改进情况\n无。\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  REQUIRE(t);
  CHECK(t->status == TableStatus::ok);
  const Cell* pending = t->cells.cell(ReviewGroup::review, ReviewColumn::pending);
  REQUIRE(pending);
  CHECK(pending->value->to_string() == "2");
  const Cell* corrected = t->cells.cell(ReviewGroup::review, ReviewColumn::corrected);
  REQUIRE(corrected);
  CHECK_FALSE(corrected->value);
  const Cell* after = t->cells.cell(ReviewGroup::litigation_after_review, ReviewColumn::total);
  REQUIRE(after);
  CHECK_FALSE(after->value);
}

namespace {
// Table 4 with one cell per line and an empty line after each (lynx); `cells` are the values
// and, as "", the places where blank cells left one more empty line.
std::string lynx_table4(std::initializer_list<const char*> cells) {
  std::string in = "某某局\n\n2021年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n行政诉讼\n\n"
                   "结果维持\n\n结果纠正\n\n其他结果\n\n尚未审结\n\n总计\n\n";
  for (const char* c : cells) in += std::string(c) + (*c ? "\n\n" : "\n");
  return in + "五、存在的主要问题及改进情况\n\n无。\n";
}

std::string cell(const Report& r, ReviewGroup g, ReviewColumn c) {
  const Cell* x = r.review_litigation->cells.cell(g, c);
  if (!x) return "absent";
  return x->value ? x->value->to_string() : "blank";
}
}  // namespace

TEST_CASE("table 4 blank cells collapsed into one empty line are placed by the gaps and the group totals") {
  // 5 [blank blank] 2 7 | 8 [blank blank] 1 9 | all blank: two blanks leave one extra empty line
  auto r = parse(lynx_table4({"5", "", "2", "7", "8", "", "1", "9"}));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.review_litigation);
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::upheld) == "5");
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::corrected) == "blank");
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::other) == "blank");
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::pending) == "2");
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::total) == "7");
  CHECK(cell(rep, ReviewGroup::litigation_direct, ReviewColumn::pending) == "1");
  CHECK(cell(rep, ReviewGroup::litigation_after_review, ReviewColumn::total) == "blank");
  CHECK(rep.review_litigation->status == TableStatus::ok);
}

TEST_CASE("table 4 values with even gaps say nothing about vanished blank cells") {
  // Chrome's PDF through pdftotext: the blanks left no trace, every gap is one empty line
  auto r = parse(lynx_table4({"5", "2", "7", "8", "1", "9"}));
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.review_litigation);
  CHECK(cell(rep, ReviewGroup::review, ReviewColumn::upheld) == "absent");
  CHECK(rep.review_litigation->status == TableStatus::uncertain);
}

TEST_CASE("table 4 a row written as dashes is a row of blank cells") {
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
                   "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\n";
  for (int i = 0; i < 15; ++i) in += i ? "\t—" : "—";
  in += "\n五、存在的主要问题及改进情况\n无。\n";
  auto r = parse(in);
  REQUIRE(r);
  const Report& rep = r.report();
  REQUIRE(rep.review_litigation);
  CHECK(rep.review_litigation->status == TableStatus::ok);
  CHECK(cell(rep, ReviewGroup::litigation_after_review, ReviewColumn::total) == "blank");
}

TEST_CASE("table 3 a written blank at a row's end is a cell and not merged-cell filler") {
  // eight cells for seven columns, the first a dash: which one is extra cannot be told
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                   "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
                   "一、本年新收政府信息公开申请数量\t—\t5\t0\t0\t0\t0\t0\t5\n"
                   "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
                   "（七）总计\t5\t0\t0\t0\t0\t0\t5\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
                   "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  REQUIRE(r.report().applications);
  CHECK(r.report().applications->cells.cell(ApplicationRow::new_received, ApplicantColumn::natural_person) == nullptr);
}

TEST_CASE("table 4 header with no value after it is no table where nothing counts its blank cells") {
  // (its values may stand after the next heading: pdftotext's reading order)
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n"
                   "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
                   "五、存在的主要问题及改进情况\n无。\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  CHECK((!t || t->status == TableStatus::missing));
}

namespace {
// Table 4 as pdfminer prints a LibreOffice PDF whose table breaks across a page: the header's
// first line, fifteen lines of a no-break space, `between` (the page break and what follows it),
// then the fifteen values on one line.
std::string table4_over_a_page(const std::string& between) {
  std::string in = "某某局\n2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n行政诉讼\n\n"
                   "结果\n维持\n\n结果\n纠正\n\n其他\n结果\n\n尚未\n审结\n\n总计\n\n未经复议直接起诉\n\n复议后起诉\n\n"
                   "结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n\n";
  for (int i = 0; i < 15; ++i) in += "\u00a0\n";
  return in + between + "\n\n856 213 375 220 1664 1128 270 466 315 2179 429 89 185 85 788\n\n五、存在的主要问题及改进情况\n\n无。\n";
}
}  // namespace

TEST_CASE("table 4 blank cells before the header's rest are the header's and not the row's") {
  // the rest: the second lines of four wrapped column names, run together on one line
  auto r = parse(table4_over_a_page("\f维持 纠正 结果 审结\n\n维持 纠正 结果 审结"));
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  REQUIRE(t);
  const Cell* upheld = t->cells.cell(ReviewGroup::review, ReviewColumn::upheld);
  REQUIRE(upheld);
  REQUIRE(upheld->value);
  CHECK(upheld->value->to_string() == "856");
}

TEST_CASE("table 4 blank cells cut short by unknown text with numbers after it are not read blank") {
  auto r = parse(table4_over_a_page("\f续表"));
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  if (!t) return;
  const Cell* upheld = t->cells.cell(ReviewGroup::review, ReviewColumn::upheld);
  CHECK((upheld == nullptr || (upheld->value && upheld->value->to_string() == "856")));
}
