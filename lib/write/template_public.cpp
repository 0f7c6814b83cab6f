// SPDX-License-Identifier: Apache-2.0
// ogi/template.hpp, over the labels of lib/model and the layouts of lib/write (both move into the
// template module).
#include "ogi/template.hpp"

#include "template/template.hpp"
#include "write/layout.hpp"

namespace ogi {

std::string_view label(TableKey t) { return templates::label(t); }
std::string_view label(ActiveRow row, TemplateVersion t) { return templates::label(row, t); }
std::string_view label(ActiveColumn column, ActiveRow row, TemplateVersion t) { return templates::label(row, column, t); }
std::string_view label(ApplicationRow row) { return templates::label(row); }
std::string_view label(ApplicantColumn column) { return templates::label(column); }
std::string_view label(ReviewGroup group) { return templates::label(group); }
std::string_view label(ReviewColumn column) { return templates::label(column); }

bool template_has_cell(const Report& r, ActiveRow row, ActiveColumn c) { return write::has_cell(r, row, c); }
bool template_has_cell(const Report& r, ApplicationRow row, ApplicantColumn c) { return write::has_cell(r, row, c); }
bool template_has_cell(const Report& r, ReviewGroup g, ReviewColumn c) { return write::has_cell(r, g, c); }

}  // namespace ogi
