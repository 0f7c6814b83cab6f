// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the bbox XHTML reader and the layout of positioned words (docs/formats.md "PDF"):
// the words' map into the input, the grids' cells inside their table and the text, and the whole
// parse of the input as bbox XHTML with every invariant of invariants.hpp.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "sources/positioned.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (256u << 10)) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<ogi::Diagnostic> diags;
  auto r = ogi::sources::read_bbox_xhtml(in, ogi::Language::zh, diags);
  if (auto* words = std::get_if<ogi::sources::PositionedText>(&r)) {
    OGI_INVARIANT(words->to_input.size() == words->text.size());
    for (auto o : words->to_input) OGI_INVARIANT(o < in.size());
    for (const auto& w : words->words) OGI_INVARIANT(w.begin < w.end && w.end <= words->text.size());
    auto laid = ogi::sources::lay_out(*words, diags);
    OGI_INVARIANT(laid.to_input.size() == laid.text.size());
    for (auto o : laid.to_input) OGI_INVARIANT(o < in.size());
    for (const auto& g : laid.grids)
      for (const auto& c : g.cells) {
        OGI_INVARIANT(c.begin <= c.end && c.end <= laid.text.size());
        OGI_INVARIANT(c.row >= 0 && c.col >= 0 && c.row_span >= 1 && c.col_span >= 1);
        OGI_INVARIANT(c.row + c.row_span <= g.rows && c.col + c.col_span <= g.cols);
      }
  }
  ogi::ParseOptions opt;
  opt.format = ogi::InputFormat::xhtml;
  ogi_fuzz::check_parse(in, opt);
  return 0;
}
