// SPDX-License-Identifier: Apache-2.0
#include "tables/applications_whole.hpp"

#include <algorithm>
#include <bit>

#include "model/finding.hpp"
#include "model/labels.hpp"
#include "tables/identity_fit.hpp"
#include "tables/text_boxes.hpp"
#include "tables/value_order.hpp"

namespace ogi::tables::table3 {
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

namespace {

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

/// A cell settled by the identities but not read from a piece: a blank that vanished.
Piece vanished_blank(const RowValues& rv) {
  Piece gap;
  gap.kind = PieceKind::blank;
  gap.begin = gap.end = rv.label_end;
  return gap;
}

}  // namespace

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
  // Each overruled row is named by a diagnostic of its own, so that it flags that row's cells only.
  for (std::size_t i = 0; i < scan.rows.size(); ++i) {
    if (got[i].size() != kCols) continue;
    auto r = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), scan.rows[i].key) - keys.begin());
    bool differs = false;
    for (std::size_t c = 0; c < kCols && !differs; ++c) differs = got[i][c].value != (*read)[r][c].value;
    if (!differs) continue;
    const auto row = static_cast<R>(scan.rows[i].key);
    diags.push_back(model::finding("table.rows_overruled", Severity::warning, TableKey::applications, to_string(row), {},
                                   "「" + std::string(model::label(row)) +
                                       "」行标签后的数值与整表读法不一致（分页处下一页的数值紧跟上一页最后的行标签），"
                                       "已按各勾稽关系均成立的整表读法输出，请核对",
                                   nt.span(scan.rows[i].label_begin, scan.rows[i].label_end)));
  }
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

}  // namespace ogi::tables::table3
