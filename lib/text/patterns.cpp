// SPDX-License-Identifier: Apache-2.0
#include "text/patterns.hpp"

#include <algorithm>

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
    std::vector<CharSet> needs;
    for (std::string_view n : p.needs) {
      needs.emplace_back();
      needs.back().add(n);
    }
    needs_.push_back(std::move(needs));
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

bool Matcher::may_match(const Patterns& set, std::size_t i, const CharSet& chars) {
  const auto& needs = set.needs_[i];
  return needs.empty() || std::any_of(needs.begin(), needs.end(), [&](const CharSet& n) { return chars.may_contain(n); });
}

}  // namespace ogi::text
