// SPDX-License-Identifier: Apache-2.0
// Positioned words: a PDF's text layer as its producers give it — pages, and every word with its
// box — whoever extracted it (the bbox XHTML of `pdftotext -bbox-layout`, read here, or the
// ogi::pdf component's poppler reader). lay_out() turns them into the Document every later stage
// reads: the text in reading order with each table row one tab-separated line, and the tables as
// grids of real cells found by geometry (docs/formats.md, "PDF").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ogi/diagnostic.hpp"
#include "ogi/error.hpp"
#include "ogi/options.hpp"
#include "sources/sources.hpp"

namespace ogi::sources {

struct PositionedPage {
  float width = 0, height = 0;  ///< points
};

struct PositionedWord {
  std::uint32_t page = 0;                ///< 0-based index into PositionedText::pages
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< the box in points from the page's top-left corner
  float font_size = 0;                   ///< as the producer says (0: not said); a hint only
  std::uint8_t rotation = 0;             ///< quarter turns clockwise of the baseline (0: left to right)
  std::uint32_t begin = 0, end = 0;      ///< the word's UTF-8 text: bytes [begin, end) of PositionedText::text
};

/// The backend-neutral input of the layout.
struct PositionedText {
  std::vector<PositionedPage> pages;
  std::vector<PositionedWord> words;    ///< page by page; within a page, in the producer's order
  std::string text;                     ///< every word's text, one after the other
  std::vector<std::uint32_t> to_input;  ///< input offset of each byte of `text`; empty: the words have no input bytes
};

/// What the layout makes of positioned words: the text (one line per visual line; a table row
/// one line, its cells separated by tabs; a form feed before each new page), the input offset
/// of each of its bytes (+1 for its end; empty when the words had none), and the tables' grids.
struct LaidOut {
  std::string text;
  std::vector<std::uint32_t> to_input;
  bool ordered = true;  ///< to_input is non-decreasing
  std::vector<Grid> grids;
};

/// Lays out positioned words (docs/formats.md "PDF": the geometry rules). Findings about the
/// layout (a number wrapped in its cell) go to `diagnostics`, in `language`.
LaidOut lay_out(const PositionedText& words, std::vector<Diagnostic>& diagnostics, Language language = Language::zh);

/// Reads the XHTML that `pdftotext -bbox-layout` (or `-bbox`) writes into positioned words whose
/// bytes are the words' text in it. A file without a single page is an Error. Messages (the
/// Error's, xhtml.malformed's) are in `language`.
std::variant<PositionedText, Error> read_bbox_xhtml(std::string_view bytes, Language language,
                                                    std::vector<Diagnostic>& diagnostics);

/// A reader of PDF files into positioned words. The core has none: the ogi::pdf component
/// (GPL, poppler) sets one at start-up through ogi::pdf::enable().
using PdfReader = std::variant<PositionedText, Error> (*)(std::string_view bytes, const ParseOptions& options,
                                                          std::vector<Diagnostic>& diagnostics);
/// Sets the PDF reader for the whole program (thread-safe; nullptr removes it).
void set_pdf_reader(PdfReader reader);
/// The PDF reader set, or nullptr.
PdfReader pdf_reader();

}  // namespace ogi::sources
