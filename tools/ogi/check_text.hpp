// SPDX-License-Identifier: Apache-2.0
// `ogi check` as text for a person: each report's tables and findings, in the reader's language.
#pragma once
#include <string>

#include "ogi/ogi.hpp"

namespace ogi::cli {

/// Findings that count against a report: warnings and errors at or above `min`.
std::size_t finding_count(const Report& report, Severity min = Severity::warning);

/// The report's agency, year, template, table statuses and its findings at or above `min`, one
/// per line with its input line; document text shown with its control characters visible.
std::string check_text(const std::string& path, const Report& report, Severity min);

/// The line for an input that could not be read.
std::string check_text_error(const std::string& path, const Error& error);

}  // namespace ogi::cli
