// SPDX-License-Identifier: Apache-2.0
// Stage 2, template: the State Council's report template as data (report-format.md). Every
// later stage reads the three standard tables from here — their rows (keys, labels, the words
// that name them, their numbering and group), their columns, and the accounting identities as
// lists of terms — so that no label, keyword or identity is written twice: the table engine
// matches labels and searches readings with them, the checks stage evaluates the identities,
// the writers print the Chinese labels.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ogi/keys.hpp"

namespace ogi::templates {

/// Which template versions a row or column belongs to.
enum Versions : unsigned { v2019 = 1u, v2021 = 2u, both = 3u };
unsigned versions_of(TemplateVersion v);  ///< v2019 → v2019, v2021 → v2021, else both

/// A row of a standard table (for table 4: one of its three groups).
struct RowDef {
  int key;                                   ///< the table's row enum value
  std::string_view label;                    ///< the template's label, numbering dropped, normalized and squeezed
  std::string_view numbering;                ///< its numbering as the template prints it ("一、", "(一)", "1.")
  std::vector<std::string_view> keywords = {};    ///< words that name the row wherever they stand in a label
  std::vector<std::string_view> variants = {};    ///< other whole labels the row goes by
  int group = -1;                            ///< index into TableDef::groups of the label group it sits in
  unsigned versions = both;
  /// A label too common to name the row by itself ("其他", "总计"): only with its numbering, or
  /// where the order of the rows expects it.
  bool needs_numbering = false;
  /// Table 2: the row's columns (ActiveColumn values), per version; empty when not in that version.
  std::vector<int> columns2019 = {}, columns2021 = {};
  std::string_view block = {};               ///< table 2: the 第二十条 item heading its block ("(五)")
  std::string_view short_label = {};         ///< how messages name the row ("新收", "办理总计"); else `label`
};

/// A column of a standard table.
struct ColumnDef {
  int key;                                   ///< the table's column enum value
  std::string_view label;                    ///< the header's words, squeezed ("商业企业")
  std::vector<std::string_view> variants = {};    ///< other headers it goes by ("社会组织")
  unsigned versions = both;
  /// Verbs with which prose states the column's count of a row ("制发规范性文件88件"): table 2.
  std::vector<std::string_view> stated_by = {};
  /// Holds a change (本年增/减): the one kind of column a number written with a sign or a change
  /// word (增加18, 减少3, -3) can stand in.
  bool holds_change = false;
};

/// Words printed above several of a table's header columns (申请人情况, 法人或其他组织; table 4's
/// 行政复议, 行政诉讼 and its two kinds): the printed columns they stand over, first to last, where
/// table 4's header prints its five columns once per group (group g's column c is g * 5 + c).
/// A table lists its groups outer ones first, left to right, as its header prints them.
struct ColumnGroup {
  std::string_view label;
  int first, last;
};

/// A cell of a table by its keys (enum values).
struct CellRef {
  int row, col;
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

/// One accounting identity: the cells of `plus` add up to the cells of `minus` (blank = 0).
struct Identity {
  std::string_view code;       ///< "identity.column_balance", "identity.column_total", …
  std::vector<CellRef> plus, minus;
  int row = -1, col = -1;      ///< what a finding names: the column (R1, R2), the row (R3, R4)
};

/// Which rows a table-3 reading has at （六）其他处理: the 2021 three sub-rows or the 2019 single row
/// (2019 reports, and 2021 hybrids).
enum class OtherRows { three, single };

struct TableDef {
  TableKey key;
  std::string_view name;                      ///< "表二" …, for messages
  std::vector<RowDef> rows;                   ///< in template order
  std::vector<ColumnDef> columns;             ///< in template order
  std::vector<std::string_view> groups;       ///< group labels between rows and above columns, squeezed
  std::vector<std::string_view> headers;      ///< other header words that belong to the table ("信息内容")
  /// Header words only one template version prints (table 2's columns tell 2019 from 2021).
  std::vector<std::pair<std::string_view, unsigned>> version_words = {};
  std::vector<ColumnGroup> column_groups = {};  ///< header words above several columns
};

const TableDef& active_disclosure();
const TableDef& applications();
const TableDef& review_litigation();
const TableDef& table(TableKey key);

/// A top-level section of the report: its titles as the templates print them (numbering dropped)
/// and the words that name it in a heading, for the outline and the PDF layout's headings.
struct SectionDef {
  SectionKey key;
  std::vector<std::string_view> titles;         ///< 2021's first; 2019's where it differs
  std::vector<std::string_view> keywords;       ///< name the section in a heading
  std::vector<std::string_view> numbered_only = {};  ///< name it only after a numeral (too common in prose)
};
/// The six sections, in template order.
const std::vector<SectionDef>& sections();

/// Does `label` (squeezed) stand above several columns: a group label (法人或其他组织) or a row's
/// label (table 4's rows, 行政复议, 复议后起诉, head groups of its one printed row)?
bool spans_columns(const TableDef& t, std::string_view label);

/// Is `text` (squeezed) a name some table prints over a group of its columns (申请人情况,
/// 法人或其他组织, 行政复议, 行政诉讼, 复议后起诉)? Alone on a line it is a table's header, not a
/// section's heading, though a section's keyword (行政复议) is the whole of it.
bool names_column_group(std::string_view text);

/// The template version the whole names of table 2's columns in `text` name — a name that holds
/// a version word is that version's (本年制发件数, 本年新制作数量) — or unknown where none or
/// both are found. For a header the dump printed away from its table (pdfminer may set
/// table 2's header among table 3's labels), where a version word alone would not do: table 3's
/// labels hold one (另行制作).
TemplateVersion version_by_column_names(std::string_view text);

/// The row / column definition of a key (nullptr when the table has none).
const RowDef* row(const TableDef& t, int key);
const ColumnDef* column(const TableDef& t, int key);

/// Table 3's rows in template order for a reading with the given （六） rows.
std::vector<int> applications_rows(OtherRows other);
/// Table 2's rows and their columns in `version` (2019 or 2021), in template order.
std::vector<std::pair<int, std::vector<int>>> active_rows(TemplateVersion version);

/// The identities of a table. Table 3's depend on its （六） rows; table 2 has none.
std::vector<Identity> identities(TableKey key, OtherRows other = OtherRows::three);

/// The Chinese labels of the keys as the template prints them (for messages, the CSV's Chinese
/// headers, the HTML report; labels.cpp).
std::string_view label(TableKey t);  ///< "表二", "表三", "表四"
std::string_view label(ActiveRow r, TemplateVersion t = TemplateVersion::v2021);
std::string_view label(ActiveRow row, ActiveColumn c, TemplateVersion t);
/// A table-2 column's label that fits both templates ("本年制发件数/新制作数量").
std::string_view neutral_label(ActiveRow row, ActiveColumn c);
std::string_view label(ApplicationRow r);
std::string_view label(ApplicantColumn c);
std::string_view label(ReviewGroup g);
std::string_view label(ReviewColumn c);
/// The label of a row / column key of `table` ("" when none).
std::string_view row_label(TableKey table, int key);
std::string_view column_label(TableKey table, int key);
/// The short name messages use for a row ("新收", "办理总计"), else its label.
std::string_view short_row_label(TableKey table, int key);

}  // namespace ogi::templates
