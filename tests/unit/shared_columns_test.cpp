// SPDX-License-Identifier: Apache-2.0
// Columns a page's rows share (lib/tables/shared_columns.hpp): which values one position ties.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tables/shared_columns.hpp"

using namespace ogi::tables;

namespace {

// A value `width` characters wide starting at character column `col` of page `page` (display
// columns the same: digits only).
ValueSpot at(std::uint32_t token, int col, int width, std::uint32_t page = 0) {
  ValueSpot s;
  s.token = token;
  s.page = page;
  s.on_grid = true;
  const std::int32_t x[6] = {2 * col, 2 * col + width, 2 * (col + width), 2 * col, 2 * col + width, 2 * (col + width)};
  std::copy(std::begin(x), std::end(x), std::begin(s.x));
  return s;
}

}  // namespace

TEST_CASE("values at one position on a page stand in one column") {
  // 本机关不掌握 `20 5 28`, 补正后… `3 3` (pdftotext -layout, the empty columns closed up)
  const std::vector<std::vector<ValueSpot>> rows{{at(0, 25, 2), at(1, 30, 1), at(2, 46, 2)}, {at(3, 25, 1), at(4, 46, 1)}};
  const SharedColumns s = find_shared_columns(rows, 5, 7);
  REQUIRE(s.page_groups.size() == 1);
  CHECK(s.page_groups[0].size() == 3);
  CHECK(s.group_of[0] == s.group_of[3]);
  CHECK(s.group_of[2] == s.group_of[4]);
  CHECK(s.group_of[1] != s.group_of[0]);
  CHECK(s.tied_to == std::vector<std::int32_t>{0, 0});
}

TEST_CASE("a value a column or two off its column's others ties no row of its page") {
  // `1195` and `4` in one right-aligned column: their right edges one apart, their left edges
  // four — no grouping every edge agrees on
  const std::vector<std::vector<ValueSpot>> rows{{at(0, 33, 1), at(1, 56, 4), at(2, 70, 4)}, {at(3, 60, 1), at(4, 73, 1)}};
  const SharedColumns s = find_shared_columns(rows, 5, 7);
  CHECK_FALSE(s.any());
  CHECK(s.tied_to == std::vector<std::int32_t>{-1, -1});
}

TEST_CASE("each page's rows are grouped on that page's positions") {
  // the same columns stand elsewhere on the next page (pdftotext -layout: a grid per page)
  const std::vector<std::vector<ValueSpot>> rows{{at(0, 25, 1), at(1, 46, 1)},
                                                 {at(2, 25, 1), at(3, 46, 1)},
                                                 {at(4, 29, 1, 1), at(5, 52, 1, 1)},
                                                 {at(6, 29, 1, 1), at(7, 52, 1, 1)}};
  const SharedColumns s = find_shared_columns(rows, 8, 7);
  REQUIRE(s.page_groups.size() == 2);
  CHECK(s.tied_to == std::vector<std::int32_t>{0, 0, 1, 1});
  CHECK(s.group_of[0] != s.group_of[4]);
}

TEST_CASE("a page with one row or more positions than cells ties nothing") {
  CHECK_FALSE(find_shared_columns({{at(0, 25, 1), at(1, 46, 1)}}, 2, 7).any());
  CHECK_FALSE(find_shared_columns({{at(0, 10, 1), at(1, 20, 1), at(2, 30, 1)}, {at(3, 10, 1), at(4, 40, 1)}}, 5, 3).any());
}
