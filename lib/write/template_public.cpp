// SPDX-License-Identifier: Apache-2.0
// ogi/template.hpp, over the labels of lib/model and the layouts of lib/write (both move into the
// template module).
#include "ogi/template.hpp"

#include "model/labels.hpp"
#include "write/layout.hpp"

namespace ogi {

std::string_view label(TableKey t) { return model::label(t); }
std::string_view label(ActiveRow row, TemplateVersion t) { return model::label(row, t); }
std::string_view label(ActiveColumn column, ActiveRow row, TemplateVersion t) { return model::label(row, column, t); }
std::string_view label(ApplicationRow row) { return model::label(row); }
std::string_view label(ApplicantColumn column) { return model::label(column); }
std::string_view label(ReviewGroup group) { return model::label(group); }
std::string_view label(ReviewColumn column) { return model::label(column); }

bool template_has_cell(const Report& r, ActiveRow row, ActiveColumn c) { return write::has_cell(r, row, c); }
bool template_has_cell(const Report& r, ApplicationRow row, ApplicantColumn c) { return write::has_cell(r, row, c); }
bool template_has_cell(const Report& r, ReviewGroup g, ReviewColumn c) { return write::has_cell(r, g, c); }

}  // namespace ogi
