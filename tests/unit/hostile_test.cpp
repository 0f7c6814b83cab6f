// SPDX-License-Identifier: Apache-2.0
// The hostile-input catalogue (docs/limits.md): each input gets a clear error or a report whose
// invariants hold (tests/fuzz/invariants.hpp). Sizes here are kept small enough for CI; the
// linear-time and memory figures at full size are measured with ogi-bench (docs/limits.md).
#include <catch2/catch.hpp>

#include <string>

#include "../fuzz/invariants.hpp"
#include "../support.hpp"

namespace {
std::string reference() { return ogi_test::read_file(ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt"); }

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("hostile: empty input") {
  ogi_fuzz::check_parse("");
  CHECK(ogi::parse("").report().template_version == ogi::TemplateVersion::unknown);  // no outline, no tables: not told
}

TEST_CASE("hostile: one byte") {
  for (int b = 0; b < 256; ++b) ogi_fuzz::check_parse(std::string(1, static_cast<char>(b)));
}

TEST_CASE("hostile: binary with NUL bytes is refused") {
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin.push_back(static_cast<char>((i * 37) & 0xFF));
  auto r = ogi::parse(bin);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::not_text);
}

TEST_CASE("hostile: truncated UTF-8 in the middle of a character") {
  std::string in = reference();
  std::string cut = in.substr(0, in.find("三、收到和处理") + 4);  // ends inside 收
  ogi_fuzz::check_parse(cut);
  auto r = ogi::parse(cut);
  REQUIRE(r);
  CHECK(r.report().diagnostics.back().code == "text.invalid_bytes");
}

TEST_CASE("hostile: truncated GB18030") {
  std::string gb = "\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\xB9\xAB\xBF\xAA";  // 二、主动公开 in GBK
  gb += std::string(200, 'x');
  gb += "\xB6";  // a lead byte with nothing after it
  ogi::ParseOptions o;
  o.encoding = "GB18030";
  auto r = ogi::parse(gb, o);
  REQUIRE(r);
  bool named = false;
  for (const auto& d : r.report().diagnostics) named |= d.code == "text.invalid_bytes";
  CHECK(named);
  ogi_fuzz::check_parse(gb);
}

TEST_CASE("hostile: one long line of 8 MB") {
  std::string line = repeat("主动公开政府信息 行政许可 12 ", 8 << 20 >> 5);
  ogi_fuzz::check_parse(line);
}

TEST_CASE("hostile: two hundred thousand short lines") {
  ogi_fuzz::check_parse(repeat("0\n", 200000));
  ogi_fuzz::check_parse(repeat("一、\n", 100000));
}

TEST_CASE("hostile: thousands of repeated headings and tables") {
  std::string in = reference();
  std::string tables = in.substr(in.find("二、主动公开政府信息情况"), in.find("五、存在的主要问题") - in.find("二、主动公开政府信息情况"));
  ogi_fuzz::check_parse(repeat("一、总体情况\n", 5000) + repeat(tables, 300));
}

TEST_CASE("hostile: a 400-digit number in a table cell") {
  std::string in = reference();
  auto at = in.find("规章\t0\t0\t0");
  REQUIRE(at != std::string::npos);
  in.replace(at + 7, 1, std::string(400, '9'));
  ogi_fuzz::check_parse(in);
  auto r = ogi::parse(in);
  REQUIRE(r);
  CHECK(r.report().active_disclosure->cells.cell(ogi::ActiveRow::rules, ogi::ActiveColumn::made) == nullptr);
  bool named = false;
  for (const auto& d : r.report().diagnostics) named |= d.row == "rules";
  CHECK(named);
}

TEST_CASE("hostile: a 10000-character label") {
  std::string in = reference();
  auto at = in.find("1. 属于国家秘密");
  REQUIRE(at != std::string::npos);
  in.insert(at + 5, repeat("秘", 10000));
  ogi_fuzz::check_parse(in);
}

TEST_CASE("hostile: input over the size limit is refused") {
  ogi::ParseOptions o;
  o.max_input_bytes = 1000;
  auto r = ogi::parse(reference(), o);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::too_large);
}

TEST_CASE("hostile: value groups whose sizes repeat in many periods") {
  // Every label of table 3, then values in groups of 1 and 2 lines alternating: a reading in value
  // order could try exponentially many ways to cut them into blocks; a budget stops it.
  std::string in = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
                   "(一)予以公开\n(七)总计\n四、结转下年度继续办理\n";
  for (int i = 0; i < 7 * 25; ++i) in += i % 2 ? "0\n0\n\n" : "0\n\n";
  ogi_fuzz::check_parse(in);
}

TEST_CASE("hostile: scattered labels over values near the integer limit") {
  // read in value order, the row totals would overflow a 64-bit sum
  std::string in = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n(七)总计\n四、结转下年度继续办理\n";
  for (int i = 0; i < 7 * 3; ++i) in += "9223372036854775807\n\n";
  ogi_fuzz::check_parse(in);
}

namespace {
// Table 3's row labels, 2021 template, in order.
const char* const kTable3Labels[] = {
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请",
    "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用", "3.其他", "（七）总计",
    "四、结转下年度继续办理"};

std::string table3_opening() { return "三、收到和处理政府信息公开申请情况\n\n申请人情况\n自然人\n总计\n\n"; }
}  // namespace

TEST_CASE("hostile: rows of zeros cut into text boxes of one and two values") {
  // the labels, then each band of columns (1, 2, 1, 2, 1 wide) for every row, all zeros: the
  // boxes fit countless ways
  std::string in = table3_opening();
  for (const char* label : kTable3Labels) in += std::string(label) + "\n";
  for (const char* box : {"0", "0 0", "0", "0 0", "0"})
    for (int r = 0; r < 25; ++r) in += std::string("\n") + box + "\n";
  ogi_fuzz::check_parse(in);
}

TEST_CASE("hostile: rows of zeros with first cells beside their labels") {
  std::string in = table3_opening();
  for (int i = 0; i < 25 * 6; ++i) in += "0\n\n";
  for (const char* label : kTable3Labels) in += std::string(label) + " 0\n\n";
  ogi_fuzz::check_parse(in);
}

TEST_CASE("hostile: rows of zeros whose blank cells vanished") {
  std::string in = table3_opening();
  int k = 0;
  for (const char* label : kTable3Labels) in += std::string(label) + "   " + std::string(static_cast<std::size_t>(k++ % 4), '0') + "\n";
  std::string spaced = table3_opening();
  k = 0;
  for (const char* label : kTable3Labels) {
    spaced += std::string(label);
    for (int v = 0; v < 1 + k % 5; ++v) spaced += "  0";
    spaced += "\n";
    ++k;
  }
  ogi_fuzz::check_parse(in);
  ogi_fuzz::check_parse(spaced);
}

TEST_CASE("hostile: values near the integer limit in text boxes and beside labels") {
  std::string boxes = table3_opening(), beside = table3_opening();
  for (const char* label : kTable3Labels)
    boxes += std::string(label) + "\n\n9223372036854775807 9223372036854775807 9223372036854775807 9223372036854775807\n\n"
                                  "9223372036854775807\n\n9223372036854775807 9223372036854775807\n\n";
  for (int i = 0; i < 25 * 6; ++i) beside += "9223372036854775807\n\n";
  for (const char* label : kTable3Labels) beside += std::string(label) + " 9223372036854775807\n\n";
  ogi_fuzz::check_parse(boxes);
  ogi_fuzz::check_parse(beside);
}
