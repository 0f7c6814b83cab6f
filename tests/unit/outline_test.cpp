// SPDX-License-Identifier: Apache-2.0
// The outline: how headings are recognised and nested, one behaviour per case (docs/sections.md).
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using ogi::Report;
using ogi::Section;
using ogi::SectionKey;

namespace {

Report parsed(const std::string& s) {
  auto r = ogi::parse(s);
  REQUIRE(r);
  return std::move(r).report();
}

std::vector<const Section*> tops(const Report& r) {
  std::vector<const Section*> out;
  for (const auto& s : r.sections)
    if (s.parent < 0) out.push_back(&s);
  return out;
}

const Section* top(const Report& r, SectionKey key) {
  for (const auto* s : tops(r))
    if (s->key == key) return s;
  return nullptr;
}

const Section& child(const Report& r, const Section& s, std::size_t i) {
  REQUIRE(i < s.children.size());
  return r.sections[static_cast<std::size_t>(s.children[i])];
}

const std::string kTitle = "某某区人民政府办公室\n2022年政府信息公开工作年度报告\n";

}  // namespace

TEST_CASE("a heading glued to its first paragraph opens the section, its heading cut before the text") {
  auto r = parsed(kTitle + "一、总体情况2022年，本区推进政务公开工作，取得了新的进展，全年主动公开信息320条。\n"
                           "二、主动公开政府信息情况\n正文。\n");
  const Section* s = top(r, SectionKey::overview);
  REQUIRE(s);
  CHECK(s->heading == "一、总体情况");
  CHECK(s->line == 3);
}

TEST_CASE("a heading split over two lines is one heading") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n五、存在的主要\n问题及改进情况\n正文。\n");
  const Section* s = top(r, SectionKey::problems);
  REQUIRE(s);
  CHECK(s->heading == "五、存在的主要问题及改进情况");
  CHECK(s->line == 5);
}

TEST_CASE("a misnumbered heading is recognised by its subject") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n三、主动公开政府信息情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 3);
  CHECK(t[1]->key == SectionKey::active_disclosure);
  CHECK(t[2]->key == SectionKey::applications);
}

TEST_CASE("a heading padded with spaces is recognised") {
  auto r = parsed(kTitle + "一、 总 体 情 况\n正文。\n");
  REQUIRE(top(r, SectionKey::overview));
}

TEST_CASE("an unnumbered short heading is recognised, a sentence naming a subject is not") {
  auto r = parsed(kTitle + "总体情况\n本报告包括主动公开政府信息情况等六个部分。\n主动公开政府信息情况\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 2);
  CHECK(t[1]->line == 5);
}

TEST_CASE("a table's numbered row labels open no section") {
  auto r = parsed(kTitle + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
                           "四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 2);
  CHECK(t[1]->key == SectionKey::review_litigation);
  CHECK(t[1]->line == 7);
}

TEST_CASE("a numbered heading of no standard subject that continues the numbering is kept as other") {
  auto r = parsed(kTitle + "三、依申请公开政府信息情况\n正文。\n四、政府信息公开的收费及减免情况\n未收取费用。\n"
                           "五、存在的主要问题及改进措施\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 3);
  CHECK(t[1]->key == SectionKey::other);
  CHECK(t[1]->heading == "四、政府信息公开的收费及减免情况");
}

TEST_CASE("an appendix after section six is kept as other") {
  auto r = parsed(kTitle + "六、其他需要报告的事项\n无。\n七、附件\n附件：流程图\n");
  auto t = tops(r);
  REQUIRE(t.size() == 2);
  CHECK(t[1]->key == SectionKey::other);
  CHECK(t[1]->line == 5);
}

TEST_CASE("Markdown headings open their sections without their marks") {
  auto r = parsed(kTitle + "## 一、总体情况\n正文。\n### 二、主动公开政府信息情况\n正文。\n"
                           "**三、收到和处理政府信息公开申请情况**\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 3);
  CHECK(t[0]->heading == "一、总体情况");
  CHECK(t[2]->key == SectionKey::applications);
  CHECK(t[2]->heading == "三、收到和处理政府信息公开申请情况");
}

TEST_CASE("html2text's starred headings open their sections however long") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n**** 五、政府信息公开工作存在的主要问题及改进情况 ****\n正文。\n");
  const Section* s = top(r, SectionKey::problems);
  REQUIRE(s);
  CHECK(s->heading == "五、政府信息公开工作存在的主要问题及改进情况");
}

TEST_CASE("a heading cut by html2text opens its section") {
  // 体 cut after its first two bytes: 一、总�情况
  auto r = parsed(kTitle + "一、总\xE4\xBD情况\n正文。\n二、主动公开政府信息情况\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 2);
  CHECK(t[0]->key == SectionKey::overview);
  CHECK(t[0]->line == 3);
}

TEST_CASE("a heading whose numeral html2text cut opens its section") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n\xBA\x8C、主动公开政府信息情况\n正文。\n");
  const Section* s = top(r, SectionKey::active_disclosure);
  REQUIRE(s);
  CHECK(s->line == 5);
}

TEST_CASE("a cut character stands for one character of a keyword, not for more") {
  auto r = parsed(kTitle + "一、总\xE4\xBD\n正文。\n");
  CHECK(tops(r).empty());
}

TEST_CASE("a heading numbered with a full stop is recognised") {
  auto r = parsed(kTitle + "一.总体情况\n正文。\n二．主动公开政府信息情况\n正文。\n");
  auto t = tops(r);
  REQUIRE(t.size() == 2);
  CHECK(t[1]->key == SectionKey::active_disclosure);
}

TEST_CASE("a heading a PDF tool broke inside a word is one heading") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n二、主动公开政府信\n息情况\n正文。\n");
  const Section* s = top(r, SectionKey::active_disclosure);
  REQUIRE(s);
  CHECK(s->heading == "二、主动公开政府信息情况");
}

TEST_CASE("a heading a PDF tool broke before its last character ends on the next line") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n二、主动公开政府信息情\n况\n正文。\n");
  const Section* s = top(r, SectionKey::active_disclosure);
  REQUIRE(s);
  CHECK(s->heading == "二、主动公开政府信息情况");
  CHECK(s->line == 5);
}

TEST_CASE("a report without tables is legacy by its outline even without a year") {
  auto r = parsed("某某县人民政府办公室政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n正文。\n"
                  "三、依申请公开政府信息情况\n正文。\n四、收费及减免情况\n未收取费用。\n");
  CHECK(r.template_version == ogi::TemplateVersion::legacy);
}

TEST_CASE("a report whose tables could not be read is not legacy by its year alone") {
  auto r = parsed("某某县人民政府办公室2016年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
                  "第二十条第（一）项\n三、收到和处理政府信息公开申请情况\n正文。\n");
  CHECK(r.template_version == ogi::TemplateVersion::unknown);
}

TEST_CASE("sub-sections nest by style: a new style goes one level deeper") {
  auto r = parsed(kTitle + "六、其他需要报告的事项\n1. 收费情况\n未收取费用。\n2. 建议提案办理情况\n(1) 本级情况：办结80件。\n"
                           "(2) 市级情况：办结2件。\n3. 本报告数据统计期限自2022年1月1日起。\n");
  const Section* s = top(r, SectionKey::other_matters);
  REQUIRE(s);
  REQUIRE(s->children.size() == 3);
  const Section& two = child(r, *s, 1);
  CHECK(two.heading == "2. 建议提案办理情况");
  REQUIRE(two.children.size() == 2);
  CHECK(child(r, two, 1).heading == "(2) 市级情况");
  CHECK(child(r, *s, 2).line == 9);
}

TEST_CASE("一是 items are sub-sections of their (一) sub-section") {
  auto r = parsed(kTitle + "一、总体情况\n(一)主动公开情况。全年公开320条。\n一是加强政策解读，发布解读材料。\n二是做好重点领域公开。\n"
                           "(二)依申请公开情况\n正文。\n");
  const Section* s = top(r, SectionKey::overview);
  REQUIRE(s);
  REQUIRE(s->children.size() == 2);
  const Section& first = child(r, *s, 0);
  CHECK(first.heading == "(一)主动公开情况");
  REQUIRE(first.children.size() == 2);
  CHECK(child(r, first, 0).heading == "一是加强政策解读");
  CHECK(child(r, first, 1).end_line == 6);
}

TEST_CASE("numbering inside a paragraph opens no sub-section") {
  auto r = parsed(kTitle + "五、存在的主要问题及改进情况\n下一步，一是加强培训，二是规范编制。\n一是公开深度不够；二是形式单一。\n");
  const Section* s = top(r, SectionKey::problems);
  REQUIRE(s);
  CHECK(s->children.empty());
}

TEST_CASE("an item that does not continue its list is text") {
  auto r = parsed(kTitle + "六、其他需要报告的事项\n1. 收费情况\n3. 数据说明\n2.5万条信息已公开。\n");
  const Section* s = top(r, SectionKey::other_matters);
  REQUIRE(s);
  CHECK(s->children.size() == 1);
}

TEST_CASE("in a table section a table's numbered labels are no sub-sections") {
  auto r = parsed(kTitle + "三、收到和处理政府信息公开申请情况\n(一)予以公开\n8\n1.本机关不掌握相关政府信息\n6\n"
                           "(一)办理情况。全年办结16件。\n");
  const Section* s = top(r, SectionKey::applications);
  REQUIRE(s);
  REQUIRE(s->children.size() == 1);
  CHECK(child(r, *s, 0).line == 8);
}

TEST_CASE("the publication date is read from 发布日期 or from the closing date line") {
  auto a = parsed(kTitle + "发布日期：2023年1月18日\n一、总体情况\n正文。\n");
  CHECK(*a.metadata.published.value == "2023-01-18");
  auto b = parsed(kTitle + "一、总体情况\n正文。\n某某区人民政府办公室\n2023年1月20日\n");
  CHECK(*b.metadata.published.value == "2023-01-20");
  CHECK(b.metadata.published.span.line == 6);
}

TEST_CASE("proposal counts are kept per level") {
  auto r = parsed(kTitle + "六、其他需要报告的事项\n本级共收到人大代表建议80件、政协提案172件。另收到3件市人大代表建议、5件市政协委员提案。\n");
  const auto& p = r.metadata.proposals_by_level;
  REQUIRE(p.size() == 2);
  CHECK(p[0].level == "本级");
  CHECK(*p[0].npc_suggestions.value == 80);
  CHECK(*p[0].cppcc_proposals.value == 172);
  CHECK(p[1].level == "市级");
  CHECK(*p[1].npc_suggestions.value == 3);
  CHECK(*p[1].cppcc_proposals.value == 5);
  CHECK(*r.metadata.npc_suggestions.value == 80);
}

TEST_CASE("a table's header word alone on its line heads no section: the section's own heading after it does") {
  // a reading-order dump prints table 4's first header word before the section's heading
  auto r = parsed(kTitle + "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。\n行政复议\n3\n2\n"
                           "四、政府信息公开行政复议、行政诉讼情况\n结果维持\n");
  const Section* s = top(r, SectionKey::review_litigation);
  REQUIRE(s);
  CHECK(s->heading == "四、政府信息公开行政复议、行政诉讼情况");
  CHECK(s->line == 10);
}

TEST_CASE("a section's heading of more words than a table's header word still opens it unnumbered") {
  auto r = parsed(kTitle + "一、总体情况\n正文。\n行政复议和行政诉讼情况\n正文。\n");
  const Section* s = top(r, SectionKey::review_litigation);
  REQUIRE(s);
  CHECK(s->line == 5);
}
