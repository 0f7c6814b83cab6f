// SPDX-License-Identifier: Apache-2.0
// Developer tool: the text and grids a published file (HTML, DOCX) is read into — what the
// pipeline's stages see (docs/formats.md). Lines are numbered as the report's lines count them.
//
//   build/tools/source_text FILE            the text, tabs shown as →
//   build/tools/source_text --grids FILE    each table's cells with their positions
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sources/sources.hpp"

int main(int argc, char** argv) {
  bool grids = argc > 2 && std::string(argv[1]) == "--grids";
  if (argc < 2) {
    std::cerr << "usage: source_text [--grids] FILE\n";
    return 2;
  }
  std::ifstream in(argv[argc - 1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  std::vector<ogi::Diagnostic> diags;
  auto r = ogi::sources::read(bytes, ogi::ParseOptions{}, diags);
  if (auto* e = std::get_if<ogi::Error>(&r)) {
    std::cerr << e->message << "\n";
    return 2;
  }
  auto& doc = std::get<ogi::sources::Document>(r);
  doc.decoded.attach(doc.input);
  std::string_view t = doc.decoded.view;
  if (grids) {
    for (std::size_t g = 0; g < doc.grids.size(); ++g) {
      const auto& grid = doc.grids[g];
      std::printf("grid %zu: %d x %d, depth %d\n", g, grid.rows, grid.cols, grid.depth);
      for (const auto& c : grid.cells)
        std::printf("  [%d,%d] %dx%d  %.*s\n", c.row, c.col, c.row_span, c.col_span, static_cast<int>(c.end - c.begin),
                    t.data() + c.begin);
    }
    return 0;
  }
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != '\n') continue;
    std::string l(t.substr(start, i - start));
    std::string shown;
    for (char c : l) shown += c == '\t' ? std::string("→") : std::string(1, c);
    std::uint32_t at = doc.decoded.input_offset(start);
    std::printf("%4zu %6u| %s\n", line, doc.decoded.input_line_starts.empty() ? at : doc.decoded.input_line(at),
                shown.c_str());
    ++line;
    start = i + 1;
  }
  return 0;
}
