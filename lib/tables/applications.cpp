// SPDX-License-Identifier: Apache-2.0
// The section-3 table: applications received and how they were handled (report-format.md).
// Rows are found by their labels; a row's values are the numbers and blank cells that follow its
// label. A row with exactly seven values is read in column order; a shorter one only where the
// layout's positions settle every value's column; rows still unresolved go to the whole-table
// readings (applications_whole.cpp); anything else is left out and named.
#include <algorithm>
#include <string>

#include "model/finding.hpp"
#include "model/labels.hpp"
#include "tables/applications_whole.hpp"
#include "tables/blocks.hpp"
#include "tables/glued.hpp"
#include "tables/rows.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {
using namespace table3;
namespace {

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
      // The column header 总计 must not open the row: the row label carries its numbering.
      {k(R::total), {"(七)总计", "七、总计", "七.总计"}, "(七)", {}},
      {k(R::carried_forward), {"结转下年度", "下年度继续"}, "四、", {}},
  };
  return s;
}

/// Specs with the template's whole labels attached, for labels cut short.
const std::vector<RowSpec>& specs_with_labels() {
  static const std::vector<RowSpec> s = [] {
    std::vector<RowSpec> v = specs();
    static const std::vector<std::pair<int, std::string_view>> full{
      {k(R::new_received), "本年新收政府信息公开申请数量"},
      {k(R::carried_over), "上年结转政府信息公开申请数量"},
      {k(R::granted), "予以公开"},
      {k(R::partly_granted), "部分公开(区分处理的,只计这一情形,不计其他情形)"},
      {k(R::denied_state_secret), "属于国家秘密"},
      {k(R::denied_law_prohibits), "其他法律行政法规禁止公开"},
      {k(R::denied_security_stability), "危及\"三安全一稳定\""},
      {k(R::denied_third_party), "保护第三方合法权益"},
      {k(R::denied_internal_affairs), "属于三类内部事务信息"},
      {k(R::denied_process_info), "属于四类过程性信息"},
      {k(R::denied_enforcement_file), "属于行政执法案卷"},
      {k(R::denied_admin_query), "属于行政查询事项"},
      {k(R::unable_not_held), "本机关不掌握相关政府信息"},
      {k(R::unable_needs_creation), "没有现成信息需要另行制作"},
      {k(R::unable_unclear), "补正后申请内容仍不明确"},
      {k(R::ignored_complaint), "信访举报投诉类申请"},
      {k(R::ignored_repeated), "重复申请"},
      {k(R::ignored_publication), "要求提供公开出版物"},
      {k(R::ignored_excessive), "无正当理由大量反复申请"},
      {k(R::ignored_confirmation), "要求行政机关确认或重新出具已获取信息"},
      {k(R::other), "其他处理"},
      {k(R::other_no_correction), "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
      {k(R::other_unpaid_fee), "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
      {k(R::carried_forward), "结转下年度继续办理"},
    };
    for (auto& spec : v)
      for (auto& [key, label] : full)
        if (spec.key == key) spec.full = label;
    return v;
  }();
  return s;
}

Diagnostic row_diag(std::string code, R row, std::string msg, Span span) {
  return model::finding(std::move(code), Severity::warning, TableKey::applications, to_string(row), {}, std::move(msg), span);
}

}  // namespace

std::optional<ApplicationsTable> read_applications(const text::NormalizedText& nt, Region region,
                                                   std::vector<Diagnostic>& diags) {
  static const std::vector<std::string_view> groups{"三、本年度办理结果", "(三)不予公开", "(四)无法提供",
                                                    "(五)不予处理", "(六)其他处理", "申请人情况", "法人或其他组织"};
  RowScan scan = scan_rows(nt, region, specs_with_labels(), groups);
  if (scan.rows.size() < 3) return std::nullopt;  // a stray label or two is not a table

  ApplicationsTable t;
  t.span = nt.span(nt.lines[scan.rows.front().label_line].begin, nt.lines[scan.rows.back().label_line].end);
  bool has_2021_other = std::any_of(scan.rows.begin(), scan.rows.end(), [](const RowValues& r) {
    return r.key == k(R::other_no_correction) || r.key == k(R::other_unpaid_fee) || r.key == k(R::other_other);
  });
  // Phase 1: decide each scanned row's seven values (or leave it unresolved).
  std::vector<std::vector<Piece>> got(scan.rows.size());
  std::vector<std::string> why(scan.rows.size());
  auto trimmed = [&](std::vector<Piece> v) { return without_filler_blanks(nt, std::move(v), kCols); };
  // A block's labels must be template neighbours: labels out of template order (scattered by a
  // reading order) say nothing about which values follow them.
  const std::vector<int> present = row_keys(scan, has_2021_other);
  auto neighbours = [&](const std::vector<std::size_t>& idx) {
    for (std::size_t r = 1; r < idx.size(); ++r) {
      auto at = std::find(present.begin(), present.end(), scan.rows[idx[r - 1]].key);
      if (at == present.end() || at + 1 == present.end() || *(at + 1) != scan.rows[idx[r]].key) return false;
    }
    return true;
  };
  auto take_block = [&](const std::vector<std::size_t>& idx, const std::vector<Piece>& values) {
    if (!neighbours(idx)) {
      for (std::size_t i : idx) why[i] = "分块排列的数值所对应的行标签不按模板顺序相邻，无法确定所属行";
      return;
    }
    auto order = decide_block_order(values, idx.size(), kCols);
    for (std::size_t r = 0; r < idx.size(); ++r) {
      if (!order) {
        why[idx[r]] = "分块排列的数值无法按行合计唯一确定行列顺序";
        continue;
      }
      for (std::size_t c = 0; c < kCols; ++c) got[idx[r]].push_back(block_value(values, idx.size(), kCols, *order, r, c));
    }
  };
  // Values before any row label can only be the first template row's, whose label came late.
  {
    auto orphans = trimmed(scan.orphans);
    for (std::size_t i = 0; i < scan.rows.size(); ++i)
      if (scan.rows[i].key == k(R::new_received) && scan.rows[i].values.empty() && orphans.size() == kCols &&
          decide_block_order(orphans, 1, kCols))
        got[i] = orphans;
  }
  std::vector<std::size_t> pending;  // labels still waiting for their values, in order
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    const RowValues& rv = scan.rows[i];
    if (group_label_only(rv, has_2021_other)) continue;
    if (!got[i].empty()) continue;
    std::vector<Piece> values = trimmed(rv.values);
    if (values.size() == 1 && values[0].glued) {
      // one run of glued digits: the split that makes the row add up, if there is exactly one
      auto cells = split_glued(nt, values[0], kCols, [](const std::vector<std::int64_t>& v) {
        std::int64_t sum = 0;
        for (std::size_t c = 0; c + 1 < v.size(); ++c) sum += v[c];
        return sum == v.back();
      });
      if (cells) {
        // the only split that adds up is taken; said (info), so a reader can see how it was read
        std::string parts;
        for (const Piece& c : *cells) parts += (parts.empty() ? "" : "|") + c.value->to_string();
        auto d = row_diag("table.glued_split", static_cast<R>(rv.key),
                          "数值粘连（" + std::string(nt.text.substr(values[0].begin, values[0].end - values[0].begin)) +
                              "），按行合计唯一拆分为 " + parts,
                          nt.span(values[0].begin, values[0].end));
        d.severity = Severity::info;
        diags.push_back(std::move(d));
        got[i] = std::move(*cells);
      }
      else why[i] = "数值粘连（" + std::string(nt.text.substr(values[0].begin, values[0].end - values[0].begin)) +
                    "），无法唯一拆分为满足行合计的 7 个数";
      pending.clear();
      continue;
    }
    if (values.empty()) {
      std::vector<Piece> blanks;  // one cell per line, each followed by an empty line: all blank?
      if (auto placed = place_by_gaps(scan, i, kCols, nt, blanks); !placed.empty()) {
        for (const Piece* p : placed) got[i].push_back(*p);
        pending.clear();
        continue;
      }
      pending.push_back(i);
      continue;
    }
    if (!pending.empty() && values.size() == kCols * (pending.size() + 1)) {
      // a run of labels, then one run of values for all of them
      pending.push_back(i);
      take_block(pending, values);
      pending.clear();
      continue;
    }
    pending.clear();
    if (values.size() == kCols) {
      got[i] = values;
      continue;
    }
    if (values.size() > kCols && values.size() % kCols == 0) {
      // this row's values, then a block for the labels that follow (values before labels)
      std::size_t m = values.size() / kCols - 1;
      std::vector<std::size_t> next;
      for (std::size_t j = i + 1; j < scan.rows.size() && next.size() < m; ++j) {
        if (!scan.rows[j].values.empty() || !got[j].empty()) break;
        if (group_label_only(scan.rows[j], has_2021_other)) continue;
        next.push_back(j);
      }
      next.insert(next.begin(), i);
      if (next.size() == m + 1 && neighbours(next)) {
        got[i].assign(values.begin(), values.begin() + kCols);
        next.erase(next.begin());
        take_block(next, std::vector<Piece>(values.begin() + kCols, values.end()));
        continue;
      }
    }
    if (values.size() < kCols) {
      std::vector<Piece> blanks;
      auto placed = place_by_gaps(scan, i, kCols, nt, blanks);
      if (!placed.empty()) {
        for (const Piece* p : placed) got[i].push_back(*p);
        continue;
      }
      placed = place_by_position(scan, i, kCols, nt);
      if (!placed.empty()) {
        for (std::size_t c = 0; c < kCols; ++c) {
          Piece gap;
          gap.kind = PieceKind::blank;  // a gap in the layout: a blank cell
          gap.begin = gap.end = rv.label_end;
          got[i].push_back(placed[c] ? *placed[c] : gap);
        }
        continue;
      }
    }
  }

  // Rows left unresolved: the whole table read in value order, if exactly one reading of the
  // values in template row order satisfies every identity (pdftotext's default mode).
  read_rest_in_value_order(scan, has_2021_other, got, why, diags, nt);
  // Rows still short, each with its own values: which columns their blanks were, by the identities.
  std::vector<std::vector<std::optional<Piece>>> partly(scan.rows.size());
  read_rest_by_identities(scan, has_2021_other, got, partly, why, diags, nt);

  // Phase 2: cells and diagnostics.
  bool uncertain = false;
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    const RowValues& rv = scan.rows[i];
    auto row = static_cast<R>(rv.key);
    if (group_label_only(rv, has_2021_other) && got[i].empty()) continue;
    if (got[i].size() == kCols) {
      for (std::size_t c = 0; c < kCols; ++c) {
        t.cells.set(row, static_cast<ApplicantColumn>(c), make_cell(nt, got[i][c]));
        note_damage(diags, TableKey::applications, to_string(row), to_string(static_cast<ApplicantColumn>(c)), nt, got[i][c]);
      }
      continue;
    }
    uncertain = true;
    bool some_out = false;
    for (std::size_t c = 0; c < partly[i].size(); ++c)
      if (partly[i][c]) {
        t.cells.set(row, static_cast<ApplicantColumn>(c), make_cell(nt, *partly[i][c]));
        some_out = true;
      }
    std::string label_text(nt.text.substr(rv.label_begin, rv.label_end - rv.label_begin));
    diags.push_back(row_diag(
        rv.values.empty() ? "table.row_values_missing" : "table.row_values_unplaced", row,
        "「" + label_text + "」行" +
            (why[i].empty() ? "读到 " + std::to_string(rv.values.size()) + " 个数值，应为 7 个，无法确定各值所属列"
                            : why[i]) +
            (some_out ? "，这些列未输出" : "，该行未输出"),
        nt.span(rv.label_begin, rv.label_end)));
  }
  // Template rows whose label never appeared: say so (a cell that is absent is always named).
  bool has_2019_other = std::any_of(scan.rows.begin(), scan.rows.end(), [&](const RowValues& r) {
    return r.key == k(R::other) && !has_2021_other;
  });
  for (std::size_t ri = 0; ri < key_count<R>(); ++ri) {
    auto row = static_cast<R>(ri);
    if (row == R::other && has_2021_other) continue;
    if ((row == R::other_no_correction || row == R::other_unpaid_fee || row == R::other_other) && has_2019_other)
      continue;
    if (row == R::other && !has_2019_other && !has_2021_other) continue;  // which （六） form is unknown
    bool found = std::any_of(scan.rows.begin(), scan.rows.end(), [&](const RowValues& r) { return r.key == k(row); });
    if (found) continue;
    uncertain = true;
    diags.push_back(row_diag("table.row_not_found", row,
                             "表三没有找到「" + std::string(model::label(row)) + "」行", t.span));
  }
  t.status = uncertain ? TableStatus::uncertain : TableStatus::ok;
  return t;
}

}  // namespace ogi::tables
