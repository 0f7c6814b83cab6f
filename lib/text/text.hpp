// SPDX-License-Identifier: Apache-2.0
// Stage 1, text: decode the input to UTF-8 and build the normalized view every later stage
// matches on, with an exact map back to the original bytes (docs/normalization.md).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ogi/diagnostic.hpp"
#include "ogi/error.hpp"
#include "ogi/options.hpp"

namespace ogi::text {

/// std::allocator, but what it makes without a value is left uninitialized: a buffer sized ahead
/// and then written (the normalized text's origins) is not zero-filled first.
template <class T>
struct UninitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitAllocator<U>;
  };
  UninitAllocator() = default;
  template <class U>
  UninitAllocator(const UninitAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

/// How wide a run of text is: display columns (CJK and full-width = 2) and characters.
struct TextWidth {
  int columns = 0, chars = 0;
};

/// The input as UTF-8. When the input already is valid UTF-8 nothing is copied: `utf8` is empty
/// and `view` points into the input.
struct Decoded {
  std::string encoding;                ///< "UTF-8", "UTF-16LE", "GB18030", …
  std::string utf8;                    ///< owned text when decoding changed it
  std::vector<std::uint32_t> to_input; ///< input offset of each byte of `utf8` (+1 for its end)
  std::string_view view;               ///< the UTF-8 text (into `utf8` or the input); set by attach()
  /// False when `to_input` is not non-decreasing: a PDF's words laid out in reading order come
  /// from anywhere in a bbox XHTML file. Ranges and inverse lookups then go through the running
  /// maximum of the map (NormalizedText::range, from_input), so that they stay ordered.
  bool ordered = true;
  /// For a text read out of markup (an HTML page), whose lines are its paragraphs and table rows
  /// rather than the input's: the input offset where each of the input's own lines starts, so
  /// that a line number can still name the input's line. Empty for a text dump (its lines are
  /// the input's) and where the input has no lines worth naming (a DOCX part).
  std::vector<std::uint32_t> input_line_starts;

  /// Points `view` at the text: the input itself when it was valid UTF-8, else `utf8`. Call it
  /// once this object is where it will stay (a moved std::string may move its characters).
  void attach(std::string_view input) { view = utf8.empty() && to_input.empty() ? input : std::string_view(utf8); }

  std::uint32_t input_offset(std::size_t decoded_offset) const {
    return to_input.empty() ? static_cast<std::uint32_t>(decoded_offset) : to_input[decoded_offset];
  }
  /// The 1-based input line holding input offset `at`, from input_line_starts (which must not be empty).
  std::uint32_t input_line(std::uint32_t at) const;
};

/// How far bytes are UTF-8: all valid; mostly (a few broken sequences among many good ones, as a
/// cut or truncated text has: decode() keeps such input as UTF-8, each bad run a U+FFFD); or not.
enum class Utf8Fit { valid, mostly, no };
Utf8Fit utf8_fit(std::string_view bytes);

/// Where the lines of `text` start: offset 0 and the offset after every line end (LF, CR LF or a
/// lone CR), as input offsets through `to_input` (empty = the same offsets).
std::vector<std::uint32_t> line_starts(std::string_view text, const std::vector<std::uint32_t>& to_input);

/// The Error for input of `size` bytes past options.max_input_bytes (too_large, in the options'
/// language), or nothing: every reader of bytes asks before it reads.
std::optional<Error> over_size_limit(std::size_t size, const ParseOptions& options);

/// The character decode() writes for a run of bad bytes, and what a tool that cut a character in
/// half printed (html2text's `行政�`): every reader that looks for cut text asks for this one.
inline constexpr std::string_view kCut = "\uFFFD";

/// Decodes `input`; bad bytes become U+FFFD with a warning (or an Error under options.strict).
/// The result's `view` is not set: call attach(input) on it where it stays.
std::variant<Decoded, Error> decode(std::string_view input, const ParseOptions& options,
                                    std::vector<Diagnostic>& diagnostics);

/// One line of the normalized view. Lines correspond one to one to the input's lines.
struct Line {
  std::uint32_t begin = 0, end = 0;  ///< in the normalized text, without the '\n'
  bool page_break = false;           ///< a form feed stood on this line (a new page starts here)
  bool dropped = false;              ///< a page number or running header: not part of the content
};

/// The normalized view: folded text (docs/normalization.md), one line per input line, and for
/// every byte the input offset it came from.
class NormalizedText {
 public:
  std::string text;
  std::vector<std::uint32_t, UninitAllocator<std::uint32_t>> origin;  ///< origin[i]: offset in the decoded text for text[i]; origin[size] = its end
  std::vector<Line> lines;
  const Decoded* decoded = nullptr;   ///< what it was made from; must outlive this object

  /// The input offset of normalized offset b.
  std::uint32_t input_offset(std::uint32_t b) const { return decoded->input_offset(origin[b]); }
  /// The first normalized offset whose input offset is at or after `input` (inverse of input_offset).
  std::uint32_t from_input(std::uint32_t input) const;
  /// Display column (CJK = 2) at which normalized offset b stands in its line, measured on the
  /// text as written: full-width characters keep their width even where normalization folded them.
  int display_column(std::uint32_t b) const;

  /// display_column() for increasing offsets within one line, in time linear in the line; and
  /// the same counted in characters (an ideograph one wide: pdftotext -layout's grid), in the
  /// same walk.
  class ColumnCursor {
   public:
    ColumnCursor(const NormalizedText& nt, std::size_t line);
    TextWidth at(std::uint32_t b);  ///< b must not decrease between calls
   private:
    const NormalizedText& nt_;
    std::uint32_t at_;  ///< decoded offset reached
    TextWidth reached_;
  };

  std::string_view line_text(std::size_t i) const {
    return std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin);
  }
  /// The input span of the text normalized bytes [b, e) came from, with the 1-based line of b.
  /// It ends with the last character that produced output: characters normalization dropped
  /// after it (an artefact space, a zero-width character) stay outside.
  /// `line`, where the caller knows it (a token's), saves looking it up; checked, so a wrong one
  /// costs only the look-up.
  Span span(std::uint32_t b, std::uint32_t e, std::size_t line = SIZE_MAX) const;
  /// The input range between two normalized boundaries, dropped characters included: for
  /// regions that must tile the input (sections). Ordered even where the map is not.
  Span range(std::uint32_t b, std::uint32_t e) const;
  /// input_offset(), made non-decreasing where the map is not ordered (its running maximum).
  std::uint32_t ordered_input_offset(std::uint32_t b) const;
  /// The span of a whole line (index i, 0-based).
  Span line_span(std::size_t i) const { return span(lines[i].begin, lines[i].end); }
  /// 0-based line index containing normalized offset b.
  std::size_t line_of(std::uint32_t b) const;
};

/// Normalizes `decoded`, which must outlive the result.
NormalizedText normalize(const Decoded& decoded);

/// The text folded as the normalized view folds it (full-width forms, radicals, NFKC, dashes,
/// quotes), with every space and control character removed: a key for comparing short labels
/// whatever tool extracted them ("⾃ 然 ⼈" and "自然人" give the same key).
std::string fold_key(std::string_view utf8);

/// Display width of UTF-8 text in terminal columns (CJK and full-width = 2), as space-aligned
/// table dumps count it.
int display_width(std::string_view utf8);
/// The display width and the characters (code points) of valid UTF-8 text, in one walk.
TextWidth measure(std::string_view utf8);

/// Decodes one UTF-8 code point at s[i] (valid UTF-8 assumed); advances i.
char32_t next_code_point(std::string_view s, std::size_t& i);
/// True for Han ideographs (not punctuation).
bool is_han(char32_t c);

}  // namespace ogi::text
