// SPDX-License-Identifier: Apache-2.0
// The HTML reader (docs/formats.md): lines, character references, tables as cells, charsets,
// spans into the page, and hostile pages.
#include <unicode/ucnv.h>

#include <chrono>

#include "../support.hpp"
#include "ogi/ogi.hpp"
#include "source_support.hpp"

using ogi_test::read_error;
using ogi_test::read_source;
using Lines = std::vector<std::string>;

namespace {

std::string page(const std::string& body, const std::string& head = "<meta charset=\"utf-8\">") {
  return "<!DOCTYPE html>\n<html><head>" + head + "</head><body>\n" + body + "\n</body></html>\n";
}

std::string to_gbk(const std::string& utf8) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &st);
  REQUIRE(U_SUCCESS(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

template <class F>
double seconds(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("html: block elements and <br> end lines, inline elements do not") {
  auto r = read_source(page("<h1>一、总体情况</h1><p>第一段<b>加粗</b><span>继续</span></p><div>甲<br>乙</div><ul><li>一</li><li>二</li></ul>"));
  CHECK(r.lines() == Lines{"一、总体情况", "第一段加粗继续", "甲", "乙", "一", "二"});
}

TEST_CASE("html: white space collapses to one space and no line starts or ends with it") {
  auto r = read_source(page("<p>\n   收到   申请\n\t16 件  </p>"));
  CHECK(r.lines() == Lines{"收到 申请 16 件"});
}

TEST_CASE("html: scripts, styles, comments, the head and hidden elements are dropped") {
  auto r = read_source(page("<script>var a = '<p>x</p>';</script><style>p{}</style><!-- 注释 --><p>正文</p>"
                            "<div style=\"display: none\">隐藏</div><p hidden>也隐藏</p>",
                            "<meta charset=utf-8><title>标题</title>"));
  CHECK(r.lines() == Lines{"正文"});
}

TEST_CASE("html: <pre> keeps its spaces and lines") {
  auto r = read_source(page("<pre>a  b\nc</pre>"));
  CHECK(r.lines() == Lines{"a  b", "c"});
}

TEST_CASE("html: character references decode and map to all of their bytes") {
  std::string html = page("<p>A&amp;B&nbsp;&#20013;&#x6587;&copy2021 &unknown; &lt;</p>");
  auto r = read_source(html);
  REQUIRE(r.lines().size() == 1);
  CHECK(r.lines()[0] == "A&B\u00A0中文©2021 &unknown; <");
  std::string_view t = r.text();
  auto at = [&](std::string_view what) { return t.find(what); };
  CHECK(r.source_of(at("&B"), at("&B") + 1) == "&amp;");
  CHECK(r.source_of(at("\u00A0"), at("\u00A0") + 2) == "&nbsp;");
  CHECK(r.source_of(at("中"), at("中") + 3) == "&#20013;");
  CHECK(r.source_of(at("文"), at("文") + 3) == "&#x6587;");
  CHECK(r.source_of(at("©"), at("©") + 2) == "&copy");
  CHECK(r.source_of(at("2021"), at("2021") + 4) == "2021");
}

TEST_CASE("html: a table row is one line, its cells separated by tabs") {
  auto r = read_source(page("<p>前</p><table><tr><td>规章</td><td>0</td><td>1</td></tr>"
                            "<tr><td>行政规范性文件</td><td>4</td><td>19</td></tr></table><p>后</p>"));
  CHECK(r.lines() == Lines{"前", "规章\t0\t1", "行政规范性文件\t4\t19", "后"});
  REQUIRE(r.doc.grids.size() == 1);
  const auto& g = r.doc.grids[0];
  CHECK(g.rows == 2);
  CHECK(g.cols == 3);
  CHECK(g.depth == 0);
  CHECK(r.cell_text(*r.cell(0, 1, 2)) == "19");
}

TEST_CASE("html: a merged cell stands at its top-left position, empty fields where it covers") {
  auto r = read_source(page("<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>8</td></tr>"
                            "<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr></table>"));
  CHECK(r.lines() == Lines{"三、本年度办理结果\t（一）予以公开\t\t8", "\t（三）不予公开\t1.属于国家秘密\t0"});
  const auto* merged = r.cell(0, 0, 0);
  REQUIRE(merged);
  CHECK(merged->row_span == 2);
  CHECK(r.cell(0, 0, 1)->col_span == 2);
  CHECK(r.cell(0, 1, 1));
  CHECK(r.cell_text(*r.cell(0, 1, 3)) == "0");
}

TEST_CASE("html: a header split over two rows keeps each label above its column") {
  auto r = read_source(page("<table><tr><th rowspan=2>信息内容</th><th colspan=2>法人或其他组织</th><th rowspan=2>总计</th></tr>"
                            "<tr><th>商业企业</th><th>科研机构</th></tr><tr><td>新收</td><td>2</td><td>2</td><td>16</td></tr></table>"));
  CHECK(r.lines() == Lines{"信息内容\t法人或其他组织\t\t总计", "\t商业企业\t科研机构\t", "新收\t2\t2\t16"});
  CHECK(r.cell(0, 1, 2));
  CHECK(r.cell_text(*r.cell(0, 1, 2)) == "科研机构");
}

TEST_CASE("html: a rowspan ends with its row group; rowspan=0 reaches the group's end") {
  auto r = read_source(page("<table><thead><tr><th rowspan=5>表头</th><th>a</th></tr></thead>"
                            "<tbody><tr><td rowspan=0>x</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>"));
  CHECK(r.cell(0, 0, 0)->row_span == 1);
  CHECK(r.cell(0, 1, 0)->row_span == 2);
  CHECK(r.lines() == Lines{"表头\ta", "x\t1", "\t2"});
}

TEST_CASE("html: cells keep what they hold: -, /, 无, a number with 件 or 万元, <br> as a space") {
  auto r = read_source(page("<table><tr><td>-</td><td>/</td><td>无</td><td>12件</td><td>3.5万元</td><td>结果<br>维持</td>"
                            "<td><p>法人或</p><p>其他组织</p></td><td>&nbsp;</td></tr></table>"));
  CHECK(r.lines() == Lines{"-\t/\t无\t12件\t3.5万元\t结果 维持\t法人或 其他组织\t\u00A0"});
  CHECK(r.cell_text(*r.cell(0, 0, 7)).empty());  // white space around a cell's text is not its text
}

TEST_CASE("html: broken markup (missing </td> and </tr>) still gives the cells a browser shows") {
  auto r = read_source(page("<table><tr><td>行政许可<td>374<tr><td>行政处罚<td>307</table><p>后文"));
  CHECK(r.lines() == Lines{"行政许可\t374", "行政处罚\t307", "后文"});
}

TEST_CASE("html: a layout table around the report is read through; its data tables keep their grids") {
  auto r = read_source(page("<table><tr><td><p>一、总体情况</p><p>正文。</p>"
                            "<table><tr><td>行政许可</td><td>374</td></tr><tr><td>行政处罚</td><td>307</td></tr></table>"
                            "<p>二、其他</p></td></tr></table>"));
  CHECK(r.lines() == Lines{"一、总体情况", "正文。", "行政许可\t374", "行政处罚\t307", "二、其他"});
  REQUIRE(r.doc.grids.size() == 1);  // the layout table has none
  CHECK(r.doc.grids[0].depth == 1);
}

TEST_CASE("html: a table nested in a cell makes its outer table a layout table") {
  auto r = read_source(page("<table><tr><td>左</td><td><table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table></td></tr></table>"));
  CHECK(r.lines() == Lines{"左", "a\t1", "b\t2"});
  REQUIRE(r.doc.grids.size() == 1);
}

TEST_CASE("html: a cell of running text makes its table a layout table") {
  std::string long_text(700, 'x');
  auto r = read_source(page("<table><tr><td>标题</td><td><p>" + long_text + "</p><p>第二段</p></td></tr></table>"));
  CHECK(r.lines() == Lines{"标题", long_text, "第二段"});
  CHECK(r.doc.grids.empty());
}

TEST_CASE("html: a UTF-8 page labelled gb2312 is read as UTF-8, and says so") {
  auto r = read_source(page("<p>张店区</p>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"));
  CHECK(r.doc.decoded.encoding == "UTF-8");
  CHECK(r.lines() == Lines{"张店区"});
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "html.charset_mismatch");
  CHECK(r.diags[0].message == "网页声明 charset=gb2312，但其字节是 UTF-8：已按 UTF-8 读取");
}

TEST_CASE("html: html.charset_mismatch is in English with --lang en") {
  ogi::ParseOptions en;
  en.language = ogi::Language::en;
  auto r = read_source(page("<p>张店区</p>", "<meta charset=\"gb2312\">"), en);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message == "the page says charset=gb2312, but its bytes are UTF-8: read as UTF-8");
}

TEST_CASE("html: a GBK page labelled gb2312 is read as GB18030; spans index its bytes") {
  std::string html = to_gbk(page("<p>张店区&nbsp;16件</p>", "<meta charset=\"gb2312\">"));
  auto r = read_source(html);
  CHECK(r.doc.decoded.encoding == "GB18030");
  CHECK(r.lines() == Lines{"张店区\u00A016件"});
  std::string_view t = r.text();
  std::size_t at = t.find("16");
  CHECK(r.source_of(at, at + 2) == "16");
  CHECK(r.source_of(0, t.find("\u00A0")) == to_gbk("张店区"));
}

TEST_CASE("html: a BOM decides the encoding before any label") {
  auto r = read_source("\xEF\xBB\xBF" + page("<p>张</p>", "<meta charset=\"gbk\">"));
  CHECK(r.doc.decoded.encoding == "UTF-8");
  CHECK(r.lines() == Lines{"张"});
}

TEST_CASE("html: the format is told from the bytes; ParseOptions::format forces it") {
  CHECK(ogi::sources::sniff(page("<p>x</p>")) == ogi::InputFormat::html);
  CHECK(ogi::sources::sniff("<!-- saved from url -->\n<html><body>x</body></html>") == ogi::InputFormat::html);
  CHECK(ogi::sources::sniff("<meta charset=gbk><p>x") == ogi::InputFormat::html);
  CHECK(ogi::sources::sniff("一、总体情况\n<p>") == ogi::InputFormat::text);
  ogi::ParseOptions forced;
  forced.format = ogi::InputFormat::html;
  auto r = read_source("<b>粗</b>体", forced);
  CHECK(r.doc.format == ogi::InputFormat::html);
  CHECK(r.lines() == Lines{"粗体"});
}

TEST_CASE("html: spans point into the page and lines are the page's lines") {
  std::string html = page("<p>2021年张店区政府信息公开工作年度报告</p>\n<p>三、收到和处理政府信息公开申请情况</p>\n"
                          "<table>\n<tr><td>一、本年新收政府信息公开申请数量</td>\n<td>\n16</td></tr></table>");
  auto r = ogi::parse(html);
  REQUIRE(r);
  const ogi::Report& rep = r.report();
  CHECK(rep.format == ogi::InputFormat::html);
  CHECK(rep.input == html);
  REQUIRE(rep.sections.size() >= 1);
  const ogi::Section& s = rep.sections[0];
  CHECK(rep.text(s.span).substr(0, 3) == "三");
  CHECK(s.line == 4);  // the page's line of the heading, not the text's
  CHECK(rep.metadata.agency.span.line == 3);
}

TEST_CASE("html: 100,000 nested elements are refused as a hostile page, quickly") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  double s = seconds([&] {
    ogi::Error e = read_error(page(deep + "x"));
    CHECK(e.code == ogi::ErrorCode::bad_document);
  });
  CHECK(s < 5.0);
  std::string tables;
  for (int i = 0; i < 100000; ++i) tables += "<table><tr><td>";
  CHECK(read_error(page(tables)).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("html: a table of 10,000 columns reads") {
  std::string row = "<table><tr>";
  for (int i = 0; i < 10000; ++i) row += "<td>" + std::to_string(i) + "</td>";
  auto r = read_source(page(row + "</tr><tr><td>x</td></tr></table>"));
  REQUIRE(r.doc.grids.size() == 1);
  CHECK(r.doc.grids[0].cols == 10000);
  CHECK(r.doc.grids[0].rows == 2);
}

TEST_CASE("html: spans that would make more cell positions than the page can hold are refused") {
  std::string rows = "<table>";
  for (int i = 0; i < 200; ++i) rows += "<tr><td colspan=1000 rowspan=65534>x</td></tr>";
  CHECK(read_error(page(rows + "</table>")).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("html: an entity flood reads in linear time") {
  std::string flood;
  for (int i = 0; i < 200000; ++i) flood += "&nbsp;&amp;&#20013;";
  auto r = read_source(page("<p>" + flood + "</p>"));
  REQUIRE(r.lines().size() == 1);
  CHECK(r.lines()[0].size() == 200000u * (2 + 1 + 3));
}

TEST_CASE("html: an ASCII page labelled gb2312 is no mismatch") {
  auto r = read_source(page("<p>2021</p>", "<meta charset=\"gb2312\">"));
  CHECK(r.diags.empty());
}

TEST_CASE("html: a page nested 512 elements deep is refused and 500 deep reads") {
  auto page = [](int depth) {
    std::string s = "<html><body>";
    for (int i = 0; i < depth; ++i) s += "<div>";
    s += "<p>x</p>";
    for (int i = 0; i < depth; ++i) s += "</div>";
    return s + "</body></html>";
  };
  CHECK(read_source(page(500)).lines() == Lines{"x"});
  CHECK(read_error(page(600)).message.find("512") != std::string::npos);
}
