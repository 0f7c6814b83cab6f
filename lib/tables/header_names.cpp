// SPDX-License-Identifier: Apache-2.0
#include "tables/header_names.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "template/phrases.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
namespace {

/// The column a group's total stands in: the one subtracted in the row's identities.
int total_column(const Layout& layout, std::size_t per_group) {
  for (const LinearIdentity& id : layout.identities) {
    if (!id.one_row) continue;
    for (const Term& t : id.terms)
      if (t.sign < 0) return static_cast<int>(static_cast<std::size_t>(t.cell) % per_group);
  }
  return -1;
}

/// How often `text` names each column (its label or a variant).
std::vector<std::size_t> columns_named(const templates::TableDef& def, std::string_view text) {
  std::vector<std::size_t> n(def.columns.size(), 0);
  const templates::PhraseMatcher& phrases = templates::phrases(def);
  phrases.each(text, [&](std::size_t k, std::size_t) {
    const templates::Phrase& ph = phrases.phrases()[k];
    if (ph.kind == templates::PhraseKind::column && ph.index < n.size()) ++n[ph.index];
  });
  return n;
}

bool names_a_column(const templates::TableDef& def, std::string_view text) {
  const std::vector<std::size_t> n = columns_named(def, text);
  return std::any_of(n.begin(), n.end(), [](std::size_t k) { return k > 0; });
}

/// The column whose name (its label or a variant) `words` ends with, and that name's length.
std::pair<int, std::size_t> last_column_named(const templates::TableDef& def, std::string_view words) {
  for (std::size_t c = 0; c < def.columns.size(); ++c) {
    const templates::ColumnDef& col = def.columns[c];
    if (!col.label.empty() && words.ends_with(col.label)) return {static_cast<int>(c), col.label.size()};
    for (std::string_view v : col.variants)
      if (!v.empty() && words.ends_with(v)) return {static_cast<int>(c), v.size()};
  }
  return {-1, 0};
}

}  // namespace

std::optional<HeaderNamedValues> name_values_by_header(const text::NormalizedText& nt, const Candidate& cand,
                                                       const Layout& layout,
                                                       std::span<const std::uint32_t> values) {
  const templates::TableDef& def = *layout.def;
  const std::size_t per_group = def.columns.size();
  if (!layout.single_row || per_group == 0 || values.empty() || layout.rows.empty()) return std::nullopt;
  const std::size_t groups = layout.rows.front().cells.size() / per_group;
  const int total = total_column(layout, per_group);
  if (groups == 0 || total < 0) return std::nullopt;

  HeaderNamedValues out;
  std::vector<std::size_t> times(per_group, 0);  // how often each column was named so far
  std::string words, all_words, piece;
  std::size_t next = 0;  // the next of `values`
  for (std::uint32_t t = 0; t < cand.tokens.size(); ++t) {
    const Token& k = cand.tokens[t];
    if (k.kind == TokenKind::text) {
      text::squeeze_into(token_text(nt, k), piece);
      if (templates::spans_columns(def, piece)) continue;
      words += piece;
      all_words += piece;
      continue;
    }
    const bool own = next < values.size() && values[next] == t;
    if (!own) {
      // a number among the row's values that is not one of them: no reading of words and values
      if (next > 0 && next < values.size()) return std::nullopt;
      words.clear();
      continue;
    }
    // the words since the value before, read from their end; groups counted in printed order
    std::string_view rest = words;
    std::vector<std::size_t> columns;
    for (;;) {
      const auto [c, len] = last_column_named(def, rest);
      if (c < 0) break;
      columns.push_back(static_cast<std::size_t>(c));
      rest.remove_suffix(len);
    }
    std::vector<std::int32_t> named;
    for (auto c = columns.rbegin(); c != columns.rend(); ++c) {
      const std::size_t group = ++times[*c];
      if (group > groups) return std::nullopt;
      named.push_back(static_cast<std::int32_t>((group - 1) * per_group + *c));
    }
    // (only the first value's words may start with other text: the table's heading, with no
    // column's name in it, so that every group is counted from the first)
    if (named.empty() || (!rest.empty() && (next > 0 || names_a_column(def, rest)))) return std::nullopt;
    out.cells.push_back(std::move(named));
    words.clear();
    ++next;
  }
  if (next != values.size()) return std::nullopt;
  out.header_whole = columns_named(def, all_words)[static_cast<std::size_t>(total)] == groups;
  return out;
}

}  // namespace ogi::tables
