// SPDX-License-Identifier: Apache-2.0
// The pipeline: text → sections → tables → checks → model (docs/architecture.md).
#include <algorithm>
#include <new>

#include "checks/checks.hpp"
#include "model/say.hpp"
#include "ogi/parse.hpp"
#include "pipeline/read.hpp"
#include "sections/sections.hpp"
#include "sources/sources.hpp"
#include "tables/tables.hpp"
#include "text/text.hpp"

namespace ogi {
namespace {

tables::Region region_of(const Report& rep, SectionKey key, const text::NormalizedText& nt) {
  for (const Section& s : rep.sections) {
    if (s.parent >= 0 || s.key != key) continue;
    // The section's input span, back to normalized offsets (origin is non-decreasing).
    tables::Region r;
    r.first = s.line - 1;
    r.last = s.end_line;
    r.begin = nt.from_input(s.span.begin);
    r.end = nt.from_input(s.span.end);
    return r;
  }
  return tables::Region{0, nt.lines.size()};  // no heading: look through the whole text
}

TemplateVersion decide_template(const Report& rep, TemplateVersion from_table2) {
  if (from_table2 != TemplateVersion::unknown) return from_table2;
  if (rep.applications) {
    const auto& g = rep.applications->cells;
    if (g.has_row(ApplicationRow::other_no_correction) || g.has_row(ApplicationRow::other_other))
      return TemplateVersion::v2021;
    if (g.has_row(ApplicationRow::other)) return TemplateVersion::v2019;
  }
  bool any_table = rep.active_disclosure || rep.applications || rep.review_litigation;
  if (!any_table && (!rep.metadata.year || *rep.metadata.year.value < 2019)) return TemplateVersion::legacy;
  return TemplateVersion::unknown;
}

/// A standard table the report should have and does not: named, whether or not its section's
/// heading was found (a heading lost to damaged bytes loses the table with it).
void missing_table(Report& rep, TableKey key, bool has_heading, const text::NormalizedText& nt,
                   const tables::Region& r) {
  Diagnostic d;
  d.code = "table.not_found";
  d.severity = Severity::warning;
  d.table = to_string(key);
  d.message = has_heading ? "本节有标题，但没有读到表格" : "没有找到本节的标题，也没有读到本节的表格";
  d.span = has_heading ? nt.line_span(r.first) : Span{0, 0, 1};
  rep.diagnostics.push_back(std::move(d));
}

bool is_standard(SectionKey k) { return k != SectionKey::none && k != SectionKey::other; }

/// Input with neither a standard section nor a standard table is not a report: named, so that
/// `ogi check` does not pass it.
void name_non_report(Report& rep, const text::NormalizedText& nt, Language lang) {
  if (rep.active_disclosure || rep.applications || rep.review_litigation) return;
  for (const Section& s : rep.sections)
    if (is_standard(s.key)) return;
  bool blank = nt.text.find_first_not_of(" \t\n") == std::string::npos;
  Diagnostic d;
  d.code = "document.not_a_report";
  d.severity = Severity::warning;
  d.message = blank ? model::say(lang, "文件是空的（或只有空白）：不是年度报告", "the file is empty (or blank): not a report")
                    : model::say(lang, "没有找到年度报告的标准章节（一、总体情况 …）或表格：不像政府信息公开工作年度报告",
                                 "no standard section (一、总体情况 …) or table: this does not look like an annual report "
                                 "on open government information");
  d.span = Span{0, 0, 1};
  rep.diagnostics.push_back(std::move(d));
}

/// Input-level diagnostics (decoding) carry offsets only: give them their line.
void place_lines(Report& rep) {
  for (Diagnostic& d : rep.diagnostics)
    if (d.span.line == 0 && d.span.begin <= rep.input.size())
      d.span.line = static_cast<std::uint32_t>(
          1 + std::count(rep.input.begin(), rep.input.begin() + d.span.begin, '\n'));
}

}  // namespace

namespace {

ParseResult parse_unguarded(std::string_view bytes, const ParseOptions& options) {
  Report rep;
  auto read = sources::read(bytes, options, rep.diagnostics);
  if (auto* err = std::get_if<Error>(&read)) return *err;
  sources::Document& doc = std::get<sources::Document>(read);
  // The report owns the bytes every span indexes; the decoded view points into them (or into
  // its own buffer), so it is attached only once they are where they stay.
  rep.input = std::move(doc.input);
  rep.format = doc.format;
  rep.input_part = std::move(doc.part);
  text::Decoded& dec = doc.decoded;
  dec.attach(rep.input);
  rep.encoding = dec.encoding;
  text::NormalizedText nt = text::normalize(dec);

  sections::build_outline(nt, rep);
  sections::read_metadata(nt, rep);
  // Prose is joined into paragraphs once, for every reader of prose.
  const std::vector<text::Paragraph> prose = text::paragraphs(nt, 0, nt.lines.size());
  sections::read_contacts(nt, prose, rep);

  bool has2 = false, has3 = false, has4 = false;
  for (const Section& s : rep.sections) {
    has2 |= s.key == SectionKey::active_disclosure;
    has3 |= s.key == SectionKey::applications;
    has4 |= s.key == SectionKey::review_litigation;
  }
  TemplateVersion from_table2 = TemplateVersion::unknown;
  auto r2 = region_of(rep, SectionKey::active_disclosure, nt);
  rep.active_disclosure = tables::read_active_disclosure(nt, r2, from_table2, rep.diagnostics);
  auto r3 = region_of(rep, SectionKey::applications, nt);
  rep.applications = tables::read_applications(nt, r3, rep.diagnostics);
  auto r4 = region_of(rep, SectionKey::review_litigation, nt);
  rep.review_litigation = tables::read_review_litigation(nt, r4, rep.diagnostics);
  rep.template_version = decide_template(rep, from_table2);

  // A report of the 2019 or 2021 template (or one whose year says it should be) has all three.
  if (rep.template_version != TemplateVersion::legacy) {
    if (!rep.active_disclosure) {
      rep.active_disclosure.emplace();
      missing_table(rep, TableKey::active_disclosure, has2, nt, r2);
    }
    if (!rep.applications) {
      rep.applications.emplace();
      missing_table(rep, TableKey::applications, has3, nt, r3);
    }
    if (!rep.review_litigation) {
      rep.review_litigation.emplace();
      missing_table(rep, TableKey::review_litigation, has4, nt, r4);
    }
  }
  name_non_report(rep, nt, options.language);
  checks::check_identities(rep);
  checks::check_narrative(nt, prose, rep);
  checks::check_plausibility(rep);
  place_lines(rep);
  std::stable_sort(rep.diagnostics.begin(), rep.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.line < b.span.line; });
  return rep;
}

Error out_of_memory(Language lang) {
  return Error{ErrorCode::out_of_memory,
               model::say(lang, "内存不足，无法读完这份输入", "out of memory: the input could not be read in full"), 0};
}

}  // namespace

ParseResult parse(std::string_view bytes, const ParseOptions& options) {
  try {
    return parse_unguarded(bytes, options);
  } catch (const std::bad_alloc&) {
    return out_of_memory(options.language);
  }
}

ParseResult parse_file(const std::string& path, const ParseOptions& options) {
  try {
    auto data = pipeline::read_input(path, options);
    if (auto* err = std::get_if<Error>(&data)) return std::move(*err);
    return parse(std::get<std::string>(data), options);
  } catch (const std::bad_alloc&) {
    return out_of_memory(options.language);
  }
}

}  // namespace ogi
