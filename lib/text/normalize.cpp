// SPDX-License-Identifier: Apache-2.0
// Normalization for matching (docs/normalization.md). One pass over the decoded text: each code
// point is folded through a small fast table (ASCII, full-width forms, spaces, dashes, quotes,
// brackets, invisible characters), the CJK Radicals Supplement map, or — only for code points ICU
// says are not NFKC-inert — ICU's NFKC mapping. Every output byte records the input offset of the
// code point it came from, so every span maps back exactly.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <numeric>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text.hpp"

namespace ogi::text {
namespace {

/// The CJK Radicals Supplement (U+2E80–U+2EFF), which NFKC leaves as it is, folded to the
/// ideographs Unicode names as equivalent: PDF extractors print ⺠ for 民, ⻄ for 西 (docs/normalization.md).
struct RadicalPair {
  char32_t radical, ideograph;
};
constexpr RadicalPair kRadicalPairs[] = {
#include "text/radicals.inc"
};

/// Indexed by c - 0x2E80; 0 where Unicode names no equivalent (⺀, ⺚).
constexpr auto kRadicals = [] {
  std::array<char32_t, 0x80> t{};
  for (const RadicalPair& p : kRadicalPairs) t[p.radical - 0x2E80] = p.ideograph;
  return t;
}();

enum class Fold { keep, drop, space, map };

/// The fast table. Returns what to do with c; `to` receives the replacement for Fold::map.
Fold fold(char32_t c, char32_t& to) {
  if (c < 0x80) return Fold::keep;
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return Fold::space;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return Fold::drop;
    // direction marks, overrides and isolates: invisible, but they reorder what is shown
    case 0x061C: case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C: case 0x202D:
    case 0x202E: case 0x2066: case 0x2067: case 0x2068: case 0x2069: return Fold::drop;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
      to = '-'; return Fold::map;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: case 0xFE58:
      to = 0x2014; return Fold::map;  // one form for long dashes: —
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: to = '\''; return Fold::map;
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x300C: case 0x300D:
      to = '"'; return Fold::map;
    case 0x3010: case 0xFF3B: case 0x3014: to = 0x3014; return Fold::map;  // 【［〔 → 〔
    case 0x3011: case 0xFF3D: case 0x3015: to = 0x3015; return Fold::map;  // 】］〕 → 〕
    default: break;
  }
  if (c >= 0x80 && c <= 0x9F && c != 0x85) return Fold::drop;  // C1 controls (NEL is a line break)
  if (c >= 0x2000 && c <= 0x200A) return Fold::space;
  if (c >= 0xFF01 && c <= 0xFF5E) { to = c - 0xFEE0; return Fold::map; }
  if (c >= 0x2E80 && c <= 0x2EFF) {
    to = kRadicals[c - 0x2E80];
    return to ? Fold::map : Fold::keep;
  }
  return Fold::keep;
}

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(st);
    return U_SUCCESS(st) ? p : nullptr;
  }();
  return n;
}

/// Calls fn with each code point of c's NFKC form, where that form differs from c (ideographs
/// are kept as they are); false where it does not, or NFKC is unavailable.
template <class Fn>
bool each_nfkc(char32_t c, Fn&& fn) {
  const icu::Normalizer2* n2 = nfkc();
  if (!n2 || is_han(c) || n2->isInert(static_cast<UChar32>(c))) return false;
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString folded = n2->normalize(icu::UnicodeString(static_cast<UChar32>(c)), st);
  if (U_FAILURE(st)) return false;
  for (int32_t k = 0; k < folded.length();) {
    UChar32 f = folded.char32At(k);
    k += U16_LENGTH(f);
    fn(static_cast<char32_t>(f));
  }
  return true;
}

/// Measure words that follow a number in prose ("2021 年", "16 件"). Only before these is a space
/// after a digit an artefact: before other ideographs it may separate a table's last cell from
/// the next heading ("… 0 1 五、存在的主要问题").
bool is_counter(char32_t c) {
  switch (c) {
    case U'年': case U'月': case U'日': case U'件': case U'个': case U'项': case U'条': case U'次':
    case U'人': case U'家': case U'万': case U'元': case U'期': case U'篇': case U'份': case U'号':
    case U'天': case U'名': case U'批': case U'类': case U'余': case U'多':
      return true;
    default:
      return false;
  }
}

/// The normalized text and its origins, written through pointers into buffers sized ahead (the
/// pass writes a byte or a run at a time: a push_back's checks and a resize's zero-fill at every
/// one cost as much as the writing). room() before each step keeps kSlack bytes free past the
/// step's own, which the block copies below may write over.
struct Output {
  static constexpr std::size_t kSlack = 128;  ///< > one code point's NFKC form (18 code points) and a block copy's overrun
  std::string& text;
  std::vector<std::uint32_t, UninitAllocator<std::uint32_t>>& origin;
  char* t = nullptr;           ///< next byte of text
  std::uint32_t* o = nullptr;  ///< its origin
  std::size_t size() const { return static_cast<std::size_t>(t - text.data()); }
  void room(std::size_t n) {
    if (n + kSlack <= text.size() - size()) return;
    const std::size_t used = size(), want = std::max(2 * text.size(), used + n + 2 * kSlack);
    text.resize(want);
    origin.resize(want);
    t = text.data() + used;
    o = origin.data() + used;
  }
  void finish() {
    const std::size_t used = size();
    text.resize(used);
    origin.resize(used);
  }
};

struct Builder {
  Output& out;
  // A single space between two ideographs (or a digit and an ideograph) is an extraction
  // artefact ("总 计", "2021 年"); it is held back until the next code point decides.
  bool pending_space = false;
  std::uint32_t pending_from = 0;
  char32_t prev = 0;

  /// The held-back space, before code point c: dropped when it stood between two ideographs
  /// or between a digit and a measure word, else emitted.
  void settle(char32_t c) {
    if (!pending_space) return;
    pending_space = false;
    bool glue = is_han(c) && (is_han(prev) || (prev >= '0' && prev <= '9' && is_counter(c)));
    if (!glue) emit(' ', pending_from);
  }
  void put(char32_t c, std::uint32_t from) {
    settle(c);
    emit(c, from);
  }
  /// put() for a code point kept as it is: its bytes are copied from the source.
  void put_same(char32_t c, std::string_view bytes, std::uint32_t from) {
    settle(c);
    for (char byte : bytes) {  // one to four bytes
      *out.t++ = byte;
      *out.o++ = from;
    }
    prev = c;
  }
  /// Source bytes [b, e) of `s` that normalize to themselves, in one piece, each byte mapped to
  /// its own offset; `first` and `last` are its first and last code points (of the last only
  /// whether it is an ideograph or a digit matters to what follows).
  void copy(std::string_view s, std::size_t b, std::size_t e, char32_t first, char32_t last) {
    settle(first);
    out.room(e - b + 16);
    copy_bytes(out.t, s.data() + b, e - b, s.size() - b);
    count_from(out.o, e - b, static_cast<std::uint32_t>(b));
    out.t += e - b;
    out.o += e - b;
    prev = last;
  }
  /// d[k] = s[k] for k < n, sixteen at a time where SSE2 is and `readable` bytes from s allow:
  /// up to fifteen bytes past d + n are written over (room() keeps them free).
  static void copy_bytes(char* d, const char* s, std::size_t n, std::size_t readable) {
    std::size_t k = 0;
#if defined(__SSE2__)
    for (; k < n && k + 16 <= readable; k += 16)
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d + k), _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + k)));
#endif
    if (k < n) std::memcpy(d + k, s + k, n - k);
  }
  /// d[k] = first + k for k < n: four at a time where SSE2 is, the last four written whole
  /// (up to three past d + n: room() keeps them free).
  static void count_from(std::uint32_t* d, std::size_t n, std::uint32_t first) {
#if defined(__SSE2__)
    __m128i four = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(first)), _mm_setr_epi32(0, 1, 2, 3));
    const __m128i step = _mm_set1_epi32(4);
    for (std::size_t k = 0; k < n; k += 4) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d + k), four);
      four = _mm_add_epi32(four, step);
    }
#else
    for (std::size_t k = 0; k < n; ++k) d[k] = first + static_cast<std::uint32_t>(k);
#endif
  }
  void space(std::uint32_t from) {
    if (pending_space) {  // a run of spaces is real layout: keep it all
      pending_space = false;
      emit(' ', pending_from);
      emit(' ', from);
      return;
    }
    if (prev == ' ' || prev == '\t' || prev == 0 || prev == '\n') { emit(' ', from); return; }
    pending_space = true;
    pending_from = from;
  }
  void flush() {
    if (pending_space) emit(' ', pending_from);
    pending_space = false;
  }
  void emit(char32_t c, std::uint32_t from) {
    if (c < 0x80) {  // most of the text: one byte, one origin
      *out.t++ = static_cast<char>(c);
      *out.o++ = from;
      prev = c;
      return;
    }
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
    (void)err;
    for (int32_t k = 0; k < len; ++k) {
      *out.t++ = buf[k];
      *out.o++ = from;
    }
    prev = c;
  }
};

/// The code point of the three-byte UTF-8 sequence at p.
char32_t three_bytes(const unsigned char* p) {
  return (static_cast<char32_t>(p[0] & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) |
         static_cast<char32_t>(p[2] & 0x3F);
}

#if defined(__SSE2__)
/// Bytes of v in [lo, hi] (unsigned), as a mask of 0xFF lanes.
inline __m128i bytes_in(__m128i v, unsigned char lo, unsigned char hi) {
  return _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(lo))),
                                     _mm_set1_epi8(static_cast<char>(hi))),
                        v);
}

/// plain_run() sixteen bytes at a time, from a character boundary i: a byte is plain when it is
/// printable ASCII or a tab, a continuation byte, a lead E5–E9, or a lead E4 before B8–BF. In valid UTF-8
/// read from a boundary, the continuation bytes before the first byte that is not plain all
/// belong to plain leads before them, and that byte (no continuation) starts a character: the
/// run ends there. Sets `end` and returns true when the run's end was found; else returns a
/// character boundary inside the run (near the text's end), for the byte-by-byte steps.
bool plain_blocks(const unsigned char* p, std::size_t n, std::size_t& i) {
  const std::size_t start = i;
  while (i + 18 <= n) {  // v and the byte after each of its bytes, and a last lead's two more
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i e4 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)));
    const __m128i plain = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(bytes_in(v, 0x21, 0x7E), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))), bytes_in(v, 0x80, 0xBF)),
        _mm_or_si128(bytes_in(v, 0xE5, 0xE9), _mm_and_si128(e4, bytes_in(next, 0xB8, 0xBF))));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(plain));
    if (mask != 0xFFFFu) {
      i += static_cast<unsigned>(__builtin_ctz(~mask));
      return true;
    }
    i += 16;
  }
  while (i > start && (p[i] & 0xC0) == 0x80) --i;  // back to the character that straddles the last block's end
  return false;
}
#endif

/// End of the run from i of printable ASCII (not space), tabs and U+4E00–U+9FFF (leads E5–E9, or E4
/// before B8–BF: E4 B8 80 is U+4E00), which normalize to themselves and need no context beyond
/// the run's first character. Continuation bytes are not checked: the text is valid UTF-8.
std::size_t plain_run(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
#if defined(__SSE2__)
  if (plain_blocks(p, n, i)) return i;
#endif
  while (i < n) {
    const unsigned c = p[i];
    if (c - 0x21u < 0x7Fu - 0x21u || c == '\t') {
      ++i;
    } else if (c - 0xE5u <= 0xE9u - 0xE5u && i + 2 < n) {
      i += 3;
    } else if (c == 0xE4u && i + 2 < n && (p[i + 1] & 0x3Fu) >= 0x38u) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

/// What normalization does with a code point outside the plain runs, told to a sink: space()
/// (a space: an artefact held back, or layout), put(c), keep() (the code point as it is),
/// line() (a Unicode line separator); nothing for a dropped one. The fast table and the code
/// point by code point path both come from here, so that they cannot disagree.
template <class Sink>
void fold_char(char32_t c, Sink& sink) {
  char32_t to = 0;
  switch (fold(c, to)) {
    case Fold::drop: return;
    case Fold::space: sink.space(); return;
    case Fold::map: sink.put(to); return;
    case Fold::keep: break;
  }
  if (c == 0x2028 || c == 0x2029 || c == 0x85) {  // Unicode line separators
    sink.line();
    return;
  }
  bool folded = each_nfkc(c, [&](char32_t f) {
    char32_t t2 = 0;
    switch (fold(f, t2)) {
      case Fold::drop: break;
      case Fold::space: sink.space(); break;
      case Fold::map: sink.put(t2); break;
      case Fold::keep: sink.put(f); break;
    }
  });
  if (!folded) sink.keep();
}

/// fold_char() of one code point, recorded: up to three steps, each a code point put or a space.
struct FoldSteps {
  static constexpr char32_t kSpace = 0xFFFFFFFF;
  char32_t step[3] = {};
  std::uint8_t count = 0;
  bool general = false;  ///< more steps, or a line separator: left to the code point path
};

/// The blocks whose code points stand between the plain runs of Chinese text: general
/// punctuation (“” — …), CJK punctuation (、。「」【】) and the full-width forms (，：（）).
struct FoldBlock {
  char32_t first, last;
};
constexpr FoldBlock kFoldBlocks[] = {{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}};

/// fold_char() of every code point of kFoldBlocks, computed once.
const std::vector<FoldSteps>& fold_table() {
  static const std::vector<FoldSteps> table = [] {
    struct Recorder {
      FoldSteps& r;
      char32_t c;
      void add(char32_t x) {
        if (r.count == 3) r.general = true;
        else r.step[r.count++] = x;
      }
      void space() { add(FoldSteps::kSpace); }
      void put(char32_t x) { add(x); }
      void keep() { add(c); }
      void line() { r.general = true; }
    };
    std::vector<FoldSteps> t;
    for (const FoldBlock& b : kFoldBlocks)
      for (char32_t c = b.first; c <= b.last; ++c) {
        FoldSteps r;
        Recorder rec{r, c};
        fold_char(c, rec);
        t.push_back(r);
      }
    return t;
  }();
  return table;
}

/// The recorded steps for c, or null when c is in none of kFoldBlocks or left to the code point path.
const FoldSteps* fold_steps(char32_t c) {
  std::size_t base = 0;
  for (const FoldBlock& b : kFoldBlocks) {
    if (c >= b.first && c <= b.last) {
      const FoldSteps& r = fold_table()[base + (c - b.first)];
      return r.general ? nullptr : &r;
    }
    base += b.last - b.first + 1;
  }
  return nullptr;
}

/// The CJK punctuation (U+3000–U+303F) that normalizes to itself (、。《》…), a bit per code
/// point: the plain runs go on through it.
std::uint64_t kept_cjk_punctuation() {
  static const std::uint64_t mask = [] {
    std::uint64_t m = 0;
    for (char32_t c = 0x3000; c <= 0x303F; ++c)
      if (const FoldSteps* f = fold_steps(c); f && f->count == 1 && f->step[0] == c) m |= std::uint64_t{1} << (c - 0x3000);
    return m;
  }();
  return mask;
}

bool is_page_number_line(std::string_view s) {
  // Trim spaces.
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return false;
  auto strip = [&](std::string_view p) {
    if (s.substr(0, p.size()) == p) { s.remove_prefix(p.size()); return true; }
    return false;
  };
  auto strip_back = [&](std::string_view p) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) { s.remove_suffix(p.size()); return true; }
    return false;
  };
  auto trim = [&] {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  };
  auto digits = [&] {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || n > 4) return false;
    s.remove_prefix(n);
    return true;
  };
  // "- 3 -", "—3—"
  if (strip("-") || strip("\u2014")) {
    trim();
    if (!digits()) return false;
    trim();
    return (strip("-") || strip("\u2014")) && s.empty();
  }
  // "第 3 页", "第3页 共9页"
  if (strip("第")) {
    trim();
    if (!digits()) return false;
    trim();
    if (!strip("页")) return false;
    trim();
    if (s.empty()) return true;
    if (!strip("共")) return false;
    trim();
    if (!digits()) return false;
    trim();
    return strip_back("页") && s.empty();
  }
  return false;
}

bool is_bare_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.size() > 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trimmed(std::string_view t) {
  auto b = t.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return t.substr(b, t.find_last_not_of(" \t") - b + 1);
}

/// Running headers and footers: the first and last non-blank line of each page, when the same
/// short text stands there on two or more pages. Table rows (runs of spaces, tabs) never count.
void mark_running_lines(NormalizedText& nt) {
  auto& L = nt.lines;
  std::vector<std::size_t> candidates;
  auto non_blank = [&](std::size_t i) { return !trimmed(nt.line_text(i)).empty(); };
  for (std::size_t i = 0; i < L.size(); ++i) {
    if (!L[i].page_break) continue;
    for (std::size_t j = i; j < L.size() && j < i + 4; ++j)  // the new page's first line
      if (non_blank(j) && !L[j].dropped) { candidates.push_back(j); break; }
    for (std::size_t j = i; j-- > 0 && j + 4 > i;)  // the previous page's last line
      if (non_blank(j) && !L[j].dropped) { candidates.push_back(j); break; }
  }
  // a line alone on its page is that page's first and last: one line, not two pages' (a table's
  // `（六）其他处理` row printed alone on a page is no running header)
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (candidates.size() < 2) return;
  std::map<std::string_view, int> seen;
  // A number or a blank mark at a page's foot is a table cell ("0", "-" under a column), never a
  // running line: page numbers have their own rule below.
  auto cell_like = [](std::string_view t) {
    return t.find_first_not_of("0123456789.,-/ ") == std::string_view::npos || t == "\u2014" || t == "\u65E0";
  };
  auto eligible = [&](std::string_view t) {
    return t.size() <= 90 && t.find("  ") == std::string_view::npos && t.find('\t') == std::string_view::npos &&
           !cell_like(t);
  };
  for (std::size_t c : candidates) {
    auto t = trimmed(nt.line_text(c));
    if (eligible(t)) ++seen[t];
  }
  for (std::size_t c : candidates) {
    auto t = trimmed(nt.line_text(c));
    if (eligible(t) && seen[t] >= 2) L[c].dropped = true;
  }
}

void mark_page_furniture(NormalizedText& nt) {
  mark_running_lines(nt);
  auto& L = nt.lines;
  bool marked_numbers = false;
  for (std::size_t i = 0; i < L.size(); ++i)
    if (is_page_number_line(nt.line_text(i))) L[i].dropped = marked_numbers = true;
  if (marked_numbers) return;  // the document numbers its pages visibly: bare numbers are content
  // Otherwise a bare number right before the k-th page break is page k's number only when it is k
  // (a table cell "0" or "3" at the foot of a page must stay), and only where the pages number
  // themselves so: on every page but one at least (two at least), or on the one page a single
  // break ends. One match among many pages is a cell that happens to equal its page (table 4's
  // last `4` on page 4), and so are two among four (mutool: table 3's `2` at the foot of page 2
  // and table 4's `3` of page 3, the other pages' feet no number: corpus 173).
  int page = 0;
  std::vector<std::size_t> numbered;
  for (std::size_t i = 0; i < L.size(); ++i) {
    if (!L[i].page_break) continue;
    ++page;
    std::size_t j = i;
    while (j > 0) {
      --j;
      auto t = nt.line_text(j);
      if (t.find_first_not_of(" \t") == std::string_view::npos) continue;
      if (is_bare_number(t) && std::stoi(std::string(t.substr(t.find_first_not_of(' ')))) == page) numbered.push_back(j);
      break;
    }
  }
  const auto every_page_but_one = static_cast<std::size_t>(std::max(2, page - 1));
  if (numbered.size() >= every_page_but_one || (page == 1 && numbered.size() == 1))
    for (std::size_t j : numbered) L[j].dropped = true;
}

}  // namespace

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  UChar32 c;
  auto n = static_cast<int32_t>(s.size());
  auto j = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, n, c);
  i = static_cast<std::size_t>(j);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

NormalizedText normalize(const Decoded& dec) {
  NormalizedText nt;
  std::string_view s = dec.view;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  nt.text.resize(n + 2 * Output::kSlack);
  nt.origin.resize(n + 2 * Output::kSlack);
  Output out{nt.text, nt.origin, nt.text.data(), nt.origin.data()};
  Builder b{out};
  Line cur;
  std::size_t i = 0;
  auto end_line = [&] {
    b.flush();
    cur.end = static_cast<std::uint32_t>(out.size());
    nt.lines.push_back(cur);
    cur = Line{};
  };
  auto new_line = [&](std::uint32_t from) {
    end_line();
    b.emit('\n', from);
    cur.begin = static_cast<std::uint32_t>(out.size());
  };
  // The code point path's sink (fold_char): the steps, from the code point at `from`.
  struct Sink {
    Builder& b;
    std::uint32_t from;
    char32_t c;
    std::string_view bytes;
    bool line_break = false;
    void space() { b.space(from); }
    void put(char32_t x) { b.put(x, from); }
    void keep() { b.put_same(c, bytes, from); }
    void line() { line_break = true; }
  };
  const std::uint64_t punctuation_kept = kept_cjk_punctuation();
  while (i < n) {
    out.room(0);
    // The bulk of any report: printable ASCII and unified ideographs, which map to themselves.
    // The run's first character settles a pending space; the run is copied in one piece.
    // (and on through the CJK punctuation that is kept as it is: 、 and 。 cut prose into short runs)
    std::size_t run_end = plain_run(s, i);
    while (run_end + 2 < n && p[run_end] == 0xE3 && p[run_end + 1] == 0x80 && (p[run_end + 2] & 0xC0) == 0x80 &&
           (punctuation_kept >> (p[run_end + 2] & 0x3F) & 1))
      run_end = plain_run(s, run_end + 3);
    if (run_end > i) {
      char32_t first = p[i];
      if (first >= 0x80)  // an ideograph's (or kept punctuation's) lead: its code point as U8_NEXT reads it
        first = ((p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) ? three_bytes(p + i) : 0xFFFD;
      const bool one = run_end - i == (first < 0x80 ? 1u : 3u);
      char32_t last = one                      ? first
                      : p[run_end - 1] < 0x80  ? p[run_end - 1]
                      : p[run_end - 3] == 0xE3 ? three_bytes(p + run_end - 3)  // kept punctuation
                                               : 0x4E00;
      b.copy(s, i, run_end, first, last);
      i = run_end;
      if (i >= n) break;
    }
    auto from = static_cast<std::uint32_t>(i);
    auto ch = p[i];
    if (ch < 0x80) {  // ASCII fast path
      ++i;
      if (ch == '\r') {
        if (i < n && s[i] == '\n') ++i;
        new_line(from);
      } else if (ch == '\n') {
        new_line(from);
      } else if (ch == '\f') {
        cur.page_break = true;
      } else if (ch == ' ') {
        b.space(from);
      } else if ((ch < 0x20 && ch != '\t') || ch == 0x7F) {
        // control characters (named by text.control_characters) are not text; a terminal
        // escape sequence ESC [ … goes whole, its parameters with it
        if (ch == 0x1B && i < n && s[i] == '[') {
          ++i;
          while (i < n && p[i] >= 0x20 && p[i] <= 0x3F) ++i;
          if (i < n && p[i] >= 0x40 && p[i] <= 0x7E) ++i;
        }
      } else {
        b.put(ch, from);
      }
      continue;
    }
    std::size_t at = i;
    char32_t c = 0;
    // Punctuation between the runs (E2: “” — …; E3: 、。「」; EF: ，：（）) from the table.
    if ((ch == 0xE2 || ch == 0xE3 || ch == 0xEF) && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      c = three_bytes(p + i);
      i += 3;
      if (const FoldSteps* steps = fold_steps(c)) {
        for (std::uint8_t k = 0; k < steps->count; ++k)
          steps->step[k] == FoldSteps::kSpace ? b.space(from) : b.put(steps->step[k], from);
        continue;
      }
    } else {
      c = next_code_point(s, i);
    }
    Sink sink{b, from, c, s.substr(at, i - at)};
    fold_char(c, sink);
    if (sink.line_break) new_line(from);
  }
  end_line();
  out.finish();
  nt.origin.push_back(static_cast<std::uint32_t>(n));
  nt.decoded = &dec;
  mark_page_furniture(nt);
  return nt;
}

std::string fold_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto put = [&](char32_t c) {
    if (c <= 0x20 || c == 0x7F) return;
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
    if (!err) out.append(buf, static_cast<std::size_t>(len));
  };
  auto put_folded = [&](char32_t c) {
    char32_t to = 0;
    switch (fold(c, to)) {
      case Fold::drop: case Fold::space: return;
      case Fold::map: put(to); return;
      case Fold::keep: put(c); return;
    }
  };
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c >= 0x80 && each_nfkc(c, put_folded)) continue;
    put_folded(c);
  }
  return out;
}

std::size_t NormalizedText::line_of(std::uint32_t b) const {
  auto it = std::upper_bound(lines.begin(), lines.end(), b,
                             [](std::uint32_t v, const Line& l) { return v < l.begin; });
  return it == lines.begin() ? 0 : static_cast<std::size_t>(it - lines.begin()) - 1;
}

std::uint32_t NormalizedText::ordered_input_offset(std::uint32_t b) const {
  if (decoded->ordered) return input_offset(b);
  // the running maximum of the map up to b's decoded offset: non-decreasing in b
  std::uint32_t m = 0;
  for (std::uint32_t d = 0; d <= origin[b] && d < decoded->to_input.size(); ++d) m = std::max(m, decoded->to_input[d]);
  return m;
}

Span NormalizedText::range(std::uint32_t b, std::uint32_t e) const {
  return Span{ordered_input_offset(b), ordered_input_offset(e), static_cast<std::uint32_t>(line_of(b) + 1)};
}

Span NormalizedText::span(std::uint32_t b, std::uint32_t e, std::size_t line) const {
  // line_of(b) is the last line that begins at or before b
  if (line >= lines.size() || lines[line].begin > b || (line + 1 < lines.size() && lines[line + 1].begin <= b)) line = line_of(b);
  if (e <= b) return Span{input_offset(b), input_offset(b), static_cast<std::uint32_t>(line + 1)};
  // The end is the end of the source character that produced the last byte, so characters the
  // normalization dropped after it (an artefact space, a zero-width character) stay outside.
  std::string_view v = decoded->view;
  std::uint32_t end = origin[e - 1] + 1;  // past the byte it points at, then to the character's end
  while (end < v.size() && (static_cast<unsigned char>(v[end]) & 0xC0) == 0x80) ++end;
  std::uint32_t from = input_offset(b), to = decoded->input_offset(end);
  // A text whose map is not ordered (words laid out from anywhere in a bbox XHTML) may end a
  // multi-word span before it begins: keep it ordered, pointing at its first word.
  if (to < from) to = from;
  return Span{from, to, static_cast<std::uint32_t>(line + 1)};
}

std::uint32_t NormalizedText::from_input(std::uint32_t input) const {
  std::uint32_t d = input;
  if (!decoded->ordered) {
    // the inverse of the running maximum (ordered_input_offset): the first offset that reaches it
    std::uint32_t m = 0;
    for (d = 0; d < decoded->to_input.size(); ++d) {
      m = std::max(m, decoded->to_input[d]);
      if (m >= input) break;
    }
  } else if (!decoded->to_input.empty())
    d = static_cast<std::uint32_t>(std::lower_bound(decoded->to_input.begin(), decoded->to_input.end(), input) -
                                   decoded->to_input.begin());
  return static_cast<std::uint32_t>(std::lower_bound(origin.begin(), origin.end(), d) - origin.begin());
}

NormalizedText::ColumnCursor::ColumnCursor(const NormalizedText& nt, std::size_t line)
    : nt_(nt), at_(nt.origin[nt.lines[line].begin]) {}

TextWidth NormalizedText::ColumnCursor::at(std::uint32_t b) {
  std::uint32_t to = nt_.origin[b];
  if (to > at_) {
    const TextWidth w = measure(nt_.decoded->view.substr(at_, to - at_));
    reached_.columns += w.columns;
    reached_.chars += w.chars;
    at_ = to;
  }
  return reached_;
}

int NormalizedText::display_column(std::uint32_t b) const {
  std::uint32_t line_start = origin[lines[line_of(b)].begin];
  return display_width(decoded->view.substr(line_start, origin[b] - line_start));
}

int display_width(std::string_view s) { return measure(s).columns; }

TextWidth measure(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  int w = 0, chars = 0;
  for (std::size_t i = 0; i < s.size(); ++chars) {
    auto ch = p[i];
    if (ch < 0x80) { ++i; w += 1; continue; }
    // the unified ideographs U+4E00–U+9FFF are all two columns wide (utf8proc says so too:
    // tests/unit/text_test.cpp holds it to that)
    if (i + 2 < s.size() && ((ch >= 0xE5 && ch <= 0xE9) || (ch == 0xE4 && p[i + 1] >= 0xB8)) &&
        ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      i += 3;
      w += 2;
      continue;
    }
    char32_t c = next_code_point(s, i);
    int cw = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    w += cw < 0 ? 1 : cw;
  }
  return {w, chars};
}

}  // namespace ogi::text
