// SPDX-License-Identifier: Apache-2.0
// ogi/csv.hpp — one wide CSV row per report (docs/cli.md, "ogi csv").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ogi/error.hpp"
#include "ogi/report.hpp"

namespace ogi {

/// The column names, in order: path, agency, year, template, encoding, the three table
/// statuses, every cell of both templates as "<table>.<row>.<column>", the diagnostic counts by
/// severity, and error. Stable within a schema version.
const std::vector<std::string>& csv_columns();

/// The header line (RFC 4180, CRLF-terminated).
std::string csv_header();

/// One report as a line. A cell value is written exactly ("12", "7730.28"); a blank cell as
/// "null"; a cell the report does not have is empty.
std::string csv_row(std::string_view path, const Report& report);

/// The line for an input that could not be read: path and error only.
std::string csv_error_row(std::string_view path, const Error& error);

}  // namespace ogi
