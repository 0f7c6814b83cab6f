// SPDX-License-Identifier: Apache-2.0
// Developer tool (not installed): the text and grids the sources stage makes of a PDF (with the
// PDF component) or a bbox XHTML file: `layout_dump FILE` writes the text (tabs shown as |),
// `layout_dump FILE --grids` each grid's cells with their positions and boxes.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ogi/options.hpp"
#include "sources/sources.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#endif

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: layout_dump FILE [--grids]\n";
    return 2;
  }
#ifdef OGI_WITH_PDF
  ogi::pdf::enable();
#endif
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  std::vector<ogi::Diagnostic> diags;
  auto r = ogi::sources::read(data, {}, diags);
  if (auto* e = std::get_if<ogi::Error>(&r)) {
    std::cerr << e->message << "\n";
    return 2;
  }
  auto& doc = std::get<ogi::sources::Document>(r);
  doc.decoded.attach(doc.input);
  std::string_view t = doc.decoded.view;
  if (argc > 2 && std::string(argv[2]) == "--grids") {
    for (std::size_t g = 0; g < doc.grids.size(); ++g) {
      const auto& grid = doc.grids[g];
      std::cout << "grid " << g << ": " << grid.rows << " x " << grid.cols << "\n";
      for (const auto& c : grid.cells)
        std::cout << "  [" << c.row << "," << c.col << "] " << c.row_span << "x" << c.col_span << " p" << c.box.page
                  << " (" << c.box.x0 << "," << c.box.y0 << ")-(" << c.box.x1 << "," << c.box.y1 << ") "
                  << t.substr(c.begin, c.end - c.begin) << "\n";
    }
  } else {
    for (char c : t) std::cout << (c == '\t' ? '|' : c == '\f' ? '~' : c);
  }
  for (const auto& d : diags) std::cerr << d.code << ": " << d.message << "\n";
}
