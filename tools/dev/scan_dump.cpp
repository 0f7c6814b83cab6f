// SPDX-License-Identifier: Apache-2.0
// Developer tool (not installed): shows how the applications table's rows were scanned —
// each label found, its line and the values that followed it. For working on new flattenings.
#include <fstream>
#include <iostream>
#include <sstream>

#include "ogi/parse.hpp"
#include "tables/rows.hpp"
#include "text/text.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: scan_dump FILE FIRST_LINE LAST_LINE   (1-based, inclusive)\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  std::vector<ogi::Diagnostic> diags;
  auto dec = ogi::text::decode(data, {}, diags);
  if (!std::holds_alternative<ogi::text::Decoded>(dec)) return 2;
  auto& decoded = std::get<ogi::text::Decoded>(dec);
  decoded.attach(data);
  auto nt = ogi::text::normalize(decoded);
  std::size_t first = std::stoul(argv[2]) - 1, last = std::stoul(argv[3]);
  for (std::size_t li = first; li < last && li < nt.lines.size(); ++li) {
    auto sl = ogi::tables::split_line(nt, li);
    std::cout << li + 1 << (nt.lines[li].dropped ? " D" : "  ") << ":";
    for (const auto& p : sl.pieces) {
      const char* k = p.kind == ogi::tables::PieceKind::number ? "N" : p.kind == ogi::tables::PieceKind::blank ? "B" : "T";
      std::cout << " " << k << "[" << nt.text.substr(p.begin, p.end - p.begin) << "]@" << p.column;
    }
    std::cout << "\n";
  }
  return 0;
}
