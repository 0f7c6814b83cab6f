// SPDX-License-Identifier: Apache-2.0
// Developer tool (not installed): shows a table's candidate — every token of lines FIRST..LAST
// with its kind, field, display column and the role the label alignment gave it — and the values
// the row-by-row reading took for each row. For working on new flattenings.
//   scan_dump FILE FIRST_LINE LAST_LINE [2|3|4 [2019|2021]]
// and, per row, the evidence (columns.hpp `Evidence`, by number) and placements of its values.
#include <fstream>
#include <iostream>
#include <sstream>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/labels.hpp"
#include "tables/layout.hpp"
#include "tables/rows.hpp"
#include "text/text.hpp"

int main(int argc, char** argv) {
  using namespace ogi::tables;
  if (argc < 4) {
    std::cerr << "usage: scan_dump FILE FIRST_LINE LAST_LINE [TABLE 2|3|4]   (lines 1-based, inclusive)\n";
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
  int which = argc > 4 ? std::stoi(argv[4]) : 3;
  auto key = which == 2 ? ogi::TableKey::active_disclosure : which == 4 ? ogi::TableKey::review_litigation : ogi::TableKey::applications;
  const auto version = argc > 5 && std::string(argv[5]) == "2019" ? ogi::TemplateVersion::v2019 : ogi::TemplateVersion::v2021;
  Layout layout = make_layout(key, version, ogi::templates::OtherRows::three);
  Candidate cand = text_candidate(nt, first, last);
  LabelMatches matches(nt, cand.tokens, *layout.def);
  LabelAlignment align = align_labels(matches, layout);
  static const char* roles[] = {"foreign", "ROW", "cont", "group", "header"};
  for (const Candidate::Line& line : cand.lines) {
    std::cout << line.nt_line + 1 << " +" << line.empties_before << ":";
    for (std::uint32_t i = line.first; i < line.last; ++i) {
      const Token& t = cand.tokens[i];
      const char* k = t.kind == TokenKind::number ? "N" : t.kind == TokenKind::blank ? "B" : "T";
      std::cout << " " << k << "[" << token_text(nt, t) << "]" << (t.damaged ? "!" : "") << "f" << t.at.field << "c" << t.at.column;
      if (t.kind == TokenKind::text) {
        std::cout << "<" << roles[static_cast<int>(align.marks[i].role)];
        if (align.marks[i].row != -1) std::cout << " " << align.marks[i].row;
        std::cout << ">";
      }
    }
    std::cout << "\n";
  }
  RowReading rows = read_rows(cand, align, layout);
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    std::cout << "row " << r << (rows.rows[r].found ? "" : " (not found)") << ":";
    for (std::uint32_t v : rows.rows[r].values) std::cout << " " << token_text(nt, cand.tokens[v]);
    std::cout << "\n";
  }
  DumpLayout dump;
  std::vector<RowOptions> options = place_columns(nt, cand, align, rows, layout, dump);
  for (std::size_t r = 0; r < options.size(); ++r) {
    std::cout << "options " << r << ": evidence " << static_cast<int>(options[r].evidence) << " " << options[r].why;
    for (std::size_t k = 0; k < options[r].placements.size() && k < 4; ++k) {
      std::cout << " [";
      for (std::int32_t t : options[r].placements[k]) std::cout << " " << (t < 0 ? std::string("_") : std::string(token_text(nt, cand.tokens[static_cast<std::size_t>(t)])));
      std::cout << " ]";
    }
    if (options[r].placements.size() > 4) std::cout << " … " << options[r].placements.size();
    std::cout << "\n";
  }
  return 0;
}
