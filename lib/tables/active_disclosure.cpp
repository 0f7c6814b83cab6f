// SPDX-License-Identifier: Apache-2.0
// The section-2 table: what was disclosed proactively (report-format.md). Four blocks in the 2021
// template, five in 2019; the header words tell the two apart.
#include <algorithm>
#include <array>
#include <string>

#include "model/finding.hpp"
#include "tables/glued.hpp"
#include "tables/rows.hpp"
#include "tables/tables.hpp"

namespace ogi::tables {
namespace {

using R = ActiveRow;
using C = ActiveColumn;
int k(R r) { return static_cast<int>(r); }

const std::vector<RowSpec>& specs() {
  // keywords for whole labels; `full` for labels cut short (html2text: "行政许")
  static const std::vector<RowSpec> s = {
      {k(R::rules), {"规章"}, {}, {}, -1, "规章", "(一)"},
      {k(R::normative_documents), {"规范性文件"}, {}, {}, -1, "规范性文件", "(一)", "行政规范性文件"},
      {k(R::licensing), {"行政许可"}, {}, {}, -1, "行政许可", "(五)"},
      {k(R::other_services), {"对外管理服务"}, {}, {}, -1, "其他对外管理服务事项", "(五)"},
      {k(R::penalty), {"行政处罚"}, {}, {}, -1, "行政处罚", "(六)"},
      {k(R::coercion), {"行政强制"}, {}, {}, -1, "行政强制", "(六)"},
      {k(R::fees), {"事业性收费"}, {}, {}, -1, "行政事业性收费", "(八)"},
      {k(R::procurement), {"集中采购"}, {}, {}, -1, "政府集中采购", "(九)"},
  };
  return s;
}

std::vector<C> columns(TemplateVersion v, R row) {
  if (v == TemplateVersion::v2019) {
    switch (row) {
      case R::rules: case R::normative_documents: return {C::made, C::published, C::total_published};
      case R::fees: return {C::previous_count, C::change};
      case R::procurement: return {C::projects, C::amount};
      default: return {C::previous_count, C::change, C::decisions};
    }
  }
  switch (row) {
    case R::rules: case R::normative_documents: return {C::made, C::repealed, C::in_force};
    case R::fees: return {C::amount};
    case R::other_services: case R::procurement: return {};
    default: return {C::decisions};
  }
}

/// The template the header words name, from the squeezed text of the table's lines.
TemplateVersion version_from_headers(const text::NormalizedText& nt, Region region) {
  for (std::size_t li = region.first; li < region.last; ++li) {
    std::string s = squeeze(nt.line_text(li));
    if (s.find("制发") != std::string::npos || s.find("废止") != std::string::npos ||
        s.find("现行有效") != std::string::npos)
      return TemplateVersion::v2021;
    if (s.find("制作") != std::string::npos || s.find("新公开") != std::string::npos ||
        s.find("对外公开") != std::string::npos || s.find("上一年") != std::string::npos ||
        s.find("采购") != std::string::npos)
      return TemplateVersion::v2019;
  }
  return TemplateVersion::unknown;
}

Diagnostic table_diag(std::string code, std::string_view row, std::string message, Span span) {
  return model::finding(std::move(code), Severity::warning, TableKey::active_disclosure, row, {}, std::move(message), span);
}

std::string label_text(const text::NormalizedText& nt, const RowValues& rv) {
  return std::string(nt.text.substr(rv.label_begin, rv.label_end - rv.label_begin));
}

/// The one value that stands between the 第二十条 block header before row i's label and the label,
/// when no other row label and no other value stand there; else null.
const Piece* value_before_label(const text::NormalizedText& nt, const RowScan& scan, std::size_t i) {
  const RowValues& rv = scan.rows[i];
  std::uint32_t from = i > 0 ? scan.rows[i - 1].label_end : 0;
  for (const Piece& p : i > 0 ? scan.rows[i - 1].values : std::vector<Piece>{}) from = std::max(from, p.end);
  auto header = std::string_view(nt.text).substr(from, rv.label_begin - from).rfind("第二十条");
  if (header == std::string_view::npos) return nullptr;
  std::uint32_t block = from + static_cast<std::uint32_t>(header);
  const Piece* found = nullptr;
  for (const Piece& p : scan.orphans) {
    if (p.begin < block || p.end > rv.label_begin) continue;
    if (found || p.kind != PieceKind::number) return nullptr;
    found = &p;
  }
  return found;
}

/// What the prose states of a table-2 row's three counts: "制发（的）（行政）规范性文件 88 件",
/// "现行有效行政规范性文件 698 件", "废止规章 2 件" — the row's word after a verb of its column within
/// one clause, then the count. Per column the counts stated (a column may be stated twice).
std::array<std::vector<std::int64_t>, 3> stated_counts(const text::NormalizedText& nt, std::string_view word) {
  static constexpr std::array<std::array<std::string_view, 3>, 3> verbs{{
      {"制发", "印发", "出台"}, {"废止", "", ""}, {"现行有效", "", ""}}};
  std::array<std::vector<std::int64_t>, 3> out;
  std::string_view all(nt.text);
  for (std::size_t at = all.find(word); at != std::string_view::npos; at = all.find(word, at + word.size())) {
    std::size_t d = at + word.size(), e = d;
    while (e < all.size() && e - d < 18 && all[e] >= '0' && all[e] <= '9') ++e;
    if (e == d || all.substr(e, 3) != "件") continue;
    // the clause before the word: back to the last 。，；, at most 24 bytes
    std::size_t from = at > 24 ? at - 24 : 0;
    std::string_view before = all.substr(from, at - from);
    for (std::string_view stop : {"。", "，", "；", ","})
      if (auto s = before.rfind(stop); s != std::string_view::npos) before = before.substr(s + stop.size());
    auto count = Decimal::parse(all.substr(d, e - d));
    if (!count) continue;
    for (std::size_t c = 0; c < 3; ++c)
      if (std::any_of(verbs[c].begin(), verbs[c].end(), [&](std::string_view v) { return !v.empty() && before.find(v) != std::string_view::npos; }))
        out[c].push_back(count->units);
  }
  return out;
}

}  // namespace

std::optional<ActiveDisclosureTable> read_active_disclosure(const text::NormalizedText& nt, Region region,
                                                            TemplateVersion& version_seen,
                                                            std::vector<Diagnostic>& diags) {
  // The table starts at its first block header; narrative before it may name 规章 too.
  for (std::size_t li = region.first; li < region.last; ++li) {
    std::string_view line = nt.line_text(li);
    auto at = std::min(line.find("第二十条"), line.find("信息内容"));
    if (at != std::string_view::npos && nt.lines[li].begin + at >= region.begin) {
      region.first = li;
      region.begin = std::max(region.begin, static_cast<std::uint32_t>(nt.lines[li].begin + at));
      break;
    }
  }
  RowScan scan = scan_rows(nt, region, specs());
  if (scan.rows.size() < 2) return std::nullopt;
  TemplateVersion v = version_from_headers(nt, region);
  if (v == TemplateVersion::unknown) {
    for (const RowValues& rv : scan.rows)
      if (rv.key == k(R::licensing) || rv.key == k(R::penalty)) {
        v = rv.values.size() == 3 ? TemplateVersion::v2019 : rv.values.size() == 1 ? TemplateVersion::v2021 : v;
        break;
      }
  }
  version_seen = v;

  ActiveDisclosureTable t;
  t.span = nt.span(nt.lines[scan.rows.front().label_line].begin, nt.lines[scan.rows.back().label_line].end);
  bool uncertain = v == TemplateVersion::unknown;
  // One-column rows whose labels stand together, then their values in row order (pdfminer prints a
  // block's labels, then its numbers: 行政处罚 行政强制 … 4119 195): the last of them holds the
  // values of all, the others none. Each takes its own, in order; said (info).
  std::vector<std::vector<Piece>> taken(scan.rows.size());
  for (std::size_t i = 0; i < scan.rows.size() && v != TemplateVersion::unknown; ++i) {
    std::size_t first = i;
    while (i < scan.rows.size() && scan.rows[i].values.empty() && columns(v, static_cast<R>(scan.rows[i].key)).size() == 1 &&
           i + 1 < scan.rows.size() && scan.rows[i + 1].key == scan.rows[i].key + 1)
      ++i;
    if (i == first || i >= scan.rows.size()) continue;
    const RowValues& last = scan.rows[i];
    std::size_t n = i - first + 1;
    if (columns(v, static_cast<R>(last.key)).size() != 1 || last.values.size() != n) continue;
    if (!std::all_of(last.values.begin(), last.values.end(), [](const Piece& p) { return p.kind == PieceKind::number; }))
      continue;
    for (std::size_t j = 0; j < n; ++j) taken[first + j] = {last.values[j]};
    Diagnostic d = table_diag("table.value_order", {},
                              "一列的行标签连排、数值随后按行序排列（" + std::to_string(n) + " 行），按行序读取",
                              nt.span(scan.rows[first].label_begin, last.label_end));
    d.severity = Severity::info;
    diags.push_back(std::move(d));
  }
  // Blank cells at a row's ends beyond its columns are merged-cell filler (pipe and tab tables).
  if (v != TemplateVersion::unknown)
    for (RowValues& rv : scan.rows) rv.values = without_filler_blanks(nt, std::move(rv.values), columns(v, static_cast<R>(rv.key)).size());
  for (std::size_t i = 0; i < scan.rows.size() && v != TemplateVersion::unknown; ++i) {
    const RowValues& rv = scan.rows[i];
    auto row = static_cast<R>(rv.key);
    auto cols = columns(v, row);
    Span label = nt.span(rv.label_begin, rv.label_end);
    if (cols.empty()) continue;
    if (!taken[i].empty()) {
      t.cells.set(row, cols[0], make_cell(nt, taken[i][0]));
      continue;
    }
    if (rv.values.size() == 1 && rv.values[0].glued && cols.size() > 1) {
      // glued digits with no identity to check: only a split that the digits force is taken
      auto cells = split_glued(nt, rv.values[0], cols.size(), [](const std::vector<std::int64_t>&) { return true; });
      if (cells) {
        for (std::size_t c = 0; c < cols.size(); ++c) t.cells.set(row, cols[c], make_cell(nt, (*cells)[c]));
        continue;
      }
      // Several splits: the one that agrees with what the prose states of at least two of the
      // row's counts (制发…88件, 现行有效…698件), if exactly one does.
      if (cols.size() == 3 && (row == R::rules || row == R::normative_documents)) {
        auto stated = stated_counts(nt, row == R::rules ? "规章" : "规范性文件");
        std::size_t named = 0;
        for (const auto& s : stated) named += !s.empty();
        if (named >= 2) {
          cells = split_glued(nt, rv.values[0], 3, [&](const std::vector<std::int64_t>& split) {
            for (std::size_t c = 0; c < 3; ++c)
              if (!stated[c].empty() && std::find(stated[c].begin(), stated[c].end(), split[c]) == stated[c].end()) return false;
            return true;
          });
          if (cells) {
            std::string parts;
            for (std::size_t c = 0; c < 3; ++c) {
              t.cells.set(row, cols[c], make_cell(nt, (*cells)[c]));
              parts += (c ? "|" : "") + (*cells)[c].value->to_string();
            }
            Diagnostic d = table_diag("table.glued_split", to_string(row),
                                      "「" + label_text(nt, rv) + "」行数值粘连，按正文所述件数唯一拆分为 " + parts,
                                      nt.span(rv.values[0].begin, rv.values[0].end));
            d.severity = Severity::info;
            diags.push_back(std::move(d));
            continue;
          }
        }
      }
      uncertain = true;
      std::string digits(nt.text.substr(rv.values[0].begin, rv.values[0].end - rv.values[0].begin));
      diags.push_back(table_diag("table.glued_ambiguous", to_string(row),
                                 "「" + label_text(nt, rv) + "」行数值粘连（" + digits + "），可有多种拆分，该行未输出", label));
      continue;
    }
    if (rv.values.size() == cols.size()) {
      for (std::size_t c = 0; c < cols.size(); ++c) {
        t.cells.set(row, cols[c], make_cell(nt, rv.values[c]));
        note_damage(diags, TableKey::active_disclosure, to_string(row), to_string(cols[c]), nt, rv.values[c]);
      }
      continue;
    }
    if (rv.values.empty() && cols.size() == 1) {
      // A one-column block's value printed before its label (pdftotext: 第二十条第（五）项 … 本年处理
      // 决定数量 550 行政许可): the only value between the block's header and the label.
      if (const Piece* before = value_before_label(nt, scan, i)) {
        t.cells.set(row, cols[0], make_cell(nt, *before));
        // no identity confirms it: said (info), so a reader can check the one value taken
        Diagnostic d = table_diag("table.value_before_label", to_string(row),
                                  "「" + label_text(nt, rv) + "」行的数值印在行标签之前（本块唯一的数值），按该行读取",
                                  nt.span(before->begin, before->end));
        d.severity = Severity::info;
        diags.push_back(std::move(d));
        continue;
      }
    }
    if (!rv.values.empty() && rv.values.size() < cols.size()) {
      auto placed = place_by_position(scan, i, cols.size(), nt);
      if (!placed.empty()) {
        for (std::size_t c = 0; c < cols.size(); ++c) {
          Cell cell;
          if (placed[c]) cell = make_cell(nt, *placed[c]);
          else cell.span = Span{label.end, label.end, label.line};
          t.cells.set(row, cols[c], std::move(cell));
        }
        continue;
      }
    }
    uncertain = true;
    diags.push_back(table_diag(rv.values.empty() ? "table.row_values_missing" : "table.row_values_unplaced", to_string(row),
                               "「" + label_text(nt, rv) + "」行读到 " + std::to_string(rv.values.size()) + " 个数值，应为 " +
                                   std::to_string(cols.size()) + " 个，该行未输出",
                               label));
  }
  if (v == TemplateVersion::unknown) {
    diags.push_back(
        table_diag("table.template_unknown", {}, "第二十条表格的列名无法判断模板版本（2019 或 2021），表格未输出", t.span));
  }
  // Every row the template has must have been seen; one that never was is said, not skipped.
  for (const RowSpec& spec : specs()) {
    auto row = static_cast<R>(spec.key);
    if (v == TemplateVersion::unknown || columns(v, row).empty()) continue;
    if (std::any_of(scan.rows.begin(), scan.rows.end(), [&](const RowValues& r) { return r.key == spec.key; })) continue;
    uncertain = true;
    diags.push_back(
        table_diag("table.row_not_found", to_string(row), "第二十条表格没有找到「" + std::string(spec.full) + "」行", t.span));
  }
  t.status = uncertain ? TableStatus::uncertain : TableStatus::ok;
  return t;
}

}  // namespace ogi::tables
