// SPDX-License-Identifier: Apache-2.0
// ogi/template.hpp — what the report template says about the canonical keys: their Chinese
// labels (as the template's tables write them) and which cells a report's template has.
//
//   for (const auto& [row, column, cell] : report.applications->cells)
//     std::cout << ogi::label(row) << "·" << ogi::label(column) << "：" << cell.raw << "\n";
//   // 予以公开·自然人：5
#pragma once
#include <string_view>

#include "ogi/keys.hpp"
#include "ogi/report.hpp"

namespace ogi {

std::string_view label(TableKey t);  ///< "表二", "表三", "表四"
/// A table-2 row as the template writes it: 规章, 行政规范性文件 (2019: 规范性文件), 行政许可, ….
std::string_view label(ActiveRow row, TemplateVersion t = TemplateVersion::v2021);
/// A table-2 column header as the template writes it over `row`'s block (本年制发件数, or
/// 本年新制作数量 in 2019; 金额 reads 本年收费金额 for fees and 采购总金额 for procurement).
std::string_view label(ActiveColumn column, ActiveRow row, TemplateVersion t = TemplateVersion::v2021);
std::string_view label(ApplicationRow row);     ///< 本年新收, 予以公开, 属于国家秘密, …, 总计
std::string_view label(ApplicantColumn column); ///< 自然人, 商业企业, …, 总计
std::string_view label(ReviewGroup group);      ///< 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉
std::string_view label(ReviewColumn column);    ///< 结果维持, 结果纠正, 其他结果, 尚未审结, 总计

/// Whether the report's template has the cell: a cell it has that is absent from the table was
/// not read (a diagnostic names it). The 2019 and 2021 templates differ in table 2 and in
/// 三（六）其他处理; for an `unknown` template only the cells both share (and the （六） rows read);
/// a legacy report has none.
bool template_has_cell(const Report& report, ActiveRow row, ActiveColumn column);
bool template_has_cell(const Report& report, ApplicationRow row, ApplicantColumn column);
bool template_has_cell(const Report& report, ReviewGroup group, ReviewColumn column);

}  // namespace ogi
