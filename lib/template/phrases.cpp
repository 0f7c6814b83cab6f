// SPDX-License-Identifier: Apache-2.0
// A table's words in one matcher (phrases.hpp).
#include "template/phrases.hpp"

#include <algorithm>
#include <cstring>
#include <array>
#include <stdexcept>

namespace ogi::templates {

PhraseMatcher::PhraseMatcher(std::vector<Phrase> phrases) : phrases_(std::move(phrases)) {
  std::erase_if(phrases_, [](const Phrase& p) { return p.text.empty(); });
  if (phrases_.size() > UINT16_MAX) throw std::length_error("PhraseMatcher: too many phrases");
  std::vector<std::uint32_t> of(phrases_.size());
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    auto* p = reinterpret_cast<const unsigned char*>(phrases_[i].text.data());
    unsigned b = p[0];
    std::size_t len = std::min<std::size_t>(b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, phrases_[i].text.size());
    std::uint32_t key = b;
    for (std::size_t k = 1; k < len; ++k) key = (key << 8) | p[k];
    of[i] = bucket(key);
  }
  order_.resize(phrases_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint16_t>(i);
  // by bucket, then as listed: occurrences at one offset come in the phrases' order
  std::stable_sort(order_.begin(), order_.end(), [&](std::uint16_t a, std::uint16_t b) { return of[a] < of[b]; });
  start_.assign((1u << kBucketBits) + 1, 0);
  for (std::uint32_t h : of) ++start_[h + 1];
  for (std::size_t h = 1; h < start_.size(); ++h) start_[h] = static_cast<std::uint16_t>(start_[h] + start_[h - 1]);
  for (std::uint16_t i : order_) {
    const std::string_view t = phrases_[i].text;
    Head hd{0, 0, t.size()};
    const std::size_t k = std::min<std::size_t>(t.size(), 8);
    std::memcpy(&hd.bytes, t.data(), k);
    std::memset(&hd.mask, 0xFF, k);
    heads_.push_back(hd);
  }
}

namespace {

PhraseMatcher build(const TableDef& t) {
  std::vector<Phrase> p;
  auto add = [&](std::string_view text, PhraseKind kind, std::size_t index) {
    p.push_back({text, kind, static_cast<std::uint16_t>(index)});
  };
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::string_view k : t.rows[r].keywords) add(k, PhraseKind::row_keyword, r);
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    add(t.columns[c].label, PhraseKind::column, c);
    for (std::string_view v : t.columns[c].variants) add(v, PhraseKind::column, c);
  }
  for (std::size_t h = 0; h < t.headers.size(); ++h) add(t.headers[h], PhraseKind::header, h);
  for (std::size_t g = 0; g < t.groups.size(); ++g) add(t.groups[g], PhraseKind::group, g);
  for (std::size_t v = 0; v < t.version_words.size(); ++v) add(t.version_words[v].first, PhraseKind::version_word, v);
  return PhraseMatcher(std::move(p));
}

}  // namespace

const PhraseMatcher& phrases(const TableDef& table) {
  static const std::array<PhraseMatcher, 3> all{build(active_disclosure()), build(applications()),
                                                build(review_litigation())};
  const auto k = static_cast<std::size_t>(table.key);
  // the matcher is the template's: a table definition of one's own has none
  if (k >= all.size() || &table != &templates::table(table.key)) throw std::logic_error("phrases: not a template table");
  return all[k];
}

}  // namespace ogi::templates
