// SPDX-License-Identifier: Apache-2.0
// Stage 2, sources: what kind of document the input is, and its text and tables in the one shape
// every later stage reads (docs/formats.md).
//
// A text dump is its own text. A published file (HTML page, Word document, PDF) is read by a
// reader of its own into
//   - the document's text: one line per heading, paragraph and table row, as a text::Decoded
//     whose every byte maps to the byte of `Document::input` it came from (so spans point into
//     the published file), and
//   - its tables as real cells (`Grid`): merged cells resolved, each cell's text a range of that
//     text. In the text, a table row is one line with its cells separated by tabs, a merged cell's
//     text standing at its top-left position and empty fields for the positions it covers.
// The outline, metadata and narrative stages read the text; the table engine reads the grids'
// exact cell indices (and, for a text dump, the cut lines).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ogi/diagnostic.hpp"
#include "ogi/error.hpp"
#include "ogi/options.hpp"
#include "text/text.hpp"

namespace ogi::sources {

/// A word's or a cell's box on a page, in PDF points from the page's top-left corner.
struct Box {
  int page = -1;  ///< 0-based; -1 = no geometry
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// One cell of a table with real cells.
struct GridCell {
  std::uint32_t begin = 0, end = 0;  ///< the cell's text: a range of Document::decoded's UTF-8
  int row = 0, col = 0;              ///< top-left position in the grid, 0-based
  int row_span = 1, col_span = 1;
  Box box;                           ///< where the source has geometry (PDF)
};

/// A table as the published file draws it. `cells` are row-major by their top-left position.
struct Grid {
  int rows = 0, cols = 0;
  std::vector<GridCell> cells;
  int depth = 0;  ///< nesting: 0 for a table in the body, 1 for a table inside another's cell, …
};

/// A read document, in the shape the pipeline reads.
struct Document {
  InputFormat format = InputFormat::text;
  /// The bytes every span indexes: the input itself; for a DOCX the inflated word/document.xml;
  /// for a PDF the text layer ogi extracted (docs/formats.md says which, per format).
  std::string input;
  std::string part;       ///< "" when spans index the input; else which part ("word/document.xml")
  text::Decoded decoded;  ///< the text, mapped to `input`; call decoded.attach(input) where it stays
  std::vector<Grid> grids;
};

/// What the bytes are: a PDF, a zip (DOCX), an HTML page, bbox XHTML, or text (the default).
InputFormat sniff(std::string_view bytes);

/// Reads the input in `options.format` (sniffed when automatic). Bad bytes, broken markup and
/// similar findings go to `diagnostics`; an input that cannot be read at all is an Error.
std::variant<Document, Error> read(std::string_view bytes, const ParseOptions& options,
                                   std::vector<Diagnostic>& diagnostics);

}  // namespace ogi::sources
