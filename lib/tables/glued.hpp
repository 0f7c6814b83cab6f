// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — cells run together into one run of digits (a page saved as one line of text:
// "行政规范性文件8855698", "数量713000074二、…"). Every way the digits split into the row's cells is a
// placement option; the identities and the agreement of the readings decide (place.hpp).
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"

namespace ogi::tables {

/// The ways the digits of `token` split into `cells` counts — none starting with 0 unless it is
/// 0 — as placements of new tokens appended to `cand` (each spanning its digits). `tail` is the
/// next label's numbering glued after the cells ("…0000002" before ".其他法律…"): dropped when the
/// digits end with it. Only splits `accept` takes are kept (a row's own total must hold). Empty
/// when the digits cannot split, or split more than `limit` accepted ways.
std::vector<Placement> glued_splits(const text::NormalizedText& nt, Candidate& cand, std::uint32_t token,
                                    std::size_t cells, std::string_view tail,
                                    const std::function<bool(const std::vector<Decimal>&)>& accept,
                                    std::size_t limit = 2000);

}  // namespace ogi::tables
