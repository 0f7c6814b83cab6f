// SPDX-License-Identifier: Apache-2.0
// R1–R4 (report-format.md, "Identities"). Blank cells count as 0, as the template says; the
// message says so when a blank took part. A check whose cells are not all present is skipped:
// an absent cell has its own diagnostic already.
#include <array>
#include <string>
#include <vector>

#include "checks/checks.hpp"
#include "model/finding.hpp"
#include "model/labels.hpp"

namespace ogi::checks {
namespace {

using model::label;

using AR = ApplicationRow;
using AC = ApplicantColumn;

struct Term {
  std::optional<Decimal> value;  // counted value (blank = 0)
  bool blank = false;
  Span span;
};

template <class Row, class Col>
std::optional<Term> term(const Grid<Row, Col>& g, Row r, Col c) {
  const Cell* x = g.cell(r, c);
  if (!x) return std::nullopt;
  return Term{x->value ? *x->value : Decimal{}, !x->value.has_value(), x->span};
}

/// Sum of decimals at a common scale, as a Decimal (scales here are 0 for counts).
Decimal add(Decimal a, Decimal b) {
  while (a.scale < b.scale) { a.units *= 10; ++a.scale; }
  while (b.scale < a.scale) { b.units *= 10; ++b.scale; }
  return Decimal{a.units + b.units, a.scale};
}

std::string blank_note(bool any_blank) { return any_blank ? "（空白按 0 计）" : ""; }

Diagnostic make(std::string code, TableKey table, std::string_view row, std::string_view col, std::string msg,
                Span span) {
  return model::finding(std::move(code), Severity::warning, table, row, col, std::move(msg), span);
}

bool check_applications(const ApplicationsTable& t, std::vector<Diagnostic>& out) {
  const auto& g = t.cells;
  bool broken = false;
  // Which result rows this table has: the 2021 sub-rows or the single 2019 row.
  std::vector<AR> results;
  for (int r = static_cast<int>(AR::granted); r <= static_cast<int>(AR::other_other); ++r) {
    auto row = static_cast<AR>(r);
    if (g.has_row(row)) results.push_back(row);
  }
  bool all_results = g.has_row(AR::other) || (g.has_row(AR::other_no_correction) && g.has_row(AR::other_unpaid_fee) &&
                                              g.has_row(AR::other_other));
  for (int ci = 0; ci < static_cast<int>(key_count<AC>()); ++ci) {
    auto c = static_cast<AC>(ci);
    // R1: 新收 + 上年结转 = 办理总计 + 结转下年度
    auto a = term(g, AR::new_received, c), b = term(g, AR::carried_over, c), tt = term(g, AR::total, c),
         f = term(g, AR::carried_forward, c);
    if (a && b && tt && f) {
      Decimal lhs = add(*a->value, *b->value), rhs = add(*tt->value, *f->value);
      if (!(lhs == rhs)) {
        broken = true;
        out.push_back(make("identity.column_balance", TableKey::applications, {}, to_string(c),
                           std::string("表三「") + std::string(label(c)) + "」列：新收 " + a->value->to_string() +
                               " + 上年结转 " + b->value->to_string() + " = " + lhs.to_string() + "，≠ 办理总计 " +
                               tt->value->to_string() + " + 结转下年度 " + f->value->to_string() + " = " +
                               rhs.to_string() + blank_note(a->blank || b->blank || tt->blank || f->blank),
                           a->span));
      }
    }
    // R2: 总计 = the sum of every result row
    if (tt && all_results && results.size() >= 19) {
      Decimal sum;
      bool complete = true, any_blank = tt->blank;
      for (AR r : results) {
        auto x = term(g, r, c);
        if (!x) { complete = false; break; }
        sum = add(sum, *x->value);
        any_blank |= x->blank;
      }
      if (complete && !(sum == *tt->value)) {
        broken = true;
        out.push_back(make("identity.column_total", TableKey::applications, {}, to_string(c),
                           std::string("表三「") + std::string(label(c)) + "」列：各办理结果之和 " + sum.to_string() +
                               "，填报总计 " + tt->value->to_string() + blank_note(any_blank),
                           tt->span));
      }
    }
  }
  // R3: each row's 总计 = the sum of its six applicant columns
  for (int ri = 0; ri < static_cast<int>(key_count<AR>()); ++ri) {
    auto r = static_cast<AR>(ri);
    auto tot = term(g, r, AC::total);
    if (!tot) continue;
    Decimal sum;
    bool complete = true, any_blank = tot->blank;
    for (int ci = 0; ci < 6; ++ci) {
      auto x = term(g, r, static_cast<AC>(ci));
      if (!x) { complete = false; break; }
      sum = add(sum, *x->value);
      any_blank |= x->blank;
    }
    if (complete && !(sum == *tot->value)) {
      broken = true;
      out.push_back(make("identity.row_total", TableKey::applications, to_string(r), {},
                         std::string("表三「") + std::string(label(r)) + "」行 总计列：各列之和 " + sum.to_string() +
                             "，填报 " + tot->value->to_string() + blank_note(any_blank),
                         tot->span));
    }
  }
  return broken;
}

bool check_review(const ReviewLitigationTable& t, std::vector<Diagnostic>& out) {
  bool broken = false;
  for (int gi = 0; gi < 3; ++gi) {
    auto grp = static_cast<ReviewGroup>(gi);
    auto tot = term(t.cells, grp, ReviewColumn::total);
    if (!tot) continue;
    Decimal sum;
    bool complete = true, any_blank = tot->blank;
    for (int ci = 0; ci < 4; ++ci) {
      auto x = term(t.cells, grp, static_cast<ReviewColumn>(ci));
      if (!x) { complete = false; break; }
      sum = add(sum, *x->value);
      any_blank |= x->blank;
    }
    if (complete && !(sum == *tot->value)) {
      broken = true;
      out.push_back(make("identity.review_total", TableKey::review_litigation, to_string(grp), {},
                         std::string("表四「") + std::string(label(grp)) + "」：维持、纠正、其他、尚未审结之和 " +
                             sum.to_string() + "，填报总计 " + tot->value->to_string() + blank_note(any_blank),
                         tot->span));
    }
  }
  return broken;
}

}  // namespace

void check_identities(Report& report) {
  auto settle = [](TableStatus& s, bool broken) {
    if (broken && s == TableStatus::ok) s = TableStatus::inconsistent;
  };
  if (report.applications) settle(report.applications->status, check_applications(*report.applications, report.diagnostics));
  if (report.review_litigation)
    settle(report.review_litigation->status, check_review(*report.review_litigation, report.diagnostics));
}

}  // namespace ogi::checks
