// SPDX-License-Identifier: Apache-2.0
// Cells run together with no separator ("行政规范性文件8855698", "一、本年新收…21710000218"): a run of
// digits is split into a row's cells only where exactly one split satisfies the template
// (no leading zeros, the row's identity). Anything else is left out and named.
#pragma once
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "tables/cells.hpp"

namespace ogi::tables {

/// Every way to cut `digits` into `parts` integers (no leading zeros but "0", at most 7 digits
/// each) that `accept` takes; stops after `limit` (a caller only needs to know "one" or "more").
std::vector<std::vector<std::size_t>> digit_splits(std::string_view digits, std::size_t parts,
                                                   const std::function<bool(const std::vector<std::int64_t>&)>& accept,
                                                   std::size_t limit = 2);

/// Splits the single glued piece `p` into `parts` cells under `accept`. Tries the whole run and,
/// where a label's numbering may have been glued on ("…00000002.其他…"), the run without its last
/// digit. Returns the cells when exactly one reading exists, nullopt otherwise.
std::optional<std::vector<Piece>> split_glued(const text::NormalizedText& nt, const Piece& p, std::size_t parts,
                                              const std::function<bool(const std::vector<std::int64_t>&)>& accept);

}  // namespace ogi::tables
