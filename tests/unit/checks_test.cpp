// SPDX-License-Identifier: Apache-2.0
// The checks: identities, narrative against tables, plausibility — each both ways.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ogi/ogi.hpp"

namespace {
std::string reference() { return ogi_test::read_file(ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt"); }

std::string replaced(std::string s, std::string_view from, std::string_view to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

int count(const ogi::Report& r, std::string_view prefix, std::string_view row = {}, std::string_view column = {}) {
  int n = 0;
  for (const auto& d : r.diagnostics)
    if (d.code.rfind(prefix, 0) == 0 && (row.empty() || d.row == row) && (column.empty() || d.column == column)) ++n;
  return n;
}

ogi::Report parsed(const std::string& s) {
  auto r = ogi::parse(s);
  REQUIRE(r);
  return std::move(r).report();
}
}  // namespace

TEST_CASE("the reference report's narrative agrees with its tables") {
  auto r = parsed(reference());
  CHECK(count(r, "narrative.") == 0);
  CHECK(count(r, "plausibility.") == 0);
}

TEST_CASE("a stated count that differs from the table is named") {
  auto r = parsed(replaced(reference(), "其中予以公开 8 件", "其中予以公开 9 件"));
  CHECK(count(r, "narrative.count_mismatch", "granted", "total") == 1);
}

TEST_CASE("a stated applicant count that differs from the table is named") {
  auto r = parsed(replaced(reference(), "其中自然人申请 12 件", "其中自然人申请 13 件"));
  CHECK(count(r, "narrative.count_mismatch", "new_received", "natural_person") == 1);
}

TEST_CASE("a stated table-2 count that differs from the table is named") {
  auto r = parsed(replaced(reference(), "新制作行政规范性文件4件", "新制作行政规范性文件5件"));
  CHECK(count(r, "narrative.count_mismatch", "normative_documents", "made") == 1);
}

TEST_CASE("a stated 其他处理 count is compared with the （六） rows' totals") {
  auto r = parsed(replaced(reference(), "2021 年度，我机关办理", "其他处理 3 件。2021 年度，我机关办理"));
  CHECK(count(r, "narrative.count_mismatch") == 1);
  CHECK(count(parsed(replaced(reference(), "2021 年度，我机关办理", "其他处理 0 件。2021 年度，我机关办理")), "narrative.") == 0);
}

TEST_CASE("a stated 上年度结转 count is compared with 上年结转's total") {
  auto r = parsed(replaced(reference(), "2021 年度，我机关办理", "含上年度结转申请 2 件。2021 年度，我机关办理"));
  CHECK(count(r, "narrative.count_mismatch", "carried_over", "total") == 1);
}

TEST_CASE("a stated percentage that does not follow from the counts is named") {
  auto r = parsed(replaced(reference(), "占 50.00%", "占 60.00%"));
  CHECK(count(r, "narrative.percentage_mismatch", "granted") == 1);
  CHECK(count(r, "narrative.count_mismatch") == 0);
}

TEST_CASE("a percentage rounded at the document's own precision agrees") {
  // 2/16 = 12.5%: "12.5%" and "13%" are both the same figure at their precision
  CHECK(count(parsed(replaced(reference(), "占 12.50%", "占 12.5%")), "narrative.") == 0);
  CHECK(count(parsed(replaced(reference(), "占 12.50%", "占 13%")), "narrative.") == 0);
}

TEST_CASE("figures of a wider scope are not compared") {
  auto r = parsed(replaced(reference(), "2021 年度，我机关办理", "2021 年度，全区共受理申请 99 件，予以公开 77 件；我机关办理"));
  CHECK(count(r, "narrative.") == 0);
}

TEST_CASE("a combined figure is not read as one of its parts") {
  auto r = parsed(replaced(reference(), "其中予以公开 8 件，占 50.00%", "其中予以公开及部分公开 8 件"));
  CHECK(count(r, "narrative.") == 0);
}

TEST_CASE("sentences the patterns do not cover produce nothing") {
  auto r = parsed(replaced(reference(), "2021 年度，我机关办理", "受理3259件，办理3278件，处理40件。2021 年度，我机关办理"));
  CHECK(count(r, "narrative.") == 0);
}

TEST_CASE("a negative count is implausible") {
  std::string s = replaced(reference(), "二、上年结转政府信息公开申请数量\t\t0\t0", "二、上年结转政府信息公开申请数量\t\t0\t-1");
  auto r = parsed(s);
  CHECK(count(r, "plausibility.negative_count", "carried_over", "commercial") == 1);
}

TEST_CASE("a fractional count is implausible") {
  auto r = parsed(replaced(reference(), "5. 属于三类内部事务信息\t2\t", "5. 属于三类内部事务信息\t2.5\t"));
  CHECK(count(r, "plausibility.fractional_count", "denied_internal_affairs", "natural_person") == 1);
}

TEST_CASE("a row total that does not add up is named with both sides and its line") {
  auto r = parsed(replaced(reference(), "(一) 予以公开\t8\t0\t0\t0\t0\t0\t8", "(一) 予以公开\t8\t0\t0\t0\t0\t0\t9"));
  REQUIRE(count(r, "identity.row_total", "granted") == 1);
  for (const auto& d : r.diagnostics)
    if (d.code == "identity.row_total") {
      CHECK(d.message.find("各列之和 8，填报 9") != std::string::npos);
      CHECK(d.span.line == 102);
    }
  CHECK(r.applications->status == ogi::TableStatus::inconsistent);
}

TEST_CASE("a table breaking many identities at once is named as a whole") {
  // rows whose values slipped a column (a misread layout) break identities in many columns
  std::string s = replaced(reference(), "一、本年新收政府信息公开申请数量\t\t12\t2\t2\t0\t0\t0\t16",
                           "一、本年新收政府信息公开申请数量\t\t0\t12\t2\t2\t0\t0\t16");
  s = replaced(s, "(一) 予以公开\t8\t0\t0\t0\t0\t0\t8", "(一) 予以公开\t0\t0\t8\t0\t0\t0\t8");
  s = replaced(s, "5. 属于三类内部事务信息\t2\t0\t0\t0\t0\t0\t2", "5. 属于三类内部事务信息\t0\t0\t0\t2\t0\t0\t2");
  s = replaced(s, "(七) 总计\t16\t0\t0\t0\t0\t0\t16", "(七) 总计\t0\t0\t0\t0\t16\t0\t16");
  auto r = parsed(s);
  REQUIRE(count(r, "identity.many_broken") == 1);
  for (const auto& d : r.diagnostics)
    if (d.code == "identity.many_broken") {
      CHECK(d.table == "applications");
      CHECK(d.row.empty());
      CHECK(d.column.empty());
    }
}

TEST_CASE("a document's one slip is not named as a misread table") {
  auto r = parsed(replaced(reference(), "(一) 予以公开\t8\t0\t0\t0\t0\t0\t8", "(一) 予以公开\t8\t0\t0\t0\t0\t0\t9"));
  CHECK(count(r, "identity.many_broken") == 0);
}

TEST_CASE("a review group whose results do not add up is named") {
  std::string s = reference();
  // the reference prints sixteen values for fifteen cells; here the fifteen the table has
  const std::string sixteen = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";
  auto at = s.find(sixteen);
  REQUIRE(at != std::string::npos);
  s.replace(at, sixteen.size(), "3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
  auto r = parsed(s);
  CHECK(count(r, "identity.review_total", "review") == 1);
}

TEST_CASE("this year's carried-over must equal last year's carried-forward") {
  auto last = parsed(replaced(reference(), "四、结转下年度继续办理\t\t0\t0", "四、结转下年度继续办理\t\t3\t0"));
  auto now = parsed(replaced(reference(), "2021 年政府信息公开工作年度报告", "2022 年政府信息公开工作年度报告"));
  ogi::check_across_reports({&last, &now});
  CHECK(count(now, "year.carried_over_mismatch", "carried_over", "natural_person") == 1);
  CHECK(count(last, "year.") == 0);
}

TEST_CASE("consecutive reports that agree give no year finding") {
  auto last = parsed(reference());
  auto now = parsed(replaced(reference(), "2021 年政府信息公开工作年度报告", "2022 年政府信息公开工作年度报告"));
  ogi::check_across_reports({&now, &last});
  CHECK(count(now, "year.carried_over_mismatch") == 0);
}

TEST_CASE("the same agency and year twice is reported") {
  auto a = parsed(reference()), b = parsed(reference());
  ogi::check_across_reports({&a, &b});
  CHECK(count(b, "year.duplicate") == 1);
  CHECK(count(a, "year.duplicate") == 0);
}

TEST_CASE("a report year that contradicts the statistics period is named") {
  auto r = parsed(replaced(reference(), "统计期限自 2021 年 1 月 1 日", "统计期限自 2020 年 1 月 1 日"));
  CHECK(count(r, "plausibility.year_period") == 1);
  CHECK(count(parsed(reference()), "plausibility.year_period") == 0);
}
