// SPDX-License-Identifier: Apache-2.0
// Joining wrapped prose (see paragraphs.hpp).
#include "text/paragraphs.hpp"

#include <algorithm>

#include "text/numbering.hpp"

namespace ogi::text {
namespace {

constexpr int kWrappedWidth = 40;
constexpr std::size_t kFilteredBytes = 32;  // paragraphs this long get a character filter  // display columns: shorter lines end where the author ended them

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t j = s.size() - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return next_code_point(s, j);
}

/// display_width(line) >= kWrappedWidth, measured on the line's first 64 bytes first: no
/// character is narrower than nothing, so a start that wide decides it (for CJK text, 21
/// characters instead of up to 53).
bool wrapped_width(std::string_view line) {
  std::size_t head = std::min<std::size_t>(line.size(), 64);
  while (head < line.size() && (static_cast<unsigned char>(line[head]) & 0xC0) == 0x80) --head;
  return display_width(line.substr(0, head)) >= kWrappedWidth || (head < line.size() && display_width(line) >= kWrappedWidth);
}

bool mid_sentence(char32_t c) { return is_han(c) || (c >= '0' && c <= '9'); }

/// A line that opens something of its own: 一、 (一) 1. 一是 …, or any bracket.
bool opens_item(std::string_view s) {
  std::string_view rest;
  ItemStyle style;
  std::size_t text_at = 0;
  return s.substr(0, 1) == "(" || top_numbering(s, rest) != 0 || item_numbering(s, style, text_at) != 0;
}

}  // namespace

std::vector<Paragraph> paragraphs(const NormalizedText& nt, std::size_t first, std::size_t last) {
  std::vector<Paragraph> out;
  bool prev_mid = false;   // the previous non-blank line ended mid-sentence
  bool prev_long = false;  // ... and was long enough to have been wrapped
  bool blank_between = false;
  for (std::size_t li = first; li < last && li < nt.lines.size(); ++li) {
    if (nt.lines[li].dropped) continue;
    std::string_view line = trim(nt.line_text(li));
    if (line.empty()) {
      blank_between = true;
      continue;
    }
    // Joined: the text was only wrapped. Across a blank line or a page break only when the line
    // before was a full wrapped line (a word cut there: "…质量和政⏎⏎务公开…").
    bool join = !out.empty() && prev_mid && !opens_item(line) && (!blank_between || prev_long);
    if (!join) {
      out.emplace_back();
      out.back().first_line = li;
      out.back().text.reserve(line.size());  // most paragraphs are one line
    }
    auto base = static_cast<std::uint32_t>(line.data() - nt.text.data());
    Paragraph& p = out.back();
    // copied in runs between spaces, each byte mapped to its own offset
    for (std::size_t k = 0; k < line.size();) {
      std::size_t e = line.find(' ', k);
      if (e == std::string_view::npos) e = line.size();
      if (e > k) {
        p.runs.push_back({static_cast<std::uint32_t>(p.text.size()), base + static_cast<std::uint32_t>(k)});
        p.text.append(line.substr(k, e - k));
      }
      k = e + 1;
    }
    prev_mid = mid_sentence(last_code_point(line));
    // 160 bytes are at least 40 characters of at least one column, and no character is wider
    // than its bytes: only lines between 40 and 160 bytes are measured
    prev_long = line.size() >= 4 * kWrappedWidth || (line.size() >= kWrappedWidth && wrapped_width(line));
    blank_between = false;
  }
  for (Paragraph& p : out) {
    if (p.runs.empty()) p.runs.push_back({0, 0});
    if (p.text.size() >= kFilteredBytes) {
      p.chars_.emplace();
      p.chars_->add_valid(p.text);
    }
  }
  return out;
}

}  // namespace ogi::text
