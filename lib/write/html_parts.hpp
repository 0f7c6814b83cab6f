// SPDX-License-Identifier: Apache-2.0
// The pieces of the HTML page (include/ogi/html.hpp): the report's source lines, what the
// findings say about each cell, the tables as the template draws them, the page's style and script.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ogi/report.hpp"

namespace ogi::write::html {

/// Text as HTML text or attribute value: printable (controls shown, invalid UTF-8 as U+FFFD)
/// and &, <, >, ", ' escaped.
std::string escape(std::string_view text);

/// The page's own words in its language.
struct Words {
  Language lang = Language::zh;
  std::string_view operator()(std::string_view zh, std::string_view en) const { return lang == Language::en ? en : zh; }
};

/// The report's text decoded again and cut into the lines its spans count.
class Source {
 public:
  explicit Source(const Report& report);
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(begins_.size()); }
  /// Line n (1-based) without its line break; "" outside the text.
  std::string_view line(std::uint32_t n) const;
  /// Line n as escaped HTML, the part of `span` on it (if any) in <mark>.
  std::string marked(std::uint32_t n, const Span* span) const;
  /// The part of `span` on its first line as UTF-16 units into printable(line(span.line)):
  /// what the page's script highlights. {0, 0} when it has none.
  std::pair<std::size_t, std::size_t> units(const Span& span) const;

 private:
  std::uint32_t decoded(std::uint32_t input_offset) const;
  std::string text_;
  std::vector<std::uint32_t> to_input_;  ///< empty when the text is the input itself
  std::vector<std::uint32_t> begins_, ends_;
};

/// What the listed findings say about a cell.
struct CellMark {
  bool broken = false;   ///< in an accounting identity the document breaks (identity.*)
  bool flagged = false;  ///< named by another finding
  std::vector<std::size_t> findings;  ///< indices into the report's diagnostics
};

/// A report as the page draws it: its findings listed and what they mark.
struct ReportView {
  int number = 0;  ///< 1-based position on the page (ids "r<number>-…")
  const Report* report = nullptr;
  std::vector<std::size_t> listed;  ///< indices of the diagnostics at or above the page's severity
  std::map<std::string, CellMark> marks;                   ///< by cell id
  std::map<std::string, std::vector<std::size_t>> notes;   ///< by table key: findings about the whole table
};

std::string cell_id(int report, std::string_view table, std::string_view row, std::string_view column);
std::string finding_id(int report, std::size_t diagnostic);

/// The cells a diagnostic is about, as (table, row, column) keys: the identity's cells for
/// identity.column_balance and identity.column_total, else the cell, row or column it names.
std::vector<std::array<std::string_view, 3>> cells_named(const Report& report, const Diagnostic& d);

/// The three tables of a report, as the template draws them.
void draw_tables(std::string& out, const ReportView& view, const Source& source, Words words);

extern const char* const kStyle;
extern const char* const kScript;

}  // namespace ogi::write::html
