// The section-3 table: applications received and how they were handled (report-format.md).
// Rows are found by their labels; a row's values are the numbers and blank cells that follow its
// label. A row with exactly seven values is read in column order; a shorter one only where the
// layout's positions settle every value's column; anything else is left out and named.
#include <algorithm>
#include <string>

#include "tables/rows.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {
namespace {

using R = ApplicationRow;
constexpr std::size_t kCols = key_count<ApplicantColumn>();

int k(R r) { return static_cast<int>(r); }

const std::vector<RowSpec>& specs() {
  static const std::vector<RowSpec> s = {
      {k(R::new_received), {"本年新收", "新收政府信息"}, "一、", {}},
      {k(R::carried_over), {"上年结转"}, "二、", {}},
      {k(R::granted), {"予以公开"}, "(一)", {}},
      {k(R::partly_granted), {"部分公开"}, "(二)", {}},
      {k(R::denied_state_secret), {"国家秘密"}, "1.", {}},
      {k(R::denied_law_prohibits), {"法律行政法规", "其他法律", "禁止公开"}, "2.", {}},
      {k(R::denied_security_stability), {"三安全一稳定", "危及"}, "3.", {}},
      {k(R::denied_third_party), {"第三方"}, "4.", {}},
      {k(R::denied_internal_affairs), {"内部事务"}, "5.", {}},
      {k(R::denied_process_info), {"过程性"}, "6.", {}},
      {k(R::denied_enforcement_file), {"执法案卷"}, "7.", {}},
      {k(R::denied_admin_query), {"行政查询"}, "8.", {}},
      {k(R::unable_not_held), {"不掌握"}, "1.", {}},
      {k(R::unable_needs_creation), {"另行制作", "没有现成"}, "2.", {}},
      {k(R::unable_unclear), {"仍不明确", "补正后申请"}, "3.", {}},
      {k(R::ignored_complaint), {"信访", "举报投诉"}, "1.", {}},
      {k(R::ignored_repeated), {"重复申请"}, "2.", {}},
      {k(R::ignored_publication), {"出版物"}, "3.", {}},
      {k(R::ignored_excessive), {"大量反复"}, "4.", {}},
      {k(R::ignored_confirmation), {"确认或重新出具", "重新出具", "要求行政机关确认"}, "5.", {}},
      {k(R::other), {"其他处理"}, "(六)", {}},
      {k(R::other_no_correction), {"逾期不补正", "无正当理由逾期"}, "1.", {}},
      {k(R::other_unpaid_fee), {"收费通知", "缴纳费用"}, "2.", {}},
      {k(R::other_other), {}, "3.", "其他"},
      {k(R::total), {"总计"}, "(七)", {}, 2},
      {k(R::carried_forward), {"结转下年度", "下年度继续"}, "四、", {}},
  };
  return s;
}

Diagnostic row_diag(std::string code, R row, std::string msg, Span span) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::warning;
  d.table = to_string(TableKey::applications);
  d.row = to_string(row);
  d.message = std::move(msg);
  d.span = span;
  return d;
}

}  // namespace

std::optional<ApplicationsTable> read_applications(const text::NormalizedText& nt, Region region,
                                                   std::vector<Diagnostic>& diags) {
  static const std::vector<std::string_view> groups{"三、本年度办理结果", "(三)不予公开", "(四)无法提供",
                                                    "(五)不予处理", "(六)其他处理", "申请人情况", "法人或其他组织"};
  RowScan scan = scan_rows(nt, region.first, region.last, specs(), groups);
  if (scan.rows.size() < 3) return std::nullopt;  // a stray label or two is not a table

  ApplicationsTable t;
  t.span = nt.span(nt.lines[scan.rows.front().label_line].begin, nt.lines[scan.rows.back().label_line].end);
  bool has_2021_other = std::any_of(scan.rows.begin(), scan.rows.end(), [](const RowValues& r) {
    return r.key == k(R::other_no_correction) || r.key == k(R::other_unpaid_fee) || r.key == k(R::other_other);
  });
  bool uncertain = false;
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    const RowValues& rv = scan.rows[i];
    auto row = static_cast<R>(rv.key);
    Span label = nt.span(rv.label_begin, rv.label_end);
    // In the 2021 layout （六）其他处理 is only a group label over its three sub-rows.
    if (row == R::other && has_2021_other && rv.values.empty()) continue;
    std::vector<Piece> values = rv.values;
    while (values.size() > kCols && values.back().kind == PieceKind::blank) values.pop_back();
    if (values.size() == kCols) {
      for (std::size_t c = 0; c < kCols; ++c)
        t.cells.set(row, static_cast<ApplicantColumn>(c), make_cell(nt, values[c]));
      continue;
    }
    if (!rv.values.empty() && rv.values.size() < kCols) {
      auto placed = place_by_position(scan, i, kCols, nt);
      if (!placed.empty()) {
        for (std::size_t c = 0; c < kCols; ++c) {
          Cell cell;
          if (placed[c]) cell = make_cell(nt, *placed[c]);
          else cell.span = Span{label.end, label.end, label.line};  // a gap in the layout: blank
          t.cells.set(row, static_cast<ApplicantColumn>(c), std::move(cell));
        }
        continue;
      }
    }
    uncertain = true;
    diags.push_back(row_diag(
        rv.values.empty() ? "table.row_values_missing" : "table.row_values_unplaced", row,
        "「" + std::string(nt.text.substr(rv.label_begin, rv.label_end - rv.label_begin)) + "」行读到 " +
            std::to_string(rv.values.size()) + " 个数值，应为 7 个，无法确定各值所属列，该行未输出",
        label));
  }
  t.status = uncertain ? TableStatus::uncertain : TableStatus::ok;
  return t;
}

}  // namespace ogi::tables
