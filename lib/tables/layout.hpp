// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — a table as it is printed: the template's rows in the order the document
// prints them, each a run of cells, and the identities over those cells. Table 2's rows have one
// to three cells, table 3's seven, and table 4 is printed as one row of fifteen cells under a
// header that names its three groups.
#pragma once
#include <cstddef>
#include <vector>

#include "ogi/keys.hpp"
#include "template/template.hpp"

namespace ogi::tables {

/// The most cells a printed row has (table 4's one row): what a placement holds inline
/// (columns.hpp). make_layout checks it.
constexpr std::size_t kMostCells = 15;

/// A row as printed: which template row it is, and its cells by template keys, in order.
struct PrintedRow {
  int key = -1;                                ///< the template row the label names; -1 = table 4's one row
  std::vector<templates::CellRef> cells;
  /// Its cells' column keys, in order: its shape (rows of one shape share a placement model).
  std::vector<int> columns;
};

/// One term of an identity over printed cells.
struct Term {
  int row;    ///< index into Layout::rows
  int cell;   ///< index into that row's cells
  int sign;   ///< +1 or -1: the cells add up to zero
};

/// An identity over printed cells, with the template identity it comes from.
struct LinearIdentity {
  int source = -1;  ///< index into Layout::template_identities
  std::vector<Term> terms;
  bool one_row = false;  ///< all its terms in one row (a row total)
};

/// A table's printed form for one template version (and, for table 3, its （六） rows).
struct Layout {
  TableKey table = TableKey::applications;
  TemplateVersion version = TemplateVersion::unknown;
  templates::OtherRows other = templates::OtherRows::three;
  const templates::TableDef* def = nullptr;
  std::vector<PrintedRow> rows;
  std::vector<templates::Identity> template_identities;
  std::vector<LinearIdentity> identities;
  bool single_row = false;  ///< table 4: one row of values, no row labels
  /// per printed row: the cell its own total stands in (the one subtracted in its row identity),
  /// or -1 where it has none or several (table 4's groups)
  std::vector<int> total_cell;
  /// per printed row: its identities within the row (its total; indices into `identities`, in
  /// their order) — what a row's own check walks, not every identity of the table
  std::vector<std::vector<int>> row_identities;

  /// The printed row of a template row key, or -1.
  int row_of(int key) const;
  const templates::Identity& source(const LinearIdentity& id) const {
    return template_identities[static_cast<std::size_t>(id.source)];
  }
  /// Does printed row r have an identity of its own (a row total)?
  bool has_row_identity(std::size_t r) const { return !row_identities[r].empty(); }
};

/// The layouts a table may be printed in: table 2 by version, table 3 by its （六） rows, table 4 one.
Layout make_layout(TableKey table, TemplateVersion version, templates::OtherRows other);
/// The same layout, built once per process (the template is constant): what the engine reads with.
const Layout& cached_layout(TableKey table, TemplateVersion version, templates::OtherRows other);

}  // namespace ogi::tables
