// SPDX-License-Identifier: Apache-2.0
// The layout of positioned words, inside the sources stage (docs/formats.md "PDF"):
//   words.cpp    each word's size, ink band and reading frame; visual lines; page furniture
//   cells.cpp    fragments of lines, the in-cell line pitch, blocks of stacked fragments (cells)
//   terms.cpp    header words found in two dimensions (自/然/人 stacked, 科研/机构 wrapped)
//   headers.cpp  the three standard tables' headers: columns anchored on their words
//   grid.cpp     a table's rows (label cells, their parents), values placed by box → a grid
//   layout.cpp   table regions, and the text with each table row one tab-separated line
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/keys.hpp"
#include "sources/positioned.hpp"

namespace ogi::sources::layout {

/// A word ready for geometry, in its page's reading frame (rotation undone).
struct Word {
  std::uint32_t page = 0;
  float x0 = 0, x1 = 0;
  float top = 0, bottom = 0;  ///< the ink band: a tall (Type 3) box narrowed around its glyphs
  float cy = 0;               ///< vertical centre of the ink
  float em = 0;               ///< character size, from the width and the characters
  bool furniture = false;     ///< page number or running head
  bool wide = false;          ///< has a wide (CJK) character: its size and centre are reliable
  bool clipped = false;       ///< runs past the page's side: its characters beyond were not drawn
  std::uint32_t line = 0, at = 0;  ///< its line, and its place in it (left to right)
  std::uint32_t begin = 0, end = 0;  ///< its text: bytes of PositionedText::text
  std::string key;            ///< text::fold_key of its text
  float cx() const { return (x0 + x1) / 2; }
};

/// A visual line of one page: words whose ink centres agree, left to right.
struct Line {
  std::uint32_t page = 0;
  float cy = 0, em = 0;
  std::vector<std::uint32_t> words;
};

/// The words of a document, prepared. `lines` run page by page, top to bottom: a line's index is
/// its place in reading order, and tables are ranges of it.
struct Doc {
  const PositionedText* in = nullptr;
  std::vector<Word> words;
  std::vector<Line> lines;
  std::vector<std::uint32_t> page_first;  ///< first line of each page; one more entry: lines.size()
  std::vector<PositionedPage> pages;      ///< sizes in the reading frame
  std::vector<bool> geometry;             ///< per page: small enough for table geometry
  std::string_view text(std::uint32_t w) const {
    return std::string_view(in->text).substr(words[w].begin, words[w].end - words[w].begin);
  }
};

/// Prepares the words: sizes, ink bands, reading frames, duplicates dropped, lines, furniture.
Doc prepare(const PositionedText& in);

/// Words joined as they stand: nothing between touching words, a space across a gap, and — when
/// `tabs` — a tab across a gap wider than one and a half characters; `…` after a word clipped
/// by the page's side (the table stage reads a number ending in one as of unknown value).
std::string join(const Doc& d, const std::vector<std::uint32_t>& words, bool tabs);

// ---- cells.cpp ---------------------------------------------------------------------------------

/// Words of one line that read as one piece of a cell's text.
struct Fragment {
  std::uint32_t page = 0, line = 0;
  std::vector<std::uint32_t> words;
  float x0 = 0, x1 = 0, top = 0, bottom = 0, cy = 0, em = 0;
  std::string key;  ///< folded text
};
Fragment make_fragment(const Doc& d, std::uint32_t line, std::vector<std::uint32_t> words);
/// A line cut where the gap between words is wider than a character.
std::vector<Fragment> gap_fragments(const Doc& d, std::uint32_t line);
/// A line's words in a table's label zone, cut at wide gaps, before an enumerator (（三） | 1.),
/// and at the left edge of a label column (`starts`, for tables whose cells touch) — there, across
/// a gap narrower than a space only where fragments of the line `above` (the label line before, on
/// the same page) go on at both sides of the cut a line lower.
std::vector<Fragment> label_fragments(const Doc& d, std::uint32_t line, const std::vector<std::uint32_t>& words,
                                      const std::vector<float>& starts, const std::vector<Fragment>& above);
/// x positions where three or more label words begin: left edges of left-aligned label columns.
std::vector<float> column_starts(const Doc& d, const std::vector<std::vector<std::uint32_t>>& label_lines);

/// The line pitch inside a cell, per character size: the most common distance between stacked
/// fragments of CJK text (a wrapped cell repeats it; the border between cells adds to it).
struct Pitches {
  std::vector<std::pair<float, float>> by_em;  ///< (size bin, pitch)
  float of(float em) const;                    ///< 0 when unknown
};
Pitches learn_pitches(const Doc& d);

/// Stacked fragments that read as one cell.
struct Block {
  std::vector<Fragment> frags;
  std::uint32_t page = 0;  ///< of its first fragment
  float pitch = 0;         ///< between its lines; 0 until it has two
  float x0 = 0, x1 = 0, top = 0, bottom = 0, em = 0;  ///< top/bottom on its first page
  explicit Block(Fragment f);
  void add(Fragment f);
  float cy() const { return (top + bottom) / 2; }
  std::string key() const;
  std::vector<std::uint32_t> words() const;
};
/// Stacks each line's fragments (top to bottom, one page) into blocks: a fragment continues the
/// block above it when it lies under it, at the block's pitch (the in-cell pitch for a second
/// line), and does not open with an enumerator or stand as a bare number under text.
std::vector<Block> build_blocks(const std::vector<std::vector<Fragment>>& lines, const Pitches& pitches);

bool starts_enumerator(std::string_view key);  ///< 一、 （三） 1. (1) ① …
/// The enumerator's rank in the usual outline (GB/T 9704): 一、 1, （一） 2, 1. 3, （1） 4, ① 5;
/// 0 without one. An item is never nested under one of the same or a lower rank.
int enumerator_rank(std::string_view key);
bool is_enumerator(std::string_view key);      ///< nothing but one
bool is_number(std::string_view key);          ///< digits with , . and a sign

// ---- terms.cpp ---------------------------------------------------------------------------------

struct Term {
  int key;
  std::string folded;  ///< as fold_key gives it
};
/// Whole words that spell a term: along a line, then down the lines under it (on the next page
/// too, where a header row was split), each below overlapping the box so far.
struct Match {
  int key = 0;
  std::vector<std::uint32_t> words;
  std::uint32_t page = 0, first_line = 0, last_line = 0;
  float x0 = 0, x1 = 0, top = 0, bottom = 0, em = 0;  ///< top/bottom on its first page
  bool split = false;                                 ///< continued on the next page
};
std::vector<Match> find_terms(const Doc& d, const std::vector<Term>& terms);

// ---- headers.cpp -------------------------------------------------------------------------------

using Kind = TableKey;  ///< which of the three standard tables a header opens

/// A data column of a table, anchored on its header words.
struct Column {
  int key = 0;  ///< index in the table's known columns (table 4: group × 5 + column)
  float x0 = 0, x1 = 0;        ///< its header words
  float left = 0, right = 0;   ///< its span: halfway to the neighbouring headers
  float top = 0, bottom = 0;
  std::uint32_t page = 0;
  std::vector<std::uint32_t> words;
  /// Past the page's side (a table wider than its page): its header and its cells' figures are
  /// not on the page, only what of them reaches into it.
  bool off_page = false;
};

/// A table header found on the page: its columns and the lines it covers.
struct Header {
  Kind kind = Kind::applications;
  std::vector<Column> cols;
  std::vector<std::uint32_t> label_words;  ///< table 2: the 信息内容 cell
  float label_x1 = 0;
  std::uint32_t lo = 0, hi = 0;  ///< first and last line of the header
  float label_right = 0;         ///< the label zone ends here (the first column's left)
  float right = 0;               ///< the last column's right
  std::uint32_t page = 0;
};
/// Every table header in the document, in reading order, none overlapping another.
std::vector<Header> find_headers(const Doc& d);

/// True for a section heading (四、政府信息公开行政复议…) or a table-2 block title (第二十条第（五）项).
bool is_heading(std::string_view key);
bool is_block_title(std::string_view key);

// ---- grid.cpp ----------------------------------------------------------------------------------

struct TCell {
  int row = 0, col = 0, rows = 1, cols = 1;
  std::vector<std::uint32_t> words;
  bool value = false;  ///< a data cell (blank when it has no words)
  bool wrapped = false;  ///< a value's digits over several lines of a narrow cell (`15` over `22`)
  Box box;
};
struct TRow {
  std::uint32_t page = 0;
  float y = 0;  ///< where the row stands, for the reading order of the text
};
/// A table as cells with positions (one row per TRow), before its text is written.
struct TGrid {
  Kind table = Kind::active_disclosure;
  int cols = 0;
  std::vector<TRow> rows;
  std::vector<TCell> cells;
  int label_cols = 0;        ///< the first columns are the label columns
  std::vector<float> edges;  ///< x of the data columns' edges: the label zone's end, then each column's right
  std::vector<bool> off_page;  ///< per column: past the page's side (Column::off_page); empty: none
};

/// One table (or one block of table 2): header lines [hdr_lo, hdr_hi], body lines `body`.
/// `blank_row`: where the body has no row at all, the table's one row is there, blank in every
/// column (table 4 with nothing printed before the next heading: a blank cell leaves no word).
TGrid build_grid(const Doc& d, const Header& h, std::uint32_t hdr_lo, std::uint32_t hdr_hi,
                 const std::vector<std::uint32_t>& body, const Pitches& pitches, std::vector<Diagnostic>& diagnostics,
                 bool blank_row = false);
/// Table 2's blocks, each after its title lines, as one grid with the columns of all.
TGrid merge_blocks(const Doc& d, const std::vector<TGrid>& blocks, const std::vector<std::vector<std::uint32_t>>& titles);

}  // namespace ogi::sources::layout
