// SPDX-License-Identifier: Apache-2.0
// Table cells as they look in the wild (report-format.md, "Cells in the wild").
#include <catch2/catch.hpp>

#include "tables/candidate.hpp"

using ogi::tables::classify;
using Kind = ogi::tables::TokenKind;

namespace {
Kind kind(std::string_view s) {
  std::optional<ogi::Decimal> v;
  std::string_view u;
  return classify(s, v, u);
}
std::string value(std::string_view s) {
  std::optional<ogi::Decimal> v;
  std::string_view u;
  classify(s, v, u);
  return v ? v->to_string() : "none";
}
}  // namespace

TEST_CASE("blank markers are blank cells") {
  for (auto s : {"", "-", "—", "/", "无", "  ", "\u2215", "——"}) CHECK(kind(s) == Kind::blank);
}

TEST_CASE("plain and signed numbers are numbers") {
  CHECK(value("12") == "12");
  CHECK(value("+1036") == "1036");
  CHECK(value("-3") == "-3");
  CHECK(value("减少3") == "-3");
}

TEST_CASE("thousands separators are read") { CHECK(value("1,234") == "1234"); }

TEST_CASE("a thousands separator in the wrong place is read but named") {
  std::optional<ogi::Decimal> v;
  std::string_view u;
  bool odd = false;
  CHECK(classify("1,0000", v, u, &odd) == Kind::number);
  CHECK(v->to_string() == "10000");
  CHECK(odd);
  odd = false;
  classify("1,234,567", v, u, &odd);
  CHECK_FALSE(odd);
}

TEST_CASE("a change written in words is signed") {
  CHECK(value("增加18") == "18");
  CHECK(value("减少12") == "-12");
}

TEST_CASE("units are kept apart from the number") {
  std::optional<ogi::Decimal> v;
  std::string_view u;
  CHECK(classify("251000元", v, u) == Kind::number);
  CHECK(v->to_string() == "251000");
  CHECK(u == "元");
  CHECK(classify("2.5万元", v, u) == Kind::number);
  CHECK(v->to_string() == "2.5");
  CHECK(u == "万元");
}

TEST_CASE("numbering and years are text not numbers") {
  CHECK(kind("1.") == Kind::text);
  CHECK(kind("(一)") == Kind::text);
  CHECK(kind("2021年") == Kind::text);
}

TEST_CASE("a 400-digit number is text not a crash") { CHECK(kind(std::string(400, '7')) == Kind::text); }

TEST_CASE("a blank written as such is a cell and an empty field is not") {
  using ogi::tables::written_blank;
  for (auto s : {"-", "—", "/", "无", " — "}) CHECK(written_blank(s));
  for (auto s : {"", "  ", "\t", "___", "\u00a0", " \u00a0 "}) CHECK_FALSE(written_blank(s));
}
