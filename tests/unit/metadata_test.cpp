// SPDX-License-Identifier: Apache-2.0
// Agency and year: where each is read from and in which order (docs/sections.md, "Agency and
// year"), one behaviour per case. Every document here is made up.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using ogi::FieldSource;
using ogi::Report;

namespace {

Report parsed(const std::string& s) {
  auto r = ogi::parse(s);
  REQUIRE(r);
  return std::move(r).report();
}

/// A report's body after its title block: a preamble and the six headings.
std::string body(const std::string& preamble = "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。") {
  return preamble + "\n一、总体情况\n全年主动公开政府信息120条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。\n";
}

std::string agency(const Report& r) { return r.metadata.agency ? *r.metadata.agency.value : std::string("(none)"); }
int year(const Report& r) { return r.metadata.year ? *r.metadata.year.value : 0; }

std::size_t count(const Report& r, std::string_view code) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("the agency before the year in the title") {
  auto r = parsed("槐泽市沅亭区人民政府2024年政府信息公开工作年度报告\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::title);
  CHECK(r.text(r.metadata.agency.span) == "槐泽市沅亭区人民政府");
  CHECK(year(r) == 2024);
  CHECK(r.metadata.year.source == FieldSource::title);
}

TEST_CASE("the year before the agency in the title is not part of the agency") {
  auto r = parsed("2024年度槐泽市沅亭区人民政府政府信息公开工作年度报告\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(year(r) == 2024);
}

TEST_CASE("the tail of a year moved off the title line is not part of the agency") {
  auto r = parsed("年度槐泽市教育局政府信息公开工作年度报告\n2024\n" + body());
  CHECK(agency(r) == "槐泽市教育局");
  CHECK(year(r) == 2024);
  CHECK(r.metadata.year.source == FieldSource::title);
}

TEST_CASE("a title that says 工作报告 instead of 年度报告 is a title") {
  auto r = parsed("槐泽市民政局2024年政府信息公开工作报告\n" + body());
  CHECK(agency(r) == "槐泽市民政局");
  CHECK(year(r) == 2024);
}

TEST_CASE("an agency whose 政府 the title shares keeps it") {
  auto r = parsed("槐泽市人民政府信息公开工作年度报告（2024年度）\n" + body());
  CHECK(agency(r) == "槐泽市人民政府");
  CHECK(year(r) == 2024);
}

TEST_CASE("a crawler's label before the title is not part of the agency") {
  auto r = parsed("标题: 槐泽市沅亭区人民政府2024年度政府信息公开工作年度报告\n发布时间: 2025-03-10 15:35\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
}

TEST_CASE("Markdown marks before the title are not part of the agency") {
  auto r = parsed("# 槐泽市沅亭区人民政府2024年政府信息公开工作年度报告\n\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
}

TEST_CASE("a breadcrumb before the title is not part of the agency") {
  CHECK(agency(parsed("首页 > 政务公开 > 政府信息公开年报 槐泽市民政局2024年政府信息公开工作年度报告\n" + body())) ==
        "槐泽市民政局");
  CHECK(agency(parsed("首页 › 政务公开 › 槐泽市民政局2024年政府信息公开工作年度报告\n" + body())) == "槐泽市民政局");
  CHECK(agency(parsed("[1]首页 > [2]政务公开 > [3]政府信息公开年报\n槐泽市民政局2024年政府信息公开工作年度报告\n" + body())) ==
        "槐泽市民政局");
}

TEST_CASE("the agency alone on the line above the title") {
  auto r = parsed("首页 > 政务公开 > 政府信息公开年报\n江川省民政厅\n2024年政府信息公开工作年度报告\n" + body());
  CHECK(agency(r) == "江川省民政厅");
  CHECK(r.metadata.agency.span.line == 2);
}

TEST_CASE("a title wrapped inside its last word still names the agency") {
  auto r = parsed("2024年槐泽市沅亭区兴沙镇人民政府政府信息公开工作年度报\n告\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区兴沙镇人民政府");
  CHECK(year(r) == 2024);
}

TEST_CASE("an agency wrapped by a PDF tool is joined where the document writes it whole") {
  auto r = parsed("槐泽省槐泽市\n沅亭区卫生健康委员会2024年政府信息公开工作年度报告\n" +
                  body("本报告由槐泽省槐泽市沅亭区卫生健康委员会根据《条例》编制。"));
  CHECK(agency(r) == "槐泽省槐泽市沅亭区卫生健康委员会");
  CHECK(r.metadata.agency.source == FieldSource::title);
}

TEST_CASE("a line above the title is not joined to its agency unless the document writes them together") {
  auto r = parsed("槐泽市人民政府\n槐泽市教育局2024年政府信息公开工作年度报告\n" + body());
  CHECK(agency(r) == "槐泽市教育局");
}

TEST_CASE("an agency printed with radicals is read as ideographs") {
  // ⼈ (U+2F08, Kangxi) and ⺠ (U+2EA0, CJK Radicals Supplement)
  auto r = parsed("槐泽市\xE2\xBC\x88\xE2\xBA\xA0政府2024年政府信息公开⼯作年度报告\n" + body());
  CHECK(agency(r) == "槐泽市人民政府");
}

TEST_CASE("a title cut inside the agency by html2text gives way to the prose") {
  // 政 cut after its first byte
  auto r = parsed("2024年槐泽市沅亭区人民\xE6政府信息公开工作年度报告\n" +
                  body("现将槐泽市沅亭区人民政府2024年政府信息公开工作年度报告向社会公布。"));
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::body);
}

TEST_CASE("a title cut after the agency by html2text still names it") {
  auto r = parsed("槐泽市沅亭区人民政府2024年政府信息公开工\xE4\xBD\n" + body());
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::title);
}

TEST_CASE("without an agency in the title the signature names it") {
  auto r = parsed("2024年政府信息公开工作年度报告\n" + body() + "槐泽市沅亭区人民政府\n2025年1月20日\n");
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::signature);
  CHECK(r.metadata.agency.span.line == 11);
}

TEST_CASE("without an agency in the title or a signature the compiler named in the prose is taken") {
  auto r = parsed("2024年政府信息公开工作年度报告\n" + body("本报告由槐泽市沅亭区人民政府办公室根据《条例》要求编制。"));
  CHECK(agency(r) == "槐泽市沅亭区人民政府办公室");
  CHECK(r.metadata.agency.source == FieldSource::body);
}

TEST_CASE("a contact named in the prose is the last resort") {
  auto r = parsed("2024年政府信息公开工作年度报告\n" + body("如对本报告有疑问，请与槐泽市民政局联系。"));
  CHECK(agency(r) == "槐泽市民政局");
}

TEST_CASE("a byline names the agency when the title does not") {
  auto r = parsed("2024年政府信息公开工作年度报告\n发布时间：2025-01-20 来源：槐泽市民政局\n" + body());
  CHECK(agency(r) == "槐泽市民政局");
  CHECK(r.metadata.agency.source == FieldSource::byline);
}

TEST_CASE("a pronoun is no agency") {
  auto r = parsed("2024年政府信息公开工作年度报告\n" + body("如有疑问，请与我局联系。"));
  CHECK_FALSE(r.metadata.agency);
}

TEST_CASE("the title's agency is completed by the higher level the body writes before it") {
  auto r = parsed("沅亭区人民政府\n2024年政府信息公开工作年度报告\n" +
                  body("本报告由槐泽市沅亭区人民政府办公室根据《条例》编制。"));
  CHECK(agency(r) == "槐泽市沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::body);
  CHECK(r.text(r.metadata.agency.span) == "槐泽市沅亭区人民政府");
}

TEST_CASE("a name that only begins with the title's agency does not complete it") {
  auto r = parsed("沅亭区人民政府\n2024年政府信息公开工作年度报告\n" + body("本报告由沅亭区人民政府办公室编制。"));
  CHECK(agency(r) == "沅亭区人民政府");
  CHECK(r.metadata.agency.source == FieldSource::title);
}

TEST_CASE("an agency's brackets are written full width") {
  auto r = parsed("槐泽综合实验区（管委会）2024年政府信息公开工作年度报告\n" + body());
  CHECK(agency(r) == "槐泽综合实验区（管委会）");
}

TEST_CASE("without a year in the title the statistics period gives it") {
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n" + body("本报告所列数据统计期限自2025年1月1日起至2025年12月31日止。"));
  CHECK(year(r) == 2025);
  CHECK(r.metadata.year.source == FieldSource::period);
  CHECK(r.text(r.metadata.year.span) == "2025");
}

TEST_CASE("a full year stated in the preamble without the word 统计 is the period") {
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n" + body("本报告所列数据自2025年1月1日起至2025年12月31日止。"));
  CHECK(year(r) == 2025);
  CHECK(*r.metadata.period_start.value == "2025-01-01");
  CHECK(*r.metadata.period_end.value == "2025-12-31");
  CHECK(r.text(r.metadata.period_end.span) == "2025年12月31日");
}

TEST_CASE("a statistics period wrapped over two lines is read") {
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n" +
                  body("本报告按照《条例》要求编制，全文包括总体情况等六个部分。本报告所列数据的统计\n时限自2025年1月1日起至2025年12月31日止。"));
  CHECK(year(r) == 2025);
}

TEST_CASE("a title year the period contradicts is a finding and the title's year stands") {
  auto r = parsed("槐泽市民政局2024年政府信息公开工作年度报告\n" + body("本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。"));
  CHECK(year(r) == 2024);
  CHECK(count(r, "plausibility.year_period") == 1);
}

TEST_CASE("without a year in the title or a period the report's own sentence gives it") {
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n" + body("现将槐泽市民政局2024年政府信息公开工作年度报告公布如下。"));
  CHECK(year(r) == 2024);
  CHECK(r.metadata.year.source == FieldSource::body);
}

TEST_CASE("a date under the title is no report year") {
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n（2025年1月8日）\n" + body(""));
  CHECK(year(r) == 0);
  CHECK(*r.metadata.published.value == "2025-01-08");
  CHECK(r.metadata.published.source == FieldSource::title);
}

TEST_CASE("digits of other scripts are no year and no count") {
  // ٢٠٢١ (Arabic-Indic): \d under Unicode properties would take them, and they are no number
  auto r = parsed("槐泽市民政局政府信息公开工作年度报告\n本报告统计期限自\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA1年1月1日至12月31日。\n"
                  "六、其他需要报告的事项\n共办理人大代表建议\xD9\xA3件。\n");
  CHECK(year(r) == 0);
  CHECK_FALSE(r.metadata.npc_suggestions);
}
