// SPDX-License-Identifier: Apache-2.0
// Byte-level looks at an input before and after decoding: is it text at all, which lines read
// as UTF-8, which control characters it holds (docs/normalization.md, docs/limits.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/options.hpp"

namespace ogi::text {

/// A maximal ill-formed UTF-8 subsequence: bytes [offset, offset + length).
struct BadRun {
  std::uint32_t offset = 0, length = 0;
};
/// Every ill-formed run of `s`, in order; stops after `limit` runs.
std::vector<BadRun> invalid_utf8_runs(std::string_view s, std::size_t limit = SIZE_MAX);

/// How the non-ASCII bytes of one line read as UTF-8.
enum class LineKind : std::uint8_t {
  ascii,        ///< no byte ≥ 0x80
  utf8,         ///< well-formed, with at least one character of three or four bytes (CJK)
  broken_utf8,  ///< mostly well-formed multi-byte characters, some cut or damaged
  legacy,       ///< mostly ill-formed as UTF-8: another encoding (GB18030, Big5)
  undecided,    ///< too few non-ASCII bytes to tell
};
struct LineClass {
  std::uint32_t begin = 0, end = 0;  ///< the line's bytes, with its line break
  LineKind kind = LineKind::ascii;
  std::uint32_t non_ascii = 0;
};
/// Every line of `s` classified (used only for input that is not valid UTF-8).
std::vector<LineClass> classify_lines(std::string_view s);

/// Why the first bytes are not text (a PDF, a zip, an image, NUL or control bytes), in the
/// reader's language; nullopt when they may be text. UTF-16 with a BOM is text.
std::optional<std::string> binary_reason(std::string_view head, Language language);

/// "UTF-16LE" or "UTF-16BE" when the first bytes are UTF-16 without a byte order mark: NULs at
/// one parity and the code units, read in that order, nearly all ones Chinese text is made of
/// (ASCII, CJK, CJK and full-width punctuation). Empty otherwise.
std::string utf16_without_bom(std::string_view head);

/// Control characters in decoded UTF-8 text: C0 controls other than tab, line feed, carriage
/// return and form feed; DEL; C1 controls other than NEL; and the bidirectional overrides and
/// isolates that reorder what a terminal shows. Normalization ignores them all.
struct Controls {
  std::size_t count = 0;                ///< every such character
  std::size_t nul = 0;                  ///< of which NUL
  std::vector<std::uint32_t> offsets;   ///< UTF-8 offsets of the first few
  std::vector<std::string> names;       ///< distinct names in order of first appearance ("ESC", "NUL", "U+202E")
  bool ansi = false;                    ///< an ESC [ … sequence (terminal colours, cursor moves)
};
Controls find_controls(std::string_view utf8);

/// invalid_utf8_runs() and find_controls() in one pass over the input: its ill-formed runs and,
/// meaningful when there are none (the input is then the decoded text), its control characters.
struct Utf8Scan {
  std::vector<BadRun> bad;
  Controls controls;
};
Utf8Scan scan_utf8(std::string_view s);

/// The name a person recognises for a control character: "NUL", "ESC", "DEL", "U+202E".
std::string control_name(char32_t c);

}  // namespace ogi::text
