// SPDX-License-Identifier: Apache-2.0
// ogi/across.hpp — checks between reports given together (docs/diagnostics.md, "year.*").
#pragma once
#include <vector>

#include "ogi/report.hpp"

namespace ogi {

/// For reports of the same agency (as written) in consecutive years: this year's 上年结转 must
/// equal last year's 结转下年度, column by column (year.carried_over_mismatch, warning, on the
/// later report); table 2's 现行有效件数 should roll forward from last year's plus 制发 minus 废止
/// (year.in_force_rollforward, info only: documents are often repealed by other bodies).
/// The same agency and year twice: year.duplicate (warning, on the second).
void check_across_reports(const std::vector<Report*>& reports);

}  // namespace ogi
