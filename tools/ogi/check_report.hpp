// SPDX-License-Identifier: Apache-2.0
// `ogi check`: a readable summary of a report's findings for auditors.
#pragma once
#include <string>

#include "ogi/ogi.hpp"

namespace ogi::cli {
/// The findings of one report as text, one per line, with their input line.
std::string check_summary(const std::string& path, const Report& report);
/// Findings at warning level or above.
std::size_t finding_count(const Report& report);
}  // namespace ogi::cli
