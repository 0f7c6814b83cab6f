// SPDX-License-Identifier: Apache-2.0
// Year against year (include/ogi/across.hpp; report-format.md identity 5).
#include <map>
#include <string>

#include "model/finding.hpp"
#include "template/template.hpp"
#include "ogi/across.hpp"

namespace ogi {
namespace {

using model::finding;


void carried(const Report& last, Report& now) {
  if (!last.applications || !now.applications) return;
  for (std::size_t c = 0; c < key_count<ApplicantColumn>(); ++c) {
    auto col = static_cast<ApplicantColumn>(c);
    auto before = last.applications->cells.counted(ApplicationRow::carried_forward, col);
    auto after = now.applications->cells.counted(ApplicationRow::carried_over, col);
    if (!before || !after || *before == *after) continue;
    const Cell* cell = now.applications->cells.cell(ApplicationRow::carried_over, col);
    now.diagnostics.push_back(finding(
        "year.carried_over_mismatch", Severity::warning, TableKey::applications, to_string(ApplicationRow::carried_over),
        to_string(col),
        "表三「" + std::string(templates::label(col)) + "」列：本年上年结转 " + after->to_string() + "，上一年度报告结转下年度 " +
            before->to_string(),
        cell ? cell->span : Span{}));
  }
}

void in_force(const Report& last, Report& now) {
  if (!last.active_disclosure || !now.active_disclosure) return;
  for (ActiveRow row : {ActiveRow::rules, ActiveRow::normative_documents}) {
    const auto& a = last.active_disclosure->cells;
    const auto& b = now.active_disclosure->cells;
    auto prev = a.counted(row, ActiveColumn::in_force), made = b.counted(row, ActiveColumn::made),
         repealed = b.counted(row, ActiveColumn::repealed), cur = b.counted(row, ActiveColumn::in_force);
    if (!prev || !made || !repealed || !cur) continue;
    auto p = prev->as_integer(), m = made->as_integer(), r = repealed->as_integer(), c = cur->as_integer();
    if (!p || !m || !r || !c || *p + *m - *r == *c) continue;
    const Cell* cell = b.cell(row, ActiveColumn::in_force);
    now.diagnostics.push_back(finding("year.in_force_rollforward", Severity::info, TableKey::active_disclosure,
                                      to_string(row), to_string(ActiveColumn::in_force),
                                      "现行有效件数 " + std::to_string(*c) + "，上年 " + std::to_string(*p) + " + 制发 " +
                                          std::to_string(*m) + " − 废止 " + std::to_string(*r) + " = " +
                                          std::to_string(*p + *m - *r),
                                      cell ? cell->span : Span{}));
  }
}

}  // namespace

void check_across_reports(const std::vector<Report*>& reports) {
  std::map<std::pair<std::string, int>, Report*> seen;
  for (Report* r : reports) {
    if (!r || !r->metadata.agency || !r->metadata.year) continue;
    auto key = std::make_pair(*r->metadata.agency.value, *r->metadata.year.value);
    auto [it, fresh] = seen.emplace(key, r);
    if (!fresh) {
      Diagnostic d;
      d.code = "year.duplicate";
      d.severity = Severity::warning;
      d.message = "同一机关同一年度的报告出现两次：" + key.first + " " + std::to_string(key.second);
      d.span = r->metadata.year.span;
      r->diagnostics.push_back(std::move(d));
    }
  }
  for (auto& [key, now] : seen) {
    auto last = seen.find({key.first, key.second - 1});
    if (last == seen.end()) continue;
    carried(*last->second, *now);
    in_force(*last->second, *now);
  }
}

}  // namespace ogi
