// SPDX-License-Identifier: Apache-2.0
// Building a flow, and rendering it as the pipeline's text and grids (see flow.hpp).
#include "sources/flow.hpp"

#include <algorithm>

#include "model/say.hpp"

namespace ogi::sources::flow {

Builder::Builder(Flow& flow, bool collapse_space) : f_(flow), collapse_(collapse_space) {}

std::vector<Block>& Builder::target() {
  if (cells_.empty()) return f_.body;
  const OpenCell& c = cells_.back();
  return f_.tables[static_cast<std::size_t>(c.table)].cells[c.cell].blocks;
}

Table* Builder::table() { return tables_.empty() ? nullptr : &f_.tables[static_cast<std::size_t>(tables_.back())]; }

void Builder::put(std::string_view utf8, std::uint32_t from, std::uint32_t end) {
  if (!line_open_) {
    line_open_ = true;
    pending_space_ = false;
    line_ = Block{};
    line_.begin = static_cast<std::uint32_t>(f_.text.size());
    line_.source = from;
  } else if (pending_space_) {
    f_.text.push_back(' ');
    f_.from.push_back(pending_from_);
    pending_space_ = false;
  }
  f_.text.append(utf8);
  f_.from.insert(f_.from.end(), utf8.size(), from);
  line_.source_end = end;
}

void Builder::put_verbatim(std::string_view utf8, std::uint32_t from) {
  if (utf8.empty()) return;
  put(utf8.substr(0, 0), from, from);  // opens the line or puts the pending space
  f_.text.append(utf8);
  const std::size_t base = f_.from.size();
  f_.from.resize(base + utf8.size());
  std::uint32_t lead = from;
  for (std::size_t k = 0; k < utf8.size(); ++k) {
    if ((static_cast<unsigned char>(utf8[k]) & 0xC0) != 0x80) lead = from + static_cast<std::uint32_t>(k);
    f_.from[base + k] = lead;
  }
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
  void emit(char c, std::uint32_t from) {
    out().push_back(c);
    map().push_back(from);
  }
  void copy(const Block& b, bool in_cell) {
    for (std::uint32_t i = b.begin; i < b.end; ++i) {
      char c = f_.text[i];
      emit(in_cell && c == '\t' ? ' ' : c, f_.from[i]);  // a tab in a cell is not a cell boundary
    }
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
  // Every byte maps to an input offset that does not go back: text that markup moved (a
  // browser moves stray text out of a table) keeps the offset before it.
  for (std::size_t i = 1; i < map.size(); ++i) map[i] = std::max(map[i], map[i - 1]);
  map.push_back(map.empty() ? 0 : map.back());  // the text's end
  return doc;
}

}  // namespace ogi::sources::flow
