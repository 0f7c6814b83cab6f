// SPDX-License-Identifier: Apache-2.0
// The bounds an identity still sets where a row of it was not read (lib/tables/bounds.hpp).
#include <catch2/catch.hpp>

#include "ogi/keys.hpp"
#include "tables/bounds.hpp"

using namespace ogi;
using namespace ogi::tables;

namespace {

/// Table 3 with one （六） row (2019), every row read blank but those the test sets.
struct Table3 {
  const Layout& layout = cached_layout(TableKey::applications, TemplateVersion::unknown, templates::OtherRows::single);
  Candidate cand;
  std::vector<RowOptions> options;

  Table3() {
    for (const PrintedRow& r : layout.rows) {
      RowOptions o;
      o.placements.emplace_back(r.cells.size(), -1);
      o.evidence = Evidence::count;
      options.push_back(o);
    }
  }
  std::size_t row(ApplicationRow k) const { return static_cast<std::size_t>(layout.row_of(static_cast<int>(k))); }
  std::int32_t number(const char* v) {
    Token t;
    t.kind = TokenKind::number;
    t.value = Decimal::parse(v);
    cand.tokens.push_back(t);
    return static_cast<std::int32_t>(cand.tokens.size() - 1);
  }
  /// A placement of row k: `value` in cell `cell` and in the row's total.
  Placement one_value(ApplicationRow k, std::size_t cell, std::int32_t value) const {
    Placement p(layout.rows[row(k)].cells.size(), -1);
    p[cell] = value;
    p[static_cast<std::size_t>(layout.total_cell[row(k)])] = value;
    return p;
  }
  /// Row k read as `value` in any one organisation column and its total (the blanks left no trace).
  void open_row(ApplicationRow k, std::int32_t value) {
    RowOptions& o = options[row(k)];
    o.placements.clear();
    for (std::size_t c = 0; c + 1 < layout.rows[row(k)].cells.size(); ++c) o.placements.push_back(one_value(k, c, value));
    o.evidence = Evidence::open;
  }
  void not_read(ApplicationRow k) {
    options[row(k)].placements.clear();
    options[row(k)].evidence = Evidence::none;
  }
  std::vector<bool> narrow() { return narrow_by_bounds(cand, layout, options, std::vector<bool>(layout.rows.size(), false)); }
};

}  // namespace

TEST_CASE("a part never exceeds its total where another part of it was not read") {
  Table3 t;
  t.options[t.row(ApplicationRow::total)].placements = {t.one_value(ApplicationRow::total, 0, t.number("61"))};
  t.open_row(ApplicationRow::granted, t.number("20"));
  t.not_read(ApplicationRow::ignored_publication);
  const std::vector<bool> narrowed = t.narrow();
  REQUIRE(narrowed.size() == t.layout.rows.size());
  CHECK(narrowed[t.row(ApplicationRow::granted)]);
  // only 自然人 has room for 20: the other columns' totals are blank
  const auto& left = t.options[t.row(ApplicationRow::granted)].placements;
  REQUIRE(left.size() == 1);
  CHECK(left.front()[0] >= 0);
}

TEST_CASE("where every row is read the bounds decide nothing: the search evaluates each identity whole") {
  Table3 t;
  t.options[t.row(ApplicationRow::total)].placements = {t.one_value(ApplicationRow::total, 0, t.number("20"))};
  t.open_row(ApplicationRow::granted, t.number("20"));
  CHECK(t.narrow().empty());
  CHECK(t.options[t.row(ApplicationRow::granted)].placements.size() == 6);
}

TEST_CASE("a bound no reading of a row keeps decides nothing: the document's finding") {
  Table3 t;
  t.options[t.row(ApplicationRow::total)].placements = {t.one_value(ApplicationRow::total, 0, t.number("5"))};
  t.open_row(ApplicationRow::granted, t.number("20"));
  t.not_read(ApplicationRow::ignored_publication);
  CHECK(t.narrow().empty());
  CHECK(t.options[t.row(ApplicationRow::granted)].placements.size() == 6);
}

TEST_CASE("a total read only in ways that break its own total bounds nothing") {
  Table3 t;
  Placement broken(t.layout.rows[t.row(ApplicationRow::total)].cells.size(), -1);
  broken[0] = t.number("61");  // its own total blank: not the row's values as printed
  t.options[t.row(ApplicationRow::total)].placements = {broken};
  t.open_row(ApplicationRow::granted, t.number("20"));
  t.not_read(ApplicationRow::ignored_publication);
  CHECK(t.narrow().empty());
}

TEST_CASE("table 2 is never narrowed by bounds: a change may be below 0") {
  const Layout& l = cached_layout(TableKey::active_disclosure, TemplateVersion::v2019, templates::OtherRows::three);
  Candidate cand;
  std::vector<RowOptions> options(l.rows.size());
  CHECK(narrow_by_bounds(cand, l, options, std::vector<bool>(l.rows.size(), false)).empty());
}
