// SPDX-License-Identifier: Apache-2.0
// The hostile-input catalogue (docs/limits.md): each input gets a clear error or a report whose
// invariants hold (tests/fuzz/invariants.hpp). Sizes here are kept small enough for CI; the
// linear-time and memory figures at full size are measured with ogi-bench (docs/limits.md).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "../fuzz/invariants.hpp"
#include "../support.hpp"
#include "ogi.h"

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

// ---- issue 17: the promises of docs/limits.md under attack --------------------------------------

namespace {
bool has_code(const ogi::Report& r, std::string_view code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

std::string to_encoding(const std::string& utf8, const char* to) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(to, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &st);
  REQUIRE(U_SUCCESS(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// A file of the test's own, removed at the end of the test.
struct TempPath {
  std::filesystem::path path;
  explicit TempPath(const std::string& name) : path(std::filesystem::temp_directory_path() / ("ogi-test-" + std::to_string(::getpid()) + "-" + name)) {
    std::filesystem::remove_all(path);
  }
  ~TempPath() { std::filesystem::remove_all(path); }
};
}  // namespace

TEST_CASE("hostile 17.4: a file half GB18030 and half UTF-8 is read region by region, and named") {
  std::string in = reference();
  std::size_t half = in.find("三、收到和处理");
  std::string mixed = to_encoding(in.substr(0, half), "GB18030") + in.substr(half);
  auto r = ogi::parse(mixed);
  REQUIRE(r);
  const ogi::Report& rep = r.report();
  CHECK(has_code(rep, "text.mixed_encoding"));
  CHECK(rep.encoding == "GB18030+UTF-8");
  CHECK(rep.sections.size() == ogi::parse(in).report().sections.size());
  CHECK(*rep.metadata.agency.value == "张店区人民政府办公室");
  REQUIRE(rep.active_disclosure);
  CHECK(rep.active_disclosure->status == ogi::TableStatus::ok);
  REQUIRE(rep.applications);
  CHECK(rep.applications->cells.cell(ogi::ApplicationRow::granted, ogi::ApplicantColumn::total)->value->to_string() == "8");
  ogi_fuzz::check_parse(mixed);
}

TEST_CASE("hostile 17.4: every standard table not found is named, whether or not its heading was") {
  std::string in = reference();
  std::size_t from = in.find("二、主动公开政府信息情况"), to = in.find("三、收到和处理");
  in.erase(from, to - from);  // section 2, heading and table, gone
  auto r = ogi::parse(in);
  REQUIRE(r);
  bool named = false;
  for (const auto& d : r.report().diagnostics) named |= d.code == "table.not_found" && d.table == "active_disclosure";
  CHECK(named);
  REQUIRE(r.report().active_disclosure);
  CHECK(r.report().active_disclosure->status == ogi::TableStatus::missing);
}

TEST_CASE("hostile 17.5: standard input named twice in a batch is read once") {
  std::vector<std::string> paths{"-", "-"};
  std::vector<ogi::ErrorCode> codes;
  std::vector<std::string> messages;
  ogi::parse_files(paths, 2, [&](ogi::BatchItem& item) {
    codes.push_back(item.result ? ogi::ErrorCode::ok : item.result.error().code);
    messages.push_back(item.result ? "" : item.result.error().message);
    return true;
  });
  REQUIRE(codes.size() == 2);
  CHECK(codes[1] == ogi::ErrorCode::io);
  CHECK(messages[1].find("标准输入") != std::string::npos);
}

TEST_CASE("hostile 17.6: a dangling symbolic link says so") {
  TempPath link("dangling.txt");
  std::filesystem::create_symlink(link.path.string() + "-nowhere", link.path);
  auto r = ogi::parse_file(link.path.string());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::io);
  CHECK(r.error().message.find("失效的符号链接") != std::string::npos);
}

TEST_CASE("hostile 17.6: a FIFO named is read as a stream") {
  TempPath fifo("fifo.txt");
  REQUIRE(::mkfifo(fifo.path.c_str(), 0600) == 0);
  const std::string report = reference();
  std::thread writer([&] {
    std::ofstream out(fifo.path, std::ios::binary);
    out << report;
  });
  auto r = ogi::parse_file(fifo.path.string());
  writer.join();
  REQUIRE(r);
  CHECK(*r.report().metadata.agency.value == "张店区人民政府办公室");
}

TEST_CASE("hostile 17.7: out of memory while parsing is an Error with its own code") {
  // the JSON of the reference, then a parse whose every allocation over 1 MiB fails
  std::string in = repeat(reference(), 200);
  ogi_test::FailLargeAllocations guard(1 << 20);
  auto r = ogi::parse(in);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::out_of_memory);
  CHECK(ogi::to_string(r.error().code) == "out_of_memory");
}

TEST_CASE("hostile 17.9: standard input and streams stop at the limit while they are read") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  const std::size_t total = 8 << 20;
  std::thread writer([&] {
    std::string chunk(1 << 16, 'a');
    while (written < total) {
      ssize_t n = ::write(fds[1], chunk.data(), chunk.size());
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  ogi::ParseOptions o;
  o.max_input_bytes = 100000;
  auto r = ogi::parse_file("/dev/fd/" + std::to_string(fds[0]), o);
  ::close(fds[0]);  // the writer now fails instead of blocking
  writer.join();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::too_large);
  CHECK(written < total);  // reading stopped at the limit; it did not drain the stream
}

TEST_CASE("hostile 17.11: a directory given as a file says it is one") {
  TempPath dir("a-directory.txt");
  std::filesystem::create_directory(dir.path);
  auto r = ogi::parse_file(dir.path.string());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::io);
  CHECK(r.error().message.find("是目录") != std::string::npos);
  // and through the C API: not "too large"
  ogi_document* doc = nullptr;
  char* err = nullptr;
  CHECK(ogi_parse_file(dir.path.c_str(), nullptr, &doc, &err) == OGI_ERROR_IO);
  REQUIRE(err);
  CHECK(std::string(err).find("是目录") != std::string::npos);
  ogi_free(err);
}

TEST_CASE("hostile 17.12: UTF-16 without a byte order mark is told by its bytes") {
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    INFO(enc);
    auto r = ogi::parse(to_encoding(reference(), enc));
    REQUIRE(r);
    CHECK(r.report().encoding == enc);
    CHECK(has_code(r.report(), "text.utf16_without_bom"));
    CHECK(*r.report().metadata.agency.value == "张店区人民政府办公室");
  }
}

TEST_CASE("hostile 17.13: devices of zeros and random bytes are refused after their first bytes") {
  for (const char* dev : {"/dev/zero", "/dev/urandom"}) {
    INFO(dev);
    auto r = ogi::parse_file(dev);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ogi::ErrorCode::not_text);
  }
}

TEST_CASE("hostile 17.13: NUL bytes after the first 8 KiB are named, or refused when they are many") {
  std::string in = reference() + std::string(20, '\0') + "\n";
  auto few = ogi::parse(in);
  REQUIRE(few);
  CHECK(has_code(few.report(), "text.control_characters"));
  auto many = ogi::parse(reference() + std::string(100000, '\0'));
  REQUIRE_FALSE(many);
  CHECK(many.error().code == ogi::ErrorCode::not_text);
  CHECK(many.error().message.find("NUL") != std::string::npos);
}

TEST_CASE("hostile 17.14: a file name that is not UTF-8 is escaped in JSON and CSV") {
  auto r = ogi::parse(reference());
  REQUIRE(r);
  const std::string name = "reports/\xB1\xA8\xB8\xE6%.txt";  // 报告 in GBK, and a %
  std::string json = ogi::to_json(r.report(), ogi::JsonOptions{false, name});
  CHECK(ogi::is_valid_utf8(json));
  CHECK(json.find("\"path\":\"reports/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD%.txt\"") != std::string::npos);
  CHECK(json.find("\"path_bytes\":\"reports/%B1%A8%B8%E6%25.txt\"") != std::string::npos);
  CHECK(ogi::is_valid_utf8(ogi::error_json(name, ogi::Error{ogi::ErrorCode::io, "cannot open '" + name + "'", 0})));
  CHECK(ogi::is_valid_utf8(ogi::csv_row(name, r.report())));
}

TEST_CASE("hostile 17.15: an escape sequence in a heading neither hides the section nor reaches the terminal") {
  std::string in = reference();
  auto at = in.find("三、收到和处理政府信息公开申请情况");
  in.insert(at, "\x1b[31m");
  auto r = ogi::parse(in);
  REQUIRE(r);
  CHECK(r.report().sections.size() == ogi::parse(reference()).report().sections.size());
  CHECK(r.report().applications->status == ogi::parse(reference()).report().applications->status);
  bool named = false;
  for (const auto& d : r.report().diagnostics)
    named |= d.code == "text.control_characters" && d.message.find("ESC") != std::string::npos;
  CHECK(named);
  CHECK(ogi::printable("a\x1b[31mb\x07") == "a\u241B[31mb\u2407");
  CHECK(ogi::printable("\xE2\x80\xAE") == "<U+202E>");
}
