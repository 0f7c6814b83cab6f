// SPDX-License-Identifier: Apache-2.0
// Prose as paragraphs: lines joined where the text was only wrapped (a hard wrap, or a word split
// over a blank line or a page break: "…质量和政⏎⏎务公开…"). The normalized view keeps lines one to
// one with the input; readers of prose (the narrative checks) take paragraphs from here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/patterns.hpp"
#include "text/text.hpp"

namespace ogi::text {

struct Paragraph {
  std::string text;                 ///< joined text without spaces (readers' patterns are written without them)
  std::size_t first_line = 0;       ///< 0-based
  /// The characters of `text`, for skipping patterns; null for a short text (a pattern search
  /// costs little there). Held in place: an allocation per paragraph cost more than the room.
  const CharSet* chars() const { return chars_ ? &*chars_ : nullptr; }
  std::optional<CharSet> chars_;

  /// The normalized offset of byte i of `text`.
  std::uint32_t at(std::size_t i) const {
    // the last run that starts at or before i (runs are few: one per stretch between spaces)
    std::size_t lo = 0, hi = runs.size();
    while (hi - lo > 1) {
      std::size_t mid = (lo + hi) / 2;
      (runs[mid].text <= i ? lo : hi) = mid;
    }
    return runs[lo].normalized + static_cast<std::uint32_t>(i - runs[lo].text);
  }

  /// Where each stretch of `text` copied in one piece came from.
  struct Run {
    std::uint32_t text;
    std::uint32_t normalized;
  };
  /// The runs in order: the first few held in place (most paragraphs are a line or two without
  /// spaces), the rest in a vector — an allocation per paragraph cost more than the room.
  class Runs {
   public:
    void push_back(Run r) {
      if (size_ < few_.size()) few_[size_] = r;
      else more_.push_back(r);
      ++size_;
    }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Run& operator[](std::size_t i) const { return i < few_.size() ? few_[i] : more_[i - few_.size()]; }

   private:
    std::array<Run, 4> few_{};
    std::size_t size_ = 0;
    std::vector<Run> more_;
  };
  Runs runs;
};

/// The paragraphs of lines [first, last). Lines are joined when the first ends mid-sentence (an
/// ideograph or digit, no closing punctuation), is long enough to have been wrapped, and the next
/// non-blank line does not open a heading or a list item.
/// Computed once per parse and shared by its readers (contacts, the narrative checks).
std::vector<Paragraph> paragraphs(const NormalizedText& nt, std::size_t first, std::size_t last);

}  // namespace ogi::text
