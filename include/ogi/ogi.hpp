// SPDX-License-Identifier: Apache-2.0
// ogi/ogi.hpp — the whole public API of ogi.
//
// ogi reads the annual reports on open government information (政府信息公开工作年度报告) that
// Chinese government bodies publish, from whatever plain text they arrive as, and turns them into
// a checked data model: the outline, the metadata, the three standard tables cell by cell, and
// diagnostics for every number it could not read with certainty and every accounting identity
// (勾稽关系) the document breaks.
//
//   #include <ogi/ogi.hpp>
//
//   ogi::ParseResult r = ogi::parse_file("report.txt");
//   if (!r) { std::cerr << r.error().message << "\n"; return 2; }
//   const ogi::Report& rep = r.report();
//   if (rep.applications)  // absent for a legacy report, or for an input that is no report
//     if (const ogi::Cell* c = rep.applications->cells.cell(ogi::ApplicationRow::granted,
//                                                           ogi::ApplicantColumn::total))
//       std::cout << (c->value ? c->value->to_string() : "blank") << "\n";
//   for (const ogi::Diagnostic& d : rep.diagnostics) std::cout << d.code << " line " << d.span.line << "\n";
//   std::cout << ogi::to_json(rep);
//
// Every cell a table has, with its keys, labels and text (UTF-8 whatever the input's encoding):
//
//   if (rep.table_status(ogi::TableKey::applications) == ogi::TableStatus::ok)
//     for (const auto& [row, column, cell] : rep.applications->cells)
//       std::cout << ogi::label(row) << "·" << ogi::label(column) << " = " << rep.text(cell.span) << "\n";
//
// Failures to read the input at all come back as ogi::Error in the ParseResult (no exceptions);
// findings about the document are ogi::Diagnostic in the Report.
#pragma once

#include "ogi/across.hpp"
#include "ogi/batch.hpp"
#include "ogi/csv.hpp"
#include "ogi/decimal.hpp"
#include "ogi/diagnostic.hpp"
#include "ogi/html.hpp"
#include "ogi/json.hpp"
#include "ogi/keys.hpp"
#include "ogi/parse.hpp"
#include "ogi/printable.hpp"
#include "ogi/report.hpp"
#include "ogi/span.hpp"
#include "ogi/template.hpp"
#include "ogi/version.hpp"

namespace ogi {
/// The library version at run time, e.g. "0.2.0".
const char* version();
}  // namespace ogi
