// SPDX-License-Identifier: Apache-2.0
// The text layer: decoding and the normalized view with its exact map back to the input.
#include <catch2/catch.hpp>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>
#include <utf8proc.h>

#include <memory>

#include "ogi/parse.hpp"
#include "text/bytes.hpp"
#include "text/numbering.hpp"
#include "text/paragraphs.hpp"
#include "text/text.hpp"

namespace {
/// The normalized view of `in`; input and decoding are kept alive with it (it refers to them).
struct Normalized {
  std::string input;
  ogi::text::Decoded decoded;
  ogi::text::NormalizedText nt;
  const std::string& text() const { return nt.text; }
};

std::unique_ptr<Normalized> normalize_all(std::string_view in) {
  auto n = std::make_unique<Normalized>();
  n->input = std::string(in);
  std::vector<ogi::Diagnostic> diags;
  auto d = ogi::text::decode(n->input, {}, diags);
  REQUIRE(std::holds_alternative<ogi::text::Decoded>(d));
  n->decoded = std::get<ogi::text::Decoded>(std::move(d));
  n->decoded.attach(n->input);
  n->nt = ogi::text::normalize(n->decoded);
  return n;
}

const ogi::text::NormalizedText& norm(std::string_view in) {
  static std::vector<std::unique_ptr<Normalized>> keep;  // alive for the test run
  keep.push_back(normalize_all(in));
  return keep.back()->nt;
}
}  // namespace

TEST_CASE("full-width digits letters and punctuation fold to ASCII") {
  CHECK(norm("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x88\xE4\xB8\x80\xEF\xBC\x89").text == "12(一)");  // １２（一）
}

TEST_CASE("ideographic and no-break spaces become spaces") {
  CHECK(norm("a\xE3\x80\x80\xE3\x80\x80" "b").text == "a  b");
  CHECK(norm("a\xC2\xA0\xC2\xA0" "b").text == "a  b");
}

TEST_CASE("a single space between ideographs is an artefact and goes") {
  CHECK(norm("总 计").text == "总计");
  CHECK(norm("2021 年").text == "2021年");
}

TEST_CASE("two or more spaces are layout and stay") { CHECK(norm("规章  0").text == "规章  0"); }

TEST_CASE("a space between two numbers stays") { CHECK(norm("0 0 0").text == "0 0 0"); }

TEST_CASE("zero-width characters soft hyphens and BOMs are removed") {
  CHECK(norm("\xEF\xBB\xBF" "a\xE2\x80\x8B" "b\xC2\xAD" "c").text == "abc");
}

TEST_CASE("CRLF and CR become LF and lines stay one to one") {
  const auto& nt = norm("a\r\nb\rc\n");
  CHECK(nt.text == "a\nb\nc\n");
  CHECK(nt.lines.size() == 4);
}

TEST_CASE("Kangxi and supplement radicals from PDFs become ideographs") {
  CHECK(norm("\xE2\xBE\x8F\xE6\x94\xBF").text == "行政");          // ⾏政
  CHECK(norm("\xE4\xBA\xBA\xE2\xBA\xA0").text == "人民");          // 人⺠
}

TEST_CASE("document-number brackets take one form") {
  CHECK(norm("【2015】").text == "〔2015〕");
  CHECK(norm("［2015］").text == "〔2015〕");
}

TEST_CASE("form feed marks a page break and page-number lines are dropped") {
  const auto& nt = norm("表\n- 3 -\n\f续\n");
  REQUIRE(nt.lines.size() == 4);
  CHECK(nt.lines[1].dropped);
  CHECK(nt.lines[2].page_break);
  CHECK(nt.line_text(2) == "续");
}

TEST_CASE("bare numbers that number their pages are dropped") {
  const auto& nt = norm("甲\n1\n\f乙\n2\n\f丙\n");
  REQUIRE(nt.lines.size() == 6);
  CHECK(nt.lines[1].dropped);
  CHECK(nt.lines[3].dropped);
}

TEST_CASE("a table cell equal to its page on one page of many is content, not a page number") {
  // table 4's last value 4 at the foot of page 4; no other page ends with its number
  const auto& nt = norm("甲\n\f乙\n\f丙\n\f174\n2\n4\n\f丁\n");
  REQUIRE(nt.lines.size() == 8);
  CHECK_FALSE(nt.lines[5].dropped);
}

TEST_CASE("every normalized span maps back to the original bytes") {
  std::string in = "  总 计\t１２\r\n第二十条";
  const auto& nt = norm(in);
  auto pos = nt.text.find("12");
  REQUIRE(pos != std::string::npos);
  auto sp = nt.span(static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + 2));
  CHECK(in.substr(sp.begin, sp.end - sp.begin) == "１２");
  CHECK(sp.line == 1);
  auto p2 = nt.text.find("第二十条");
  CHECK(nt.span(static_cast<std::uint32_t>(p2), static_cast<std::uint32_t>(p2 + 3)).line == 2);
}

TEST_CASE("every unified ideograph is two columns wide, as utf8proc counts it") {
  for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    REQUIRE_FALSE(err);
    REQUIRE(ogi::text::display_width(std::string_view(buf, static_cast<std::size_t>(len))) == utf8proc_charwidth(c));
  }
  CHECK(ogi::text::display_width("\xE4\xB7\x80") == utf8proc_charwidth(0x4DC0));  // a hexagram before them: one column
}

TEST_CASE("control characters are found in the pass that checks the UTF-8") {
  // after eight clean bytes (read a word at a time), inside CJK text, as C1 and as bidi overrides
  std::string s = std::string("abcdefgh\x1B[1m") + "总计\x7F" + "\xC2\x90" + "\xC2\x85" + "\xE2\x80\xAE" + "\xE2\x81\xA6" +
                  "\xE2\x80\x9C" + std::string(1, '\0') + "\t\n";
  ogi::text::Utf8Scan scan = ogi::text::scan_utf8(s);
  CHECK(scan.bad.empty());
  CHECK(scan.controls.count == 6);  // ESC DEL U+0090 U+202E U+2066 NUL; not NEL, “, tab or line feed
  CHECK(scan.controls.nul == 1);
  CHECK(scan.controls.ansi);
  CHECK(scan.controls.offsets == std::vector<std::uint32_t>{8, 18, 19, 23, 26});
  CHECK(scan.controls.names == std::vector<std::string>{"ESC", "DEL", "U+0090", "U+202E", "U+2066", "NUL"});
  CHECK(ogi::text::find_controls(s).count == 6);
}

TEST_CASE("ill-formed runs are found among CJK text and ASCII words") {
  std::string s = std::string("总计") + "\xE6\x80" + "abcdefghij" + "\xFF\xFE" + "统计\xE5";
  auto runs = ogi::text::scan_utf8(s).bad;
  REQUIRE(runs.size() == 3);
  CHECK((runs[0].offset == 6 && runs[0].length == 2));
  CHECK((runs[1].offset == 18 && runs[1].length == 2));
  CHECK((runs[2].offset == 26 && runs[2].length == 1));
  CHECK(ogi::text::invalid_utf8_runs(s, 1).size() == 2);  // stops once past the limit
}

TEST_CASE("characters are counted in long text as in short") {
  std::string s;
  for (int i = 0; i < 3000; ++i) s += i % 7 ? "统" : "a";  // past a counting block of 255 words
  s += "\xF0\x9F\x98\x80\xC2\xA0";                        // four and two bytes
  const std::size_t n = 3000 + 2;
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{2047}, s.size()}) {
    std::string_view v = std::string_view(s).substr(s.size() - cut);
    std::size_t naive = 0;
    for (char c : v) naive += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(ogi::text::char_count(v) == naive);
  }
  CHECK(ogi::text::char_count(s) == n);
  CHECK(ogi::text::more_chars_than(s, n - 1));
  CHECK_FALSE(ogi::text::more_chars_than(s, n));
  CHECK_FALSE(ogi::text::more_chars_than("总体情况", 4));
  CHECK(ogi::text::more_chars_than("总体情况", 3));
}

TEST_CASE("squeezing into a kept buffer drops spaces and tabs") {
  std::string out = "old";
  ogi::text::squeeze_into(" 一、 总体\t情况 ", out);
  CHECK(out == "一、总体情况");
  ogi::text::squeeze_into("", out);
  CHECK(out.empty());
}

TEST_CASE("invalid UTF-8 is substituted with a warning naming the offset") {
  std::string in = "总计\xFF" "12\n";
  auto r = ogi::parse(in);
  REQUIRE(r);
  REQUIRE_FALSE(r.report().diagnostics.empty());
  CHECK(r.report().diagnostics.front().code == "text.invalid_bytes");
  CHECK(r.report().diagnostics.front().span.begin == 6);
}

TEST_CASE("invalid UTF-8 is refused under strict with the offset") {
  ogi::ParseOptions o;
  o.strict = true;
  auto r = ogi::parse(std::string("总计\xFF" "12\n"), o);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::bad_encoding);
  CHECK(r.error().byte_offset == 6);
}

TEST_CASE("PDF zip and binary inputs are refused by name") {
  auto pdf = ogi::parse("%PDF-1.7\n...");
  REQUIRE_FALSE(pdf);
  CHECK(pdf.error().code == ogi::ErrorCode::unsupported);
  CHECK(pdf.error().message.find("pdftotext") != std::string::npos);
  auto zip = ogi::parse(std::string("PK\x03\x04\x14\x00", 6));
  REQUIRE_FALSE(zip);
  CHECK(zip.error().message.find("docx") != std::string::npos);
  auto bin = ogi::parse(std::string("ab\0cd", 5));
  REQUIRE_FALSE(bin);
  CHECK(bin.error().code == ogi::ErrorCode::not_text);
}

TEST_CASE("empty input parses to an empty report") {
  auto r = ogi::parse("");
  REQUIRE(r);
  CHECK(r.report().sections.empty());
}

TEST_CASE("a running header repeated at the top of pages is dropped") {
  const auto& nt = norm("某某区政府信息公开年报\n正文一\n\f某某区政府信息公开年报\n正文二\n\f某某区政府信息公开年报\n正文三\n");
  REQUIRE(nt.lines.size() == 7);
  CHECK(nt.lines[2].dropped);
  CHECK(nt.lines[4].dropped);
  CHECK_FALSE(nt.lines[1].dropped);
  CHECK_FALSE(nt.lines[3].dropped);
}

TEST_CASE("a table row at the top of two pages is not a running header") {
  const auto& nt = norm("表\n\f0  0  0\n行\n\f0  0  0\n行\n");
  CHECK_FALSE(nt.lines[1].dropped);
  CHECK_FALSE(nt.lines[3].dropped);
}

TEST_CASE("a line alone on its page is not a running header") {
  // the first and the last line of its page: one line, not a text repeated on two pages
  const auto& nt = norm("表\n5.要求行政机关确认\n\f（六）其他处理\n\f（七）总计  25  26\n");
  CHECK_FALSE(nt.lines[2].dropped);
}

TEST_CASE("a short repaired text keeps its view after being moved (fuzz regression)") {
  // \xe6\x9f is a cut character: the repaired text is short enough for the small-string buffer
  auto r = ogi::parse(std::string("\xe6\x9f\xe6\x90\x9f", 5));
  REQUIRE(r);
  CHECK(r.report().diagnostics.front().code == "text.invalid_bytes");
}

TEST_CASE("a word cut over a blank line is joined into one paragraph") {
  std::string in = "一、总体情况\n\n本年度我们全面提升了政府信息公开的质量，推进了政\n\n务公开工作实效。\n\n（一）主动公开情况。\n";
  const auto& nt = norm(in);
  auto ps = ogi::text::paragraphs(nt, 0, nt.lines.size());
  REQUIRE(ps.size() == 3);
  CHECK(ps[1].text == "本年度我们全面提升了政府信息公开的质量,推进了政务公开工作实效。");
  CHECK(ps[1].first_line == 2);
  CHECK(ps[2].text == "(一)主动公开情况。");
}

TEST_CASE("a short line ending a sentence is not joined to the next") {
  const auto& nt = norm("收到申请16件\n\n办结15件\n");
  auto ps = ogi::text::paragraphs(nt, 0, nt.lines.size());
  CHECK(ps.size() == 2);
}

TEST_CASE("paragraph positions map to the normalized text") {
  const auto& nt = norm("全面提升了政府信息公开的质量和效率，推进了政府信息公开工作的\n\n规范化。\n");
  auto ps = ogi::text::paragraphs(nt, 0, nt.lines.size());
  REQUIRE(ps.size() == 1);
  auto k = ps[0].text.find("规范化");
  CHECK(nt.line_of(ps[0].at(k)) == 2);
}

TEST_CASE("every byte of a paragraph copied in more runs than it holds in place maps to its own offset") {
  // ASCII words one space apart: a run each (the first four are held in the paragraph, the rest
  // apart), joined over two lines
  const auto& nt = norm("Gov 2021 open info report of the year 2021 and its tables one two three 1\nfour five six seven.\n");
  auto ps = ogi::text::paragraphs(nt, 0, nt.lines.size());
  REQUIRE(ps.size() == 1);
  REQUIRE(ps[0].runs.size() > 8);
  for (std::string_view word : {"Gov", "year", "tables", "three", "four", "seven"}) {
    const std::size_t k = ps[0].text.find(word);
    REQUIRE(k != std::string::npos);
    CHECK(std::string_view(nt.text).substr(ps[0].at(k), word.size()) == word);
  }
}

TEST_CASE("control characters are found at every offset, in and between the blocks scanned at once") {
  const std::string controls[] = {std::string(1, '\0'), "\x1B", "\x7F", "\xC2\x85x", "\xC2\x9B", "\xE2\x80\xAE"};
  for (const std::string& c : controls)
    for (std::size_t at = 0; at < 40; ++at) {
      std::string s(48, 'a');
      s.replace(at, c.size(), c);
      INFO(at);
      ogi::text::Controls found = ogi::text::find_controls(s);
      bool nel = c == "\xC2\x85x";  // NEL is a line break, not a control
      CHECK(found.count == (nel ? 0u : 1u));
      if (!nel) CHECK(found.offsets == std::vector<std::uint32_t>{static_cast<std::uint32_t>(at)});
    }
  CHECK(ogi::text::find_controls("tab\tline\nfeed\fcr\r\xE2\x80\x94\xC3\xA9").count == 0);
}

TEST_CASE("a run of plain characters ends where the first other character stands, at every offset") {
  // plain: printable ASCII and U+4E00–U+9FFF (一 is E4 B8 80, 龥 E9 BE A5); the run is read
  // sixteen bytes at a time where it can be, so its end is put at every offset of a block
  const std::string_view plain[] = {"一", "中", "a", "9", "龥", "丁"};
  const std::pair<std::string_view, std::string_view> stops[] = {
      {"，", ","}, {" x", " x"}, {"\xE4\xB7\x80 ", "\xE4\xB7\x80 "} /* ䷀ U+4DC0, lead E4, no ideograph: the space before 文 stays */, {"㐀", "㐀"}, {"\t", "\t"}};
  for (int k = 0; k < 40; ++k)
    for (const auto& [stop, folded] : stops) {
      std::string run;
      for (int c = 0; c < k; ++c) run += plain[c % 6];
      const std::string tail = "文字和数字0123456789中文";
      const auto& nt = norm(run + std::string(stop) + tail);
      CAPTURE(k, stop);
      CHECK(nt.text == run + std::string(folded) + tail);
      for (std::size_t j = 0; j < run.size(); ++j) REQUIRE(nt.origin[j] == j);
    }
}

TEST_CASE("a character set's probe of a literal answers as the literal's own set") {
  ogi::text::CharSet text;
  text.add_valid("政府信息公开申请2021年本级人大代表建议12件www.gov.cn");
  ogi::text::CharSet same;
  same.add("政府信息公开申请2021年本级人大代表建议12件www.gov.cn");
  for (std::string_view lit : {"人大代表建议", "提案", "电话", ".cn", "〔", "《", "年", "信息处理费", "12件", "Ω"}) {
    ogi::text::CharSet lit_set;
    lit_set.add(lit);
    CAPTURE(lit);
    CHECK(text.may_contain(ogi::text::CharSet::Probe(lit)) == text.may_contain(lit_set));
    CHECK(same.may_contain(ogi::text::CharSet::Probe(lit)) == text.may_contain(lit_set));
  }
  CHECK(text.may_contain(ogi::text::CharSet::Probe("人大代表建议")));
  CHECK_FALSE(text.may_contain(ogi::text::CharSet::Probe("电话")));
}

TEST_CASE("a pattern's literal is found where it stands, and only whole") {
  using ogi::text::contains;
  const std::string_view text = "本年新收政府信息公开申请51件,予以公开11件,www.gov.cn";
  for (std::string_view lit : {"本", "本年", "新收", "予以公开", "51件", ".cn", "n", "本年新收政府信息公开申请51件,予以公开11件,www.gov.cn", ""})
    CHECK(contains(text, lit) == (text.find(lit) != std::string_view::npos));
  CHECK_FALSE(contains(text, "公开予以"));  // every character there, never side by side
  CHECK_FALSE(contains(text, "部分公开"));
  CHECK_FALSE(contains(text, ".com"));
  CHECK_FALSE(contains("件", "51件"));
}

TEST_CASE("a run of three-byte characters is checked whole wherever a flaw stands in it") {
  // the run is checked five characters at a time where it can be: each flaw is put at every
  // offset of such a block, and must be found where it stands
  const std::string han = "中文政府信息公开工作年度报告";  // 14 characters
  for (std::size_t k = 0; k <= 14; ++k) {
    const std::string head = han.substr(0, 3 * k), tail = han + han;
    CAPTURE(k);
    // a character cut short (its lead and one continuation byte)
    auto bad = ogi::text::scan_utf8(head + "\xE4\xB8" + tail).bad;
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].offset == head.size());
    // ... before a letter, the next character's lead where a lead would stand
    bad = ogi::text::scan_utf8(head + "\xE4\xB8" + "A" + tail).bad;
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].offset == head.size());
    // a surrogate's encoding (ED A0 80) is no character
    bad = ogi::text::scan_utf8(head + "\xED\xA0\x80" + tail).bad;
    REQUIRE(!bad.empty());
    CHECK(bad[0].offset == head.size());
    // an overlong form (E0 80 80)
    bad = ogi::text::scan_utf8(head + "\xE0\x80\x80" + tail).bad;
    REQUIRE(!bad.empty());
    CHECK(bad[0].offset == head.size());
    // a direction override (U+202E, lead E2) among the ideographs
    ogi::text::Utf8Scan scan = ogi::text::scan_utf8(head + "\xE2\x80\xAE" + tail);
    CHECK(scan.bad.empty());
    CHECK(scan.controls.count == 1);
    REQUIRE(scan.controls.offsets.size() == 1);
    CHECK(scan.controls.offsets[0] == head.size());
    // and a dash (U+2014, lead E2) is no control
    CHECK(ogi::text::scan_utf8(head + "\xE2\x80\x94" + tail).controls.count == 0);
  }
}
