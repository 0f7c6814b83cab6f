// SPDX-License-Identifier: Apache-2.0
// ogi/csv.hpp — one wide CSV row per report, or one row per finding (docs/cli.md, "ogi csv",
// "ogi check --csv").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ogi/error.hpp"
#include "ogi/report.hpp"

namespace ogi {

/// How the CSV is written. Lines always end in CRLF (RFC 4180).
struct CsvOptions {
  /// false: the machine form — column names are keys ("applications.granted.total"), a blank
  /// cell is "null", a cell the report does not have (or that was not read) is empty.
  /// true: for people — Chinese headers from the template ("表三·予以公开·自然人"), statuses in
  /// words, a blank cell empty, and a cell of the report's template that ogi could not read
  /// marked "未读出" (kUnreadMark).
  bool chinese_labels = false;
  bool excel = false;  ///< a UTF-8 byte order mark before the header, so that Excel reads UTF-8
};

/// What a cell of the report's template that could not be read shows in the Chinese form.
inline constexpr std::string_view kUnreadMark = "未读出";

/// The column names, in order: path, agency, year, template, encoding, the three table
/// statuses, every cell of both templates as "<table>.<row>.<column>", the diagnostic counts by
/// severity, and error. Stable within a schema version.
const std::vector<std::string>& csv_columns();

/// The header line (with the BOM first when options.excel).
std::string csv_header(const CsvOptions& options = {});

/// One report as a line. A cell value is written exactly ("12", "7730.28").
std::string csv_row(std::string_view path, const Report& report, const CsvOptions& options = {});

/// The line for an input that could not be read: path and error only.
std::string csv_error_row(std::string_view path, const Error& error, const CsvOptions& options = {});

/// Findings, one row each: file, agency, year, table, row, column, code, severity, message,
/// line (Chinese headers and labels with options.chinese_labels).
std::string findings_csv_header(const CsvOptions& options = {});
/// The findings of a report at or above `min_severity`, one line each.
std::string findings_csv_rows(std::string_view path, const Report& report, Severity min_severity,
                              const CsvOptions& options = {});
/// An input that could not be read, as one finding: code "input.<error code>", severity error.
std::string findings_csv_error_row(std::string_view path, const Error& error, const CsvOptions& options = {});

}  // namespace ogi
