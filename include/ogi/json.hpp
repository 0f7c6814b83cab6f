// SPDX-License-Identifier: Apache-2.0
// ogi/json.hpp — the report as JSON (docs/output-contract in docs/data-model.md).
#pragma once
#include <string>

#include "ogi/error.hpp"
#include "ogi/report.hpp"

namespace ogi {

struct JsonOptions {
  bool pretty = true;         ///< two-space indentation; false = one line (JSON Lines)
  std::string_view path = {};  ///< non-empty: written first as "path" (batch output)
};

/// The JSON Lines record of an input that could not be read: {"schema", "path", "error": {code, message, offset}}.
std::string error_json(std::string_view path, const Error& error);

/// The report as the "ogi.report/1" JSON object. Deterministic: same report, same bytes.
std::string to_json(const Report& report, const JsonOptions& options = {});

}  // namespace ogi
