// SPDX-License-Identifier: Apache-2.0
// ogi/report.hpp — the data model of one parsed report (docs/data-model.md).
//
// Flat and index-based: sections are one vector linked by indices, each table a fixed grid
// addressed by its canonical keys. Everything that comes from the text carries a Span into the
// original input, which the Report owns.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/decimal.hpp"
#include "ogi/diagnostic.hpp"
#include "ogi/keys.hpp"
#include "ogi/options.hpp"
#include "ogi/span.hpp"

namespace ogi {

/// One table cell as the document gives it.
struct Cell {
  /// The number; nullopt when the cell is present but blank ("", "-", "—", "/", "无").
  std::optional<Decimal> value;
  std::string raw;   ///< the cell's text after normalization (e.g. "12", "—", "251000元")
  std::string unit;  ///< a unit written in the cell ("元", "万元", "件"), else empty
  Span span;         ///< the cell's text in the original input

  bool blank() const { return !value.has_value(); }
};

/// A cell of a Grid with its keys, as iteration over the grid gives it.
template <class Row, class Col>
struct GridEntry {
  Row row;
  Col column;
  const Cell& cell;
};

/// A table's grid of cells addressed by typed keys. A cell the document does not have (or that
/// could not be placed with certainty) is absent: cell() returns nullptr.
///
/// Iterating a grid visits the cells it has, row by row in template order:
///
///   for (const auto& [row, column, cell] : report.applications->cells)
///     std::cout << ogi::label(row) << "·" << ogi::label(column) << " " << cell.raw << "\n";
template <class Row, class Col>
class Grid {
  // Row by row, rows * cols of them once a cell is set; none before (a grid is moved whole from
  // stage to stage, and a vector moves without touching its cells).
  using Slots = std::vector<std::optional<Cell>>;

 public:
  using RowKey = Row;
  using ColumnKey = Col;
  static constexpr std::size_t rows = key_count<Row>();
  static constexpr std::size_t cols = key_count<Col>();

  const Cell* cell(Row r, Col c) const {
    if (cells_.empty()) return nullptr;
    const auto& slot = cells_[index(r, c)];
    return slot ? &*slot : nullptr;
  }
  void set(Row r, Col c, Cell cell) {
    if (cells_.empty()) cells_.resize(rows * cols);
    cells_[index(r, c)] = std::move(cell);
  }
  void erase(Row r, Col c) {
    if (!cells_.empty()) cells_[index(r, c)].reset();
  }
  bool has_row(Row r) const {
    if (cells_.empty()) return false;
    for (std::size_t c = 0; c < cols; ++c)
      if (cells_[index(r, static_cast<Col>(c))]) return true;
    return false;
  }
  /// The value counted in identities: blank counts as 0 (the template's convention);
  /// nullopt when the cell is absent.
  std::optional<Decimal> counted(Row r, Col c) const {
    const Cell* x = cell(r, c);
    if (!x) return std::nullopt;
    return x->value ? *x->value : Decimal{};
  }

  /// Walks the cells the grid has, skipping absent ones.
  class const_iterator {
   public:
    using value_type = GridEntry<Row, Col>;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;
    const_iterator() = default;
    value_type operator*() const {
      return {static_cast<Row>(at_ / cols), static_cast<Col>(at_ % cols), *(*slots_)[at_]};
    }
    const_iterator& operator++() {
      ++at_;
      skip_absent();
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.at_ == b.at_; }

   private:
    friend class Grid;
    const_iterator(const Slots* slots, std::size_t at) : slots_(slots), at_(at) { skip_absent(); }
    void skip_absent() {
      while (at_ < slots_->size() && !(*slots_)[at_]) ++at_;
    }
    const Slots* slots_ = nullptr;
    std::size_t at_ = 0;
  };
  const_iterator begin() const { return const_iterator(&cells_, 0); }
  const_iterator end() const { return const_iterator(&cells_, cells_.size()); }
  /// How many cells the grid has.
  std::size_t size() const {
    std::size_t n = 0;
    for (const auto& slot : cells_) n += slot.has_value();
    return n;
  }

 private:
  static std::size_t index(Row r, Col c) {
    return static_cast<std::size_t>(r) * cols + static_cast<std::size_t>(c);
  }
  Slots cells_;
};

enum class TableStatus : int {
  ok = 0,            ///< every cell read with certainty and every identity holds
  inconsistent = 1,  ///< read with certainty, but the document's own numbers break an identity
  uncertain = 2,     ///< some cells could not be placed with certainty: they are absent, and named
  missing = 3,       ///< the section is there but no table could be read from it
};
std::string_view to_string(TableStatus s);

template <class Row, class Col>
struct Table {
  TableStatus status = TableStatus::missing;
  Span span;  ///< the table's lines in the input
  Grid<Row, Col> cells;
};
using ActiveDisclosureTable = Table<ActiveRow, ActiveColumn>;
using ApplicationsTable = Table<ApplicationRow, ApplicantColumn>;
using ReviewLitigationTable = Table<ReviewGroup, ReviewColumn>;

/// A heading and the lines it governs. `line`..`end_line` are 1-based input lines, inclusive.
struct Section {
  SectionKey key = SectionKey::none;
  std::string heading;  ///< the heading as written (normalized text)
  Span span;            ///< from the heading to the end of the section's last line
  std::uint32_t line = 0;
  std::uint32_t end_line = 0;
  int parent = -1;                ///< index into Report::sections, -1 for top level
  std::vector<int> children;      ///< indices into Report::sections, in document order
};

/// Which part of the document a metadata value was read from (docs/sections.md says in which
/// order the parts are tried for the agency and the year).
enum class FieldSource : int {
  none = 0,       ///< no value
  title = 1,      ///< the report's title ("…人民政府2021年政府信息公开工作年度报告", or over two lines)
  byline = 2,     ///< a labelled line of the page around the report: 来源:, 发布机构:, 主办单位:
  body = 3,       ///< the report's prose (本报告由…编制, 现将…报告, 请与…联系, contact details)
  signature = 4,  ///< the closing signature (落款): the body's name above the date
  period = 5,     ///< the statistics period (统计期限自2021年1月1日至12月31日)
};
std::string_view to_string(FieldSource s);

/// A metadata field: its value, where the document states it and in which part.
template <class T>
struct Field {
  std::optional<T> value;
  Span span;
  FieldSource source = FieldSource::none;
  explicit operator bool() const { return value.has_value(); }
};

/// 人大代表建议 and 政协提案 handled at one level, as section 6 states them.
struct ProposalCounts {
  std::string level;  ///< "本级" unless the text names another level ("市级", "省级", "全国")
  Field<int> npc_suggestions;
  Field<int> cppcc_proposals;
};

struct Metadata {
  /// The reporting body as the document names it: the title's name, completed by the higher
  /// levels the body or signature write before it (淮安市 + 洪泽区人民政府); else the signature's,
  /// the byline's or the prose's name.
  Field<std::string> agency;
  Field<int> year;            ///< the report year: the title's, else the statistics period's
  Field<std::string> published;                 ///< publication date when stated (发布日期, the closing date), ISO
  Field<std::string> period_start, period_end;  ///< the statistics period, ISO dates ("2021-01-01")
  Field<std::string> website;                   ///< as written ("www.zhangdian.gov.cn")
  Field<std::string> address;
  Field<std::string> postcode;                  ///< six digits
  std::vector<Field<std::string>> telephones;   ///< as written ("0533-2869836")
  Field<std::string> fax;
  Field<std::string> email;
  std::vector<Field<std::string>> cited_documents;   ///< titles in 《》, first mention each, in order
  std::vector<Field<std::string>> document_numbers;  ///< 文号 in the 〔〕 form ("张政办字〔2015〕57号")
  Field<bool> fee_charged;                      ///< from section 6: whether an information-processing fee was charged
  Field<Decimal> fee_amount;                    ///< and how much, in 元, when stated
  Field<int> npc_suggestions;                   ///< 人大代表建议 handled (the first count stated in section 6)
  Field<int> cppcc_proposals;                   ///< 政协提案 handled (the first count stated in section 6)
  std::vector<ProposalCounts> proposals_by_level;  ///< every level section 6 gives counts for, in order
};

/// A parsed report. It owns a copy of the input bytes; every Span indexes them.
struct Report {
  /// The bytes every span indexes, unaltered: the input itself — except for a DOCX, where it is
  /// the part named by `input_part` (word/document.xml, inflated), and for a PDF, the text layer
  /// ogi extracted (docs/formats.md).
  std::string input;
  InputFormat format = InputFormat::text;  ///< how the input was read
  std::string input_part;   ///< "" when spans index the input itself; else the part they index
  std::string encoding;     ///< the encoding the text was read in ("UTF-8", "GB18030", …)
  TemplateVersion template_version = TemplateVersion::unknown;
  Metadata metadata;
  std::uint32_t preamble_end_line = 0;   ///< last line before the first section heading
  std::vector<Section> sections;         ///< the outline, in document order
  std::optional<ActiveDisclosureTable> active_disclosure;
  std::optional<ApplicationsTable> applications;
  std::optional<ReviewLitigationTable> review_litigation;
  std::vector<Diagnostic> diagnostics;   ///< in document order of their line, then by code

  /// The status of a table; nullopt when the report has no such table (a legacy report, or an
  /// input that is no report at all).
  std::optional<TableStatus> table_status(TableKey t) const;

  /// The diagnostics that name a table: about the whole table, one of its rows or columns, or a
  /// cell, in the report's order.
  std::vector<const Diagnostic*> diagnostics_for(TableKey t) const;
  /// The diagnostics that speak of one cell (canonical keys, as in the JSON): those naming the
  /// cell, its row, its column or its whole table (docs/data-model.md, "Diagnostics").
  std::vector<const Diagnostic*> diagnostics_for(TableKey t, std::string_view row, std::string_view column) const;
  template <class Row, class Col>
  std::vector<const Diagnostic*> diagnostics_for(Row row, Col column) const {
    return diagnostics_for(table_of<Row>(), to_string(row), to_string(column));
  }

  /// The original bytes a span covers (empty for a span outside the input).
  std::string_view bytes(Span s) const {
    if (s.begin > input.size() || s.end < s.begin) return {};
    return std::string_view(input).substr(s.begin, s.end - s.begin);
  }
  /// What a span says, as UTF-8 whatever the input's encoding (GB18030, UTF-16, …; a DOCX part
  /// is XML, so markup inside the span stays): bytes that do not decode become U+FFFD.
  std::string text(Span s) const;
};

}  // namespace ogi
