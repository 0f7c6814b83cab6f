// SPDX-License-Identifier: Apache-2.0
// The template's Chinese labels of the canonical keys, for messages an auditor reads.
#pragma once
#include <string_view>

#include "ogi/keys.hpp"

namespace ogi::model {

std::string_view label(TableKey t);  ///< "表二", "表三", "表四"
/// A table-2 row as the template writes it (2019: 规范性文件; 2021: 行政规范性文件).
std::string_view label(ActiveRow r, TemplateVersion t = TemplateVersion::v2021);
/// A table-2 column header as the template writes it; `row` settles 金额 (收费 or 采购).
std::string_view label(ActiveRow row, ActiveColumn c, TemplateVersion t);
/// A table-2 column in words that fit both templates (CSV headers).
std::string_view neutral_label(ActiveRow row, ActiveColumn c);
std::string_view label(ApplicationRow r);
std::string_view label(ApplicantColumn c);
std::string_view label(ReviewGroup g);
std::string_view label(ReviewColumn c);

}  // namespace ogi::model
