// Prose as paragraphs: lines joined where the text was only wrapped (a hard wrap, or a word split
// over a blank line or a page break: "…质量和政⏎⏎务公开…"). The normalized view keeps lines one to
// one with the input; readers of prose (the narrative checks) take paragraphs from here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "text/patterns.hpp"
#include "text/text.hpp"

namespace ogi::text {

struct Paragraph {
  std::string text;                 ///< joined text without spaces (readers' patterns are written without them)
  std::vector<std::uint32_t> at;    ///< normalized offset of each byte of `text` (+1 for its end)
  std::size_t first_line = 0;       ///< 0-based
  CharSet chars;                    ///< the characters of `text`, for skipping patterns
};

/// The paragraphs of lines [first, last). Lines are joined when the first ends mid-sentence (an
/// ideograph or digit, no closing punctuation), is long enough to have been wrapped, and the next
/// non-blank line does not open a heading or a list item.
/// Computed once per parse and shared by its readers (contacts, the narrative checks).
std::vector<Paragraph> paragraphs(const NormalizedText& nt, std::size_t first, std::size_t last);

}  // namespace ogi::text
