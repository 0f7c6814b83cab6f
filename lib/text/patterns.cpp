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
  std::size_t n = utf8.size();
  for (std::size_t i = 0; i < n;) {
    // ASCII and three-byte characters (all CJK) inline; the rest through the general decoder
    if (s[i] < 0x80) {
      add(static_cast<char32_t>(s[i++]));
    } else if ((s[i] & 0xF0) == 0xE0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      add(static_cast<char32_t>((s[i] & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F)));
      i += 3;
    } else {
      add(next_code_point(utf8, i));
    }
  }
}

bool Matcher::may_match(const Patterns& set, std::size_t i, const CharSet& chars) {
  const auto& needs = set.needs_[i];
  return needs.empty() || std::any_of(needs.begin(), needs.end(), [&](const CharSet& n) { return chars.may_contain(n); });
}

}  // namespace ogi::text
