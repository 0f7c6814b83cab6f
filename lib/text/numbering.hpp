// SPDX-License-Identifier: Apache-2.0
// Numbering as reports write it: 一、 （一） 一是 1. （1）. Shared by the outline, the paragraph
// joiner and the table cutter (a glued run of digits ends where the next label's numbering starts).
#pragma once
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace ogi::text {

/// The styles of enumerated items below a top-level heading, in no fixed order of depth: each
/// report nests them its own way.
enum class ItemStyle { paren_han, shi, arabic, paren_arabic };

/// "一、" "一." "一，" at the start of squeezed text: 1..10, else 0; `rest` gets the text after.
int top_numbering(std::string_view s, std::string_view& rest);

/// An enumerated item at the start of `s` (leading spaces already trimmed, inner spaces kept):
/// "(一)" "一是" "1." "1、" "(1)". Returns the number (1..99), else 0; sets style and where the
/// item's text starts. "1.5万" and "2021年" are not items.
int item_numbering(std::string_view s, ItemStyle& style, std::size_t& text_at);

/// The Chinese numeral for 1..10 ("一".."十").
std::string_view numeral_text(int n);

/// Whether s starts / ends with p, for the per-token paths (the table cutter, label matching):
/// a size test, then the bytes. Always inlined: with a literal p the compiler compares in place,
/// where std::string_view::starts_with (`substr(0, n) == p`) calls memcmp for each test.
[[gnu::always_inline]] inline bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && std::memcmp(s.data(), p.data(), p.size()) == 0;
}
[[gnu::always_inline]] inline bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && std::memcmp(s.data() + s.size() - p.size(), p.data(), p.size()) == 0;
}

/// s without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

/// s without the marks tools put around a heading (Markdown's # and **, html2text's ****, a
/// rule of = or _) and the spaces and tabs beside them.
std::string_view strip_heading_marks(std::string_view s);

/// The text with all spaces and tabs removed (labels and headings compared as written, whatever
/// the layout put between their characters).
std::string squeeze(std::string_view s);

/// squeeze() into `out` (cleared first): a reader of many lines keeps one buffer for them all.
void squeeze_into(std::string_view s, std::string& out);

/// Characters (UTF-8 lead bytes) in s.
std::size_t char_count(std::string_view s);

/// char_count(s) > n, counting only when the byte length leaves it open.
bool more_chars_than(std::string_view s, std::size_t n);

/// s cut after `n` characters.
std::string_view first_chars(std::string_view s, std::size_t n);

}  // namespace ogi::text
