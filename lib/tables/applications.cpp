// The section-3 table: applications received and how they were handled (report-format.md).
// Rows are found by their labels; a row's values are the numbers and blank cells that follow its
// label. A row with exactly seven values is read in column order; a shorter one only where the
// layout's positions settle every value's column; anything else is left out and named.
#include <algorithm>
#include <bit>
#include <string>

#include "model/finding.hpp"
#include "model/labels.hpp"
#include "tables/blocks.hpp"
#include "tables/glued.hpp"
#include "tables/identity_fit.hpp"
#include "tables/rows.hpp"
#include "tables/text_boxes.hpp"
#include "tables/tables.hpp"
#include "tables/value_order.hpp"

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

/// （六）其他处理 in a 2021 table is the group label over its three rows, not a row of its own.
bool group_label_only(const RowValues& rv, bool has_2021_other) {
  return rv.key == k(R::other) && has_2021_other && rv.values.empty();
}

/// The keys of the table's rows, in template order.
std::vector<int> row_keys(const RowScan& scan, bool has_2021_other) {
  std::vector<int> keys;
  for (const RowValues& rv : scan.rows)
    if (!group_label_only(rv, has_2021_other)) keys.push_back(rv.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

/// Table 3's identities over its rows, the rows numbered as in `keys` (template order): each
/// row's 总计 as the sum of its other cells (R3), and per column the (七)总计 row as the sum of the
/// outcome rows (R2) and new + carried over = handled + carried forward (R1). Missing rows leave
/// out the identities that need them.
struct Table3Identities {
  std::vector<FitIdentity> rows;     ///< R3, one per row
  std::vector<FitIdentity> columns;  ///< R1 and R2, per column
  std::vector<std::string> column_names;
};

Table3Identities table3_identities(const std::vector<int>& keys) {
  Table3Identities t;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    FitIdentity row{{r, kCols - 1, -1}};
    for (std::size_t c = 0; c + 1 < kCols; ++c) row.push_back({r, c, 1});
    t.rows.push_back(std::move(row));
  }
  auto row_of = [&](R key) -> std::optional<std::size_t> {
    auto at = std::find(keys.begin(), keys.end(), k(key));
    if (at == keys.end()) return std::nullopt;
    return static_cast<std::size_t>(at - keys.begin());
  };
  auto fresh = row_of(R::new_received), carried = row_of(R::carried_over), total = row_of(R::total),
       forward = row_of(R::carried_forward);
  if (!fresh || !carried || !total || !forward) return t;
  for (std::size_t c = 0; c < kCols; ++c) {
    std::string column(model::label(static_cast<ApplicantColumn>(c)));
    t.columns.push_back({{*fresh, c, 1}, {*carried, c, 1}, {*total, c, -1}, {*forward, c, -1}});
    t.column_names.push_back("本年新收+上年结转=办理结果总计+结转下年度（" + column + "列）");
    FitIdentity sum{{*total, c, -1}};
    for (std::size_t r = 0; r < keys.size(); ++r)
      if (keys[r] >= k(R::granted) && keys[r] < k(R::total)) sum.push_back({r, c, 1});
    t.columns.push_back(std::move(sum));
    t.column_names.push_back("(七)总计=各办理结果之和（" + column + "列）");
  }
  return t;
}

/// Every identity of table 3 holds on a candidate grid of pieces (blank = 0).
bool identities_hold(const Table3Identities& ids, const std::vector<std::vector<const Piece*>>& grid) {
  if (ids.columns.empty()) return false;  // without the four summary rows nothing is verified
  auto cell = [&](std::size_t r, std::size_t c) -> std::optional<std::int64_t> {
    const Piece* p = grid[r][c];
    if (p->kind == PieceKind::blank || !p->value) return 0;
    return p->value->as_integer();
  };
  auto all = [&](const std::vector<FitIdentity>& list) {
    return std::all_of(list.begin(), list.end(), [&](const FitIdentity& id) { return holds(id, cell); });
  };
  return all(ids.rows) && all(ids.columns);
}

void read_rest_in_value_order(const RowScan& scan, bool has_2021_other, std::vector<std::vector<Piece>>& got,
                              std::vector<std::string>& why, std::vector<Diagnostic>& diags,
                              const text::NormalizedText& nt) {
  bool unresolved = false;
  for (std::size_t i = 0; i < scan.rows.size(); ++i)
    unresolved |= !group_label_only(scan.rows[i], has_2021_other) && got[i].size() != kCols;
  if (!unresolved) return;
  const std::vector<int> keys = row_keys(scan, has_2021_other);
  const Table3Identities ids = table3_identities(keys);
  auto check = [&](const std::vector<std::vector<const Piece*>>& g) { return identities_hold(ids, g); };
  auto read = read_in_value_order(scan, keys, kCols, check);
  // Which reading was taken, for the diagnostic: 0 value order, 1 text boxes, 2 first cells beside labels.
  int how = 0;
  if (!read && (read = read_text_boxes(scan, keys, kCols, check))) how = 1;
  if (!read && (read = read_first_cells_beside_labels(nt, scan, keys, kCols, check))) how = 2;
  if (!read) return;
  // A row read from the values after its label that this reading contradicts took another row's
  // values (at a page break the flow of the next page follows the last label of the page). The
  // reading in which every identity holds is taken, and the rows it overrules are named.
  std::string overruled;
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    if (got[i].size() != kCols) continue;
    auto r = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), scan.rows[i].key) - keys.begin());
    for (std::size_t c = 0; c < kCols; ++c)
      if (got[i][c].value != (*read)[r][c].value) {
        overruled += (overruled.empty() ? "「" : "、「") + std::string(model::label(static_cast<R>(scan.rows[i].key))) + "」";
        break;
      }
  }
  if (!overruled.empty())
    diags.push_back(model::finding("table.rows_overruled", Severity::warning, TableKey::applications, {}, {},
                                   overruled + "行标签后的数值与整表读法不一致（分页处下一页的数值紧跟上一页最后的行标签），"
                                               "已按各勾稽关系均成立的整表读法输出，请核对",
                                   nt.span(scan.rows.front().label_begin, scan.rows.back().label_end)));
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    auto at = std::find(keys.begin(), keys.end(), scan.rows[i].key);
    if (at == keys.end()) continue;
    got[i] = (*read)[static_cast<std::size_t>(at - keys.begin())];
    why[i].clear();
  }
  static constexpr const char* kMessages[] = {
      "行标签与数值不相邻（文本按阅读顺序导出）：数值按模板行序读取，各勾稽关系均成立",
      "表格各行被切成若干文本块、按文本块顺序导出：各块按行内列序、列内行序拼回，唯一满足各勾稽关系的读法",
      "部分行的首个数值与行标签同在一个文本块、随标签导出：这些值按行序补回各行首列，唯一满足各勾稽关系的读法"};
  Diagnostic d = model::finding(how == 0 ? "table.value_order" : "table.text_boxes", Severity::info, TableKey::applications, {}, {},
                                kMessages[how],
                                nt.span(read->front().front().begin, read->front().front().end));
  diags.push_back(std::move(d));
}

/// A cell settled by the identities but not read from a piece: a blank that vanished.
Piece vanished_blank(const RowValues& rv) {
  Piece gap;
  gap.kind = PieceKind::blank;
  gap.begin = gap.end = rv.label_end;
  return gap;
}

/// Rows left short where each row's values sit with their label, in column order, and only the
/// blank cells are gone (a layout dump in a proportional font: the positions do not line up with
/// the header). The identities — new + carried over = handled + carried forward per column, the
/// (七)总计 row as the sum of the outcome rows, and each row's 总计 where the row can satisfy it —
/// decide which columns each row's values skip; a cell is taken when every reading agrees on it.
/// `cells` receives the settled cells of rows that stay partly unsettled.
void read_rest_by_identities(const RowScan& scan, bool has_2021_other, std::vector<std::vector<Piece>>& got,
                             std::vector<std::vector<std::optional<Piece>>>& cells, std::vector<std::string>& why,
                             std::vector<Diagnostic>& diags, const text::NormalizedText& nt) {
  std::vector<std::size_t> rows;  // scan indexes of the table's rows
  bool unresolved = false;
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    if (group_label_only(scan.rows[i], has_2021_other)) continue;
    if (!rows.empty() && scan.rows[rows.back()].key >= scan.rows[i].key) return;  // out of template order
    rows.push_back(i);
    unresolved |= got[i].size() != kCols;
  }
  if (!unresolved) return;
  for (const Piece& p : scan.orphans)
    if (p.kind != PieceKind::blank) return;  // values away from every label: not this layout
  auto index_of = [&](R key) -> std::optional<std::size_t> {
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (scan.rows[rows[r]].key == k(key)) return r;
    return std::nullopt;
  };
  auto fresh = index_of(R::new_received), carried = index_of(R::carried_over), total = index_of(R::total),
       forward = index_of(R::carried_forward);
  if (!fresh || !carried || !total || !forward) return;
  // Every outcome row of the template must be here, or the column sums prove nothing.
  std::size_t outcomes = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    int key = scan.rows[rows[r]].key;
    outcomes += key >= k(R::granted) && key < k(R::total);
  }
  if (outcomes != (has_2021_other ? 21u : 19u)) return;

  std::vector<int> keys;
  for (std::size_t i : rows) keys.push_back(scan.rows[i].key);
  const Table3Identities ids = table3_identities(keys);
  std::vector<FitRow> fit(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t i = rows[r];
    FitRow& f = fit[r];
    if (got[i].size() == kCols) {  // settled already: its one placement
      std::uint32_t mask = 0;
      for (std::size_t c = 0; c < kCols; ++c) {
        const Piece& p = got[i][c];
        if (p.kind == PieceKind::blank) continue;
        auto v = p.value ? p.value->as_integer() : std::nullopt;
        if (!v) return;
        f.values.push_back(*v);
        mask |= 1u << c;
      }
      f.masks = {mask};
      continue;
    }
    const RowValues& rv = scan.rows[i];
    if (rv.interrupted || rv.values.size() > kCols) return;
    for (const Piece& p : rv.values) {
      auto v = p.kind == PieceKind::number && p.value && !p.glued ? p.value->as_integer() : std::nullopt;
      if (!v || *v < 0) return;  // a blank marker, a glued run, a decimal: not a row that lost blanks
      f.values.push_back(*v);
    }
    f.masks = all_placements(f.values.size(), kCols);
    // A row whose 总计 can be its sum must be read so (the document's own row total).
    std::vector<std::uint32_t> adding_up;
    for (std::uint32_t m : f.masks)
      if (holds(ids.rows[r], [&](std::size_t, std::size_t c) { return std::optional(placed_value(f, m, c)); }))
        adding_up.push_back(m);
    if (!adding_up.empty()) f.masks = std::move(adding_up);
  }
  auto result = fit_by_identities(fit, ids.columns);
  if (!result) return;

  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t i = rows[r];
    if (got[i].size() == kCols) continue;
    const RowValues& rv = scan.rows[i];
    const auto& used = result->used[r];
    std::vector<std::optional<Piece>> row(kCols);
    std::string unsettled;
    for (std::size_t c = 0; c < kCols; ++c) {
      auto piece_at = [&](std::uint32_t m) -> Piece {
        if (!(m >> c & 1u)) return vanished_blank(rv);
        return rv.values[static_cast<std::size_t>(std::popcount(m & ((1u << c) - 1u)))];
      };
      Piece first = piece_at(used.front());
      bool agree = std::all_of(used.begin(), used.end(), [&](std::uint32_t m) {
        Piece p = piece_at(m);
        return p.kind == first.kind && p.value == first.value;
      });
      if (agree) row[c] = first;
      else unsettled += (unsettled.empty() ? "" : "、") + std::string(model::label(static_cast<ApplicantColumn>(c)));
    }
    if (unsettled.empty()) {
      got[i].clear();
      for (auto& p : row) got[i].push_back(*p);
      why[i].clear();
    }
    else {
      cells[i] = std::move(row);
      why[i] = "读到 " + std::to_string(rv.values.size()) + " 个数值（空白单元格在转换中丢失），勾稽关系允许多种读法，" +
               unsettled + "列无法确定";
    }
  }
  std::string msg = "行内空白单元格在转换中丢失，数值与表头不对齐：各数值所属列由表内勾稽关系确定，取所有读法一致的单元格";
  if (result->set_aside) msg += "；文档自身的「" + ids.column_names[*result->set_aside] + "」不成立，未用于判断";
  const RowValues& first = scan.rows[rows.front()];
  diags.push_back(model::finding("table.columns_by_identities", Severity::info, TableKey::applications, {}, {}, std::move(msg),
                                 nt.span(first.label_begin, first.label_end)));
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
  auto trimmed = [](std::vector<Piece> v) { return without_filler_blanks(std::move(v), kCols); };
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
