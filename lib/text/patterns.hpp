// SPDX-License-Identifier: Apache-2.0
// Regular expressions over prose (PCRE2, compiled once, JIT): the metadata readers and the
// narrative checks. Each pattern names literals it cannot match without, so that a paragraph
// lacking all of them is skipped by a memchr-speed search instead of a regex scan.
#pragma once
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::text {

/// Which characters a text holds, approximately (1024 bits, one per code point modulo 1024): a
/// pattern whose required literals cannot all be there is skipped without a search. Searching
/// for CJK literals directly is slow, their UTF-8 lead byte being on every other character.
class CharSet {
 public:
  void add(std::string_view utf8);  ///< every character of utf8
  /// add() of text known to be valid UTF-8 (normalized text is): its three-byte characters
  /// are not checked again.
  void add_valid(std::string_view utf8);
  void add(char32_t c) { bits_[bit(c) / 64] |= std::uint64_t{1} << (bit(c) % 64); }
  bool may_have(char32_t c) const { return bits_[bit(c) / 64] >> (bit(c) % 64) & 1; }
  /// Every character of `other` may be here (precompute `other` from a literal once).
  bool may_contain(const CharSet& other) const {
    for (int i = 0; i < 16; ++i)
      if ((bits_[i] & other.bits_[i]) != other.bits_[i]) return false;
    return true;
  }

  /// A literal's characters as the few words of a set they touch: tested against a text's set
  /// in one step per word (a literal of two to six characters touches two to six of sixteen).
  class Probe {
   public:
    explicit Probe(std::string_view utf8);
    std::uint8_t words = 0;
    std::uint8_t word[16] = {};
    std::uint64_t mask[16] = {};
  };
  /// may_contain() of the literal the probe was made from.
  bool may_contain(const Probe& p) const {
    for (std::uint8_t k = 0; k < p.words; ++k)
      if ((bits_[p.word[k]] & p.mask[k]) != p.mask[k]) return false;
    return true;
  }

 private:
  /// A code point's low ten bits: the ideographs' are spread evenly, and a three-byte
  /// character's are read from its last two bytes without decoding it.
  static unsigned bit(char32_t c) { return static_cast<unsigned>(c) & 1023u; }
  std::uint64_t bits_[16] = {};
};

struct PatternSpec {
  std::string_view regex;
  /// Any one of these must occur in the text as written: a pattern is tried only on a text that
  /// holds one.
  std::vector<std::string_view> needs;
};

/// A set of patterns compiled once; share it between threads (matching state is in Matcher).
class Patterns {
 public:
  /// `ucp`: \d and friends by Unicode properties (PCRE2_UCP).
  Patterns(const std::vector<PatternSpec>& specs, bool ucp);
  std::size_t size() const { return codes_.size(); }

 private:
  friend class Matcher;
  struct Free {
    void operator()(pcre2_code* c) const { pcre2_code_free(c); }
  };
  std::vector<std::unique_ptr<pcre2_code, Free>> codes_;
  std::vector<std::vector<CharSet::Probe>> needs_;  // each literal's characters
  std::vector<std::vector<std::string>> literals_;  // the literals themselves
};

/// Whether `text` holds `literal`, found by the literal's last byte (for CJK a continuation byte,
/// one of 64, where the lead byte a plain find looks for is on every other character).
bool contains(std::string_view text, std::string_view literal);

/// Match state for one thread.
class Matcher {
 public:
  Matcher() : md_(pcre2_match_data_create(8, nullptr)) {}
  ~Matcher() { pcre2_match_data_free(md_); }
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  /// Calls fn(ovector, count) for every match of pattern `i` of `set` in `s`, which must be valid
  /// UTF-8 (normalized text is): it is not checked again at every call. `chars` are s's
  /// characters, or null (no filter: every pattern is tried).
  template <class Fn>
  void each(const Patterns& set, std::size_t i, std::string_view s, const CharSet* chars, Fn&& fn) {
    const pcre2_code* c = set.codes_[i].get();
    if (!c || (chars && !may_match(set, i, *chars)) || !holds_a_need(set, i, s)) return;
    PCRE2_SIZE start = 0;
    int rc;
    while (start < s.size() && (rc = pcre2_match(c, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start,
                                                 PCRE2_NO_UTF_CHECK, md_, nullptr)) > 0) {
      PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md_);
      fn(ov, rc);
      start = ov[1] > start ? ov[1] : start + 1;  // an empty match moves on by one whole character
      while (start < s.size() && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) ++start;
    }
  }

 private:
  static bool may_match(const Patterns& set, std::size_t i, const CharSet& chars) {
    const auto& needs = set.needs_[i];
    if (needs.empty()) return true;
    for (const CharSet::Probe& n : needs)
      if (chars.may_contain(n)) return true;
    return false;
  }
  /// One of the literals pattern `i` needs is in `s`: a paragraph often holds a literal's
  /// characters apart (予以公开), and looking for the literal costs less than a match.
  static bool holds_a_need(const Patterns& set, std::size_t i, std::string_view s) {
    const auto& literals = set.literals_[i];
    if (literals.empty()) return true;
    for (const std::string& l : literals)
      if (contains(s, l)) return true;
    return false;
  }
  pcre2_match_data* md_;
};

}  // namespace ogi::text
