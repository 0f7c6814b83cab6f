// SPDX-License-Identifier: Apache-2.0
// The row-by-row reading (rows.hpp).
#include "tables/rows.hpp"

#include <algorithm>
#include <bit>

#include "tables/exact.hpp"

namespace ogi::tables {
namespace {

/// The values taken so far, each with its row and the empty lines before it, in the order
/// taken. A row's values may be taken after another row's (a provisional row settled late, a
/// row's overflow resolved): they are gathered, each row's together, when the reading is done —
/// a few arrays a reading, not two vectors a row.
class Taken {
 public:
  Taken(std::size_t rows, std::size_t tokens) : per_row_(rows) { taken_.reserve(tokens); }
  void add(std::size_t row, std::uint32_t token, std::uint16_t gap) {
    taken_.push_back({static_cast<std::uint32_t>(row), token, gap});
    if (per_row_[row].count++ == 0) per_row_[row].first = token;
  }
  /// Puts `token` before row `row`'s first value (which it precedes in the text).
  void add_first(std::size_t row, std::uint32_t token, std::uint16_t gap) {
    auto at = std::find_if(taken_.begin(), taken_.end(), [&](const Entry& e) { return e.row == row; });
    taken_.insert(at, {static_cast<std::uint32_t>(row), token, gap});
    ++per_row_[row].count;
    per_row_[row].first = token;
  }
  bool none(std::size_t row) const { return per_row_[row].count == 0; }
  std::size_t count(std::size_t row) const { return per_row_[row].count; }
  std::uint32_t first(std::size_t row) const { return per_row_[row].first; }
  /// Row `row`'s values so far, in order.
  std::vector<std::uint32_t> values_of(std::size_t row) const {
    std::vector<std::uint32_t> out;
    for (const Entry& e : taken_)
      if (e.row == row) out.push_back(e.token);
    return out;
  }
  /// Gathers the values into `out`'s arrays, each row's together in the order taken, and
  /// points its rows at them.
  void into(RowReading& out) {
    out.values.resize(taken_.size());
    out.gaps.resize(taken_.size());
    std::uint32_t at = 0;
    for (PerRow& r : per_row_) {
      r.next = at;
      at += r.count;
    }
    for (const Entry& e : taken_) {
      const std::uint32_t k = per_row_[e.row].next++;
      out.values[k] = e.token;
      out.gaps[k] = e.gap;
    }
    for (std::size_t r = 0; r < per_row_.size(); ++r) {
      const std::uint32_t from = per_row_[r].next - per_row_[r].count;
      out.rows[r].values = {out.values.data() + from, per_row_[r].count};
      out.rows[r].gaps = {out.gaps.data() + from, per_row_[r].count};
      out.rows_with_values += per_row_[r].count > 0;
    }
  }

 private:
  struct Entry {
    std::uint32_t row, token;
    std::uint16_t gap;
  };
  struct PerRow {
    std::uint32_t count = 0, first = 0, next = 0;
  };
  std::vector<Entry> taken_;
  std::vector<PerRow> per_row_;
};

/// Does the line hold a number or a written blank, or nothing but cells (no text)?
bool line_has_values(const Candidate& cand, std::uint32_t li) {
  const Candidate::Line& line = cand.lines[li];
  bool text = false;
  for (std::uint32_t i = line.first; i < line.last; ++i) {
    const Token& t = cand.tokens[i];
    if (t.printed_cell()) return true;
    text |= t.kind == TokenKind::text;
  }
  return !text;
}

/// Does the line hold a number?
bool line_has_number(const Candidate& cand, std::uint32_t li) {
  const Candidate::Line& line = cand.lines[li];
  for (std::uint32_t i = line.first; i < line.last; ++i)
    if (cand.tokens[i].kind == TokenKind::number) return true;
  return false;
}

/// Reads table 4: one printed row whose values are every value after its header.
RowReading read_single_row(const Candidate& cand, const LabelAlignment& align) {
  RowReading out;
  out.rows.resize(1);
  RowValues& row = out.rows[0];
  Taken taken(1, cand.tokens.size());
  bool header_seen = false;
  std::uint32_t last_line = UINT32_MAX, last_value = 0;
  auto take = [&](std::uint32_t i) {
    const Candidate::Line& line = cand.lines[cand.line_of[i]];
    if (taken.none(0)) row.label = i;
    bool alone = line.last - line.first == 1;
    row.one_per_line &= alone;
    taken.add(0, i, cand.line_of[i] != last_line ? line.empties_before : 0);
    last_line = cand.line_of[i];
    last_value = i;
  };
  // Blank cells before any value are the row's only if no header word follows them: before the
  // header's rest they are the header's (pdfminer of a LibreOffice PDF prints fifteen lines of a
  // no-break space, then the header's second line past a page break, then the fifteen values).
  std::vector<std::uint32_t> blanks;
  for (std::uint32_t i = 0; i < cand.tokens.size(); ++i) {
    const Token& t = cand.tokens[i];
    if (t.kind == TokenKind::text) {
      TextRole role = align.marks[i].role;
      header_seen |= role == TextRole::header;
      if (role == TextRole::header && taken.none(0)) blanks.clear();
      // text that names nothing after the values ends them
      if (role == TextRole::foreign && (!taken.none(0) || !blanks.empty())) row.interrupted = true;
      continue;
    }
    if (!header_seen || row.interrupted) {
      out.orphans.push_back(i);
      continue;
    }
    // the empty cells of a header's line are layout; those of a line of values are cells
    if (t.kind == TokenKind::blank && !t.written && !t.spaces_line && !line_has_values(cand, cand.line_of[i])) continue;
    if (t.kind == TokenKind::blank && taken.none(0)) {
      blanks.push_back(i);
      continue;
    }
    for (std::uint32_t b : blanks) take(b);
    blanks.clear();
    take(i);
  }
  for (std::uint32_t b : blanks) take(b);
  row.found = !taken.none(0);
  // the empty lines after the values, to the section's end (lynx: the trailing blank cells)
  if (row.found && !row.interrupted && cand.line_of[last_value] + 1 == cand.lines.size()) row.end_gap = cand.trailing_empties;
  // No value: the empty lines after the header, where it ends the section, may be its blank
  // cells (lynx, one cell per line: fifteen empty lines and the one after the table); the row is
  // read only where the dump's layout says so (columns.hpp).
  if (!row.found && header_seen && !cand.tokens.empty() && cand.tokens.back().kind == TokenKind::text &&
      align.marks[cand.tokens.size() - 1].role == TextRole::header && cand.line_of[cand.tokens.size() - 1] + 1 == cand.lines.size()) {
    row.found = true;
    row.label = static_cast<std::uint32_t>(cand.tokens.size() - 1);
    row.end_gap = cand.trailing_empties;
  }
  taken.into(out);
  out.rows_with_values = row.found;
  return out;
}

/// Do the row's own identities (its total) hold with `values` in its cells, in order, some
/// cells left blank where there are fewer values (any order-keeping placement)? False for a row
/// without one: nothing would check the reading.
bool row_totals_hold(const Candidate& cand, const Layout& layout, std::size_t row, std::span<const std::uint32_t> values) {
  const std::size_t cells = layout.rows[row].cells.size();
  if (values.size() > cells || cells > 16) return false;
  const ExactValues value(cand);
  std::vector<std::int32_t> placed(cells);
  for (std::uint32_t mask = 0; mask < (1u << cells); ++mask) {  // every choice of cells, in order
    if (static_cast<std::size_t>(std::popcount(mask)) != values.size()) continue;
    std::size_t k = 0;
    for (std::size_t c = 0; c < cells; ++c) placed[c] = mask >> c & 1u ? static_cast<std::int32_t>(values[k++]) : -1;
    std::optional<bool> holds = own_identities_hold(layout, row, placed, value);
    if (!holds) return false;
    if (*holds) return true;
  }
  return false;
}

}  // namespace

RowReading read_rows(const Candidate& cand, const LabelAlignment& align, const Layout& layout) {
  if (layout.single_row) return read_single_row(cand, align);
  RowReading out;
  out.rows.resize(layout.rows.size());
  Taken taken(layout.rows.size(), cand.tokens.size());
  int current = -1;
  bool ended = false;           // the current row's end is recorded (once: where it first ends)
  bool after_fragment = false;  // the last line was label text that opened no row (a wrapped label's rest)
  // (row, token): a line of spaces right after the row's wrapped label's rest, set aside as the
  // empty cells under that rest before the row took any value (rare: no allocation otherwise)
  std::vector<std::pair<std::size_t, std::uint32_t>> spacers;
  std::uint32_t last_value_line = UINT32_MAX;
  // Values on later lines of a row printed on one line (two or more values there): another row
  // whose label was not recognised — or the rest of this row, where a tool broke it over lines
  // (mutool: "2171 123" / "6" / "2" / …; pdftotext -layout beside a wrapped label). They are the
  // row's only if its own total holds with them and not without them; otherwise nobody's.
  int overflow_row = -1;
  std::vector<std::uint32_t> overflow;
  std::vector<std::uint16_t> overflow_gaps;
  auto resolve_overflow = [&] {
    if (overflow_row < 0) return;
    auto r_at = static_cast<std::size_t>(overflow_row);
    RowValues& r = out.rows[r_at];
    const std::vector<std::uint32_t> own = taken.values_of(r_at);
    std::vector<std::uint32_t> whole = own;
    whole.insert(whole.end(), overflow.begin(), overflow.end());
    // with them the row's total holds, without them it does not (blank cells may have vanished);
    // or, for a row that has a total, where it holds neither way (a total the table does not
    // print), each stands on a line of the row's own wrapped label (pdftotext -layout: `本机关不掌握相关政府 252 12` / `1.` /
    // `信息 1`)
    const bool holds_without = row_totals_hold(cand, layout, r_at, own);
    const bool beside_label = layout.total_cell[r_at] >= 0 && whole.size() <= layout.rows[r_at].cells.size() &&
                              std::all_of(overflow.begin(), overflow.end(), [&](std::uint32_t i) { return continues_label(cand, align, cand.line_of[i], overflow_row); });
    const bool holds_with = !holds_without && row_totals_hold(cand, layout, r_at, whole);
    if (!holds_without && (holds_with || beside_label)) {
      r.joined_beside_label = !holds_with;
      for (std::size_t k = 0; k < overflow.size(); ++k) taken.add(r_at, overflow[k], overflow_gaps[k]);
      r.one_per_line = false;
      r.joined_lines = true;
    } else {
      r.interrupted = true;
      r.overflow_lost = !holds_without;
      out.orphans.insert(out.orphans.end(), overflow.begin(), overflow.end());
    }
    overflow_row = -1;
    overflow.clear();
    overflow_gaps.clear();
  };
  auto end_row = [&](std::uint16_t empties, bool by_label) {
    resolve_overflow();
    if (current < 0 || ended) return;
    ended = true;
    RowValues& r = out.rows[static_cast<std::size_t>(current)];
    r.end_gap = empties;
    r.ended_by_label = by_label;
  };
  auto take = [&](std::uint32_t i) {
    if (current < 0) {
      out.orphans.push_back(i);
      return;
    }
    const auto row = static_cast<std::size_t>(current);
    RowValues& r = out.rows[row];
    std::uint32_t li = cand.line_of[i];
    const Candidate::Line& line = cand.lines[li];
    // A row printed on one line (its values, two or more, on one line) takes nothing from a
    // later line: values there are a row whose label was not recognised.
    if (!taken.none(row) && li != cand.line_of[taken.first(row)] && r.values_on_first_line >= 2) {
      if (overflow_row != current && (overflow_row >= 0 || taken.count(row) >= layout.rows[row].cells.size())) {
        r.interrupted = true;  // already whole, or a second overflow: nobody's
        r.overflow_lost = !row_totals_hold(cand, layout, row, taken.values_of(row));
        current = -1;
        out.orphans.push_back(i);
        return;
      }
      overflow_row = current;
      overflow_gaps.push_back(li != last_value_line ? line.empties_before : 0);
      last_value_line = li;
      overflow.push_back(i);
      return;
    }
    // (some of a row's empty cells alone on a line apart from its label are no row printed on
    // one line: a browser's copy sets a run of &nbsp; cells on one line, `\t\u00a0\t\u00a0\t`,
    // each filled cell on its own)
    if ((taken.none(row) || li == cand.line_of[taken.first(row)]) &&
        (cand.tokens[r.label].line == cand.tokens[i].line || line.last - line.first >= layout.rows[row].cells.size() ||
         line_has_number(cand, li)))
      ++r.values_on_first_line;
    bool alone = line.last - line.first == 1;
    if (!alone || cand.tokens[r.label].line == cand.tokens[i].line) r.one_per_line = false;
    taken.add(row, i, li != last_value_line ? line.empties_before : 0);
    last_value_line = li;
  };
  // A line that opens a row with empty cells only (a grid's line: `label\t \t \t`) may be the
  // first line of a label wrapped beside its values: its blanks are the row's only if no later
  // line of the same label brings values.
  std::vector<std::uint32_t> provisional;
  int provisional_row = -1;
  auto settle = [&] {
    if (provisional_row < 0) return;
    int keep = current;
    current = provisional_row;
    if (taken.none(static_cast<std::size_t>(current)))
      for (std::uint32_t p : provisional) take(p);
    current = keep;
    provisional.clear();
    provisional_row = -1;
  };
  std::vector<std::uint32_t> pending;  // per line: empty cells of a tab/box line, counted once the line has values
  // Lines of spaces right after the line that opened a row, held until the next line says what
  // they are: a further line of the row's label means they stood amid the label (a PDF's blank
  // cells' spaces set by height, between the lines of a wrapped label: Chrome's PDF through
  // mutool) and are no cells in order; anything else, and they are the row's first blank cells.
  std::vector<std::uint32_t> held_spaces;
  auto take_held = [&] {
    for (std::uint32_t h : held_spaces) take(h);
    held_spaces.clear();
  };
  for (std::uint32_t li = 0; li < cand.lines.size(); ++li) {
    const Candidate::Line& line = cand.lines[li];
    bool has_number = false, has_written = false, opens = false, label_text = false, continues = false;
    for (std::uint32_t i = line.first; i < line.last; ++i) {
      const Token& t = cand.tokens[i];
      has_number |= t.kind == TokenKind::number;
      has_written |= t.kind == TokenKind::blank && t.written;
      if (t.kind == TokenKind::text) {
        TextRole role = align.marks[i].role;
        opens |= role == TextRole::row_label;
        label_text |= role != TextRole::foreign;
        continues |= role == TextRole::continuation && align.marks[i].row == current;
      }
    }
    if (!held_spaces.empty() && !(line.last - line.first == 1 && cand.tokens[line.first].spaces_line)) {
      if (continues && !opens && !has_number && !has_written) held_spaces.clear();
      else take_held();
    }
    // values on a later line of the label that opened with empty cells only: they are the row's
    if (provisional_row >= 0 && provisional_row == current && continues && (has_number || has_written)) {
      provisional.clear();
      provisional_row = -1;
    }
    // The line that ends the current row: a label, a group label, or text naming nothing.
    pending.clear();
    for (std::uint32_t i = line.first; i < line.last; ++i) {
      const Token& t = cand.tokens[i];
      if (t.kind == TokenKind::text) {
        const Mark& m = align.marks[i];
        switch (m.role) {
          case TextRole::row_label:
            settle();
            end_row(line.empties_before, true);
            current = m.row;
            ended = false;
            {
              RowValues& opened = out.rows[static_cast<std::size_t>(current)];
              opened.found = true;
              opened.label = i;
            }
            pending.clear();  // empty cells before a label are the merged cells of its group
            break;
          case TextRole::group:
            if (current >= 0 && i == line.first) end_row(line.empties_before, true);
            // a block's heading (第二十条第(六)项) ends the row before it: values after it and
            // before the next label are no row's
            if (align.marks[i].row == kBlockHeading) {
              settle();
              resolve_overflow();
              current = -1;
            }
            break;
          case TextRole::continuation:
          case TextRole::header:
            break;
          case TextRole::foreign:
            // Text that names nothing, after the row has values, starts something we do not know:
            // what follows is not the row's.
            settle();
            if (current >= 0 && taken.none(static_cast<std::size_t>(current)) && m.row == kNamesOtherRow) {
              end_row(line.empties_before, true);
              current = -1;
            } else if (current >= 0 && !taken.none(static_cast<std::size_t>(current))) {
              end_row(line.empties_before, false);
              out.rows[static_cast<std::size_t>(current)].interrupted = true;
              current = -1;
            }
            break;
        }
        continue;
      }
      if (t.kind == TokenKind::blank && !t.written) {
        if (t.spaces_line) {
          // one cell per line (office text export): a line of spaces is a blank cell — but not
          // the empty cells under a wrapped label's rest (set aside: see the end)
          if (current >= 0 && !after_fragment && taken.none(static_cast<std::size_t>(current))) held_spaces.push_back(i);
          else if (current >= 0 && !after_fragment) take(i);
          else if (current >= 0 && taken.none(static_cast<std::size_t>(current)))
            spacers.emplace_back(static_cast<std::size_t>(current), i);
          continue;
        }
        pending.push_back(i);
        continue;
      }
      for (std::uint32_t p : pending) take(p);
      pending.clear();
      take(i);
    }
    if (opens && !has_number && !has_written && !pending.empty() && current >= 0 &&
        taken.none(static_cast<std::size_t>(current))) {
      provisional = std::move(pending);
      provisional_row = current;
    } else if (has_number || has_written || opens) {
      for (std::uint32_t p : pending) take(p);
    }
    // A line of label text that opened no row and holds no value is a wrapped label's rest.
    after_fragment = label_text && !opens && !has_number && !has_written;
  }
  take_held();
  settle();
  resolve_overflow();
  if (current >= 0) end_row(cand.trailing_empties, false);
  // The line of spaces set aside after a wrapped label's rest is the row's first blank cell where
  // the row, a value a line, is one short without it and its total, if it has one, holds with it
  // first (mutool of a LibreOffice PDF: `…申请数` / `量` / `␠` × 6 / `0`); under the rest of a
  // label that sits beside its cells it is not (the row is whole without it: Chrome's PDF through
  // mutool). The last one set aside before the row's values is the one — and only a line of one
  // space, one cell's: a line of several stands for no count of cells (Chrome's PDF through
  // mutool sets the spaces of several blank cells, and of none, on one line by height).
  for (std::size_t k = 0; k < spacers.size(); ++k) {
    const auto [r, spacer] = spacers[k];
    if ((k + 1 < spacers.size() && spacers[k + 1].first == r) || !out.rows[r].one_per_line || out.rows[r].interrupted ||
        cand.tokens[spacer].end - cand.tokens[spacer].begin > 1 ||
        taken.none(r) || taken.count(r) + 1 != layout.rows[r].cells.size() || taken.first(r) < spacer)
      continue;
    std::vector<std::uint32_t> with = taken.values_of(r);
    with.insert(with.begin(), spacer);
    if (!layout.has_row_identity(r) || row_totals_hold(cand, layout, r, with)) taken.add_first(r, spacer, 0);
  }
  taken.into(out);
  return out;
}

}  // namespace ogi::tables
