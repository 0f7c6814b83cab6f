// SPDX-License-Identifier: Apache-2.0
// The three tables as the template draws them: which cells a report of each template has, in
// what order, under which Chinese labels. Read by the labelled CSV and the HTML page. (For now
// here, from model/labels; it moves with the labels into the template module.)
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/report.hpp"

namespace ogi::write {

/// One block of table 2: the article item it reports on, its rows and its columns.
struct ActiveBlock {
  std::string_view item;  ///< "第二十条第（一）项"
  std::vector<ActiveRow> rows;
  std::vector<ActiveColumn> columns;
};
/// Table 2's blocks for a template (the 2021 layout for `unknown`).
std::vector<ActiveBlock> active_layout(TemplateVersion t);

/// One row of table 3 with the labels of its three header levels ("" where a level is merged
/// into the one before: 一、本年新收… spans all three).
struct ApplicationLine {
  ApplicationRow row;
  std::array<std::string_view, 3> labels;
};
/// Table 3's rows: （六）其他处理 as one row (2019, or a table that has that row) or three (2021).
std::vector<ApplicationLine> applications_layout(TemplateVersion t, const ApplicationsTable* table);

/// Whether the report's template has the cell (2019 and 2021 cells differ in table 2 and in
/// （六）其他处理). For the `unknown` template only the cells both templates share.
bool has_cell(const Report& r, ActiveRow row, ActiveColumn c);
bool has_cell(const Report& r, ApplicationRow row, ApplicantColumn c);
bool has_cell(const Report& r, ReviewGroup group, ReviewColumn c);

/// A label for a table-3 row that is unique and says where it sits: "予以公开",
/// "不予公开·属于国家秘密", "其他处理·其他".
std::string qualified_label(ApplicationRow r);

/// The Chinese label of a diagnostic's table, row or column key ("表三", "予以公开", "自然人");
/// the key itself when it is not one of the template's.
std::string table_words(std::string_view table);
std::string row_words(std::string_view table, std::string_view row, TemplateVersion t);
std::string column_words(std::string_view table, std::string_view row, std::string_view column, TemplateVersion t);

/// Chinese and English words for statuses and templates, as a person reads them.
std::string_view status_words(TableStatus s, Language lang);
std::string_view template_words(TemplateVersion t, Language lang);

}  // namespace ogi::write
