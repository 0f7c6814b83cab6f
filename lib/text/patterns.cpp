// SPDX-License-Identifier: Apache-2.0
#include "text/patterns.hpp"

#include <algorithm>
#include <cstring>

#include "text/text.hpp"

namespace ogi::text {

Patterns::Patterns(const std::vector<PatternSpec>& specs, bool ucp) {
  for (const PatternSpec& p : specs) {
    int err = 0;
    PCRE2_SIZE off = 0;
    pcre2_code* c = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(p.regex.data()), p.regex.size(),
                                  PCRE2_UTF | (ucp ? PCRE2_UCP : 0u), &err, &off, nullptr);
    if (c) pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
    codes_.emplace_back(c);
    std::vector<CharSet::Probe> needs;
    for (std::string_view n : p.needs) needs.emplace_back(n);
    needs_.push_back(std::move(needs));
    literals_.emplace_back(p.needs.begin(), p.needs.end());
  }
}

CharSet::Probe::Probe(std::string_view utf8) {
  CharSet set;
  set.add(utf8);
  for (std::uint8_t i = 0; i < 16; ++i)
    if (set.bits_[i] != 0) {
      word[words] = i;
      mask[words++] = set.bits_[i];
    }
}

void CharSet::add(std::string_view utf8) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  for (std::size_t i = 0; i < n;) {
    // ASCII and three-byte characters (all CJK) inline: a three-byte character's bit (its code
    // point's low ten bits) is the low four bits of its second byte and six of its third
    const unsigned b = s[i];
    if (b < 0x80) {
      bits_[b >> 6] |= std::uint64_t{1} << (b & 63u);
      ++i;
    } else if ((b & 0xF0u) == 0xE0u && i + 2 < n && ((s[i + 1] | s[i + 2] << 8) & 0xC0C0u) == 0x8080u) {
      bits_[s[i + 1] & 0x0Fu] |= std::uint64_t{1} << (s[i + 2] & 0x3Fu);
      i += 3;
    } else {
      std::size_t j = i;  // not i itself: its address taken would keep it in memory for the whole loop
      add(next_code_point(utf8, j));
      i = j;
    }
  }
}

bool contains(std::string_view text, std::string_view literal) {
  const std::size_t m = literal.size(), n = text.size();
  if (m == 0) return true;
  if (m > n) return false;
  const char last = literal.back();
  for (std::size_t e = m - 1; e < n; ++e) {  // e: where the literal's last byte may stand
    const void* hit = std::memchr(text.data() + e, last, n - e);
    if (!hit) return false;
    e = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (m == 1 || (text[e - 1] == literal[m - 2] && std::memcmp(text.data() + e + 1 - m, literal.data(), m - 2) == 0))
      return true;
  }
  return false;
}

void CharSet::add_valid(std::string_view utf8) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::uint64_t bits[16];  // a local copy: stores through `this` would be reloaded at every character
  std::copy(std::begin(bits_), std::end(bits_), bits);
  std::size_t i = 0;
  // valid UTF-8: a lead E0–EF is followed by its two continuation bytes, unchecked. Two
  // three-byte characters in a row (most of CJK text) are taken in one step.
  while (i + 2 < n) {
    if (i + 5 < n) {
      std::uint32_t w;
      std::memcpy(&w, s + i, 4);  // the two leads are bytes 0 and 3 (the mask reads the same either way round)
      if ((w & 0xF00000F0u) == 0xE00000E0u) {
        bits[s[i + 1] & 0x0Fu] |= std::uint64_t{1} << (s[i + 2] & 0x3Fu);
        bits[s[i + 4] & 0x0Fu] |= std::uint64_t{1} << (s[i + 5] & 0x3Fu);
        i += 6;
        continue;
      }
    }
    const unsigned b = s[i];
    if (b < 0x80) {
      bits[b >> 6] |= std::uint64_t{1} << (b & 63u);
      ++i;
    } else if (b - 0xE0u < 0x10u) {
      bits[s[i + 1] & 0x0Fu] |= std::uint64_t{1} << (s[i + 2] & 0x3Fu);
      i += 3;
    } else {
      break;
    }
  }
  std::copy(bits, bits + 16, bits_);
  if (i < n) add(utf8.substr(i));  // the last characters, and any of two or four bytes, by code point
}


}  // namespace ogi::text
