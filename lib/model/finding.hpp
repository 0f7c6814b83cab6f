// SPDX-License-Identifier: Apache-2.0
// One way to make a Diagnostic about a table, shared by the stages that report on tables.
#pragma once
#include <string>
#include <string_view>

#include "ogi/diagnostic.hpp"
#include "ogi/keys.hpp"

namespace ogi::model {

/// A finding about `table` (and `row`/`column` when not empty: static key strings).
inline Diagnostic finding(std::string code, Severity severity, TableKey table, std::string_view row,
                          std::string_view column, std::string message, Span span) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = severity;
  d.table = to_string(table);
  d.row = row;
  d.column = column;
  d.message = std::move(message);
  d.span = span;
  return d;
}

}  // namespace ogi::model
