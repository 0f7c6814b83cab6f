// SPDX-License-Identifier: Apache-2.0
// Building a flow, and rendering it as the pipeline's text and grids (see flow.hpp).
#include "sources/flow.hpp"

#include <algorithm>
#include <cstring>

#include "model/say.hpp"

namespace ogi::sources::flow {

std::uint32_t Flow::source_of(std::size_t i) const {
  auto next = std::upper_bound(runs.begin(), runs.end(), i, [](std::size_t k, const Run& r) { return k < r.at; });
  if (next == runs.begin()) return 0;
  const Run& r = *(next - 1);
  if (!r.verbatim) return r.source;
  std::size_t lead = i;
  while (lead > r.at && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  return r.source + static_cast<std::uint32_t>(lead - r.at);
}

Builder::Builder(Flow& flow, bool collapse_space) : f_(flow), collapse_(collapse_space) {}

std::vector<Block>& Builder::target() {
  if (cells_.empty()) return f_.body;
  const OpenCell& c = cells_.back();
  return f_.tables[static_cast<std::size_t>(c.table)].cells[c.cell].blocks;
}

Table* Builder::table() { return tables_.empty() ? nullptr : &f_.tables[static_cast<std::size_t>(tables_.back())]; }

void Builder::mark(std::size_t at, std::uint32_t from, bool verbatim) {
  const auto here = static_cast<std::uint32_t>(at);
  if (!f_.runs.empty()) {
    const Run& last = f_.runs.back();
    if (verbatim && last.verbatim && from >= last.source && from - last.source == here - last.at) return;
    if (!verbatim && !last.verbatim && from == last.source) return;
  }
  f_.runs.push_back(Run{here, from, verbatim});
}

void Builder::open_line(std::uint32_t from) {
  if (!line_open_) {
    line_open_ = true;
    pending_space_ = false;
    line_ = Block{};
    line_.begin = static_cast<std::uint32_t>(f_.text.size());
    line_.source = from;
  } else if (pending_space_) {
    mark(f_.text.size(), pending_from_, true);
    f_.text.push_back(' ');
    pending_space_ = false;
  }
}

namespace {
/// Whether `utf8` is one character: its first byte the only one that is not a continuation.
bool one_character(std::string_view utf8) {
  for (std::size_t k = 1; k < utf8.size(); ++k)
    if ((static_cast<unsigned char>(utf8[k]) & 0xC0) != 0x80) return false;
  return !utf8.empty() && (static_cast<unsigned char>(utf8[0]) & 0xC0) != 0x80;
}
}  // namespace

void Builder::put(std::string_view utf8, std::uint32_t from, std::uint32_t end) {
  open_line(from);
  if (!utf8.empty()) {
    mark(f_.text.size(), from, one_character(utf8));
    f_.text.append(utf8);
  }
  line_.source_end = end;
}

void Builder::put_verbatim(std::string_view utf8, std::uint32_t from) {
  if (utf8.empty()) return;
  open_line(from);
  mark(f_.text.size(), from, true);
  f_.text.append(utf8);
  line_.source_end = from + static_cast<std::uint32_t>(utf8.size());
}

void Builder::space(std::uint32_t from) {
  if (!collapse_) {
    put(" ", from, from + 1);
    return;
  }
  if (line_open_ && !pending_space_) {
    pending_space_ = true;
    pending_from_ = from;
  }
}

void Builder::line_break() {
  if (!line_open_) return;
  line_.end = static_cast<std::uint32_t>(f_.text.size());
  target().push_back(line_);
  line_open_ = false;
  pending_space_ = false;
}

int Builder::open_table(std::uint32_t at) {
  line_break();
  int t = static_cast<int>(f_.tables.size());
  Block b;
  b.table = t;
  b.source = b.source_end = at;
  target().push_back(b);
  f_.tables.emplace_back();
  f_.tables.back().depth = static_cast<int>(tables_.size());
  tables_.push_back(t);
  return t;
}

void Builder::open_row(std::uint32_t at) {
  line_break();
  if (Table* t = table()) t->row_source.push_back(at);
}

void Builder::open_cell(int row, int col, int row_span, int col_span, std::uint32_t at) {
  line_break();
  Table* t = table();
  if (!t) return;
  Cell c;
  c.row = row;
  c.col = col;
  c.row_span = row_span;
  c.col_span = col_span;
  c.source = at;
  t->cells.push_back(std::move(c));
  cells_.push_back(OpenCell{tables_.back(), t->cells.size() - 1});
}

void Builder::close_cell() {
  line_break();
  if (!cells_.empty()) cells_.pop_back();
}

void Builder::close_table(int rows, int cols) {
  line_break();
  if (tables_.empty()) return;
  Table& t = f_.tables[static_cast<std::size_t>(tables_.back())];
  t.rows = rows;
  t.cols = cols;
  // cells opened inside and never closed (broken markup) belong to it: forget them
  while (!cells_.empty() && cells_.back().table == tables_.back()) cells_.pop_back();
  tables_.pop_back();
}

namespace {

// A cell holding more than this many lines or bytes holds running text, not a value or a label:
// its table lays out the page.
constexpr std::size_t kLayoutCellLines = 6;
constexpr std::size_t kLayoutCellBytes = 600;

bool is_layout(const Table& t) {
  if (t.cells.size() <= 1) return true;
  for (const Cell& c : t.cells) {
    std::size_t bytes = 0;
    for (const Block& b : c.blocks) {
      if (b.table >= 0) return true;
      bytes += b.end - b.begin;
    }
    if (c.blocks.size() > kLayoutCellLines || bytes > kLayoutCellBytes) return true;
  }
  return false;
}

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (s[i] == ' ' || s[i] == '\t') { len = 1; return true; }
  if (s.substr(i, 2) == "\xC2\xA0") { len = 2; return true; }           // no-break space
  if (s.substr(i, 3) == "\xE3\x80\x80") { len = 3; return true; }       // ideographic space
  return false;
}

class Renderer {
 public:
  Renderer(const Flow& f, Document& doc, const Limits& limits) : f_(f), doc_(doc), limits_(limits) {}

  bool blocks(const std::vector<Block>& bs) {
    for (const Block& b : bs)
      if (!(b.table >= 0 ? table(f_.tables[static_cast<std::size_t>(b.table)]) : (line(b), true))) return false;
    return true;
  }
  std::size_t positions = 0;

 private:
  // Every byte maps to an input offset that does not go back: text that markup moved (a
  // browser moves stray text out of a table) keeps the offset before it. The map is made so as
  // it grows: each offset is at least the one before.
  void emit(char c, std::uint32_t from) {
    out().push_back(c);
    last_ = std::max(last_, from);
    map().push_back(last_);
  }
  /// A block's text, and each of its bytes' input offsets from the flow's runs.
  void copy(const Block& b, bool in_cell) {
    std::string& o = out();
    const std::size_t start = o.size();
    o.append(f_.text, b.begin, b.end - b.begin);
    if (in_cell)  // a tab in a cell is not a cell boundary
      for (char* t = o.data() + start; (t = static_cast<char*>(std::memchr(t, '\t', static_cast<std::size_t>(o.data() + o.size() - t))));)
        *t = ' ';
    std::vector<std::uint32_t>& m = map();
    m.resize(start + (b.end - b.begin));
    std::uint32_t* to = m.data() + start;
    const std::vector<Run>& runs = f_.runs;
    auto r = static_cast<std::size_t>(
        std::upper_bound(runs.begin(), runs.end(), b.begin, [](std::uint32_t k, const Run& x) { return k < x.at; }) -
        runs.begin());
    std::uint32_t last = last_;
    for (std::uint32_t k = b.begin; k < b.end; ++r) {  // runs[r - 1] holds k
      const Run& run = runs[r - 1];
      const std::uint32_t stop = r < runs.size() ? std::min(b.end, runs[r].at) : b.end;
      if (!run.verbatim) {
        last = std::max(last, run.source);
        for (; k < stop; ++k) *to++ = last;
      } else if (run.source + (k - run.at) >= last) {  // the run's offsets only grow: no maximum to take
        const char* t = f_.text.data();
        const std::uint32_t base = run.source - run.at;
        std::uint32_t at = base + k;
        for (; k < stop; ++k) {
          if ((static_cast<unsigned char>(t[k]) & 0xC0) != 0x80) at = base + k;
          *to++ = at;
        }
        last = at;
      } else {
        for (; k < stop; ++k) {
          if ((static_cast<unsigned char>(f_.text[k]) & 0xC0) != 0x80) last = std::max(last, run.source + (k - run.at));
          *to++ = last;
        }
      }
    }
    last_ = last;
  }
  void line(const Block& b) {
    copy(b, false);
    emit('\n', b.source_end);
  }
  bool table(const Table& t) {
    positions += static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.cols);
    if (positions > limits_.max_positions) return false;
    if (is_layout(t)) {
      for (const Cell& c : t.cells)
        if (!blocks(c.blocks)) return false;
      return true;
    }
    grid(t);
    return true;
  }
  void grid(const Table& t) {
    Grid g;
    g.rows = t.rows;
    g.cols = t.cols;
    g.depth = t.depth;
    std::size_t k = 0;
    for (int r = 0; r < t.rows; ++r) {
      std::uint32_t last_end = r < static_cast<int>(t.row_source.size()) ? t.row_source[static_cast<std::size_t>(r)]
                               : map().empty() ? 0 : map().back();
      for (int c = 0; c < t.cols; ++c) {
        if (c > 0) emit('\t', last_end);
        while (k < t.cells.size() && (t.cells[k].row < r || (t.cells[k].row == r && t.cells[k].col < c))) ++k;
        if (k == t.cells.size() || t.cells[k].row != r || t.cells[k].col != c) continue;
        const Cell& cell = t.cells[k];
        auto begin = static_cast<std::uint32_t>(out().size());
        bool first = true;
        for (const Block& b : cell.blocks) {
          if (!first) emit(' ', b.source);  // the cell's lines, joined
          first = false;
          copy(b, true);
          last_end = b.source_end;
        }
        GridCell gc;
        gc.begin = begin;
        gc.end = static_cast<std::uint32_t>(out().size());
        trim(gc);
        gc.row = r;
        gc.col = c;
        gc.row_span = cell.row_span;
        gc.col_span = cell.col_span;
        g.cells.push_back(gc);
      }
      emit('\n', last_end);
    }
    doc_.grids.push_back(std::move(g));
  }
  /// A cell's range leaves out the white space around its text.
  void trim(GridCell& gc) {
    std::string_view s = out();
    std::size_t len = 0;
    while (gc.begin < gc.end && is_space_at(s, gc.begin, len)) gc.begin += static_cast<std::uint32_t>(len);
    while (gc.end > gc.begin) {
      std::size_t j = gc.end - 1;
      while (j > gc.begin && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
      if (!is_space_at(s, j, len) || j + len != gc.end) break;
      gc.end = static_cast<std::uint32_t>(j);
    }
  }
  std::string& out() { return doc_.decoded.utf8; }
  std::vector<std::uint32_t>& map() { return doc_.decoded.to_input; }

  const Flow& f_;
  Document& doc_;
  const Limits& limits_;
  std::uint32_t last_ = 0;  ///< the last offset mapped
};

}  // namespace

std::variant<Document, Error> render(const Flow& flow, InputFormat format, const Limits& limits, Language language) {
  Document doc;
  doc.format = format;
  doc.decoded.utf8.reserve(flow.text.size() + flow.text.size() / 8 + 16);
  doc.decoded.to_input.reserve(flow.text.size() + flow.text.size() / 8 + 17);
  Renderer r(flow, doc, limits);
  if (!r.blocks(flow.body))
    return Error{ErrorCode::bad_document,
                 model::say(language,
                            "文档的表格超过 " + std::to_string(limits.max_positions) +
                                " 个单元格位置，超出其大小应有的范围：文档是恶意构造的或已损坏",
                            "the document's tables have over " + std::to_string(limits.max_positions) +
                                " cell positions, more than its size can hold: a hostile or broken document"),
                 0};
  auto& map = doc.decoded.to_input;
  map.push_back(map.empty() ? 0 : map.back());  // the text's end
  return doc;
}

}  // namespace ogi::sources::flow
