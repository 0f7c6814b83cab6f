// SPDX-License-Identifier: Apache-2.0
// The reference report saved in the encodings real files come in parses to the same report.
#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include <regex>

#include "../support.hpp"
#include "ogi/ogi.hpp"

namespace {

std::string convert(const std::string& utf8, const char* to) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(to, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &st);
  REQUIRE(U_SUCCESS(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// The JSON without what must differ between encodings: byte offsets and the encoding's name.
std::string comparable(const std::string& json) {
  static const std::regex offsets(R"re(\s*"(begin|end|encoding)": [^,\n]*,?\n)re");
  static const std::regex trailing_commas(R"(,\n)");
  std::string s = std::regex_replace(json, offsets, "\n");
  return std::regex_replace(s, trailing_commas, "\n");
}

std::string reference_utf8() { return ogi_test::read_file(ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt"); }

}  // namespace

TEST_CASE("the reference report reads the same in five encodings") {
  std::string utf8 = reference_utf8();
  auto base = ogi::parse(utf8);
  REQUIRE(base);
  const std::string want = comparable(ogi::to_json(base.report()));
  struct Case { const char* name; std::string bytes; const char* reported; };
  std::vector<Case> cases{
      {"UTF-8 with BOM", "\xEF\xBB\xBF" + utf8, "UTF-8"},
      {"UTF-16LE with BOM", "\xFF\xFE" + convert(utf8, "UTF-16LE"), "UTF-16LE"},
      {"UTF-16BE with BOM", "\xFE\xFF" + convert(utf8, "UTF-16BE"), "UTF-16BE"},
      {"GB18030", convert(utf8, "GB18030"), "GB18030"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = ogi::parse(c.bytes);
    REQUIRE(r);
    CHECK(r.report().encoding == c.reported);
    CHECK(comparable(ogi::to_json(r.report())) == want);
    // spans still point at the same text in each file's own bytes
    const ogi::Cell* cell = r.report().applications->cells.cell(ogi::ApplicationRow::new_received,
                                                                ogi::ApplicantColumn::total);
    REQUIRE(cell);
    CHECK(r.report().bytes(cell->span) == convert("16", c.reported == std::string("UTF-8") ? "UTF-8" : c.reported));
    // and read back as UTF-8 whatever the file's encoding
    CHECK(r.report().text(cell->span) == "16");
    CHECK(r.report().text(r.report().metadata.agency.span) == "张店区人民政府办公室");
  }
}

TEST_CASE("an explicit encoding overrides detection") {
  std::string gb = convert(reference_utf8(), "GB18030");
  ogi::ParseOptions o;
  o.encoding = "GB18030";
  auto r = ogi::parse(gb, o);
  REQUIRE(r);
  CHECK(*r.report().metadata.agency.value == "张店区人民政府办公室");
}

TEST_CASE("an unknown encoding name is refused") {
  ogi::ParseOptions o;
  o.encoding = "no-such-encoding";
  auto r = ogi::parse("abc", o);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::bad_option);
}

TEST_CASE("one invalid byte in GB18030 text is named by its offset") {
  std::string utf8 = reference_utf8();
  std::size_t cut = utf8.find("一、总体情况");
  REQUIRE(cut != std::string::npos);
  std::string gb = convert(utf8, "GB18030");
  std::size_t at = convert(utf8.substr(0, cut), "GB18030").size();  // the lead byte of 一
  gb[at + 1] = '\x7F';  // a lead byte followed by DEL: invalid
  ogi::ParseOptions o;
  o.encoding = "GB18030";
  auto r = ogi::parse(gb, o);
  REQUIRE(r);
  bool found = false;
  for (const auto& d : r.report().diagnostics)
    if (d.code == "text.invalid_bytes") found = d.span.begin == at;
  CHECK(found);
  o.strict = true;
  auto strict = ogi::parse(gb, o);
  REQUIRE_FALSE(strict);
  CHECK(strict.error().byte_offset == at);
}

TEST_CASE("UTF-8 with many cut characters stays UTF-8: decided by the share of valid sequences") {
  // html2text cuts multi-byte characters where it wraps narrow table cells: here one character
  // in eight loses its last byte — far more bad bytes than a few in a thousand, yet each line is
  // still mostly well-formed UTF-8 (issue 22: such a file was read as Big5 and lost whole)
  std::string utf8 = reference_utf8(), cut;
  std::size_t wide = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    cut += utf8.substr(i, n >= 3 && ++wide % 8 == 0 ? n - 1 : n);
    i += n;
  }
  auto r = ogi::parse(cut);
  REQUIRE(r);
  CHECK(r.report().encoding == "UTF-8");
  CHECK(r.report().sections.size() >= 6);  // the outline is still there; in Big5 nothing was
  bool named = false;
  for (const auto& d : r.report().diagnostics)
    named |= d.code == "text.invalid_bytes" && d.message.rfind(std::to_string(wide / 8) + " 处", 0) == 0;
  CHECK(named);  // every cut character is one U+FFFD, and counted
}

TEST_CASE("input that is not a report is named: empty, a byte order mark alone, prose") {
  for (std::string in : {std::string(), std::string("\xEF\xBB\xBF"), std::string("\n \n"),
                         std::string("今天天气很好。我们去公园散步。\n")}) {
    auto r = ogi::parse(in);
    REQUIRE(r);
    bool named = false;
    for (const auto& d : r.report().diagnostics) named |= d.code == "document.not_a_report" && d.severity == ogi::Severity::warning;
    CHECK(named);
  }
  auto report = ogi::parse(reference_utf8());
  REQUIRE(report);
  for (const auto& d : report.report().diagnostics) CHECK(d.code != "document.not_a_report");
}
