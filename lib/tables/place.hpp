// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — the placement step: of every reading the rows' placement options allow,
// keep those in which every identity the table can still evaluate holds, and emit each cell that
// has the same content in all of them (docs/tables.md, "Placing"). A cell that differs between
// readings is left out and named; a search that runs out of its budget says so.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/columns.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// What a cell holds after placement.
struct PlacedCell {
  enum Kind : std::uint8_t {
    absent,         ///< not placed (row not read, or readings differ)
    printed,        ///< the token `token`
    vanished_blank, ///< a blank cell the text left no trace of (every reading agrees)
    zero_or_blank,  ///< every reading counts it 0, some as a printed 0, some as blank
  };
  Kind kind = absent;
  std::int32_t token = -1;
};

/// A value for each cell of each printed row of a layout: `[r]` is row r's cells, in order.
/// Every row's in one array, not a vector a row (a table is placed several times a parse).
template <class T>
class PerCell {
 public:
  PerCell() = default;
  PerCell(const Layout& layout, T fill) : at_(layout.rows.size() + 1, 0) {
    for (std::size_t r = 0; r < layout.rows.size(); ++r)
      at_[r + 1] = at_[r] + static_cast<std::uint32_t>(layout.rows[r].cells.size());
    items_ = std::make_unique<T[]>(at_.back());
    std::fill(items_.get(), items_.get() + at_.back(), fill);
  }
  /// How many printed rows.
  std::size_t size() const { return at_.empty() ? 0 : at_.size() - 1; }
  std::span<T> operator[](std::size_t r) { return {items_.get() + at_[r], items_.get() + at_[r + 1]}; }
  std::span<const T> operator[](std::size_t r) const { return {items_.get() + at_[r], items_.get() + at_[r + 1]}; }
  /// Every row's cells, one row after another.
  std::span<const T> all() const { return {items_.get(), at_.empty() ? 0 : at_.back()}; }

 private:
  std::unique_ptr<T[]> items_;     // (not a vector: a vector<bool> has no span)
  std::vector<std::uint32_t> at_;  // row r's cells: [at_[r], at_[r + 1])
};

struct Placement_result {
  PerCell<PlacedCell> cells;  ///< per printed row, per cell
  PerCell<bool> ambiguous;    ///< per printed row, per cell: left out because readings differ
  std::vector<bool> by_identities;             ///< per printed row: placed only because the identities decided
  std::vector<bool> unconfirmed;               ///< per printed row: a row with no value the identities do not confirm blank
  std::vector<bool> totals_unmet;              ///< per printed row: read several ways, none keeping its own total
  /// per printed row: its total cell left blank, as the document prints several rows; read with
  /// the identities over that cell set aside (they are the document's findings)
  std::vector<bool> total_unprinted;
  /// per printed row: cells read only because rows at the same positions on a page were read
  /// together (shared_columns.hpp)
  std::vector<bool> by_shared_columns;
  bool budget_exhausted = false;
  /// The whole search ran out of its budget, but a reading holding every identity was found and
  /// each row's readings were narrowed by each identity alone: cells those agree on are emitted.
  bool past_budget_narrowed = false;
  /// No reading holds every identity: those breaking the fewest (this many, at most
  /// kMostSetAside) were used.
  int identities_set_aside = 0;
  long readings = 0;                           ///< readings that passed (counted up to the budget)
};

/// The most identities a reading may break and still be used, where none holds them all and
/// every row keeps its own total (else one).
constexpr int kMostSetAside = 2;

/// Searches the readings `options` allow against `layout`'s identities. `total_may_be_unprinted`
/// (per printed row, or empty for none): the rows that may be read with their total cell blank
/// where the document prints several so — rows whose values all share their lines with words, in
/// a dump with no value apart from its label (else a row keeping no total lost its values'
/// places, not its total; engine.cpp decides).
Placement_result place(const Candidate& cand, const Layout& layout, const std::vector<RowOptions>& options,
                       const std::vector<bool>& total_may_be_unprinted = {});

}  // namespace ogi::tables
