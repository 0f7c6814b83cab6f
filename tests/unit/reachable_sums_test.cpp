// SPDX-License-Identifier: Apache-2.0
// The placement search's reachable sums (tables/sums.hpp): a set of integers as bits over a
// window, shifted by a reading's contribution and met against another set.
#include <catch2/catch.hpp>

#include "tables/sums.hpp"

using ogi::tables::SumSet;
using ogi::tables::Wide;

namespace {

bool has(const SumSet& s, Wide v, Wide base, std::size_t width) {
  SumSet one(base, width);
  one.insert(v);
  return s.meets_shifted(one, 0);
}

}  // namespace

TEST_CASE("a sum shifted up or down across word boundaries lands on its value", "[sums]") {
  const Wide base = -100;
  const std::size_t width = 300;
  SumSet from(base, width);
  from.insert(-37);
  from.insert(5);
  for (Wide shift : {Wide{0}, Wide{1}, Wide{63}, Wide{64}, Wide{65}, Wide{130}, Wide{-1}, Wide{-64}, Wide{-63}}) {
    SumSet to(base, width);
    to.insert_shifted(from, shift);
    CHECK(has(to, -37 + shift, base, width) == (-37 + shift >= base));
    CHECK(has(to, 5 + shift, base, width) == (5 + shift < base + static_cast<Wide>(width)));
    CHECK_FALSE(has(to, 6 + shift, base, width));
  }
}

TEST_CASE("a sum shifted out of the window is dropped, not wrapped", "[sums]") {
  SumSet from(0, 100);
  from.insert(99);
  SumSet to(0, 100);
  to.insert_shifted(from, 1);
  CHECK(to.empty());
  to.insert_shifted(from, -200);
  CHECK(to.empty());
}

TEST_CASE("keeping the sums between two bounds clears the rest", "[sums]") {
  SumSet s(-10, 200);
  for (Wide v = -10; v < 190; ++v) s.insert(v);
  s.keep_between(0, 70);
  CHECK_FALSE(has(s, -1, -10, 200));
  CHECK(has(s, 0, -10, 200));
  CHECK(has(s, 70, -10, 200));
  CHECK_FALSE(has(s, 71, -10, 200));
  s.keep_between(500, 600);
  CHECK(s.empty());
}

TEST_CASE("two sets meet where a sum of one plus the shift is in the other", "[sums]") {
  SumSet before(-50, 100), after(-50, 100);
  before.insert(-30);  // the rows before took 30 away
  after.insert(-10);   // the rows after must bring -10 back to 0
  CHECK(before.meets_shifted(after, 20));   // a reading adding 20 completes the identity
  CHECK_FALSE(before.meets_shifted(after, 19));
  CHECK_FALSE(before.meets_shifted(after, 200));
}
