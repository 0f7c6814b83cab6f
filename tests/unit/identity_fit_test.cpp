// SPDX-License-Identifier: Apache-2.0
// Rows whose blank cells vanished: which columns their values take, decided by the identities.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ogi/ogi.hpp"
#include "tables/identity_fit.hpp"

using namespace ogi;
using namespace ogi::tables;

namespace {

// A 3-column table: rows 0 and 1 are parts, row 2 their total (column by column).
std::vector<FitIdentity> column_totals(std::size_t ncols) {
  std::vector<FitIdentity> ids;
  for (std::size_t c = 0; c < ncols; ++c) ids.push_back({{0, c, 1}, {1, c, 1}, {2, c, -1}});
  return ids;
}

FitRow row(std::vector<std::int64_t> values, std::size_t ncols) {
  FitRow r;
  r.masks = all_placements(values.size(), ncols);
  r.values = std::move(values);
  return r;
}

FitRow fixed(std::vector<std::int64_t> values, std::uint32_t mask) {
  return FitRow{std::move(values), {mask}};
}

bool only(const std::vector<std::uint32_t>& used, std::uint32_t mask) { return used.size() == 1 && used[0] == mask; }

}  // namespace

TEST_CASE("a short row's values take the columns whose totals need them") {
  // total row 5 | 7 | 9 given in full; row 0 has 5 and 9 (its 7 vanished into row 1's column)
  std::vector<FitRow> rows{row({5, 2}, 3), row({5, 7}, 3), fixed({10, 7, 2}, 0b111)};
  auto fit = fit_by_identities(rows, column_totals(3));
  REQUIRE(fit);
  CHECK(only(fit->used[0], 0b101));  // 5 in column 0, 2 in column 2
  CHECK(only(fit->used[1], 0b011));  // 5 in column 0, 7 in column 1
  CHECK_FALSE(fit->set_aside);
}

TEST_CASE("columns the identities cannot tell apart stay open") {
  // nothing anchors which two of three columns hold the values: every shift fits
  std::vector<FitRow> rows{row({4}, 3), row({3}, 3), row({7}, 3)};
  auto fit = fit_by_identities(rows, column_totals(3));
  REQUIRE(fit);
  CHECK(fit->used[0].size() == 3);
}

TEST_CASE("a zero's column is never decided by the identities") {
  std::vector<FitRow> rows{row({0, 4}, 3), fixed({4}, 0b010), fixed({8}, 0b010)};
  auto fit = fit_by_identities(rows, column_totals(3));
  REQUIRE(fit);
  // 4 must be column 1; the zero before it may be column 0 only
  CHECK(only(fit->used[0], 0b011));
  std::vector<FitRow> rows2{row({4, 0}, 3), fixed({4}, 0b001), fixed({8}, 0b001)};
  auto fit2 = fit_by_identities(rows2, column_totals(3));
  REQUIRE(fit2);
  CHECK(fit2->used[0].size() == 2);  // 4 in column 0, the zero in column 1 or 2
}

TEST_CASE("the one identity a document breaks is set aside and named") {
  // column 2's total says 9, its parts say 1 + 1: no reading satisfies everything
  std::vector<FitRow> rows{fixed({3, 1}, 0b101), fixed({2, 1}, 0b101), fixed({5, 9}, 0b101)};
  auto fit = fit_by_identities(rows, column_totals(3));
  REQUIRE(fit);
  REQUIRE(fit->set_aside);
  CHECK(*fit->set_aside == 2);
}

TEST_CASE("values no reading fits give no reading") {
  std::vector<FitRow> rows{fixed({3}, 0b001), fixed({2}, 0b001), fixed({9}, 0b010)};
  CHECK_FALSE(fit_by_identities(rows, column_totals(3)));
}

TEST_CASE("a table too ambiguous to count is given up and not guessed") {
  // 40 rows of two values in 15 columns, one identity that every placement satisfies: 105^40
  // readings, far past the step budget
  std::vector<FitRow> rows;
  FitIdentity sum;
  std::int64_t all = 0;
  for (std::size_t r = 0; r < 40; ++r) {
    rows.push_back(row({static_cast<std::int64_t>(r % 3 + 1), 1}, 15));
    all += static_cast<std::int64_t>(r % 3 + 2);
    for (std::size_t c = 0; c < 15; ++c) sum.push_back({r, c, 1});
  }
  rows.push_back(fixed({all}, 1));
  sum.push_back({40, 0, -1});
  CHECK_FALSE(fit_by_identities(rows, {sum}));
}
