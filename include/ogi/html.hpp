// SPDX-License-Identifier: Apache-2.0
// ogi/html.hpp — the auditor's page: reports and their findings in one self-contained HTML file
// (docs/cli.md, "ogi check --html").
#pragma once
#include <string>
#include <vector>

#include "ogi/diagnostic.hpp"
#include "ogi/error.hpp"
#include "ogi/options.hpp"
#include "ogi/report.hpp"

namespace ogi {

/// One input of the page: a report, or why the file could not be read.
struct HtmlInput {
  std::string path;
  const Report* report = nullptr;  ///< the report (not owned), or
  const Error* error = nullptr;    ///< the reason it could not be read
};

struct HtmlOptions {
  Language language = Language::zh;            ///< the page's own words; template labels stay Chinese
  Severity min_severity = Severity::warning;   ///< findings listed and marked on cells
  std::string title;                           ///< "" = 政府信息公开工作年度报告核查结果
};

/// One page, no network and no external assets (it opens from a USB stick): with several
/// inputs first a list of them (status ok / 有问题 / 无法读取, sortable, filterable), then each
/// report — agency, year, template, the three tables drawn as the template draws them with each
/// cell's value (cells of a broken identity highlighted, cells not read marked, each cell's
/// source line on hover and click), and its findings, each linked to its cells and with the
/// source lines it points at. Deterministic: same inputs, same bytes.
std::string to_html(const std::vector<HtmlInput>& inputs, const HtmlOptions& options = {});

}  // namespace ogi
