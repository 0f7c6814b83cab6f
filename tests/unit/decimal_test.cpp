// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ogi/decimal.hpp"

using ogi::Decimal;

TEST_CASE("decimal parses integers and keeps their text") {
  auto d = Decimal::parse("4119");
  REQUIRE(d);
  CHECK(d->to_string() == "4119");
  CHECK(d->as_integer() == 4119);
}

TEST_CASE("decimal keeps money exact and as written") {
  auto d = Decimal::parse("7730.28");
  REQUIRE(d);
  CHECK(d->to_string() == "7730.28");
  CHECK_FALSE(d->is_integer());
  CHECK(Decimal::parse("0.05")->to_string() == "0.05");
  CHECK(Decimal::parse("1.50")->to_string() == "1.50");
}

TEST_CASE("decimal equality is by value") { CHECK(*Decimal::parse("1.50") == *Decimal::parse("1.5")); }

TEST_CASE("decimal accepts signs") {
  CHECK(Decimal::parse("-3")->to_string() == "-3");
  CHECK(Decimal::parse("+1036")->to_string() == "1036");
}

TEST_CASE("decimal refuses what is not a number") {
  CHECK_FALSE(Decimal::parse(""));
  CHECK_FALSE(Decimal::parse("1."));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse("12a"));
}

TEST_CASE("decimal refuses numbers too long to hold exactly instead of throwing") {
  CHECK_FALSE(Decimal::parse(std::string(400, '9')));
  CHECK(Decimal::parse("999999999999999999"));  // 18 digits fit
}
