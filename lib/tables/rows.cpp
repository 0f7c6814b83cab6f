// SPDX-License-Identifier: Apache-2.0
// Following a table's rows (see rows.hpp).
#include "tables/rows.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace ogi::tables {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Which row a label names, or -1. Among several matches the keyword that ends last wins
/// (a group label fused with its first child: "(四)无法提供1.本机关不掌握…").
int match_row(std::string_view label, const std::vector<RowSpec>& specs, int expected_next,
              const std::vector<bool>& seen, std::string_view block = {}) {
  // A sentence is prose that mentions a row ("…本年新收申请16件，上年结转0件。"), not its label:
  // only what follows the last full stop can be one (a page saved as one line runs on into it).
  if (auto stop = label.rfind("。"); stop != std::string_view::npos) label.remove_prefix(stop + 3);
  int best = -1;
  std::size_t best_end = 0;
  std::string_view bare = strip_numbering(label);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const RowSpec& s = specs[i];
    if (s.after >= 0 && !seen[static_cast<std::size_t>(s.after)]) continue;
    if (!s.exact.empty()) {
      // "其他" alone is also a column header: it is this row where expected, or anywhere with its
      // own numbering (3.其他 / 3、其他, labels scattered by a reading order)
      bool numbered = bare.size() < label.size() && !s.numbering.empty() && label.substr(0, 1) == s.numbering.substr(0, 1);
      if (bare == s.exact && (static_cast<int>(i) == expected_next || numbered)) {
        best = static_cast<int>(i);
        best_end = label.size() + 1;
      }
      continue;
    }
    for (auto kw : s.keywords) {
      auto pos = label.find(kw);
      if (pos == std::string_view::npos) continue;
      std::size_t end = pos + kw.size();
      if (best < 0 || end > best_end) {
        best = static_cast<int>(i);
        best_end = end;
      }
    }
  }
  if (best >= 0) return best;
  // A label cut short (html2text cuts cells to their width: "5.属于三类内部"): a prefix of at
  // least three characters of exactly one unseen row's whole label — or of two inside a block
  // whose header named its rows (第二十条第（五）项 … 行政�: only 行政许可 is in that block).
  {
    std::string_view cut = bare;
    while (!cut.empty() && (cut.back() == '_' || cut.back() == ' ')) cut.remove_suffix(1);
    while (cut.size() >= 3 && cut.substr(cut.size() - 3) == "\uFFFD") cut.remove_suffix(3);
    bool in_block = !block.empty() && std::any_of(specs.begin(), specs.end(), [&](const RowSpec& sp) { return sp.block == block; });
    if (cut.size() >= (in_block ? 6u : 9u)) {
      int found = -1;
      for (std::size_t i = 0; i < specs.size(); ++i) {
        auto starts = [&](std::string_view whole) { return !whole.empty() && whole.substr(0, cut.size()) == cut; };
        if (seen[i] || !(starts(specs[i].full) || starts(specs[i].full_alt))) continue;
        if (in_block && specs[i].block != block) continue;
        if (specs[i].after >= 0 && !seen[static_cast<std::size_t>(specs[i].after)]) continue;
        found = found < 0 ? static_cast<int>(i) : -2;
      }
      if (found >= 0) return found;
    }
  }
  // A wrapped label whose first line holds only the numbering and a fragment: accept it for the
  // row expected next, and only that one.
  if (expected_next >= 0 && expected_next < static_cast<int>(specs.size())) {
    auto num = specs[static_cast<std::size_t>(expected_next)].numbering;
    if (!num.empty() && starts_with(label, num) && label.size() > num.size()) return expected_next;
  }
  return -1;
}


/// A box table row drawn over several text lines (w3m wraps labels inside their cell; the values
/// may sit on any of the lines): the lines between two horizontal rules are one logical row. A
/// column's value is the number on one of its lines, else blank if a line shows it blank. Lines
/// are merged only when at most one of them carries numbers; otherwise each stays its own row.
void merge_box_group(std::vector<std::pair<std::size_t, SplitLine>>& group,
                     std::vector<std::pair<std::size_t, SplitLine>>& out) {
  std::size_t with_numbers = 0;
  for (auto& [li, sl] : group)
    with_numbers += std::any_of(sl.pieces.begin(), sl.pieces.end(), [](const Piece& p) { return p.kind == PieceKind::number; });
  // The lines of one wrapped row share the row's cells; lines cut into different cells (a header
  // over a row of values, html2text) are rows of their own.
  auto fields = [](const SplitLine& sl) {
    int n = 0;
    for (const Piece& p : sl.pieces) n = std::max(n, p.field + 1);
    return n;
  };
  bool same_cells = std::all_of(group.begin(), group.end(), [&](const auto& g) {
    return g.second.pieces.empty() || fields(g.second) == fields(group.front().second);
  });
  // A wrapped row's values sit on its first line; text lines above the only line of values are
  // header rows over it (a pipe table without rules between its rows), not the same row.
  bool values_below_text = false;
  for (std::size_t i = 1; i < group.size(); ++i)
    values_below_text |= std::any_of(group[i].second.pieces.begin(), group[i].second.pieces.end(),
                                     [](const Piece& p) { return p.kind == PieceKind::number; });
  if (group.size() < 2 || with_numbers > 1 || !same_cells || values_below_text) {
    for (auto& g : group) out.push_back(std::move(g));
    group.clear();
    return;
  }
  SplitLine merged;
  merged.style = LineStyle::boxes;
  // Per field: every text piece (label fragments, in line order) and one value (a number wins).
  std::vector<std::vector<Piece>> texts;
  std::vector<const Piece*> value;
  for (auto& [li, sl] : group)
    for (const Piece& p : sl.pieces) {
      auto f = static_cast<std::size_t>(p.field);
      if (texts.size() <= f) { texts.resize(f + 1); value.resize(f + 1, nullptr); }
      if (p.kind == PieceKind::text) texts[f].push_back(p);
      else if (!value[f] || (value[f]->kind == PieceKind::blank && p.kind == PieceKind::number)) value[f] = &p;
    }
  for (std::size_t f = 0; f < texts.size(); ++f) {
    for (Piece& t : texts[f]) merged.pieces.push_back(std::move(t));
    if (texts[f].empty() && value[f]) merged.pieces.push_back(*value[f]);
  }
  out.emplace_back(group.front().first, std::move(merged));
  group.clear();
}

bool is_rule_line(std::string_view t) {
  return t.find("\u2500") != std::string_view::npos || t.find("\u2550") != std::string_view::npos ||
         t.find("---") != std::string_view::npos;
}

}  // namespace

std::vector<std::pair<std::size_t, SplitLine>> logical_lines(const text::NormalizedText& nt, std::size_t first,
                                                             std::size_t last, std::uint32_t begin, std::uint32_t end) {
  std::vector<std::pair<std::size_t, SplitLine>> out, group;
  for (std::size_t li = first; li < last && li < nt.lines.size(); ++li) {
    if (nt.lines[li].dropped) continue;
    SplitLine sl = split_line(nt, li);
    if (nt.lines[li].begin < begin || nt.lines[li].end > end) {
      // Text straddling the region's edge is cut at it (a heading glued to the first label);
      // a value straddling it is not the table's.
      std::erase_if(sl.pieces, [&](Piece& p) {
        if (p.end <= begin || p.begin >= end) return true;
        if (p.kind != PieceKind::text) return p.begin < begin || p.end > end;
        p.begin = std::max(p.begin, begin);
        p.end = std::min(p.end, end);
        return false;
      });
    }
    bool only_blanks = std::all_of(sl.pieces.begin(), sl.pieces.end(), [](const Piece& p) { return p.kind == PieceKind::blank; });
    if (sl.style == LineStyle::boxes && is_rule_line(nt.line_text(li))) {
      merge_box_group(group, out);
      // A rule under some columns only (a taller cell continues beside it): its text stands alone.
      if (!only_blanks) out.emplace_back(li, std::move(sl));
      continue;
    }
    if (sl.style == LineStyle::boxes) {
      group.emplace_back(li, std::move(sl));
      continue;
    }
    merge_box_group(group, out);
    out.emplace_back(li, std::move(sl));
  }
  merge_box_group(group, out);
  return out;
}

namespace {
}  // namespace

std::string_view strip_numbering(std::string_view s) {
  // numbering punctuation left behind when the numbering's digits were glued to the cells before
  if (starts_with(s, ".")) return s.substr(1);
  if (starts_with(s, "、")) return s.substr(3);
  // (一) (1) 一、 1. 1、 ① forms
  if (starts_with(s, "(")) {
    auto close = s.find(')');
    if (close != std::string_view::npos && close <= 7) return s.substr(close + 1);
  }
  static constexpr std::string_view nums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (auto n : nums)
    if (starts_with(s, n)) {
      auto rest = s.substr(n.size());
      if (starts_with(rest, "、")) return rest.substr(3);
      if (starts_with(rest, ".")) return rest.substr(1);
    }
  std::size_t d = 0;
  while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
  if (d > 0 && d <= 2 && d < s.size()) {
    auto rest = s.substr(d);
    if (starts_with(rest, ".")) return rest.substr(1);
    if (starts_with(rest, "、")) return rest.substr(3);
  }
  return s;
}

/// Where a row ends at the next label: the empty lines before it, once.
void end_row_at_label(RowValues& row, std::uint32_t empties, bool clean) {
  if (row.end_recorded) return;
  row.end_recorded = true;
  row.empties_after = empties;
  row.ended_by_label = clean;
}

RowScan scan_rows(const text::NormalizedText& nt, const Region& region, const std::vector<RowSpec>& specs,
                  const std::vector<std::string_view>& groups) {
  RowScan out;
  int current = -1;  // index into out.rows
  // A fragment of the current row's own label (a wrapped label's next line) is not foreign text.
  auto continues_label = [&](std::string_view label) {
    if (current < 0) return false;
    int key = out.rows[static_cast<std::size_t>(current)].key;
    std::string_view bare = strip_numbering(label);
    for (const RowSpec& spec : specs) {
      if (spec.key != key || spec.full.empty() || bare.empty()) continue;
      if (bare.size() >= 6) return spec.full.find(bare) != std::string_view::npos;
      // A character or two wrapped off the label's end (…仍不明 / 确): only as the label's own rest.
      const RowValues& row = out.rows[static_cast<std::size_t>(current)];
      std::string joined(strip_numbering(squeeze(std::string_view(nt.text).substr(row.label_begin, row.label_end - row.label_begin))));
      joined += bare;
      return joined.size() > bare.size() && spec.full.find(joined) != std::string_view::npos;
    }
    return false;
  };
  auto in_group_label = [&](std::string_view label) {
    std::string_view bare = strip_numbering(label);
    while (!bare.empty() && (bare.front() == '(' || bare.front() == ')')) bare.remove_prefix(1);
    while (!bare.empty() && (bare.back() == '(' || bare.back() == ')')) bare.remove_suffix(1);
    if (bare.empty()) return true;
    return std::any_of(groups.begin(), groups.end(), [&](std::string_view g) { return g.find(bare) != std::string_view::npos; });
  };
  std::vector<bool> seen(specs.size(), false);
  int expected_next = 0;
  bool foreign_text = false;    // text that is no row label came after the current row's label
  bool after_fragment = false;  // the last line was label text that opened no row (a wrapped label's rest)
  std::size_t last_content = region.first;  // the last line that held anything
  std::string block;                         // the current 第二十条 block ("(五)"), table 2
  auto empties_since = [&](std::size_t li) {  // fully empty lines between the last content and li
    std::uint32_t n = 0;
    for (std::size_t k = last_content + 1; k < li; ++k) n += !nt.lines[k].dropped && nt.lines[k].begin == nt.lines[k].end;
    return n;
  };
  for (auto& [li, sl] : logical_lines(nt, region.first, region.last, region.begin, region.end)) {
    if (sl.pieces.empty() && nt.lines[li].begin == nt.lines[li].end) continue;  // counted by empties_since
    std::uint32_t empties = empties_since(li);
    last_content = li;
    // One cell per line (office text export): a line of only (no-break) spaces is a blank cell.
    if (auto blank = spaces_line_blank(nt, li, sl); blank && current >= 0 && !foreign_text && !after_fragment) {
      out.rows[static_cast<std::size_t>(current)].values.push_back(*blank);
      continue;
    }
    bool has_number = std::any_of(sl.pieces.begin(), sl.pieces.end(),
                                  [](const Piece& p) { return p.kind == PieceKind::number; });
    bool new_row_here = false;
    std::size_t unit_pieces = 0;  // text pieces that are a value's unit printed apart
    std::vector<Piece> pending_blanks;
    auto flush_blanks = [&] {
      for (Piece& b : pending_blanks) {
        if (current < 0) out.orphans.push_back(std::move(b));
        else out.rows[static_cast<std::size_t>(current)].values.push_back(std::move(b));
      }
      pending_blanks.clear();
    };
    for (Piece& p : sl.pieces) {
      if (p.kind == PieceKind::text) {
        std::string label = squeeze(std::string_view(nt.text).substr(p.begin, p.end - p.begin));
        // table 2's block headers: 第二十条第(五)项 — the rows after it are that block's
        if (auto at = label.find("第二十条第("); at != std::string::npos) {
          auto close = label.find(')', at);
          if (close != std::string::npos) block.assign(label, at + 15, close + 1 - (at + 15));
        }
        int r = match_row(label, specs, expected_next, seen, block);
        if (r >= 0 && !seen[static_cast<std::size_t>(r)]) {
          seen[static_cast<std::size_t>(r)] = true;
          expected_next = r + 1;
          while (expected_next < static_cast<int>(specs.size()) && seen[static_cast<std::size_t>(expected_next)])
            ++expected_next;
          if (current >= 0) end_row_at_label(out.rows[static_cast<std::size_t>(current)], empties,
                                             !foreign_text && &p == &sl.pieces.front());
          RowValues rv;
          rv.key = specs[static_cast<std::size_t>(r)].key;
          rv.label_line = static_cast<std::uint32_t>(li);
          rv.label_begin = p.begin;
          rv.label_end = p.end;
          rv.style = sl.style;
          out.rows.push_back(std::move(rv));
          current = static_cast<int>(out.rows.size()) - 1;
          new_row_here = true;
          foreign_text = false;
          pending_blanks.clear();  // blanks before the label are merged-cell gaps
        } else if (r < 0 && in_group_label(label)) {
          // a group label (（三）不予公开) between rows ends the row before it like a row label
          if (current >= 0) end_row_at_label(out.rows[static_cast<std::size_t>(current)], empties,
                                             !foreign_text && &p == &sl.pieces.front());
        } else if (r < 0 && current >= 0 && unit_only(label)) {
          // the unit of a wrapped amount cell (251000 / 元) printed apart: part of the row's values
          ++unit_pieces;
        } else if (r < 0 && !continues_label(label)) {
          if (current >= 0 && !foreign_text && &p == &sl.pieces.front()) {
            auto& row = out.rows[static_cast<std::size_t>(current)];
            if (!row.end_recorded) {
              end_row_at_label(row, empties, false);
              row.ended_by_text = true;
            }
          }
          foreign_text = true;
          // Text that names no row, after the current row already has values, starts a row we
          // do not know: what follows is not the current row's.
          if (current >= 0 && !out.rows[static_cast<std::size_t>(current)].values.empty()) {
            out.rows[static_cast<std::size_t>(current)].interrupted = true;
            current = -1;
          }
        }
        continue;
      }
      // Blank cells wait: they count once a number follows on the line, or at the line's end
      // if the line carries numbers or opens a row (elsewhere they are the empty value cells of
      // a wrapped label's continuation lines); a label after them makes them merged-cell gaps.
      if (p.kind == PieceKind::blank) {
        pending_blanks.push_back(p);
        continue;
      }
      flush_blanks();
      if (current < 0) out.orphans.push_back(p);
      else {
        auto& row = out.rows[static_cast<std::size_t>(current)];
        if (row.values.empty() || row.style == LineStyle::plain) row.style = sl.style;
        if (sl.pieces.size() != 1 || li == row.label_line) row.one_per_line = false;
        row.empties_before.push_back(empties);
        row.values.push_back(p);
      }
    }
    if (has_number || new_row_here) flush_blanks();
    // A line of label text that opened no row is a wrapped label's rest; a unit printed apart is not.
    auto text_pieces = static_cast<std::size_t>(std::count_if(sl.pieces.begin(), sl.pieces.end(),
                                                              [](const Piece& p) { return p.kind == PieceKind::text; }));
    after_fragment = text_pieces > unit_pieces && !has_number && !new_row_here;
  }
  // The region's end ends the last row like text would.
  if (current >= 0 && !foreign_text && region.last <= nt.lines.size()) {
    auto& row = out.rows[static_cast<std::size_t>(current)];
    if (!row.end_recorded) {
      end_row_at_label(row, empties_since(region.last), false);
      row.ended_by_text = true;
    }
  }
  return out;
}

/// Do the row's empty lines account for exactly its missing cells (one empty line after each
/// cell, one more for each blank cell)?
bool gaps_account(const RowValues& row, std::size_t ncols, bool text_ends = false) {
  if (!row.one_per_line || row.interrupted || row.empties_before.size() != row.values.size()) return false;
  std::size_t extra = 0;
  auto add = [&](std::uint32_t g) {
    if (g == 0) return false;  // values on consecutive lines: not this layout
    extra += g - 1;
    return true;
  };
  for (std::uint32_t g : row.empties_before)
    if (!add(g)) return false;
  // The row's end counts only where a label follows (after the table's last row the empty
  // lines before the next text say nothing).
  if (row.ended_by_label && !add(row.empties_after)) return false;
  if (row.values.size() + extra == ncols) return true;
  // Before text (after the table's last row) the spacing may be wider than one empty line: the
  // empty lines there count only when the row is short without them.
  return text_ends && row.ended_by_text && add(row.empties_after) && row.values.size() + extra == ncols;
}

std::vector<const Piece*> place_by_gaps(const RowScan& scan, std::size_t ri, std::size_t ncols,
                                        const text::NormalizedText& nt, std::vector<Piece>& blanks) {
  const RowValues& row = scan.rows[ri];
  if (row.values.size() >= ncols || !row.one_per_line || row.interrupted) return {};
  if (row.empties_before.size() != row.values.size()) return {};
  // The layout is established by three other rows with values whose empty lines account exactly
  // for their missing cells. Only then is a row with no value at all read as all blank, and a row
  // ended by text rather than a label (the table's last) read with the empty lines before it.
  int agreeing = 0;
  for (std::size_t k = 0; k < scan.rows.size() && agreeing < 3; ++k)
    if (k != ri && !scan.rows[k].values.empty() && gaps_account(scan.rows[k], ncols)) ++agreeing;
  bool established = agreeing >= 3;
  if (row.values.empty() && !established) return {};
  // Every cell is followed by one empty line: a gap of g empty lines holds g - 1 blank cells.
  if (!gaps_account(row, ncols, established)) return {};
  std::vector<std::uint32_t> gaps = row.empties_before;
  if (row.ended_by_label || (established && row.ended_by_text && !gaps_account(row, ncols, false)))
    gaps.push_back(row.empties_after);
  std::vector<const Piece*> placed;
  blanks.clear();
  blanks.reserve(ncols);
  auto blank_at = [&](std::uint32_t line) {
    Piece b;
    b.kind = PieceKind::blank;
    b.begin = b.end = nt.lines[line].begin;
    b.line = line;
    blanks.push_back(b);
    placed.push_back(&blanks.back());
  };
  std::uint32_t prev = row.label_line;
  for (std::size_t k = 0; k < gaps.size(); ++k) {
    // the line after the gap: the next value's, or where the next label stands
    std::uint32_t next = k < row.values.size() ? row.values[k].line : prev + gaps[k] + 1;
    if (next < gaps[k] || next > nt.lines.size()) return {};
    for (std::uint32_t b = 1; b < gaps[k]; ++b) blank_at(std::min<std::uint32_t>(next - gaps[k] + b, static_cast<std::uint32_t>(nt.lines.size()) - 1));  // the first empty line separates
    if (k < row.values.size()) placed.push_back(&row.values[k]);
    prev = next;
  }
  return placed.size() == ncols ? placed : std::vector<const Piece*>{};
}

std::vector<Piece> without_filler_blanks(const text::NormalizedText& nt, std::vector<Piece> values, std::size_t ncols) {
  if (values.size() <= ncols) return values;
  auto filler = [&](const Piece& p) {
    return p.kind == PieceKind::blank && !written_blank(std::string_view(nt.text).substr(p.begin, p.end - p.begin));
  };
  std::size_t extra = values.size() - ncols, lead = 0, trail = 0;
  while (lead < values.size() && filler(values[lead])) ++lead;
  while (trail < values.size() - lead && filler(values[values.size() - 1 - trail])) ++trail;
  if (lead + trail < extra || (lead > 0 && trail > 0 && lead + trail != extra)) return values;
  std::size_t from_front = trail == 0 ? extra : lead == 0 ? 0 : lead;
  values.erase(values.end() - static_cast<long>(extra - from_front), values.end());
  values.erase(values.begin(), values.begin() + static_cast<long>(from_front));
  return values;
}

std::optional<Piece> spaces_line_blank(const text::NormalizedText& nt, std::size_t li, const SplitLine& sl) {
  std::string_view whole = nt.line_text(li);
  if (!sl.pieces.empty() || whole.empty() || whole.find_first_not_of(' ') != std::string_view::npos) return std::nullopt;
  Piece p;
  p.kind = PieceKind::blank;
  p.begin = nt.lines[li].begin;
  p.end = nt.lines[li].end;
  p.line = static_cast<std::uint32_t>(li);
  return p;
}

std::vector<const Piece*> place_by_position(const RowScan& scan, std::size_t ri, std::size_t ncols,
                                            const text::NormalizedText& nt) {
  const RowValues& row = scan.rows[ri];
  if (row.values.empty() || row.values.size() >= ncols) return {};
  if (row.style != LineStyle::plain || row.interrupted) return {};
  // Positions say something only for values on their label's own line, in a space-aligned row.
  for (const Piece& p : row.values)
    if (p.kind != PieceKind::number || p.line != row.label_line) return {};
  // The ruler: the nearest complete row whose values all sit on one line, same page preferred.
  // Page numbers of the table's lines, counted once from its first row's line (pages are only
  // compared with each other).
  std::uint32_t top = scan.rows.front().label_line, bottom = top;
  for (const RowValues& r : scan.rows) {
    top = std::min(top, r.label_line);
    for (const Piece& p : r.values) {
      top = std::min(top, p.line);
      bottom = std::max(bottom, p.line);
    }
  }
  std::vector<int> pages(bottom - top + 1, 0);
  for (std::uint32_t i = top, pg = 0; i <= bottom && i < nt.lines.size(); ++i) {
    pg += nt.lines[i].page_break;
    pages[i - top] = static_cast<int>(pg);
  }
  auto page_of = [&](std::uint32_t line) { return line >= top && line <= bottom ? pages[line - top] : -1; };
  int my_page = page_of(row.values.front().line);
  const RowValues* ruler = nullptr;
  long best = std::numeric_limits<long>::max();
  for (const RowValues& r : scan.rows) {
    if (r.values.size() != ncols || r.style != LineStyle::plain) continue;
    bool one_line = std::all_of(r.values.begin(), r.values.end(), [&](const Piece& p) {
      return p.kind == PieceKind::number && p.line == r.values.front().line;
    });
    if (!one_line) continue;
    long d = std::labs(static_cast<long>(r.values.front().line) - static_cast<long>(row.values.front().line));
    if (page_of(r.values.front().line) != my_page) d += 100000;
    if (d < best) { best = d; ruler = &r; }
  }
  // Where a value stands: its right edge, left edge or centre (numbers in a column share one).
  auto edge = [](const Piece& p, int how) {
    return how == 0 ? p.column + p.width : how == 1 ? p.column : p.column + p.width / 2.0;
  };
  int how = 2;
  double tolerance = 0;
  std::vector<double> at(ncols);  // each column's edge
  if (ruler) {
    // Which edge lines up most values of the ruler's page; and the layout is positional only
    // when nearly all of them line up (a proportional font's values fall anywhere).
    int ruler_page = page_of(ruler->values.front().line);
    std::size_t best_aligned = 0, seen = 0;
    for (int h = 0; h < 3; ++h) {
      std::size_t aligned = 0;
      seen = 0;
      for (const RowValues& r : scan.rows) {
        if (r.style != LineStyle::plain || &r == ruler) continue;
        for (const Piece& p : r.values) {
          if (p.kind != PieceKind::number || p.line != r.label_line || page_of(p.line) != ruler_page) continue;
          ++seen;
          aligned += std::any_of(ruler->values.begin(), ruler->values.end(),
                                 [&](const Piece& q) { return std::abs(edge(p, h) - edge(q, h)) <= 1.0; });
        }
      }
      if (h == 0 || aligned > best_aligned) { how = h; best_aligned = aligned; }
    }
    if (seen > 0 && static_cast<double>(best_aligned) < 0.9 * static_cast<double>(seen)) return {};
    for (std::size_t c = 0; c < ncols; ++c) at[c] = edge(ruler->values[c], how);
    tolerance = 1.0;
  } else {
    // No row fills every column: the columns are where the values of all the rows on this page
    // stand, when they fall into exactly `ncols` well-separated groups.
    std::vector<double> xs;
    for (const RowValues& r : scan.rows) {
      if (r.style != LineStyle::plain) continue;
      for (const Piece& p : r.values)
        if (p.kind == PieceKind::number && p.line == r.label_line && page_of(p.line) == my_page)
          xs.push_back(edge(p, how));
    }
    std::sort(xs.begin(), xs.end());
    struct Group { double sum = 0, lo = 0, hi = 0; int n = 0; };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (i == 0 || xs[i] - xs[i - 1] > 2.5) groups.push_back({0, xs[i], xs[i], 0});
      groups.back().sum += xs[i];
      groups.back().hi = xs[i];
      ++groups.back().n;
    }
    // Only a clear picture will do: every column seen at least twice, tight, and well apart.
    if (groups.size() != ncols) return {};
    double min_gap = std::numeric_limits<double>::max();
    for (std::size_t c = 0; c < ncols; ++c) {
      if (groups[c].n < 2 || groups[c].hi - groups[c].lo > 2) return {};
      if (c > 0 && groups[c].lo - groups[c - 1].hi < 4) return {};
      at[c] = groups[c].sum / groups[c].n;
      if (c > 0) min_gap = std::min(min_gap, at[c] - at[c - 1]);
    }
    tolerance = min_gap / 3.0;
  }
  std::vector<const Piece*> placed(ncols, nullptr);
  std::size_t last = 0;
  bool first = true;
  for (const Piece& p : row.values) {
    double x = edge(p, how);
    std::size_t bestc = 0;
    double bestd = std::numeric_limits<double>::max();
    for (std::size_t c = 0; c < ncols; ++c)
      if (std::abs(at[c] - x) < bestd) { bestd = std::abs(at[c] - x); bestc = c; }
    if (bestd > tolerance) return {};                          // not clearly under one column
    if ((!first && bestc <= last) || placed[bestc]) return {};  // two values under one column
    placed[bestc] = &p;
    last = bestc;
    first = false;
  }
  return placed;
}

}  // namespace ogi::tables
