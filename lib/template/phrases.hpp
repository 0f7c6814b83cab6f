// SPDX-License-Identifier: Apache-2.0
// Stage 2, template — a table's words found in a text in one pass: every row keyword, column
// header, header word, group label and version word of a table in one matcher built once per
// process from the template's data, so that a reader asks "which of the table's words does this
// text hold?" once per text instead of one `find` per word. (Whole row labels are not among them:
// a label is matched whole or by its start, which a table of the labels and their starts answers.)
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "template/template.hpp"

namespace ogi::templates {

/// What a phrase of a table is.
enum class PhraseKind : std::uint8_t { row_keyword, column, header, group, version_word };

struct Phrase {
  std::string_view text;     ///< never empty
  PhraseKind kind;
  std::uint16_t index;       ///< the row's (of a keyword), column's, header word's, group's or version word's index in TableDef
};

/// Many phrases found in a text in one pass. At each character of the text only the phrases that
/// start with that character are compared: the phrases are bucketed by a hash of their first
/// character, and most characters of a text open no phrase at all.
class PhraseMatcher {
 public:
  explicit PhraseMatcher(std::vector<Phrase> phrases);

  const std::vector<Phrase>& phrases() const { return phrases_; }

  /// Calls on(phrase index, byte offset) for every occurrence of every phrase in `text` (valid
  /// UTF-8: a phrase can only start at a character), in offset order; overlapping occurrences
  /// and the same phrase at several offsets included.
  template <class F>
  void each(std::string_view text, F&& on) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
      unsigned b = p[i];
      std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      if (len > n - i) len = n - i;
      std::uint32_t key = b;
      for (std::size_t k = 1; k < len; ++k) key = (key << 8) | p[i + k];
      const std::uint32_t h = bucket(key);
      const std::size_t left = n - i;
      for (std::uint32_t e = start_[h]; e < start_[h + 1]; ++e) {
        const Head& hd = heads_[e];
        if (hd.size > left) continue;
        // the phrase's first eight bytes compared at once where the text has eight left; the
        // rest, if any, only where they match
        bool same;
        if (left >= 8) {
          std::uint64_t w;
          std::memcpy(&w, p + i, 8);
          same = (w & hd.mask) == hd.bytes && (hd.size <= 8 || std::memcmp(p + i + 8, phrases_[order_[e]].text.data() + 8, hd.size - 8) == 0);
        } else {
          same = std::memcmp(p + i, phrases_[order_[e]].text.data(), hd.size) == 0;
        }
        if (same) on(static_cast<std::size_t>(order_[e]), i);
      }
      i += len;
    }
  }

 private:
  static constexpr unsigned kBucketBits = 10;
  static std::uint32_t bucket(std::uint32_t key) { return (key * 2654435761u) >> (32 - kBucketBits); }

  std::vector<Phrase> phrases_;
  std::vector<std::uint16_t> order_;  ///< phrase indices, by bucket
  /// Per entry of order_: its phrase's first eight bytes (as they lie in memory), the mask of
  /// those it has, and its size.
  struct Head {
    std::uint64_t bytes, mask;
    std::size_t size;
  };
  std::vector<Head> heads_;
  std::vector<std::uint16_t> start_;  ///< per bucket: its first entry in order_ (one past the last bucket: the end)
};

/// The phrases of a table — its rows' keywords, its columns' labels and variants, its header
/// words, group labels and version words — built once per process.
const PhraseMatcher& phrases(const TableDef& table);

}  // namespace ogi::templates
