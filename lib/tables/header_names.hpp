// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — table 4's values each printed right after the header words that name its
// column. pdfminer sets a narrow header cell a character a line and follows it with the box of
// the value under it (`结/果/维/持/0/结/果/纠/正/0/其/他/结/果/43/…`), the boxes of one group in
// no column order of their own (`维持 0 / 其他结果 0 / 结果纠正 22`). The words, not the order,
// say where each value stands.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

struct HeaderNamedValues {
  /// per value, the cells the words since the value before name, in printed order: the k-th
  /// time a column is named is the k-th group's. One name is the value's own header cell
  /// (pdfminer joins a header cell and the value under it in one box); of several, the value
  /// stands under one of them (`其他 / 结果 / 尚未 / 审结 / 1`, the 1 其他结果's).
  std::vector<std::vector<std::int32_t>> cells;
  /// each group's total column is named once in the table's text: the whole header stands
  /// there (not cut off by a page or a heading that the dump printed among it)
  bool header_whole = false;
};

/// The cells the header words right before each of `values` name (the words since the value
/// before, group labels aside, must be column names and nothing else; the first value's may
/// follow other text). Nullopt where some value has no such words, a column is named more
/// often than the table has groups, or a number that is not one of `values` stands among them.
std::optional<HeaderNamedValues> name_values_by_header(const text::NormalizedText& nt, const Candidate& cand,
                                                       const Layout& layout,
                                                       std::span<const std::uint32_t> values);

}  // namespace ogi::tables
