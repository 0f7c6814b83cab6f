// SPDX-License-Identifier: Apache-2.0
// Stage 2, sections: the report's outline and metadata (docs/sections.md).
#pragma once
#include <vector>

#include "ogi/report.hpp"
#include "template/statements.hpp"
#include "text/paragraphs.hpp"
#include "text/text.hpp"

namespace ogi::sections {

/// Finds the top-level sections and their （一） sub-sections. Top-level sections tile the text
/// from the first heading to the end; the lines before it are the title and preamble.
void build_outline(const text::NormalizedText& nt, Report& report);

/// The enumerated items ((一) 一是 1. (1)) of the top-level section report.sections[top], whose
/// lines are [first, last), as a tree of sub-sections appended to report.sections.
void build_items(const text::NormalizedText& nt, Report& report, std::size_t top, std::size_t first,
                 std::size_t last);

/// Agency, report year and statistics period (title, signature, bylines, prose: docs/sections.md).
/// Needs the outline (the preamble ends at its first heading).
void read_metadata(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report);

/// Contact details, cited documents and 文号, the publication date, the fee and the counts of
/// section 6 (Metadata). Needs the outline (section 6 is looked up in it).
void read_contacts(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report);

/// The figures sections 1 and 3 state in words (template/statements.hpp), by section and paragraph. A
/// paragraph about a wider scope (全市 …) is skipped. Needs the outline.
std::vector<templates::StatedFigure> read_stated_figures(const std::vector<text::Paragraph>& prose, const Report& report);

/// Line range [first, last) (0-based) of the top-level section with this key, if any.
bool section_lines(const Report& report, SectionKey key, std::size_t& first, std::size_t& last);

}  // namespace ogi::sections
