// SPDX-License-Identifier: Apache-2.0
// What the readers of published files (HTML, DOCX) build before it becomes the pipeline's text: a
// flow of lines (headings, paragraphs) and tables whose cells hold flows of their own, every
// character with the input bytes it came from. render() turns a flow into a sources::Document:
// one line per paragraph and per table row, a row's cells separated by tabs, and the tables'
// grids (docs/formats.md). Deciding what is a layout table and resolving merged cells into text
// positions happens here once, for every format.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sources/sources.hpp"

namespace ogi::sources::flow {

/// One line (a paragraph, a heading, a line cut by <br>) or one table, in document order.
struct Block {
  std::uint32_t begin = 0, end = 0;        ///< a line: its text in Flow::text
  int table = -1;                          ///< a table: its index in Flow::tables
  std::uint32_t source = 0, source_end = 0;  ///< input bytes: where it starts, where its last character ends
};

struct Cell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::vector<Block> blocks;
  std::uint32_t source = 0;  ///< where the cell starts in the input
};

struct Table {
  int rows = 0, cols = 0;
  std::vector<Cell> cells;                ///< row-major by top-left position
  std::vector<std::uint32_t> row_source;  ///< where each row starts in the input
  int depth = 0;                          ///< enclosing tables
};

/// Where a stretch of Flow::text came from, from text offset `at` to the next run's: every byte
/// of a `verbatim` run's characters maps to `source` + (its character's first byte − `at`) (text
/// that is the input's own bytes, one character after another); every byte of another run to
/// `source` (one character put alone: a reference, a character of a converted page).
struct Run {
  std::uint32_t at = 0, source = 0;
  bool verbatim = false;
};

/// The flow of a document. `text` holds every line's characters; `runs` (ordered by `at`, the
/// first at 0 when there is text) say which input offset each byte's character came from: a few
/// runs for a part read as it is written, rather than a map of four bytes a byte.
struct Flow {
  std::string text;
  std::vector<Run> runs;
  std::vector<Block> body;
  std::vector<Table> tables;

  /// The input offset of the character text byte i belongs to.
  std::uint32_t source_of(std::size_t i) const;
};

/// Builds a flow in document order. Lines collect characters until a break; cells and tables
/// nest. With `collapse_space` (HTML), runs of white space become one space and a line starts
/// and ends with no white space; otherwise (DOCX) every character is kept as given.
class Builder {
 public:
  Builder(Flow& flow, bool collapse_space);

  /// One character (its UTF-8 bytes) that came from input bytes [from, end).
  void put(std::string_view utf8, std::uint32_t from, std::uint32_t end);
  /// Whole characters (valid UTF-8) that are the input's own bytes [from, from + size): each
  /// character maps to its own bytes, as put() one by one would map it.
  void put_verbatim(std::string_view utf8, std::uint32_t from);
  /// Collapsible white space at input offset `from` (in collapse mode; else a plain space).
  void space(std::uint32_t from);
  /// Ends the current line (a block boundary, <br>, a Word paragraph). An empty line is dropped.
  void line_break();

  /// Opens a table at input offset `at`; returns its index. Rows and cells follow.
  int open_table(std::uint32_t at);
  void open_row(std::uint32_t at);
  /// Opens the cell at grid position (row, col) of the table being built.
  void open_cell(int row, int col, int row_span, int col_span, std::uint32_t at);
  void close_cell();
  /// Closes the table; rows and cols are the grid's extent.
  void close_table(int rows, int cols);

  /// The table being built (innermost), or nullptr.
  Table* table();
  /// Tables open around the current position.
  std::size_t depth() const { return tables_.size(); }

 private:
  struct OpenCell {
    int table;        ///< index into Flow::tables
    std::size_t cell; ///< index into that table's cells
  };
  std::vector<Block>& target();
  /// Records that the text put at offset `at` came from `from`, verbatim (one character, or
  /// characters that are the input's own bytes) or not: the last run goes on where it can.
  void mark(std::size_t at, std::uint32_t from, bool verbatim);
  /// Opens a line at input offset `from`, or puts the pending space of the open one.
  void open_line(std::uint32_t from);

  Flow& f_;
  bool collapse_;
  bool pending_space_ = false;
  std::uint32_t pending_from_ = 0;
  bool line_open_ = false;
  Block line_;
  std::vector<int> tables_;       ///< open tables, innermost last
  std::vector<OpenCell> cells_;   ///< open cells, innermost last
};

/// Limits that keep a hostile document from making more text than its size warrants.
struct Limits {
  std::size_t max_positions;  ///< grid positions (rows × columns) over all tables
};

/// Makes the document's text and grids from a flow (the renderer of docs/formats.md): layout
/// tables (one cell, a cell holding a table, a cell holding many lines) are read through as lines;
/// every other table becomes one line per row and a Grid. Fails only over the limits, saying so
/// in `language`.
std::variant<Document, Error> render(const Flow& flow, InputFormat format, const Limits& limits, Language language);

}  // namespace ogi::sources::flow
