// SPDX-License-Identifier: Apache-2.0
#include "text/numbering.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogi::text {
namespace {

constexpr std::array<std::string_view, 10> kNumerals{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/// A Chinese numeral 一..十 at the start of s: 1..10, else 0; `len` gets its byte length.
int numeral(std::string_view s, std::size_t& len) {
  // all ten are three bytes led by E4 or E5: most text is ruled out by its first byte
  if (s.size() < 3 || (s[0] != '\xE4' && s[0] != '\xE5')) return 0;
  for (std::size_t i = 0; i < kNumerals.size(); ++i)
    if (s[1] == kNumerals[i][1] && s[2] == kNumerals[i][2] && s[0] == kNumerals[i][0]) {
      len = kNumerals[i].size();
      return static_cast<int>(i) + 1;
    }
  return 0;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

int top_numbering(std::string_view s, std::string_view& rest) {
  std::size_t len = 0;
  int n = numeral(s, len);
  if (n == 0) return 0;
  std::string_view r = s.substr(len);
  for (std::string_view sep : {"、", ".", ",", "．"})
    if (r.substr(0, sep.size()) == sep) {
      rest = r.substr(sep.size());
      return n;
    }
  return 0;
}

int item_numbering(std::string_view s, ItemStyle& style, std::size_t& text_at) {
  std::size_t len = 0;
  if (s.substr(0, 1) == "(") {
    if (int n = numeral(s.substr(1), len); n && s.substr(1 + len, 1) == ")") {
      style = ItemStyle::paren_han;
      text_at = 2 + len;
      return n;
    }
    std::size_t d = 1;
    while (d < s.size() && d < 3 && digit(s[d])) ++d;
    if (d > 1 && s.substr(d, 1) == ")") {
      style = ItemStyle::paren_arabic;
      text_at = d + 1;
      return (s[1] - '0') * (d == 3 ? 10 : 1) + (d == 3 ? s[2] - '0' : 0);
    }
    return 0;
  }
  if (int n = numeral(s, len); n && s.substr(len, 3) == "是") {
    style = ItemStyle::shi;
    text_at = len;  // "一是加强…": the numbering is part of the sentence
    return n;
  }
  std::size_t d = 0;
  while (d < s.size() && d < 2 && digit(s[d])) ++d;
  if (d == 0 || (d < s.size() && digit(s[d])) || s[0] == '0') return 0;
  std::string_view r = s.substr(d);
  for (std::string_view sep : {"、", ".", "．"}) {
    if (r.substr(0, sep.size()) != sep) continue;
    // "1.5万条" is a number, not an item
    if (r.size() > sep.size() && digit(r[sep.size()])) return 0;
    style = ItemStyle::arabic;
    text_at = d + sep.size();
    return d == 2 ? (s[0] - '0') * 10 + (s[1] - '0') : s[0] - '0';
  }
  return 0;
}

std::string_view numeral_text(int n) { return n >= 1 && n <= 10 ? kNumerals[static_cast<std::size_t>(n - 1)] : ""; }

std::string_view trim(std::string_view s) {
  // a loop, not find_first_not_of: that calls memchr on " \t" for every byte it passes
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  if (b == e) return {};
  while (s[e - 1] == ' ' || s[e - 1] == '\t') --e;
  return s.substr(b, e - b);
}

std::string_view strip_heading_marks(std::string_view s) {
  auto mark = [](char c) { return c == '#' || c == '*' || c == '=' || c == '_' || c == ' ' || c == '\t'; };
  std::size_t b = 0, e = s.size();
  while (b < e && mark(s[b])) ++b;
  while (e > b && mark(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  squeeze_into(s, out);
  return out;
}

void squeeze_into(std::string_view s, std::string& out) {
  out.clear();
  // most lines of prose hold no space at all (normalization drops those between ideographs):
  // two memchr and one copy, not a compare per byte
  if (s.empty()) return;
  if (!std::memchr(s.data(), ' ', s.size()) && !std::memchr(s.data(), '\t', s.size())) {
    out.assign(s);
    return;
  }
  for (std::size_t k = 0; k < s.size();) {  // copied in runs between spaces and tabs
    std::size_t e = k;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
    out.append(s.data() + k, e - k);
    k = e + 1;
  }
}

bool more_chars_than(std::string_view s, std::size_t n) {
  if (s.size() <= n) return false;      // a character has at least one byte
  if (s.size() > 4 * n) return true;    // and at most four
  return char_count(s) > n;
}

std::size_t char_count(std::string_view s) {
  // bytes less continuation bytes (10xxxxxx): sixteen at a time where SSE2 is, then eight at a
  // time, each byte's flag summed in its own lane (at most 255 words a block, so that a lane
  // cannot overflow)
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::size_t n = s.size(), i = 0;
#if defined(__SSE2__)
  // (a continuation byte is, signed, below 0xC0: -64)
  while (i + 16 <= s.size()) {
    __m128i lanes = _mm_setzero_si128();
    for (int k = 0; k < 255 && i + 16 <= s.size(); ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());  // two sums of eight lanes, each < 2^12
    n -= static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
#endif
  while (i + 8 <= s.size()) {
    std::uint64_t lanes = 0;
    for (int k = 0; k < 255 && i + 8 <= s.size(); ++k, i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      lanes += (w & ~(w << 1)) >> 7 & kOnes;
    }
    // lanes to four 16-bit sums (each ≤ 510), then those added by a multiplication
    std::uint64_t pairs = (lanes & 0x00FF00FF00FF00FFull) + (lanes >> 8 & 0x00FF00FF00FF00FFull);
    n -= static_cast<std::size_t>((pairs * 0x0001000100010001ull) >> 48);
  }
  for (; i < s.size(); ++i) n -= (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return n;
}

std::string_view first_chars(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) break;
  }
  return s.substr(0, i);
}

}  // namespace ogi::text
