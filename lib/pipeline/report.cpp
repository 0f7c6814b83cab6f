// SPDX-License-Identifier: Apache-2.0
// The Report's conveniences (ogi/report.hpp): table status, the diagnostics of a table, a span's
// text in UTF-8.
#include "ogi/report.hpp"

#include "text/transcode.hpp"

namespace ogi {

std::optional<TableStatus> Report::table_status(TableKey t) const {
  switch (t) {
    case TableKey::active_disclosure: return active_disclosure ? std::optional(active_disclosure->status) : std::nullopt;
    case TableKey::applications: return applications ? std::optional(applications->status) : std::nullopt;
    case TableKey::review_litigation: return review_litigation ? std::optional(review_litigation->status) : std::nullopt;
  }
  return std::nullopt;
}

std::vector<const Diagnostic*> Report::diagnostics_for(TableKey t) const {
  std::vector<const Diagnostic*> out;
  const std::string_view key = to_string(t);
  for (const Diagnostic& d : diagnostics)
    if (d.table == key) out.push_back(&d);
  return out;
}

std::vector<const Diagnostic*> Report::diagnostics_for(TableKey t, std::string_view row, std::string_view column) const {
  std::vector<const Diagnostic*> out;
  const std::string_view key = to_string(t);
  for (const Diagnostic& d : diagnostics)
    if (d.table == key && (d.row.empty() || d.row == row) && (d.column.empty() || d.column == column)) out.push_back(&d);
  return out;
}

std::string Report::text(Span s) const {
  // a DOCX's part is XML, whose encoding is UTF-8 whatever the document's text was read as
  return text::to_utf8(bytes(s), format == InputFormat::docx ? std::string_view("UTF-8") : std::string_view(encoding));
}

}  // namespace ogi
