// SPDX-License-Identifier: Apache-2.0
// The DOCX reader (docs/formats.md): paragraphs, tables with merged cells, wrappers, tracked
// changes, spans into word/document.xml, and files that are not Word documents.
#include <minizip/zip.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "../support.hpp"
#include "ogi/ogi.hpp"
#include "source_support.hpp"

using ogi_test::read_error;
using ogi_test::read_source;
using Lines = std::vector<std::string>;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

/// A zip of the given parts, made with minizip in a temporary file.
std::string zip_of(const Parts& parts, int level = 6, int method = Z_DEFLATED) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("ogi-docx-test-" + std::to_string(::getpid()) + ".zip");
  zipFile z = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
  REQUIRE(z);
  for (const auto& [name, data] : parts) {
    zip_fileinfo info{};
    REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, method, level, 1) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(z, data.data(), static_cast<unsigned>(data.size())) == ZIP_OK);
    zipCloseFileInZip(z);
  }
  zipClose(z, nullptr);
  std::string bytes = ogi_test::read_file(path);
  std::filesystem::remove(path);
  return bytes;
}

const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string docx(const std::string& body) {
  return zip_of({{"[Content_Types].xml", "<Types/>"}, {"_rels/.rels", kRels}, {"word/document.xml", document_xml(body)}});
}

std::string p(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
std::string tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + p(text) + "</w:tc>";
}
std::string tr(const std::string& cells, const std::string& props = "") { return "<w:tr><w:trPr>" + props + "</w:trPr>" + cells + "</w:tr>"; }
std::string tbl(const std::string& rows) { return "<w:tbl><w:tblPr/><w:tblGrid/>" + rows + "</w:tbl>"; }

}  // namespace

TEST_CASE("docx: paragraphs are lines; runs join; w:tab is a tab and w:br a line break") {
  auto r = read_source(docx("<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>"
                            "<w:p><w:r><w:t>电话：</w:t><w:tab/><w:t>0533</w:t><w:br/><w:t xml:space=\"preserve\">第二 行</w:t></w:r></w:p>"));
  CHECK(r.lines() == Lines{"一、总体情况", "电话：\t0533", "第二 行"});
  CHECK(r.doc.format == ogi::InputFormat::docx);
}

TEST_CASE("docx: w:gridSpan widens a cell and w:vMerge lengthens the cell above") {
  auto r = read_source(docx(tbl(tr(tc("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/>") + tc("（一）予以公开", "<w:gridSpan w:val=\"2\"/>") + tc("8")) +
                                tr(tc("", "<w:vMerge/>") + tc("（三）不予公开") + tc("1.属于国家秘密") + tc("0")))));
  CHECK(r.lines() == Lines{"三、本年度办理结果\t（一）予以公开\t\t8", "\t（三）不予公开\t1.属于国家秘密\t0"});
  REQUIRE(r.doc.grids.size() == 1);
  CHECK(r.doc.grids[0].cols == 4);
  CHECK(r.cell(0, 0, 0)->row_span == 2);
  CHECK(r.cell(0, 0, 1)->col_span == 2);
  CHECK(r.cell(0, 1, 0) == nullptr);
  CHECK(r.cell_text(*r.cell(0, 1, 3)) == "0");
}

TEST_CASE("docx: w:gridBefore leaves a row's first positions empty") {
  auto r = read_source(docx(tbl(tr(tc("a") + tc("b") + tc("c")) + tr(tc("2") + tc("3"), "<w:gridBefore w:val=\"1\"/>"))));
  CHECK(r.lines() == Lines{"a\tb\tc", "\t2\t3"});
  CHECK(r.cell(0, 1, 1));
}

TEST_CASE("docx: the legacy w:hMerge joins a cell to the one before it") {
  auto r = read_source(docx(tbl(tr(tc("行政复议", "<w:hMerge w:val=\"restart\"/>") + tc("", "<w:hMerge/>") + tc("行政诉讼")) +
                                tr(tc("1") + tc("2") + tc("3")))));
  CHECK(r.lines() == Lines{"行政复议\t\t行政诉讼", "1\t2\t3"});
  CHECK(r.cell(0, 0, 0)->col_span == 2);
}

TEST_CASE("docx: a table nested in a cell makes its outer table a layout table") {
  auto r = read_source(docx(tbl(tr(tc("外") + "<w:tc>" + tbl(tr(tc("a") + tc("1")) + tr(tc("b") + tc("2"))) + p("") + "</w:tc>"))));
  CHECK(r.lines() == Lines{"外", "a\t1", "b\t2"});
  REQUIRE(r.doc.grids.size() == 1);
  CHECK(r.doc.grids[0].depth == 1);
}

TEST_CASE("docx: w:sdt wrappers around paragraphs, rows and cells are read through") {
  auto r = read_source(docx("<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent>" + p("一、总体情况") + "</w:sdtContent></w:sdt>" +
                            tbl("<w:sdt><w:sdtContent>" + tr(tc("a") + "<w:sdt><w:sdtContent>" + tc("1") + "</w:sdtContent></w:sdt>") +
                                "</w:sdtContent></w:sdt>" + tr(tc("b") + tc("2")))));
  CHECK(r.lines() == Lines{"一、总体情况", "a\t1", "b\t2"});
}

TEST_CASE("docx: tracked insertions are kept, deletions, field instructions and hidden text dropped") {
  auto r = read_source(docx("<w:p><w:r><w:t>收到</w:t></w:r><w:ins><w:r><w:t>16</w:t></w:r></w:ins>"
                            "<w:del><w:r><w:delText>15</w:delText></w:r></w:del><w:r><w:t>件</w:t></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>，</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"));
  CHECK(r.lines() == Lines{"收到16件，"});
}

TEST_CASE("docx: spans index word/document.xml, references included") {
  std::string body = p("A&amp;B &#20013;") + tbl(tr(tc("规章") + tc("12")) + tr(tc("x") + tc("y")));
  auto r = read_source(docx(body));
  CHECK(r.doc.part == "word/document.xml");
  CHECK(r.doc.input == document_xml(body));
  std::string_view t = r.text();
  CHECK(r.source_of(t.find("&"), t.find("&") + 1) == "&amp;");
  CHECK(r.source_of(t.find("中"), t.find("中") + 3) == "&#20013;");
  const auto* c = r.cell(0, 0, 1);
  REQUIRE(c);
  CHECK(r.source_of(c->begin, c->end) == "12");

  auto parsed = ogi::parse(docx(body));
  REQUIRE(parsed);
  CHECK(parsed.report().input_part == "word/document.xml");
  CHECK(parsed.report().format == ogi::InputFormat::docx);
}

TEST_CASE("docx: the main part is the one the package's relationships name") {
  const char* rels =
      "<Relationships><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"/word/main.xml\"/></Relationships>";
  auto r = read_source(zip_of({{"_rels/.rels", rels}, {"word/main.xml", document_xml(p("正文"))}}));
  CHECK(r.doc.part == "word/main.xml");
  CHECK(r.lines() == Lines{"正文"});
}

TEST_CASE("docx: an old binary Word file is refused, naming the format and how to convert it") {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  for (char c : std::string("WordDocument")) ole += std::string{c, '\0'};
  ogi::Error e = read_error(ole);
  CHECK(e.code == ogi::ErrorCode::unsupported);
  CHECK(e.message.find(".doc") != std::string::npos);
  CHECK(e.message.find("soffice --headless --convert-to docx") != std::string::npos);
}

TEST_CASE("docx: a zip that is not a Word document says what it is") {
  ogi::Error e = read_error(zip_of({{"xl/workbook.xml", "<workbook/>"}}));
  CHECK(e.code == ogi::ErrorCode::unsupported);
  CHECK(e.message.find("Excel") != std::string::npos);
  CHECK(read_error(zip_of({{"notes.txt", "hello"}})).message.find("不是 Word 文档") != std::string::npos);
}

TEST_CASE("docx: a DOCX that is not a zip is refused in Chinese, and in English with --lang en") {
  std::string cut = docx(p("x"));
  cut.resize(cut.size() / 2);  // the central directory is gone
  ogi::Error zh = read_error(cut);
  CHECK(zh.code == ogi::ErrorCode::bad_document);
  CHECK(zh.message == "输入不是可读的 zip 压缩包（.docx 已损坏？）");
  ogi::ParseOptions en;
  en.language = ogi::Language::en;
  ogi::Error e = read_error(cut, en);
  CHECK(e.code == zh.code);
  CHECK(e.message == "the input is not a readable zip archive (a damaged .docx?)");
  // the advice is the same command in both
  auto xlsx = zip_of({{"xl/workbook.xml", "<workbook/>"}});
  CHECK(read_error(xlsx).message.find("soffice --headless --convert-to docx FILE") != std::string::npos);
  CHECK(read_error(xlsx, en).message.find("soffice --headless --convert-to docx FILE") != std::string::npos);
  CHECK(read_error(xlsx, en).message.find("an Excel workbook (.xlsx)") != std::string::npos);
}

TEST_CASE("docx: damaged zips and broken XML are bad documents") {
  std::string good = docx(p("x"));
  CHECK(read_error(good.substr(0, good.size() / 2)).code == ogi::ErrorCode::bad_document);
  CHECK(read_error(zip_of({{"word/document.xml", "<w:document><w:body><w:p>"}})).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("docx: a stored (not deflated) part reads as a deflated one does") {
  const Parts parts{{"_rels/.rels", kRels}, {"word/document.xml", document_xml(p("正文一") + p("正文二"))}};
  std::string stored = zip_of(parts, 0, 0);
  REQUIRE(stored.find("正文一") != std::string::npos);  // the part's bytes stand in the zip as they are
  CHECK(read_source(stored).lines() == Lines{"正文一", "正文二"});
  CHECK(read_source(zip_of(parts)).lines() == Lines{"正文一", "正文二"});
}

TEST_CASE("docx: a part whose bytes were changed fails its checksum, named") {
  std::string zip = zip_of({{"_rels/.rels", kRels}, {"word/document.xml", document_xml(p("正文一"))}}, 0, 0);
  zip[zip.find("正文一")] = 'x';
  ogi::Error e = read_error(zip);
  CHECK(e.code == ogi::ErrorCode::bad_document);
  CHECK(e.message.find("校验失败") != std::string::npos);
  // deflated, the damage is found by the inflate or by the checksum
  std::string deflated = zip_of({{"_rels/.rels", kRels}, {"word/document.xml", document_xml(p(std::string(2000, 'y')))}});
  std::size_t data = deflated.find("word/document.xml") + 17 + 40;  // inside the part's compressed bytes
  deflated[data] = static_cast<char>(deflated[data] ^ 0x55);
  CHECK(read_error(deflated).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("docx: a part that inflates past the bound is refused as a zip bomb") {
  std::string big = document_xml(p(std::string(4u << 20, ' ')));  // 4 MiB that compress to a few KB
  ogi::ParseOptions small;
  small.max_input_bytes = 1u << 20;
  std::string zip = zip_of({{"_rels/.rels", kRels}, {"word/document.xml", big}}, 9);
  REQUIRE(zip.size() < small.max_input_bytes);
  ogi::Error e = read_error(zip, small);
  CHECK(e.code == ogi::ErrorCode::bad_document);
  CHECK(e.message.find("zip 炸弹") != std::string::npos);
  small.language = ogi::Language::en;
  CHECK(read_error(zip, small).message.find("zip bomb") != std::string::npos);
}

TEST_CASE("docx: 100,000 nested tables are refused, not a crash") {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) {
    open += "<w:tbl><w:tr><w:tc>";
    close += "</w:tc></w:tr></w:tbl>";
  }
  CHECK(read_error(docx(open + p("x") + close)).code == ogi::ErrorCode::bad_document);
}

TEST_CASE("docx: a part with a comment (left to pugixml's tree) reads as the same part without it") {
  std::string body = p("A&amp;B") + tbl(tr(tc("a", "<w:gridSpan w:val=\"2\"/>")) + tr(tc("1") + tc("2"))) + p("z");
  auto plain = read_source(docx(body));
  auto commented = read_source(docx("<!-- a comment -->" + body));
  CHECK(commented.lines() == plain.lines());
  CHECK(commented.lines() == Lines{"A&B", "a\t", "1\t2", "z"});
}

TEST_CASE("docx: text nested 512 elements deep is refused, from either tree, and 511 deep reads") {
  for (const std::string& comment : {std::string(), std::string("<!-- pugixml's tree -->")}) {
    for (int depth : {511, 512}) {
      std::string open, close;
      for (int i = 0; i < depth; ++i) {
        open += "<w:sdt>";
        close += "</w:sdt>";
      }
      std::string zip = docx(comment + open + "x" + close);
      INFO(comment << depth);
      if (depth == 512) CHECK(read_error(zip).message.find("512") != std::string::npos);
      else CHECK(read_source(zip).lines().empty());
    }
  }
}

TEST_CASE("docx: a table of 10,000 columns reads") {
  std::string cells;
  for (int i = 0; i < 10000; ++i) cells += tc(std::to_string(i));
  auto r = read_source(docx(tbl(tr(cells) + tr(tc("x")))));
  REQUIRE(r.doc.grids.size() == 1);
  CHECK(r.doc.grids[0].cols == 10000);
}

TEST_CASE("docx: a span's line is the line of the document's text, one per paragraph and table row") {
  std::string body = p("溪岭县司法局") + p("2022年政府信息公开工作年度报告") + p("") + p("一、总体情况") + p("正文。") +
                     tbl(tr(tc("a") + tc("1")) + tr(tc("b") + tc("2"))) + p("二、主动公开政府信息情况");
  auto r = ogi::parse(docx(body));
  REQUIRE(r);
  const ogi::Report& rep = r.report();
  REQUIRE(rep.sections.size() >= 2);
  CHECK(rep.sections[0].line == 3);  // the empty paragraph is no line
  CHECK(rep.sections[0].end_line == 6);
  CHECK(rep.sections[1].line == 7);
  CHECK(rep.metadata.year.span.line == 2);
}
