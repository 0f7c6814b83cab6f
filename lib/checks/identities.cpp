// SPDX-License-Identifier: Apache-2.0
// R1–R4 (report-format.md, "Identities"), as the template states them (lib/template). Blank
// cells count as 0, as the template says; the message says so when a blank took part. Sums are
// exact whatever the numbers (wide integers at the cells' common scale). An identity whose cells
// are not all present is still checked where it can be: parts already larger than their total
// (counts are never negative), a total of 0 over parts that are not.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "checks/checks.hpp"
#include "model/finding.hpp"
#include "template/template.hpp"

namespace ogi::checks {
namespace {

__extension__ typedef __int128 Wide;

/// An exact sum of decimals: every value brought to scale 18 (|units| < 10^18, so each term is
/// below 10^36 and any sum of the template's few terms fits in 128 bits).
struct Sum {
  Wide units = 0;
  bool blank = false;  ///< a blank cell took part (counted as 0)
  void add(const Decimal& d, int sign) {
    static constexpr auto kPow10 = [] {
      std::array<std::int64_t, 19> p{};
      p[0] = 1;
      for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
      return p;
    }();
    Wide v = d.units;
    if (d.scale < 18) v *= kPow10[18u - d.scale];
    units += sign * v;
  }
  /// As written: the fewest decimals that show the value exactly.
  std::string to_string() const {
    Wide v = units < 0 ? -units : units;
    std::string digits;
    do {
      digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
      v /= 10;
    } while (v > 0);
    while (digits.size() < 19) digits.insert(digits.begin(), '0');
    std::string whole = digits.substr(0, digits.size() - 18), frac = digits.substr(digits.size() - 18);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return (units < 0 ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
  }
};

std::string blank_note(bool any_blank) { return any_blank ? "（空白按 0 计）" : ""; }

/// The cells of one side of an identity in a grid: their sum, whether all are present, the span
/// of the first present one.
template <class Row, class Col>
struct Side {
  Sum sum;
  bool complete = true;
  int present = 0;
  bool negative = false;  ///< a present value is below zero
  Span span;
  const Grid<Row, Col>& grid;
  const std::vector<templates::CellRef>& cells;
  Side(const Grid<Row, Col>& g, const std::vector<templates::CellRef>& refs) : grid(g), cells(refs) {
    for (const templates::CellRef& ref : cells) {
      const Cell* x = g.cell(static_cast<Row>(ref.row), static_cast<Col>(ref.col));
      if (!x) {
        complete = false;
        continue;
      }
      if (present++ == 0) span = x->span;
      if (x->value) sum.add(*x->value, 1);
      sum.blank |= !x->value;
      negative |= x->value && x->value->units < 0;
    }
  }
  /// Cell i's value as written (a blank as 0), of a complete side: only a message needs the text.
  std::string value_text(std::size_t i) const {
    const Cell* x = grid.cell(static_cast<Row>(cells[i].row), static_cast<Col>(cells[i].col));
    return x && x->value ? x->value->to_string() : "0";
  }
};

template <class Row, class Col>
class Checker {
 public:
  Checker(TableKey table, const Grid<Row, Col>& g, std::vector<Diagnostic>& out) : table_(table), g_(g), out_(out) {}

  /// Checks one identity; true when the document breaks it.
  bool check(const templates::Identity& id) {
    Side<Row, Col> plus(g_, id.plus), minus(g_, id.minus);
    if (plus.present == 0 || minus.present == 0) return false;
    bool blank = plus.sum.blank || minus.sum.blank;
    if (plus.complete && minus.complete) {
      if (plus.sum.units == minus.sum.units) return false;
      report(id, message(id, plus, minus) + blank_note(blank), plus.span.line ? plus.span : minus.span);
      return true;
    }
    // Partly read: counts are never negative, so parts larger than a whole total break it.
    if (minus.complete && minus.present == 1 && plus.sum.units > minus.sum.units && !plus.negative) {
      report(id, partial_message(id, plus, minus) + blank_note(blank), minus.span);
      return true;
    }
    return false;
  }

 private:
  TableKey table_;
  const Grid<Row, Col>& g_;
  std::vector<Diagnostic>& out_;

  std::string_view col_label(int c) const { return templates::column_label(table_, c); }
  std::string_view row_label(int r) const { return templates::row_label(table_, r); }
  std::string_view short_row(int r) const { return templates::short_row_label(table_, r); }
  std::string table_name() const { return std::string(templates::table(table_).name); }

  std::string message(const templates::Identity& id, const Side<Row, Col>& plus, const Side<Row, Col>& minus) const {
    if (id.code == "identity.column_balance") {
      // 新收 a + 上年结转 b = s，≠ 办理总计 c + 结转下年度 d = t
      auto side = [&](const std::vector<templates::CellRef>& cells, const Side<Row, Col>& s) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i)
          text += (i ? " + " : "") + std::string(short_row(cells[i].row)) + " " + s.value_text(i);
        return text + " = " + s.sum.to_string();
      };
      return table_name() + "「" + std::string(col_label(id.col)) + "」列：" + side(id.plus, plus) + "，≠ " +
             side(id.minus, minus);
    }
    if (id.code == "identity.column_total")
      return table_name() + "「" + std::string(col_label(id.col)) + "」列：各办理结果之和 " + plus.sum.to_string() +
             "，填报总计 " + minus.sum.to_string();
    if (id.code == "identity.row_total")
      return table_name() + "「" + std::string(row_label(id.row)) + "」行 总计列：各列之和 " + plus.sum.to_string() +
             "，填报 " + minus.sum.to_string();
    return table_name() + "「" + std::string(row_label(id.row)) + "」：维持、纠正、其他、尚未审结之和 " +
           plus.sum.to_string() + "，填报总计 " + minus.sum.to_string();
  }

  std::string partial_message(const templates::Identity& id, const Side<Row, Col>& plus,
                              const Side<Row, Col>& minus) const {
    std::string where = id.col >= 0 ? "「" + std::string(col_label(id.col)) + "」列" : "「" + std::string(row_label(id.row)) + "」";
    return table_name() + where + "：已读到的各项之和 " + plus.sum.to_string() + " 已大于填报的总计 " +
           minus.sum.to_string() + "（其余单元格未读到）";
  }

  void report(const templates::Identity& id, std::string msg, Span span) {
    std::string_view row = id.row >= 0 ? to_string(static_cast<Row>(id.row)) : std::string_view{};
    std::string_view col = id.col >= 0 ? to_string(static_cast<Col>(id.col)) : std::string_view{};
    out_.push_back(model::finding(std::string(id.code), Severity::warning, table_, row, col, std::move(msg), span));
  }
};

/// The template's identities, built once per table and kind of （六） rows.
const std::vector<templates::Identity>& identities_of(TableKey key, templates::OtherRows other) {
  using O = templates::OtherRows;
  static const std::vector<templates::Identity> applications_three = templates::identities(TableKey::applications, O::three),
                                                applications_single = templates::identities(TableKey::applications, O::single),
                                                review = templates::identities(TableKey::review_litigation, O::three),
                                                none;
  if (key == TableKey::applications) return other == O::single ? applications_single : applications_three;
  return key == TableKey::review_litigation ? review : none;
}

/// Broken identities from which a table's reading is named as a whole. A document's own slip
/// breaks two or three (a total row with every application under 自然人 breaks three column
/// balances: the reference report; a wrong row total breaks its row and the total column), and a
/// document printing no totals under its outcome rows some twelve, which the message allows for;
/// a misread table — values under the wrong columns, rows shifted — breaks them in many rows and
/// columns at once, and a cell whose row and column break nothing is as suspect as the rest
/// (pdftotext -layout set 1909 of 社会公益组织 under 法律服务机构, and table 3 broke twenty).
constexpr int kManyBroken = 8;

template <class Row, class Col>
bool check_table(TableKey key, const Grid<Row, Col>& g, templates::OtherRows other, std::vector<Diagnostic>& out) {
  Checker<Row, Col> checker(key, g, out);
  const std::size_t first = out.size();
  int broken = 0;
  for (const templates::Identity& id : identities_of(key, other)) broken += checker.check(id) ? 1 : 0;
  if (broken >= kManyBroken)
    out.push_back(model::finding("identity.many_broken", Severity::warning, key, {}, {},
                                 std::string(templates::table(key).name) + "有 " +
                                     std::to_string(broken) +
                                     " 项勾稽关系不成立：原文本身有误，或文本中的数值没有读进各自的行和列；请对照原文核对全表",
                                 out[first].span));  // (where the first broken one stands)
  return broken > 0;
}

}  // namespace

void check_identities(Report& report) {
  auto settle = [](TableStatus& s, bool broken) {
    if (broken && s == TableStatus::ok) s = TableStatus::inconsistent;
  };
  if (report.applications) {
    const auto& g = report.applications->cells;
    // the identities of the rows the document has: the 2019 single （六） row or the 2021 three
    auto other = g.has_row(ApplicationRow::other) ? templates::OtherRows::single : templates::OtherRows::three;
    settle(report.applications->status, check_table(TableKey::applications, g, other, report.diagnostics));
  }
  if (report.review_litigation)
    settle(report.review_litigation->status,
           check_table(TableKey::review_litigation, report.review_litigation->cells, templates::OtherRows::three,
                       report.diagnostics));
}

}  // namespace ogi::checks
