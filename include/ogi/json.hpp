// ogi/json.hpp — the report as JSON (docs/output-contract in docs/data-model.md).
#pragma once
#include <string>

#include "ogi/report.hpp"

namespace ogi {

struct JsonOptions {
  bool pretty = true;  ///< two-space indentation; false = one line (JSON Lines)
};

/// The report as the "ogi.report/1" JSON object. Deterministic: same report, same bytes.
std::string to_json(const Report& report, const JsonOptions& options = {});

}  // namespace ogi
