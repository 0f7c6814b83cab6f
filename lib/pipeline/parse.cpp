// SPDX-License-Identifier: Apache-2.0
// The pipeline: text → sections → tables → checks → model (docs/architecture.md).
#include <algorithm>
#include <iterator>
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
    if (nt.decoded->ordered) {  // else the lines alone bound it (a PDF's words in reading order)
      r.begin = nt.from_input(s.span.begin);
      r.end = nt.from_input(s.span.end);
    }
    return r;
  }
  return tables::Region{0, nt.lines.size()};  // no heading: look through the whole text
}

/// Words only the 2019 and 2021 templates' tables print: a report that has them is not legacy,
/// even where no table could be read from it.
bool has_template_words(const text::NormalizedText& nt) {
  for (std::string_view w : {"第二十条第", "本年新收", "申请人情况", "结果维持"})
    if (nt.text.find(w) != std::string::npos) return true;
  return false;
}

/// An outline of the free layouts before 2019: a section of its own on fees (收费及减免), or
/// 依申请公开… where the template says 收到和处理政府信息公开申请.
bool legacy_outline(const Report& rep) {
  for (const Section& s : rep.sections) {
    if (s.parent >= 0) continue;
    if (s.key == SectionKey::other && s.heading.find("收费") != std::string::npos) return true;
    if (s.key == SectionKey::applications && s.heading.find("依申请公开") != std::string::npos &&
        s.heading.find("收到和处理") == std::string::npos)
      return true;
  }
  return false;
}

/// The template: from table 2's columns, else from table 3's rows, else from table 2's column
/// names wherever the dump printed them; legacy when no table was read,
/// the text has none of the templates' table words, and the outline or the year is of the free
/// layouts before 2019 — never by the year alone.
TemplateVersion decide_template(const Report& rep, TemplateVersion from_table2, const text::NormalizedText& nt) {
  if (from_table2 != TemplateVersion::unknown) return from_table2;
  if (rep.applications) {
    const auto& g = rep.applications->cells;
    if (g.has_row(ApplicationRow::other_no_correction) || g.has_row(ApplicationRow::other_other))
      return TemplateVersion::v2021;
    if (g.has_row(ApplicationRow::other)) return TemplateVersion::v2019;
  }
  // table 2's header printed away from its table, its columns' whole names
  if (const TemplateVersion v = templates::version_by_column_names(nt.text); v != TemplateVersion::unknown) return v;
  bool any_table = rep.active_disclosure || rep.applications || rep.review_litigation;
  if (any_table || has_template_words(nt)) return TemplateVersion::unknown;
  bool early = rep.metadata.year && *rep.metadata.year.value < 2019;
  return early || legacy_outline(rep) ? TemplateVersion::legacy : TemplateVersion::unknown;
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
bool name_non_report(Report& rep, const text::NormalizedText& nt, Language lang) {
  if (rep.active_disclosure || rep.applications || rep.review_litigation) return false;
  for (const Section& s : rep.sections)
    if (is_standard(s.key)) return false;
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
  return true;
}

/// A layout finding about one cell's words (pdf.value_wrapped: the layout knows a cell's words,
/// not the template's row) names the cell the table stage read from exactly those words.
void name_cells_of_layout_findings(Report& rep) {
  for (Diagnostic& d : rep.diagnostics) {
    if (d.table.empty() || !d.row.empty() || !d.code.starts_with("pdf.")) continue;
    auto name = [&](const auto& t) {
      if (!t) return;
      for (const auto& [row, column, cell] : t->cells)
        if (cell.span.begin == d.span.begin && cell.span.end == d.span.end) {
          d.row = to_string(row);
          d.column = to_string(column);
          return;
        }
    };
    if (d.table == to_string(TableKey::active_disclosure)) name(rep.active_disclosure);
    else if (d.table == to_string(TableKey::applications)) name(rep.applications);
    else if (d.table == to_string(TableKey::review_litigation)) name(rep.review_litigation);
  }
}

/// Input-level diagnostics (decoding) carry offsets only: give them their line — the input's
/// for a text dump, the text's for a document whose lines are its own (DOCX).
void place_lines(Report& rep, const text::NormalizedText& nt) {
  for (Diagnostic& d : rep.diagnostics) {
    if (d.span.line != 0 || d.span.begin > rep.input.size()) continue;
    if (rep.format == InputFormat::docx)
      d.span.line = static_cast<std::uint32_t>(nt.line_of(nt.from_input(d.span.begin)) + 1);
    else
      d.span.line = static_cast<std::uint32_t>(
          1 + std::count(rep.input.begin(), rep.input.begin() + d.span.begin, '\n'));
  }
}

template <class Table, class Fix>
void relabel_table(std::optional<Table>& t, const Fix& fix) {
  if (!t) return;
  fix(t->span);
  using Cells = decltype(t->cells);
  using Row = typename Cells::RowKey;
  using Col = typename Cells::ColumnKey;
  for (std::size_t r = 0; r < Cells::rows; ++r)
    for (std::size_t c = 0; c < Cells::cols; ++c)
      if (const Cell* x = t->cells.cell(static_cast<Row>(r), static_cast<Col>(c))) {
        Cell y = *x;
        fix(y.span);
        t->cells.set(static_cast<Row>(r), static_cast<Col>(c), std::move(y));
      }
}

/// A page read out of markup: the stages count the lines of its text (one per paragraph and
/// table row); the report names the input's lines, found from each span's first byte
/// (docs/formats.md).
void to_input_lines(Report& rep, const text::Decoded& dec, const text::NormalizedText& nt) {
  if (dec.input_line_starts.empty()) return;
  auto fix = [&](Span& s) { s.line = dec.input_line(s.begin); };
  // the input line where the text's line (1-based) ends: its last character's
  auto last_of = [&](std::uint32_t text_line) {
    const text::Line& l = nt.lines[std::min<std::size_t>(text_line, nt.lines.size()) - 1];
    return dec.input_line(nt.input_offset(l.end > l.begin ? l.end - 1 : l.begin));
  };
  for (Section& s : rep.sections) {
    fix(s.span);
    std::uint32_t end = s.end_line > 0 ? last_of(s.end_line) : 0;
    s.line = s.span.line;
    s.end_line = std::max(s.line, end);
  }
  if (rep.preamble_end_line > 0) rep.preamble_end_line = last_of(rep.preamble_end_line);
  relabel_table(rep.active_disclosure, fix);
  relabel_table(rep.applications, fix);
  relabel_table(rep.review_litigation, fix);
  Metadata& m = rep.metadata;
  for (Span* s : {&m.agency.span, &m.year.span, &m.published.span, &m.period_start.span, &m.period_end.span,
                  &m.website.span, &m.address.span, &m.postcode.span, &m.fax.span, &m.email.span,
                  &m.fee_charged.span, &m.fee_amount.span, &m.npc_suggestions.span, &m.cppcc_proposals.span})
    fix(*s);
  for (auto* list : {&m.telephones, &m.cited_documents, &m.document_numbers})
    for (auto& f : *list) fix(f.span);
  for (ProposalCounts& p : m.proposals_by_level) {
    fix(p.npc_suggestions.span);
    fix(p.cppcc_proposals.span);
  }
  for (Diagnostic& d : rep.diagnostics) fix(d.span);
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
  // Prose is joined into paragraphs once, for every reader of prose.
  const std::vector<text::Paragraph> prose = text::paragraphs(nt, 0, nt.lines.size());
  sections::read_metadata(nt, prose, rep);
  sections::read_contacts(nt, prose, rep);
  const std::vector<templates::StatedFigure> stated = sections::read_stated_figures(prose, rep);

  bool has2 = false, has3 = false, has4 = false;
  for (const Section& s : rep.sections) {
    has2 |= s.key == SectionKey::active_disclosure;
    has3 |= s.key == SectionKey::applications;
    has4 |= s.key == SectionKey::review_litigation;
  }
  TemplateVersion from_table2 = TemplateVersion::unknown;
  tables::DumpLayout dump;  // what one table shows of the dump's layout, for the next ones
  // Table 3 first: its two dozen rows show the dump's layout best (empty lines for blank cells,
  // values printed apart from their labels), which tables 2 and 4 have too few rows to show.
  // (its findings still follow table 2's, in the document's order)
  std::vector<Diagnostic> from_table3;
  auto r3 = region_of(rep, SectionKey::applications, nt);
  rep.applications = tables::read_applications(nt, r3, stated, dump, from_table3);
  auto r2 = region_of(rep, SectionKey::active_disclosure, nt);
  rep.active_disclosure = tables::read_active_disclosure(nt, r2, stated, from_table2, dump, rep.diagnostics);
  rep.diagnostics.insert(rep.diagnostics.end(), std::make_move_iterator(from_table3.begin()),
                         std::make_move_iterator(from_table3.end()));
  auto r4 = region_of(rep, SectionKey::review_litigation, nt);
  rep.review_litigation = tables::read_review_litigation(nt, r4, stated, dump, rep.diagnostics);
  rep.template_version = decide_template(rep, from_table2, nt);

  // A report of the 2019 or 2021 template (or one whose year says it should be) has all three;
  // input that is no report at all is named as such instead.
  bool not_a_report = name_non_report(rep, nt, options.language);
  if (rep.template_version != TemplateVersion::legacy && !not_a_report) {
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
  name_cells_of_layout_findings(rep);
  checks::check_identities(rep);
  checks::check_narrative(nt, stated, rep);
  checks::check_plausibility(rep);
  to_input_lines(rep, dec, nt);
  place_lines(rep, nt);
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
