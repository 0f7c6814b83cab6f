// SPDX-License-Identifier: Apache-2.0
// Positioned words → the document's text and grids (docs/formats.md "PDF"). Each table starts at
// its header and runs down (onto the next pages) while its lines fit its columns: a section
// heading, a table-2 block title, the next table's header or a line running across the columns
// (prose) ends it. Everything else is a visual line of text; a form feed opens each new page.
#include <algorithm>
#include <cmath>

#include "model/say.hpp"
#include "sources/layout/layout.hpp"

namespace ogi::sources::layout {
namespace {

std::string line_key(const Doc& d, std::uint32_t li) {
  std::string k;
  for (auto w : d.lines[li].words)
    if (!d.words[w].furniture) k += d.words[w].key;
  return k;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// A line belongs to the table when each word is in the label zone or stands in the data zone no
/// wider than a column and a half: prose and headings run across.
bool fits(const Doc& d, std::uint32_t li, const Header& h) {
  float widest = 0;
  for (auto& c : h.cols) widest = std::max(widest, c.right - c.left);
  for (auto w : d.lines[li].words) {
    const Word& x = d.words[w];
    if (x.furniture) continue;
    float tol = 0.6f * x.em, cx = x.cx();
    if (x.x0 < h.label_right && cx < h.label_right) {
      if (x.x1 <= std::max(h.label_right + tol, h.cols.front().x0 + 0.3f * x.em)) continue;
      return false;
    }
    if (cx >= h.label_right && cx <= h.right + tol && x.x1 - x.x0 <= 1.5f * widest && x.x0 >= h.label_right - tol) continue;
    return false;
  }
  return true;
}

/// Lines just above a table 3 or 4 header that belong to it (申请人情况, 行政诉讼, the 勾稽关系
/// note): up to a heading, a sentence, or a line reaching past the table.
std::uint32_t extend_up(const Doc& d, const Header& h, long floor) {
  std::uint32_t lo = h.lo;
  while (static_cast<long>(lo) - 1 > floor) {
    std::uint32_t li = lo - 1;
    if (d.lines[li].page != h.page) break;
    std::string k = line_key(d, li);
    if (k.empty() || is_heading(k) || is_block_title(k)) break;
    bool stop = false;
    for (auto w : d.lines[li].words) {
      const Word& x = d.words[w];
      if (x.furniture) continue;
      if (x.x1 > h.right + x.em) stop = true;
      bool in_data = x.cx() >= h.label_right;
      bool sentence = x.key.find_first_of(",;") != std::string::npos || x.key.find("。") != std::string::npos;
      if (in_data && (sentence || code_points(x.key) > 12)) stop = true;
    }
    if (stop) break;
    --lo;
  }
  return lo;
}

struct Region {
  std::size_t header;
  std::uint32_t lo, hi;
  std::vector<std::uint32_t> body;
  std::uint32_t end;                   ///< the first line after it
  std::vector<std::uint32_t> repeats;  ///< lines of headers repeated on later pages (not text)
};

/// The body from line `from` until `stop`, a heading, a block title or a line that does not fit.
Region scan(const Doc& d, const std::vector<Header>& hs, std::size_t k, std::uint32_t lo, std::uint32_t stop) {
  const Header& h = hs[k];
  Region r{k, lo, h.hi, {}, h.hi + 1, {}};
  std::uint32_t i = h.hi + 1;
  for (; i < stop && i < d.lines.size(); ++i) {
    std::string key = line_key(d, i);
    if (key.empty()) continue;
    if (!d.geometry[d.lines[i].page] || is_heading(key) || is_block_title(key) || !fits(d, i, h)) break;
    r.body.push_back(i);
  }
  r.end = i;
  return r;
}

/// Text with each byte's input offset; added separators take the place after the last word.
struct Writer {
  const Doc& d;
  std::string text;
  std::vector<std::uint32_t> map;
  std::uint32_t after = 0;
  bool mapped;
  void word_bytes(std::uint32_t w) {
    const Word& x = d.words[w];
    text.append(d.text(w));
    if (!mapped) return;
    for (auto b = x.begin; b < x.end; ++b) map.push_back(d.in->to_input[b]);
    after = d.in->to_input[x.end - 1] + 1;
  }
  void put(std::string_view s) {
    text.append(s);
    if (mapped) map.insert(map.end(), s.size(), after);
  }
  /// Words as join() writes them, each word's bytes mapped.
  void words(const std::vector<std::uint32_t>& ws, bool tabs) {
    std::string joined = join(d, ws, tabs);
    if (!mapped) { text += joined; return; }
    // walk the joined text: each word's bytes in order, separators between
    std::size_t at = 0;
    for (auto w : ws) {
      std::string_view t = d.text(w);
      std::size_t pos = joined.find(t, at);
      if (pos == std::string::npos) break;
      put(std::string_view(joined).substr(at, pos - at));
      word_bytes(w);
      at = pos + t.size();
    }
    put(std::string_view(joined).substr(at));
  }
};

/// A number wrapped in its cell, written as the one number it is — and named, for the reader
/// to check against the page: the digits' lines might be two values that share a cell.
void write_wrapped(Writer& w, const TGrid& g, const TCell& cell, std::vector<Diagnostic>& diagnostics, Language language) {
  const std::size_t at = w.text.size();
  // the span: the text layer's bytes written, or the input bytes of the words (in an XHTML file
  // they stand in the producer's order, not the cell's)
  std::uint32_t from = static_cast<std::uint32_t>(at), to = from;
  if (w.mapped) {
    from = UINT32_MAX, to = 0;
    for (auto x : cell.words) {
      from = std::min(from, w.d.in->to_input[w.d.words[x].begin]);
      to = std::max(to, w.d.in->to_input[w.d.words[x].end - 1] + 1);
    }
  }
  std::string parts;
  bool clipped = false;
  for (auto x : cell.words) {
    if (!parts.empty()) parts += " / ";
    parts += w.d.text(x);
    w.word_bytes(x);
    clipped |= w.d.words[x].clipped;
  }
  if (clipped) w.put("\u2026");  // a line cut by the page's side: the number's end is lost
  const std::string read = w.text.substr(at), lines = std::to_string(cell.words.size());
  Diagnostic diag;
  diag.code = "pdf.value_wrapped";
  diag.severity = Severity::warning;
  diag.table = to_string(g.table);
  diag.message = model::say(language,
                            "单元格中的数字分 " + lines + " 行印出（" + parts + "），按一个数读作 " + read + "，请对照原文核对",
                            "a cell's digits print on " + lines + " lines (" + parts + "): read as the one number " +
                                read + "; check it against the page");
  diag.span = Span{from, w.mapped ? to : static_cast<std::uint32_t>(w.text.size()), 0};
  diagnostics.push_back(std::move(diag));
}

struct Item {
  std::uint32_t page;
  float y;
  std::size_t seq;
  int grid;           ///< -1: a line of text
  std::size_t index;  ///< the line, or the grid's row
  std::vector<std::uint32_t> words;  ///< the line's words to write
};

}  // namespace

LaidOut lay_out(const PositionedText& in, std::vector<Diagnostic>& diagnostics, Language language) {
  Doc d = prepare(in);
  Pitches pitches = learn_pitches(d);
  std::vector<Header> hs = find_headers(d);

  // ---- table regions
  std::vector<Region> regions;
  long floor = -1;
  for (std::size_t k = 0; k < hs.size(); ++k) {
    const Header& h = hs[k];
    if (static_cast<long>(h.lo) <= floor) continue;
    std::uint32_t lo = h.kind == Kind::active_disclosure ? h.lo : extend_up(d, h, floor);
    std::uint32_t stop = static_cast<std::uint32_t>(d.lines.size());
    if (k + 1 < hs.size())
      stop = hs[k + 1].kind == Kind::active_disclosure ? hs[k + 1].lo : extend_up(d, hs[k + 1], static_cast<long>(h.hi));
    Region r = scan(d, hs, k, lo, stop);
    // a header repeated at the top of the next page continues the table above it
    if (!regions.empty()) {
      Region& p = regions.back();
      const Header& ph = hs[p.header];
      bool top_of_page = lo - d.page_first[h.page] <= 2;
      bool continued = ph.kind == h.kind && h.kind != Kind::active_disclosure && p.end == lo && top_of_page &&
                       !p.body.empty() && d.lines[p.body.back()].page + 1 == h.page;
      if (continued) {
        p.body.insert(p.body.end(), r.body.begin(), r.body.end());
        for (auto li = lo; li <= h.hi; ++li) p.repeats.push_back(li);
        p.end = r.end;
        floor = static_cast<long>(r.end) - 1;
        continue;
      }
    }
    regions.push_back(std::move(r));
    floor = static_cast<long>(regions.back().end) - 1;
  }

  // ---- grids; table 2's blocks, one after the other with only titles between, make one grid
  std::vector<bool> consumed(d.lines.size(), false);
  std::vector<TGrid> grids;
  for (std::size_t i = 0; i < regions.size();) {
    const Header& h = hs[regions[i].header];
    auto consume = [&](const Region& r) {
      for (auto li = r.lo; li <= hs[r.header].hi; ++li) consumed[li] = true;
      for (auto li : r.body) consumed[li] = true;
      for (auto li : r.repeats) consumed[li] = true;
    };
    if (h.kind != Kind::active_disclosure) {
      const Region& r = regions[i];
      bool closed = r.end >= d.lines.size() || is_heading(line_key(d, r.end));  // by the next section
      bool blank_row = h.kind == Kind::review_litigation && r.body.empty() && closed;
      grids.push_back(build_grid(d, h, r.lo, h.hi, r.body, pitches, diagnostics, blank_row));
      consume(regions[i]);
      ++i;
      continue;
    }
    std::vector<TGrid> blocks;
    std::vector<std::vector<std::uint32_t>> titles;
    std::size_t j = i;
    std::uint32_t prev_end = 0;
    for (; j < regions.size() && hs[regions[j].header].kind == Kind::active_disclosure; ++j) {
      const Region& r = regions[j];
      std::vector<std::uint32_t> t;
      if (j == i) {  // the title just above the first block
        for (std::uint32_t li = r.lo; li > 0 && r.lo - li < 2 && !consumed[li - 1] && is_block_title(line_key(d, li - 1)); --li)
          t.insert(t.begin(), li - 1);
      } else {
        bool only_titles = true;
        for (auto li = prev_end; li < r.lo; ++li) {
          std::string k = line_key(d, li);
          if (k.empty()) continue;
          if (is_block_title(k)) t.push_back(li);
          else only_titles = false;
        }
        if (!only_titles) break;
      }
      blocks.push_back(build_grid(d, hs[r.header], r.lo, hs[r.header].hi, r.body, pitches, diagnostics));
      titles.push_back(t);
      for (auto li : t) consumed[li] = true;
      consume(r);
      prev_end = r.end;
    }
    grids.push_back(merge_blocks(d, blocks, titles));
    i = j;
  }

  // ---- the text: lines and grid rows in reading order
  std::vector<Item> items;
  for (std::uint32_t li = 0; li < d.lines.size(); ++li) {
    const Line& l = d.lines[li];
    if (!consumed[li]) {
      items.push_back({l.page, l.cy, items.size(), -1, li, l.words});
      continue;
    }
    std::vector<std::uint32_t> furniture;  // a page number inside a table stays in the text
    for (auto w : l.words)
      if (d.words[w].furniture) furniture.push_back(w);
    if (!furniture.empty()) items.push_back({l.page, l.cy, items.size(), -1, li, furniture});
  }
  for (std::size_t gi = 0; gi < grids.size(); ++gi)
    for (std::size_t r = 0; r < grids[gi].rows.size(); ++r)
      items.push_back({grids[gi].rows[r].page, grids[gi].rows[r].y, items.size(), static_cast<int>(gi), r, {}});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.y != b.y) return a.y < b.y;
    return a.seq < b.seq;
  });

  LaidOut out;
  Writer w{d, {}, {}, 0, !in.to_input.empty()};
  // where each grid cell starts: (grid, row, col) → cell index
  std::vector<std::vector<int>> starts(grids.size());
  for (std::size_t gi = 0; gi < grids.size(); ++gi) {
    const TGrid& g = grids[gi];
    starts[gi].assign(g.rows.size() * static_cast<std::size_t>(g.cols), -1);
    for (std::size_t ci = 0; ci < g.cells.size(); ++ci) {
      const TCell& c = g.cells[ci];
      if (c.row >= 0 && c.row < static_cast<int>(g.rows.size()) && c.col >= 0 && c.col < g.cols)
        starts[gi][static_cast<std::size_t>(c.row) * static_cast<std::size_t>(g.cols) + static_cast<std::size_t>(c.col)] =
            static_cast<int>(ci);
    }
  }
  std::vector<Grid> made(grids.size());
  std::uint32_t page = 0;
  for (const Item& it : items) {
    for (; page < it.page; ++page) w.put("\f");
    if (it.grid < 0) {
      w.words(it.words, true);
    } else {
      const TGrid& g = grids[static_cast<std::size_t>(it.grid)];
      Grid& out_g = made[static_cast<std::size_t>(it.grid)];
      for (int c = 0; c < g.cols; ++c) {
        if (c > 0) w.put("\t");
        int ci = starts[static_cast<std::size_t>(it.grid)][it.index * static_cast<std::size_t>(g.cols) + static_cast<std::size_t>(c)];
        if (ci < 0) continue;
        const TCell& cell = g.cells[static_cast<std::size_t>(ci)];
        GridCell gc;
        gc.row = cell.row;
        gc.col = cell.col;
        gc.row_span = cell.rows;
        gc.col_span = cell.cols;
        gc.box = cell.box;
        gc.begin = static_cast<std::uint32_t>(w.text.size());
        if (cell.wrapped) {
          write_wrapped(w, g, cell, diagnostics, language);
        } else if (!cell.words.empty()) {
          w.words(cell.words, false);
        }
        gc.end = static_cast<std::uint32_t>(w.text.size());
        const bool off_page = static_cast<std::size_t>(cell.col) < g.off_page.size() && g.off_page[static_cast<std::size_t>(cell.col)];
        // a blank cell: a field holding a space — unless it stands past the page's side, where a
        // figure was cut off whole (an ellipsis: a number of unknown value)
        if (cell.words.empty() && cell.value) w.put(off_page ? "\u2026" : " ");
        out_g.cells.push_back(gc);
      }
    }
    w.put("\n");
  }
  for (std::size_t gi = 0; gi < grids.size(); ++gi) {
    made[gi].rows = static_cast<int>(grids[gi].rows.size());
    made[gi].cols = grids[gi].cols;
    std::stable_sort(made[gi].cells.begin(), made[gi].cells.end(),
                     [](auto& a, auto& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  }
  out.text = std::move(w.text);
  out.to_input = std::move(w.map);
  out.ordered = std::is_sorted(out.to_input.begin(), out.to_input.end());
  out.grids = std::move(made);
  return out;
}

}  // namespace ogi::sources::layout

namespace ogi::sources {
LaidOut lay_out(const PositionedText& words, std::vector<Diagnostic>& diagnostics, Language language) {
  return layout::lay_out(words, diagnostics, language);
}
}  // namespace ogi::sources
