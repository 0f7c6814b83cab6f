// SPDX-License-Identifier: Apache-2.0
// Plausibility (warning level): numbers that cannot be counts, and a year that contradicts itself.
#include <string>

#include "checks/checks.hpp"

namespace ogi::checks {
namespace {

template <class Row, class Col>
void counts(const std::optional<Table<Row, Col>>& t, TableKey key, std::vector<Diagnostic>& out) {
  if (!t) return;
  using G = std::decay_t<decltype(t->cells)>;
  for (std::size_t ri = 0; ri < G::rows; ++ri)
    for (std::size_t ci = 0; ci < G::cols; ++ci) {
      auto row = static_cast<Row>(ri);
      auto col = static_cast<Col>(ci);
      const Cell* c = t->cells.cell(row, col);
      if (!c || !c->value) continue;
      const char* code = nullptr;
      std::string why;
      if (c->value->units < 0) { code = "plausibility.negative_count"; why = "负数"; }
      else if (!c->value->is_integer()) { code = "plausibility.fractional_count"; why = "非整数"; }
      if (!code) continue;
      Diagnostic d;
      d.code = code;
      d.severity = Severity::warning;
      d.table = to_string(key);
      d.row = to_string(row);
      d.column = to_string(col);
      d.message = "件数为" + why + "：" + c->raw;
      d.span = c->span;
      out.push_back(std::move(d));
    }
}

}  // namespace

void check_plausibility(Report& report) {
  counts(report.applications, TableKey::applications, report.diagnostics);
  counts(report.review_litigation, TableKey::review_litigation, report.diagnostics);
}

}  // namespace ogi::checks
