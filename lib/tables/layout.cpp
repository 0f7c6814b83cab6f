// SPDX-License-Identifier: Apache-2.0
// Printed layouts of the three tables, built from the template's data (layout.hpp).
#include "tables/layout.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace ogi::tables {

int Layout::row_of(int key) const {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == key) return static_cast<int>(i);
  return -1;
}

Layout make_layout(TableKey table, TemplateVersion version, templates::OtherRows other) {
  Layout l;
  l.table = table;
  l.version = version;
  l.other = other;
  l.def = &templates::table(table);
  switch (table) {
    case TableKey::active_disclosure:
      for (auto& [key, cols] : templates::active_rows(version)) {
        PrintedRow r{key, {}, {}};
        for (int c : cols) r.cells.push_back({key, c});
        l.rows.push_back(std::move(r));
      }
      break;
    case TableKey::applications:
      for (int key : templates::applications_rows(other)) {
        PrintedRow r{key, {}, {}};
        for (const templates::ColumnDef& c : l.def->columns) r.cells.push_back({key, c.key});
        l.rows.push_back(std::move(r));
      }
      break;
    case TableKey::review_litigation: {
      l.single_row = true;
      PrintedRow r{-1, {}, {}};
      for (const templates::RowDef& g : l.def->rows)
        for (const templates::ColumnDef& c : l.def->columns) r.cells.push_back({g.key, c.key});
      l.rows.push_back(std::move(r));
      break;
    }
  }
  for (PrintedRow& r : l.rows) {
    if (r.cells.size() > kMostCells) throw std::logic_error("a printed row of more cells than a placement holds");
    r.columns.reserve(r.cells.size());
    for (const templates::CellRef& c : r.cells) r.columns.push_back(c.col);
  }
  l.template_identities = templates::identities(table, other);
  // Each template cell → its printed position.
  auto locate = [&](templates::CellRef ref) -> std::pair<int, int> {
    for (std::size_t r = 0; r < l.rows.size(); ++r)
      for (std::size_t c = 0; c < l.rows[r].cells.size(); ++c)
        if (l.rows[r].cells[c] == ref) return {static_cast<int>(r), static_cast<int>(c)};
    return {-1, -1};
  };
  for (std::size_t i = 0; i < l.template_identities.size(); ++i) {
    const templates::Identity& id = l.template_identities[i];
    LinearIdentity li;
    li.source = static_cast<int>(i);
    bool complete = true;
    for (int sign : {1, -1})
      for (templates::CellRef ref : sign > 0 ? id.plus : id.minus) {
        auto [r, c] = locate(ref);
        if (r < 0) { complete = false; continue; }
        li.terms.push_back({r, c, sign});
      }
    if (!complete || li.terms.empty()) continue;
    li.one_row = std::all_of(li.terms.begin(), li.terms.end(), [&](const Term& t) { return t.row == li.terms[0].row; });
    l.identities.push_back(std::move(li));
  }
  l.total_cell.assign(l.rows.size(), -1);
  l.row_identities.resize(l.rows.size());
  std::vector<int> totals(l.rows.size(), 0);
  for (const LinearIdentity& li : l.identities) {
    if (!li.one_row) continue;
    const auto r = static_cast<std::size_t>(li.terms.front().row);
    l.row_identities[r].push_back(static_cast<int>(&li - l.identities.data()));
    int minus = -1, count = 0;
    for (const Term& t : li.terms)
      if (t.sign < 0) minus = t.cell, ++count;
    l.total_cell[r] = count == 1 && ++totals[r] == 1 ? minus : -1;
  }
  return l;
}

const Layout& cached_layout(TableKey table, TemplateVersion version, templates::OtherRows other) {
  // Every layout the tables are read in, built on first use (a thread-safe static).
  using Key = std::tuple<TableKey, TemplateVersion, templates::OtherRows>;
  static const std::map<Key, Layout> all = [] {
    using enum templates::OtherRows;
    std::map<Key, Layout> m;
    for (Key k : {Key{TableKey::active_disclosure, TemplateVersion::v2019, three},
                  Key{TableKey::active_disclosure, TemplateVersion::v2021, three},
                  Key{TableKey::applications, TemplateVersion::unknown, three},
                  Key{TableKey::applications, TemplateVersion::unknown, single},
                  Key{TableKey::review_litigation, TemplateVersion::unknown, three}})
      m.emplace(k, std::apply(make_layout, k));
    return m;
  }();
  return all.at(Key{table, version, other});
}

}  // namespace ogi::tables
