// SPDX-License-Identifier: Apache-2.0
// The layout of positioned words (docs/formats.md "PDF"): the bbox XHTML reader, and the
// geometry rules on small pages of words placed by hand.
#include <catch2/catch.hpp>

#include <string>

#include "ogi/ogi.hpp"
#include "sources/positioned.hpp"

using ogi::sources::PositionedText;
using ogi::sources::PositionedWord;

namespace {

/// Positioned words written by hand: pages, and words at (x0, y0) with a width; 10 pt CJK text.
struct Page {
  PositionedText t;
  Page& page(float w = 595, float h = 842) {
    t.pages.push_back({w, h});
    return *this;
  }
  Page& word(float x0, float y0, std::string s) {
    PositionedWord w;
    w.page = static_cast<std::uint32_t>(t.pages.size() - 1);
    std::size_t cps = 0, wide = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        ++cps;
        wide += static_cast<unsigned char>(s[i]) >= 0xE0;
      }
    float width = 10.0f * static_cast<float>(wide) + 5.5f * static_cast<float>(cps - wide);
    w.x0 = x0;
    w.y0 = y0;
    w.x1 = x0 + width;
    w.y1 = y0 + 10;
    w.begin = static_cast<std::uint32_t>(t.text.size());
    t.text += s;
    w.end = static_cast<std::uint32_t>(t.text.size());
    t.words.push_back(w);
    return *this;
  }
};

std::string lay_out_text(const PositionedText& t) {
  std::vector<ogi::Diagnostic> diags;
  return ogi::sources::lay_out(t, diags).text;
}

/// Table 3's header: the seven applicant columns 40 pt apart from x = 200, at y.
Page& applicant_header(Page& p, float y) {
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
  for (int i = 0; i < 7; ++i) p.word(200 + 50.0f * static_cast<float>(i), y, cols[i]);
  return p;
}

/// Table 4's heading and group headers on a page 800 pt wide; its fifteen columns 46 pt apart
/// from x = 40 (review_x), each named by its result (kResultNames).
Page& review_groups(Page& p) {
  p.page(800, 600).word(40, 80, "四、政府信息公开行政复议、行政诉讼情况");
  p.word(120, 100, "行政复议").word(480, 100, "行政诉讼").word(300, 115, "未经复议直接起诉").word(540, 115, "复议后起诉");
  return p;
}
float review_x(int col) { return 40 + 46.0f * static_cast<float>(col); }
const char* const kResultNames[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("a bbox XHTML word's text is decoded and mapped to its bytes") {
  std::string x = "<html><body><doc><page width=\"595\" height=\"842\"><flow><block><line>"
                  "<word xMin=\"10\" yMin=\"10\" xMax=\"40\" yMax=\"20\">A&amp;B</word>"
                  "</line></block></flow></page></doc></body></html>";
  std::vector<ogi::Diagnostic> diags;
  auto r = ogi::sources::read_bbox_xhtml(x, ogi::Language::zh, diags);
  REQUIRE(std::holds_alternative<PositionedText>(r));
  const auto& t = std::get<PositionedText>(r);
  REQUIRE(t.words.size() == 1);
  CHECK(t.text.substr(t.words[0].begin, t.words[0].end - t.words[0].begin) == "A&B");
  std::size_t amp = x.find("&amp;");
  CHECK(t.to_input[t.words[0].begin + 1] == amp);      // "&" points at the entity
  CHECK(t.to_input[t.words[0].begin + 2] == amp + 5);  // "B" at its own byte
}

TEST_CASE("a bbox XHTML without pages is not read") {
  std::vector<ogi::Diagnostic> diags;
  auto r = ogi::sources::read_bbox_xhtml("<html><body><doc></doc></body></html>", ogi::Language::zh, diags);
  REQUIRE(std::holds_alternative<ogi::Error>(r));
  CHECK(std::get<ogi::Error>(r).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("a bbox XHTML whose pages hold no word is a scanned document, said in the reader's language") {
  const std::string scan = "<html><body><doc><page width=\"595\" height=\"842\"></page></doc></body></html>";
  auto r = ogi::parse(scan);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ogi::ErrorCode::bad_document);
  CHECK(r.error().message.find("没有文字层") != std::string::npos);
  ogi::ParseOptions en;
  en.language = ogi::Language::en;
  auto e = ogi::parse(scan, en);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().message.find("no text layer") != std::string::npos);
}

TEST_CASE("a malformed bbox XHTML is read up to its error, and xhtml.malformed speaks the reader's language") {
  const std::string cut = "<html><body><doc><page width=\"595\" height=\"842\"><word xMin=\"10\" yMin=\"10\" "
                          "xMax=\"40\" yMax=\"20\">2021</word></page><page></doc></body></html>";
  for (auto lang : {ogi::Language::zh, ogi::Language::en}) {
    std::vector<ogi::Diagnostic> diags;
    auto r = ogi::sources::read_bbox_xhtml(cut, lang, diags);
    REQUIRE(std::holds_alternative<PositionedText>(r));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "xhtml.malformed");
    CHECK(diags[0].message.find(lang == ogi::Language::en ? "malformed" : "结构有误") != std::string::npos);
  }
}

TEST_CASE("words of one line are joined by a space across a gap and a tab across a wide one") {
  Page p;
  p.page().word(10, 100, "第一").word(35, 100, "2021").word(200, 100, "尾");
  CHECK(has_line(lay_out_text(p.t), "第一 2021\t尾"));
}

TEST_CASE("a new page opens with a form feed") {
  Page p;
  p.page().word(10, 100, "甲").page().word(10, 100, "乙");
  CHECK(lay_out_text(p.t) == "甲\n\f乙\n");
}

TEST_CASE("a column blank in every row is a column all the same, anchored on its header") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量");
  for (int i : {0, 1, 3, 4, 5, 6}) p.word(205 + 50.0f * static_cast<float>(i), 130, "1");  // 科研机构 (2) blank
  std::vector<ogi::Diagnostic> diags;
  auto laid = ogi::sources::lay_out(p.t, diags);
  REQUIRE(laid.grids.size() == 1);
  CHECK(laid.grids[0].cols == 8);  // the label and seven columns
  CHECK(has_line(laid.text, "一、本年新收政府信息公开申请数量\t1\t1\t \t1\t1\t1\t1"));
}

TEST_CASE("a header word the template gives as a column's other name anchors that column") {
  Page p;
  p.page();
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会组织", "法律服务机构", "其他", "合计"};
  for (int i = 0; i < 7; ++i) p.word(200 + 50.0f * static_cast<float>(i), 100, cols[i]);
  p.word(20, 130, "一、本年新收政府信息公开申请数量").word(355, 130, "2").word(505, 130, "2");
  std::vector<ogi::Diagnostic> diags;
  auto laid = ogi::sources::lay_out(p.t, diags);
  REQUIRE(laid.grids.size() == 1);
  CHECK(has_line(laid.text, "一、本年新收政府信息公开申请数量\t \t \t \t2\t \t \t2"));
}

TEST_CASE("a section title wrapped after its first ten characters still ends the table above it") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "2").word(505, 130, "2");
  p.word(20, 160, "政府信息公开工作存在的").word(20, 175, "主要问题及改进情况");
  std::string text = lay_out_text(p.t);
  CHECK(has_line(text, "一、本年新收政府信息公开申请数量\t2\t \t \t \t \t \t2"));
  CHECK(has_line(text, "政府信息公开工作存在的"));  // a line of its own, not a row's label
}

TEST_CASE("a table wider than its page keeps its last column, its figures there cut off and unknown") {
  Page p;
  p.page(500, 842);  // 总计 would stand past the page's side
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
  for (int i = 0; i < 6; ++i) p.word(200 + 50.0f * static_cast<float>(i), 100, cols[i]);
  p.word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "3").word(455, 130, "2").word(496, 130, "1");
  p.word(20, 160, "二、上年结转政府信息公开申请数量").word(205, 160, "1");
  std::vector<ogi::Diagnostic> diags;
  auto laid = ogi::sources::lay_out(p.t, diags);
  REQUIRE(laid.grids.size() == 1);
  CHECK(laid.grids[0].cols == 8);
  CHECK(has_line(laid.text, "一、本年新收政府信息公开申请数量\t3\t \t \t \t \t2\t1\u2026"));  // what reaches into the page
  CHECK(has_line(laid.text, "二、上年结转政府信息公开申请数量\t1\t \t \t \t \t \t\u2026"));  // nothing on the page: not blank
}

TEST_CASE("a header showing only a few of its columns before the page's side is not taken") {
  Page p;
  p.page(300, 842);  // only 自然人 and 商业企业 on the page: too little of the header to take
  p.word(200, 100, "自然人").word(250, 100, "商业企业");
  p.word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "3").word(255, 130, "2");
  std::vector<ogi::Diagnostic> diags;
  CHECK(ogi::sources::lay_out(p.t, diags).grids.empty());
}

TEST_CASE("a value belongs to the column whose span holds its centre") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量");
  p.word(242, 130, "7");  // past halfway from 自然人's header to 商业企业's
  CHECK(has_line(lay_out_text(p.t), "一、本年新收政府信息公开申请数量\t \t7\t \t \t \t \t "));
}

TEST_CASE("a header word stacked one character a line is found") {
  Page p;
  p.page();
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
  for (int i = 0; i < 7; ++i) {  // each header one character under the other
    std::string s = cols[i];
    for (std::size_t k = 0; k < s.size(); k += 3) p.word(200 + 50.0f * static_cast<float>(i), 100 + 4.0f * static_cast<float>(k), s.substr(k, 3));
  }
  p.word(20, 200, "一、本年新收政府信息公开申请数量").word(205, 200, "3").word(505, 200, "3");
  CHECK(has_line(lay_out_text(p.t), "一、本年新收政府信息公开申请数量\t3\t \t \t \t \t \t3"));
}

TEST_CASE("a header name stacked over more lines than 自然人 and centred beside it is in its header") {
  // the four names one character a line at a wide pitch, each centred on 自然人's line in the
  // same header row: their first characters stand five to seven characters' height above it
  Page p;
  p.page();
  p.word(200, 150, "自然人").word(500, 150, "总计").word(450, 150, "其他");
  const char* cols[] = {"商业企业", "科研机构", "社会公益组织", "法律服务机构"};
  for (int i = 0; i < 4; ++i) {
    std::string s = cols[i];
    const float lines = static_cast<float>(s.size() / 3);
    for (std::size_t k = 0; k < s.size(); k += 3)
      p.word(250 + 50.0f * static_cast<float>(i), 150 - 25.0f * (lines / 2) + 25.0f * static_cast<float>(k / 3), s.substr(k, 3));
  }
  p.word(20, 220, "一、本年新收政府信息公开申请数量").word(205, 220, "3").word(505, 220, "3");
  CHECK(has_line(lay_out_text(p.t), "一、本年新收政府信息公开申请数量\t3\t \t \t \t \t \t3"));
}

TEST_CASE("a table continued on the next page keeps its columns and leaves the page number out") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "2");
  p.word(505, 800, "-1-");  // the page number, under the 总计 column
  p.page().word(20, 30, "二、上年结转政府信息公开申请数量").word(505, 30, "4");
  std::string text = lay_out_text(p.t);
  CHECK(has_line(text, "一、本年新收政府信息公开申请数量\t2\t \t \t \t \t \t "));
  CHECK(has_line(text, "-1-"));
  CHECK(has_line(text, "\f二、上年结转政府信息公开申请数量\t \t \t \t \t \t \t4"));
}

TEST_CASE("a turned page is read in its reading frame") {
  Page p;
  p.page();
  // text turned a quarter clockwise: each line a column, read top to bottom, lines right to left
  auto turned = [&](float x, float y, std::string s) {
    p.word(0, 0, s);
    auto& w = p.t.words.back();
    float len = w.x1 - w.x0;
    w.x0 = x;
    w.x1 = x + 10;
    w.y0 = y;
    w.y1 = y + len;
    w.rotation = 1;
  };
  turned(500, 100, "第一行");
  turned(480, 100, "第二行");
  CHECK(lay_out_text(p.t) == "第一行\n第二行\n");
}

TEST_CASE("a label's lines stay one cell when its first line's ink sits off the cell's pitch") {
  Page p;
  applicant_header(p.page(), 100);
  // each label's first line (1．属: its digit in a narrower font) reads smaller and prints lower:
  // its step to the next line is 13.2 pt, the cell's others 14
  auto first_line = [&](float y, const char* s) {
    p.word(100, y + 0.8f, s);
    p.t.words.back().x1 = 100 + 23.4f;
  };
  first_line(130, "1．属");
  p.word(100, 144, "于国").word(100, 158, "家秘").word(100, 172, "密").word(205, 151, "5");
  first_line(200, "2．其");
  p.word(100, 214, "他法").word(100, 228, "律行").word(100, 242, "政法").word(100, 256, "规禁").word(100, 270, "止公");
  p.word(100, 284, "开").word(255, 242, "3");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("1．属于国家秘密\t5") != std::string::npos);
  CHECK(text.find("2．其他法律行政法规禁止公开\t \t3") != std::string::npos);
}

TEST_CASE("a number wrapped in a narrow cell beside its wrapped label is one value, named") {
  Page p;
  applicant_header(p.page(), 100);
  // 1.信访举报投诉类 / 申请 on two lines; 1322 wrapped as 13 over 22 under 商业企业 and 总计
  p.word(100, 130, "1.信访举报投诉类").word(100, 144, "申请");
  p.word(255, 130, "13").word(255, 144, "22").word(505, 130, "13").word(505, 144, "22");
  // the rows after it, their labels wrapped at the same pitch (what teaches the pitch)
  p.word(100, 164, "3.要求提供公开出").word(100, 178, "版物").word(205, 171, "4").word(505, 171, "4");
  p.word(100, 198, "4.无正当理由大量").word(100, 212, "反复申请").word(205, 205, "1").word(505, 205, "1");
  std::vector<ogi::Diagnostic> diags;
  auto laid = ogi::sources::lay_out(p.t, diags);
  INFO(laid.text);
  CHECK(has_line(laid.text, "1.信访举报投诉类申请\t \t1322\t \t \t \t \t1322"));
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].code == "pdf.value_wrapped");
  CHECK(diags[0].table == "applications");
  CHECK(laid.text.substr(diags[0].span.begin, diags[0].span.end - diags[0].span.begin) == "1322");
}

TEST_CASE("a line of separate numbers at a page's top is a row's values, not a page number") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "2").word(505, 130, "2");
  p.word(20, 160, "二、上年结转政府信息公开申请数量");
  p.page().word(205, 30, "1").word(255, 30, "1").word(505, 30, "2");  // the row's values carried over
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("\t1\t1\t \t \t \t \t2\n") != std::string::npos);
}

TEST_CASE("digits wrapped over double-spaced lines are one value, not seven to place by order") {
  Page p;
  applicant_header(p.page(), 100);
  // 30 alone, centred; 706, 727 and 1463 wrapped one line down at a double pitch (26 pt): seven
  // runs of digits for seven columns, which by order alone would fill every column
  p.word(20, 143, "一、本年新收政府信息公开申请数量").word(205, 143, "30");
  p.word(352, 130, "70").word(355, 156, "6").word(402, 130, "72").word(405, 156, "7");
  p.word(500, 130, "146").word(506, 156, "3");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(has_line(text, "一、本年新收政府信息公开申请数量\t30\t \t \t706\t727\t \t1463"));
}

TEST_CASE("a value running past the page's side is marked cut off, not read as its kept digits") {
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "5");
  p.word(505, 130, "60890");
  p.t.words.back().x1 = 600;  // the table wider than the page: 608 drawn, 90 past the side
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("\t60890\u2026") != std::string::npos);
}

TEST_CASE("table 4's numbers wrapped over and under its one-line values are one row") {
  Page p;
  review_groups(p);
  auto x = review_x;
  for (int g = 0; g < 3; ++g)
    for (int c = 0; c < 5; ++c) p.word(x(5 * g + c), 130, kResultNames[c]);
  // 1630 and 1631 wrapped as 16 / 30 and 16 / 31, the row's other values centred between
  p.word(x(0) + 5, 160, "16").word(x(4) + 5, 160, "16");
  for (auto [col, v] : {std::pair{1, "1"}, {8, "68"}, {9, "68"}, {10, "15"}, {12, "17"}, {14, "32"}}) p.word(x(col) + 5, 173, v);
  p.word(x(0) + 5, 186, "30").word(x(4) + 5, 186, "31");
  p.word(40, 220, "五、存在的主要问题及改进情况");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(has_line(text, "1630\t1\t \t \t1631\t \t \t \t68\t68\t15\t \t17\t \t32"));
}

TEST_CASE("a header word cut by the page's side still names its column") {
  Page p;
  p.page(520, 842);  // the page ends inside 总计's column: 总 drawn, 计 past the side
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
  for (int i = 0; i < 6; ++i) p.word(200 + 50.0f * static_cast<float>(i), 100, cols[i]);
  p.word(500, 100, "总");
  p.t.words.back().x1 = 521;
  p.word(20, 130, "一、本年新收政府信息公开申请数量").word(205, 130, "12").word(255, 130, "3").word(505, 130, "1");
  p.t.words.back().x1 = 521;  // 15, its 5 past the side
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(has_line(text, "一、本年新收政府信息公开申请数量\t12\t3\t \t \t \t \t1\u2026"));
}

TEST_CASE("a row broken by the page inside its label is one row, where its values are") {
  // Word and LibreOffice break a row across pages: 1.本机关不掌握相关 at a page's foot, no value
  // beside it; 政府信息 and the row's values at the next page's top
  Page p;
  applicant_header(p.page(), 100).word(20, 130, "一、本年新收政府信息").word(205, 130, "4").word(505, 130, "4");
  p.word(20, 144, "公开申请数量");
  p.word(20, 780, "1.本机关不掌握相关");
  p.page().word(20, 30, "政府信息").word(205, 30, "3").word(505, 30, "3");
  p.word(20, 60, "2.没有现成信息需要").word(205, 67, "1").word(505, 67, "1");
  p.word(20, 74, "另行制作");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(has_line(text, "\f1.本机关不掌握相关政府信息\t3\t \t \t \t \t \t3"));  // on the values' page
  CHECK(has_line(text, "2.没有现成信息需要另行制作\t1\t \t \t \t \t \t1"));
}

TEST_CASE("a label wrapped at a wide fixed line spacing is one cell, a number wrapped beside it one value") {
  // LibreOffice at a fixed 28 pt spacing: the labels' lines 33 pt apart (3.3 em), 377 wrapped as
  // 37 over 7 (27 pt apart), the row's other values on one line between them
  Page p;
  applicant_header(p.page(), 100);
  p.word(100, 140, "2、其他法律行政法").word(100, 173, "规禁止公开").word(205, 156, "23").word(505, 156, "23");
  p.word(100, 210, "3、危及“三安全一").word(100, 243, "稳定”");
  p.word(352, 213, "37").word(355, 240, "7").word(455, 226, "3").word(500, 226, "380");
  p.word(100, 280, "4、保护第三方合法").word(100, 313, "权益").word(205, 296, "5").word(505, 296, "5");
  std::vector<ogi::Diagnostic> diags;
  auto laid = ogi::sources::lay_out(p.t, diags);
  INFO(laid.text);
  CHECK(has_line(laid.text, "2、其他法律行政法规禁止公开\t23\t \t \t \t \t \t23"));
  CHECK(has_line(laid.text, "3、危及“三安全一稳定”\t \t \t \t377\t \t3\t380"));
}

TEST_CASE("two wrapped label cells side by side a few points apart are two cells") {
  Page p;
  applicant_header(p.page(), 100);
  // a browser's default cells: the group label's column two characters wide, its text 3 pt from
  // the next column's (less than a space), both wrapped: 三、 | （一）予以 over 本年 | 公开
  p.word(60, 130, "三、").word(83, 130, "（一）予以");
  p.word(60, 144, "本年").word(83, 144, "公开").word(205, 144, "5").word(505, 144, "5");
  p.word(60, 158, "度办").word(83, 158, "（二）部分");
  p.word(60, 172, "理结").word(83, 172, "公开").word(205, 172, "2").word(505, 172, "2");
  p.word(60, 186, "果");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("三、本年度办理结果\t（一）予以公开\t5\t") != std::string::npos);
  CHECK(text.find("\n\t（二）部分公开\t2\t") != std::string::npos);
}

TEST_CASE("one cell's words a few points apart at a label column's edge stay one cell") {
  Page p;
  applicant_header(p.page(), 100);
  // leaves numbered in a narrower font, their text from x = 103; under 3.其他, the total row's
  // label spans the label columns, 总 and 计 a space apart, 计 at that edge: nothing above 总
  const char* leaves[] = {"申请人无理由", "申请人逾期", "其他"};
  for (int i = 0; i < 3; ++i) {
    const float y = 130 + 14.0f * static_cast<float>(i);
    p.word(92, y, std::to_string(i + 1) + ".");
    p.t.words.back().x1 = 101;
    p.word(103, y, leaves[i]).word(205, y, "1").word(505, y, "1");
  }
  p.word(60, 172, "（七）总").word(103, 172, "计").word(205, 172, "3").word(505, 172, "3");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("（七）总 计\t") != std::string::npos);
}

TEST_CASE("table 4's first group names a line above the others' are one header with them") {
  Page p;
  review_groups(p);
  auto x = review_x;
  // the names unbroken on a wide page: the first group's cells span both header rows, centred
  // between them, a line above the other groups' names
  for (int c = 0; c < 5; ++c) p.word(x(c), 122, kResultNames[c]);
  for (int g = 1; g < 3; ++g)
    for (int c = 0; c < 5; ++c) p.word(x(5 * g + c), 138, kResultNames[c]);
  // blank cells print nothing: only the columns place the values
  for (auto [col, v] : {std::pair{0, "8"}, {2, "2007"}, {4, "2015"}, {5, "5"}, {9, "5"}}) p.word(x(col) + 5, 160, v);
  p.word(40, 200, "五、存在的主要问题及改进情况");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(has_line(text, "8\t \t2007\t \t2015\t5\t \t \t \t5\t \t \t \t \t "));
}

TEST_CASE("a group's bare numbering a few points from a leaf's wrapped text is a cell of its own") {
  Page p;
  applicant_header(p.page(), 80);
  // the group label's column three characters wide, 3 pt from the leaves' column: （三） opens
  // its cell on the line where 2.保护第三方's text goes on
  p.word(93, 100, "1.属于国家秘密").word(205, 100, "1").word(505, 100, "1");
  p.word(93, 114, "2.保护第三方").word(205, 121, "2").word(505, 121, "2");
  p.word(60, 128, "（三）").word(93, 128, "合法权益");
  p.word(60, 142, "不予公").word(93, 142, "3.属于三类").word(205, 149, "3").word(505, 149, "3");
  p.word(60, 156, "开").word(93, 156, "内部事务信息");
  std::string text = lay_out_text(p.t);
  INFO(text);
  CHECK(text.find("2.保护第三方合法权益\t2\t") != std::string::npos);
  CHECK(text.find("（三）不予公开") != std::string::npos);
}
