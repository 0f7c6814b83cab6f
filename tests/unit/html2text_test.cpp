// SPDX-License-Identifier: Apache-2.0
// html2text's box tables: cells cut at their width (U+FFFD for a cut character) and label text
// overflowing into the next cells.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using namespace ogi;

namespace {
/// A cell's value as text: "" for a blank cell, "(none)" where the table has no such cell.
template <class Table, class Row, class Column>
std::string value_at(const Table& t, Row row, Column column) {
  const Cell* c = t.cells.cell(row, column);
  if (!c) return "(none)";
  return c->value ? c->value->to_string() : "";
}
}  // namespace

TEST_CASE("digits right before a cut character are the cell, whatever overflow follows") {
  std::string in =
      "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "|一、本年新收政府信息公开申请数量____|29_|0_|0_|0___|0___|0_|29_|\n"
      "|二、上年结转政府信息公开申请数量____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（一）予以公开____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（二）部分公开（区分处理的，只\xEF\xBF\xBD|29\xEF\xBF\xBD|0\xEF\xBF\xBD|0\xEF\xBF\xBD|0\xEF\xBF\xBD，不计其他情形）|0___|0_|29_|\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* social = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::social);
  REQUIRE(social);
  CHECK(social->value->to_string() == "0");
  const Cell* total = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::total);
  REQUIRE(total);
  CHECK(total->value->to_string() == "29");
  bool named = false;
  for (const auto& d : r.report().diagnostics)
    named |= d.code == "table.cell_damaged" && d.row == "partly_granted" && d.column == "social";
  CHECK(named);
}

TEST_CASE("a header cut into other cells than the row of values under it is not merged with it") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
                   "    |行政复议__________|行政诉讼_________________________________|\n"
                   "    |结" + bad + "|结" + bad + "|其" + bad + "|尚" + bad + "|" + bad + "|未经复议直接起" + bad + "|复议后起诉_______|\n"
                   "    |5___| __| __|2___|7_|8___| __| __|1___|9_| __| __| __| __| |\n"
                   "五、存在的主要问题及改进情况\n无。\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  REQUIRE(t);
  CHECK(t->status == TableStatus::ok);
  CHECK(t->cells.cell(ReviewGroup::litigation_direct, ReviewColumn::total)->value->to_string() == "9");
}

TEST_CASE("a label cut to two characters is matched within its 第二十条 block and cut labels as many as its rows in order") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                   "|第二十条第（一）项_|\n|信息" + bad + "|本年|本年|现行|" + bad + "效件数\n|规章_|0_____|0_____|0_____|\n"
                   "|第二十条第（五）项_|\n|信息" + bad + "|本年处理决定" + bad + "|量\n|行政" + bad + "|4529________________|\n"
                   "|第二十条第（六）项_|\n|信息" + bad + "|本年处理决定" + bad + "|量\n|行政" + bad + "|1100_____|\n|行政" + bad + "|65" + bad + "_____|\n"
                   "三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  const Cell* licensing = t->cells.cell(ActiveRow::licensing, ActiveColumn::decisions);
  REQUIRE(licensing);
  CHECK(licensing->value->to_string() == "4529");
  // two rows of block (六) share the cut label 行政…, printed twice: its two rows, in order
  CHECK(value_at(*t, ActiveRow::penalty, ActiveColumn::decisions) == "1100");
  CHECK(value_at(*t, ActiveRow::coercion, ActiveColumn::decisions) == "65");
}

TEST_CASE("a cut label that fits two rows of its block alone in it names neither") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                   "|第二十条第（五）项_|\n|信息" + bad + "|本年处理决定" + bad + "|量\n|行政许可|4529________________|\n"
                   "|第二十条第（六）项_|\n|信息" + bad + "|本年处理决定" + bad + "|量\n|行政" + bad + "|1100_____|\n"
                   "三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  const Cell* penalty = t->cells.cell(ActiveRow::penalty, ActiveColumn::decisions);
  CHECK((penalty == nullptr || !penalty->value));
  const Cell* coercion = t->cells.cell(ActiveRow::coercion, ActiveColumn::decisions);
  CHECK((coercion == nullptr || !coercion->value));
}

TEST_CASE("a cut label matches either wording of its row (2021's 行政规范性文件 cut to 行政)") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                   "|第二十条第（一）项_|\n|信息" + bad + "|本年|本年|现行|" + bad + "效件数\n|规章_|0_____|0_____|0_____|\n"
                   "|行政" + bad + "|62____|33____|440___|\n"
                   "|第二十条第（五）项_|\n|信息" + bad + "|本年处理决定" + bad + "|量\n|行政许可|4529________________|\n"
                   "三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  const Cell* in_force = t->cells.cell(ActiveRow::normative_documents, ActiveColumn::in_force);
  REQUIRE(in_force);
  CHECK(in_force->value->to_string() == "440");
}

TEST_CASE("values html2text laid over a wrapped label are the row's, named as damaged") {
  // (二)'s label wraps; html2text writes its values over the label's second line
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                   "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                   "一、本年新收政府信息公开申请数量    4300    510    24    33    236    6    5109\n"
                   "二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0\n"
                   "（一）予以公开    20    3    1    2    4    1    31\n"
                   "（二）部分公开（区" + bad + "4263" + bad + "507" + bad + bad + "23只31" + bad + "这" + bad + "232" + bad + bad + bad +
                   "5" + bad + "5061计其他情形）\n"
                   "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* natural = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::natural_person);
  REQUIRE(natural);
  CHECK(natural->value->to_string() == "4263");
  const Cell* social = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::social);
  REQUIRE(social);
  CHECK(social->value->to_string() == "31");
  const Cell* total = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::total);
  REQUIRE(total);
  CHECK(total->value->to_string() == "5061");
  bool named = false;
  for (const auto& d : r.report().diagnostics) named |= d.code == "table.cell_damaged" && d.row == "partly_granted";
  CHECK(named);
}

TEST_CASE("a numbering after a cut character in a damaged label is no value") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                   "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                   "一、本年新收政府信息公开申请数量    900    120    5    11    50    3    1089\n"
                   "二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0\n"
                   "（一）予以公开    115    6    0    0    0    0    121\n"
                   "（三" + bad + "4.保护第三方合" + bad + "785" + bad + bad + bad + "114  5    11     50     3  968\n"
                   "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* natural = t->cells.cell(ApplicationRow::denied_third_party, ApplicantColumn::natural_person);
  REQUIRE(natural);
  CHECK(natural->value->to_string() == "785");
  const Cell* total = t->cells.cell(ApplicationRow::denied_third_party, ApplicantColumn::total);
  REQUIRE(total);
  CHECK(total->value->to_string() == "968");
}

TEST_CASE("a table 3 label cut to pieces after its numbering names its row") {
  // "7.属于行政执法� 卷": the pieces 属于行政执法 and 卷 fit 属于行政执法案卷 alone
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                   "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                   "6.属于四类过程性信息    4    0    0    0    0    0    4\n"
                   "7.属于行政执法" + bad + " 卷    3    0    0    0    0    0    3\n"
                   "8.属于行政查询事项    2    0    0    0    0    0    2\n"
                   "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* total = t->cells.cell(ApplicationRow::denied_enforcement_file, ApplicantColumn::total);
  REQUIRE(total);
  CHECK(total->value->to_string() == "3");
}

namespace {
const std::string kNbsp = "\xC2\xA0";

/// Table 3 as html2text prints a table without rules: cells padded by spaces, a cell holding only
/// &nbsp; printed as that no-break space. Values in 自然人, 法律服务机构 and 总计 only, so that
/// the identities alone cannot tell the columns; `carried_tail` follows 上年结转's label.
std::string nbsp_table(const std::string& carried_tail) {
  const char* labels[] = {
      "（三）不予公开 1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
      "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
      "（四）无法提供 1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
      "（五）不予处理 1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
      "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"};
  const std::string n = kNbsp, gap = "    ";
  auto row = [&](const std::string& label, const std::string& np, const std::string& ls, const std::string& total) {
    return gap + label + gap + np + gap + n + gap + n + gap + n + gap + ls + gap + n + gap + total + "\n";
  };
  std::string s = "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                  "    申请人情况    自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计\n";
  s += row("一、本年新收政府信息公开申请数量", "10", "2", "12");
  s += row("二、上年结转政府信息公开申请数量" + carried_tail, "1", n, "1");
  s += row("三、本年度办理结果 （一）予以公开", "10", "2", "12");
  s += row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", n, n, n);
  for (const char* l : labels) s += row(l, n, n, n);
  s += row("（七）总计", "10", "2", "12");
  s += row("四、结转下年度继续办理", "1", n, "1");
  return s + "四、政府信息公开行政复议、行政诉讼情况\n";
}
}  // namespace

TEST_CASE("a lone no-break space among padded cells is a blank cell") {
  auto r = parse(nbsp_table(""));
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* legal = t->cells.cell(ApplicationRow::new_received, ApplicantColumn::legal_service);
  REQUIRE(legal);
  CHECK(legal->value->to_string() == "2");
  const Cell* commercial = t->cells.cell(ApplicationRow::new_received, ApplicantColumn::commercial);
  REQUIRE(commercial);
  CHECK(!commercial->value);
}

TEST_CASE("no-break spaces a label keeps after its text are no cells") {
  // single spaces apart, right after the label: a Word or LibreOffice label's own padding
  auto r = parse(nbsp_table(" " + kNbsp + " " + kNbsp));
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* natural = t->cells.cell(ApplicationRow::carried_over, ApplicantColumn::natural_person);
  REQUIRE(natural);
  CHECK(natural->value->to_string() == "1");
}

TEST_CASE("a box cell of a blank (no-break space, dash) with a label's overflow after it is blank, named as damaged") {
  const std::string cut = "\xEF\xBF\xBD", n = kNbsp;
  std::string in =
      "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "|一、本年新收政府信息公开申请数量____|29_|0_|0_|0___|0___|0_|29_|\n"
      "|二、上年结转政府信息公开申请数量____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（一）予以公开____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（二）部分公开（区分处理的，只" + cut + "|27" + cut + "|" + n + "他" + cut + "|-形）|0___|2_|0_|29_|\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* commercial = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::commercial);
  REQUIRE(commercial);
  CHECK(!commercial->value);
  const Cell* legal = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::legal_service);
  REQUIRE(legal);
  CHECK(legal->value->to_string() == "2");
  bool named = false;
  for (const auto& d : r.report().diagnostics)
    named |= d.code == "table.cell_damaged" && d.row == "partly_granted" && d.column == "research";
  CHECK(named);
}

TEST_CASE("a row of written blanks with a label's overflow among them keeps every cell") {
  const std::string cut = "\xEF\xBF\xBD";
  std::string in =
      "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "|一、本年新收政府信息公开申请数量____|29_|-_|-_|-___|-___|-_|29_|\n"
      "|二、上年结转政府信息公开申请数量____|-__|-_|-_|-___|-___|-_|0__|\n"
      "|（一）予以公开____|29__|-_|-_|-___|-___|-_|29__|\n"
      "|（二）部分公开（区分处理的，只" + cut + "|-" + cut + "|-" + cut + cut + "|-形|-" + cut + "|-" + cut + "其|-" + cut +
      "|0" + cut + "|\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  const Cell* total = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::total);
  REQUIRE(total);
  REQUIRE(total->value);
  CHECK(total->value->to_string() == "0");
  const Cell* research = t->cells.cell(ApplicationRow::partly_granted, ApplicantColumn::research);
  REQUIRE(research);
  CHECK(!research->value);
}

TEST_CASE("a blank marker between the pieces of a cut label is the row's cell, not part of the label") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n信息" + bad +
                   "本年处理决定数量\n行政" + bad + "/可\n第二十条第(六)项\n信息" + bad + "本年处理决定数量\n行政" + bad +
                   "9罚\n三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  REQUIRE(value_at(*t, ActiveRow::licensing, ActiveColumn::decisions) == "");
  CHECK(t->cells.cell(ActiveRow::licensing, ActiveColumn::decisions)->raw == "/");
}

TEST_CASE("a cut label fitting two rows of its block names the one an earlier label of the block left") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n信息" + bad +
                   "本年处理决定数量\n行政许可 5\n第二十条第(六)项\n信息" + bad + "本年处理决定数量\n行政" + bad + "/罚\n行政" +
                   bad + "406" + bad + "\n三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  CHECK(value_at(*t, ActiveRow::coercion, ActiveColumn::decisions) == "406");
  const Cell* penalty = t->cells.cell(ActiveRow::penalty, ActiveColumn::decisions);
  CHECK((penalty == nullptr || !penalty->value));
}

TEST_CASE("a signed number after a cut character is the cell, not a blank marker and text") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n信息内" + bad +
                   "上一年本年增/减\n行政事" + bad + "42" + bad + bad + "收" + bad + "-6\n三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  CHECK(value_at(*t, ActiveRow::fees, ActiveColumn::change) == "-6");
}

TEST_CASE("a signed change html2text laid over its label keeps its sign") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n信息内" + bad + "上一" + bad +
                   "本年处理决定数量\n行政许" + bad + "835     -7    5,691\n其他对" + bad + "9管理" + bad + "-6务" + bad +
                   "11项\n三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  CHECK(value_at(*t, ActiveRow::other_services, ActiveColumn::change) == "-6");
}

TEST_CASE("a box cell of a signed change cut short keeps its number and sign") {
  std::string bad = "\xEF\xBF\xBD";
  std::string in = "某某局\n2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                   "|第二十条第（五）项______|\n|信息内" + bad + "|上一" + bad + "|本年|处理" + bad + "|" + bad + "定数量\n"
                   "|行政许" + bad + "| ______|57___|2615___|\n|其他对" + bad + "|0管理" + bad + "|-48" + bad + bad + "|0项___|\n"
                   "三、收到和处理政府信息公开申请情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().active_disclosure;
  REQUIRE(t);
  CHECK(value_at(*t, ActiveRow::other_services, ActiveColumn::change) == "-48");
}

TEST_CASE("a box cell of a number and a comma the label's overflow left is the number, named as damaged") {
  std::string bad = "\xEF\xBF\xBD", nbsp = "\xC2\xA0";
  std::string in =
      "某某局\n2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "|一、本年新收政府信息公开申请数量____|55_|0_|0_|0___|0___|0_|55_|\n"
      "|二、上年结转政府信息公开申请数量____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（一）予以公开____|0__|0_|0_|0___|0___|0_|0__|\n"
      "|（二）部分公开（区分处理|55,|" + nbsp + bad + "|" + nbsp + bad + "|" + nbsp + bad + "|" + nbsp + bad + ",_" + bad + "|" + nbsp +
      "|55" + bad + "|他情形）\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().applications;
  REQUIRE(t);
  CHECK(value_at(*t, ApplicationRow::partly_granted, ApplicantColumn::natural_person) == "55");
  bool named = false;
  for (const auto& d : r.report().diagnostics)
    named |= d.code == "table.cell_damaged" && d.row == "partly_granted" && d.column == "natural_person";
  CHECK(named);
}
