// SPDX-License-Identifier: Apache-2.0
// ogi/diagnostic.hpp — findings about a document. They live in the Report; they are never thrown.
#pragma once
#include <string>
#include <string_view>

#include "ogi/span.hpp"

namespace ogi {

enum class Severity : int {
  info = 0,     ///< worth knowing, nothing wrong
  warning = 1,  ///< the document (or its reading) has a problem; the values named may be wrong or missing
  error = 2,    ///< a part of the document could not be read at all
};

std::string_view to_string(Severity s);

/// One finding. `code` is a stable dotted identifier documented in docs/diagnostics.md
/// (e.g. "identity.column_balance"). `table`, `row` and `column` are canonical keys of
/// docs/data-model.md, empty when the finding is not about one; a finding that names a table but
/// no row or column speaks of the whole table, one that names a row but no column of the whole row.
struct Diagnostic {
  std::string code;
  Severity severity = Severity::warning;
  std::string_view table;   ///< static storage: a canonical key or empty
  std::string_view row;     ///< static storage: a canonical key or empty
  std::string_view column;  ///< static storage: a canonical key or empty
  std::string message;      ///< human-readable, Chinese labels where they help an auditor
  Span span;                ///< where in the input; span.line is the line to look at
};

}  // namespace ogi
