// SPDX-License-Identifier: Apache-2.0
// Stage 4, checks: the accounting identities (勾稽关系) R1–R4 of report-format.md on every table
// read. Breaks are findings about the document, reported with both sides and the line; the
// numbers themselves are never changed (docs/diagnostics.md).
#pragma once
#include "ogi/report.hpp"
#include "template/statements.hpp"
#include "text/text.hpp"

namespace ogi::checks {

/// Checks every table of the report, appends diagnostics, and sets each table's status to
/// inconsistent where its own numbers break an identity (uncertain stays uncertain).
void check_identities(Report& report);

/// Compares the figures sections 1 and 3 state in words with the tables (narrative.* codes).
void check_narrative(const text::NormalizedText& nt, const std::vector<templates::StatedFigure>& stated, Report& report);

/// Plausibility (warning level): negative or fractional counts, a report year that contradicts
/// the statistics period (plausibility.* codes).
void check_plausibility(Report& report);

}  // namespace ogi::checks
