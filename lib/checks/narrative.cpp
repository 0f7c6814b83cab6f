// SPDX-License-Identifier: Apache-2.0
// Narrative against tables (report-format.md, identity 6): the figures sections 1 and 3 state in
// words — 新收/收到 N 件, 其中自然人 N 件, 予以公开 N 件，占 P%, 行政复议 N 件 … — compared with the
// tables. The figures are read by the sections stage (template/statements.hpp says which).

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "checks/checks.hpp"
#include "template/statements.hpp"

namespace ogi::checks {
namespace {

using AR = ApplicationRow;
using AC = ApplicantColumn;

/// A table-3 cell as counted: blank = 0; a blank 总计 (some reports leave the column empty) is
/// what the row's own cells add up to; nullopt when a cell it needs is absent.
std::optional<std::int64_t> applications_cell(const Report& r, AR row, AC col) {
  if (!r.applications) return std::nullopt;
  const Cell* c = r.applications->cells.cell(row, col);
  if (!c) return std::nullopt;
  if (!c->value && col == AC::total) {
    std::int64_t sum = 0;
    for (int k = 0; k < 6; ++k) {
      auto v = r.applications->cells.counted(row, static_cast<AC>(k));
      if (!v || !v->as_integer()) return std::nullopt;
      sum += *v->as_integer();
    }
    return sum;
  }
  return c->value ? c->value->as_integer() : std::optional<std::int64_t>(0);
}

/// A table-2 or table-4 cell as counted (blank = 0); nullopt when the table or the cell is absent.
template <class Row, class Col>
std::optional<std::int64_t> counted_cell(const std::optional<Table<Row, Col>>& t, int row, int col) {
  if (!t) return std::nullopt;
  auto v = t->cells.counted(static_cast<Row>(row), static_cast<Col>(col));
  if (!v) return std::nullopt;
  return v->as_integer();
}

/// The table's value for a stated figure (the sum of its cells), or nullopt when a cell it needs
/// is absent.
std::optional<std::int64_t> table_value(const Report& r, const templates::StatedFigureDef& def) {
  std::int64_t sum = 0;
  for (const templates::CellRef& c : def.cells) {
    std::optional<std::int64_t> v;
    switch (def.table) {
      case TableKey::active_disclosure: v = counted_cell(r.active_disclosure, c.row, c.col); break;
      case TableKey::applications: v = applications_cell(r, static_cast<AR>(c.row), static_cast<AC>(c.col)); break;
      case TableKey::review_litigation: v = counted_cell(r.review_litigation, c.row, c.col); break;
    }
    if (!v) return std::nullopt;
    sum += *v;
  }
  return sum;
}

/// The diagnostic's row and column keys, in table `Row`/`Col`'s names, where the cells share one.
template <class Row, class Col>
void name_cells(const templates::CellRef& first, bool one_row, bool one_col, Diagnostic& d) {
  if (one_row) d.row = to_string(static_cast<Row>(first.row));
  if (one_col) d.column = to_string(static_cast<Col>(first.col));
}

/// Where the table value lives, for the diagnostic: the row and the column its cells share.
void locate(const templates::StatedFigureDef& def, Diagnostic& d) {
  d.table = to_string(def.table);
  const templates::CellRef& first = def.cells.front();
  bool one_row = std::all_of(def.cells.begin(), def.cells.end(), [&](const auto& c) { return c.row == first.row; });
  bool one_col = std::all_of(def.cells.begin(), def.cells.end(), [&](const auto& c) { return c.col == first.col; });
  switch (def.table) {
    case TableKey::active_disclosure: name_cells<ActiveRow, ActiveColumn>(first, one_row, one_col, d); break;
    case TableKey::applications: name_cells<AR, AC>(first, one_row, one_col, d); break;
    case TableKey::review_litigation: name_cells<ReviewGroup, ReviewColumn>(first, one_row, one_col, d); break;
  }
}

/// Does a stated percentage agree with count / base at the document's own precision?
bool percent_agrees(std::string_view stated, std::int64_t count, std::int64_t base) {
  if (base <= 0) return true;  // nothing to compare with
  auto dot = stated.find('.');
  int places = dot == std::string_view::npos ? 0 : static_cast<int>(stated.size() - dot - 1);
  double p = std::stod(std::string(stated));
  double exact = 100.0 * static_cast<double>(count) / static_cast<double>(base);
  return std::fabs(p - exact) <= std::pow(10.0, -places) + 1e-9;  // rounding either way, one unit
}

}  // namespace

void check_narrative(const text::NormalizedText& nt, const std::vector<templates::StatedFigure>& stated, Report& report) {
  const auto& defs = templates::stated_figures();
  // a share is of the applications handled (办理总计) or of those received (新收): the figures
  // that count those cells alone
  auto total_of = [&](AR row) -> const templates::StatedFigureDef* {
    auto it = std::find_if(defs.begin(), defs.end(), [&](const templates::StatedFigureDef& d) {
      return d.table == TableKey::applications && d.cells.size() == 1 &&
             d.cells[0] == templates::CellRef{static_cast<int>(row), static_cast<int>(AC::total)};
    });
    return it == defs.end() ? nullptr : &*it;
  };
  const templates::StatedFigureDef* processed = total_of(AR::total);
  const templates::StatedFigureDef* received = total_of(AR::new_received);
  for (const templates::StatedFigure& f : stated) {
    const templates::StatedFigureDef& def = defs[static_cast<std::size_t>(f.def)];
    auto table = table_value(report, def);
    if (!table) continue;
    Span where = nt.span(f.begin, f.end);
    if (f.count != *table) {
      Diagnostic d;
      d.code = "narrative.count_mismatch";
      d.severity = Severity::warning;
      locate(def, d);
      d.message = "正文「" + f.phrase + "」与表格不符：表格为 " + std::to_string(*table);
      d.span = where;
      report.diagnostics.push_back(std::move(d));
      continue;
    }
    if (f.share.empty()) continue;
    auto handled = processed ? table_value(report, *processed) : std::nullopt;
    auto got = received ? table_value(report, *received) : std::nullopt;
    bool ok = (handled && percent_agrees(f.share, f.count, *handled)) || (got && percent_agrees(f.share, f.count, *got));
    if (!ok && (handled || got)) {
      Diagnostic d;
      d.code = "narrative.percentage_mismatch";
      d.severity = Severity::warning;
      locate(def, d);
      d.message = "正文「" + f.phrase + "」的比例与数量不符：" + std::to_string(f.count) + " / " +
                  std::to_string(handled ? *handled : *got) + " ≠ " + f.share + "%";
      d.span = where;
      report.diagnostics.push_back(std::move(d));
    }
  }
}

}  // namespace ogi::checks
