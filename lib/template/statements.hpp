// SPDX-License-Identifier: Apache-2.0
// Stage 2, template — the figures a report states in words (report-format.md, identity 6):
// "新收政府信息公开申请 N 件", "其中自然人申请 N 件", "被申请行政复议 N 件" … Each is the sum of
// some table cells. The sections stage reads them from the prose, the table engine takes them as
// evidence of where a row's values stand, the checks stage compares them with the tables read.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/keys.hpp"
#include "template/template.hpp"

namespace ogi::templates {

/// How the prose states a figure, and what it counts.
struct StatedFigureDef {
  std::string_view regex;                 ///< over squeezed prose; group 1 the count (in 件: a paragraph without 件 is not tried), group 2 (optional) a share in %
  std::vector<std::string_view> needs;    ///< one of these words must be in the paragraph
  TableKey table;
  std::vector<CellRef> cells;             ///< the figure is their sum (blank = 0)
};

/// Every figure the prose is read for. Conservative by design: a clause is read only when it
/// matches exactly; "办理", "受理" and the like, whose meaning varies between reports, are not.
const std::vector<StatedFigureDef>& stated_figures();

/// Wider scopes (全市, 全区 …): a paragraph naming one speaks of every body of the place, not of
/// the report's own tables, and none of its figures is read.
const std::vector<std::string_view>& wider_scopes();

/// A figure read from the report's prose.
struct StatedFigure {
  int def = -1;                  ///< index into stated_figures()
  std::int64_t count = 0;
  std::string share;             ///< the stated percentage ("47.8"), or empty
  std::string phrase;            ///< the words as read (squeezed), for messages
  std::uint32_t begin = 0, end = 0;  ///< normalized offsets of the phrase
};

}  // namespace ogi::templates
