// SPDX-License-Identifier: Apache-2.0
// `ogi check`: every report read first (with the checks between reports given together), then
// written as text, JSON Lines, one CSV row per finding, or the HTML page.
#include <cstdio>
#include <filesystem>
#include <optional>

#include "check_text.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "run.hpp"
#include "say.hpp"

namespace ogi::cli {
namespace {

struct Entry {
  std::string path;
  std::optional<Report> report;
  std::optional<Error> error;
};

std::string render(const Entry& e, const CheckOptions& o) {
  if (o.json) return e.report ? to_json(*e.report, JsonOptions{false, e.path}) : error_json(e.path, *e.error);
  if (o.csv)
    return e.report ? findings_csv_rows(e.path, *e.report, o.min_severity, o.csv_options)
                    : findings_csv_error_row(e.path, *e.error, o.csv_options);
  return e.report ? check_text(e.path, *e.report, o.min_severity) : check_text_error(e.path, *e.error);
}

bool write_page(const std::vector<Entry>& entries, const CheckOptions& o) {
  std::vector<HtmlInput> page;
  for (const Entry& e : entries)
    page.push_back(HtmlInput{e.path, e.report ? &*e.report : nullptr, e.error ? &*e.error : nullptr});
  HtmlOptions ho;
  ho.language = language();
  ho.min_severity = o.min_severity;
  Output file(o.html);
  file.write(to_html(page, ho));
  if (!file.close()) {
    std::fprintf(stderr, "ogi: %s\n", file.error_message().c_str());
    return false;
  }
  return true;
}

}  // namespace

int run_check(const Common& common, const CheckOptions& o) {
  Inputs inputs = expand_inputs(common.inputs);
  report_skipped(inputs);
  std::error_code ec;
  const bool single = common.inputs.size() == 1 && inputs.items.size() == 1 &&
                      (common.inputs[0] == "-" || !std::filesystem::is_directory(common.inputs[0], ec));
  RunOptions opt;
  opt.jobs = common.jobs;
  opt.parse = common.parse;
  opt.progress = common.progress;
  std::vector<Entry> entries;
  entries.reserve(inputs.items.size());
  Tally t = run_inputs(inputs, opt, [&](const Input& in, ParseResult& r, std::string&) {
    if (r) entries.push_back({in.path, std::move(r).report(), std::nullopt});
    else entries.push_back({in.path, std::nullopt, r.error()});
    return true;
  });
  if (single && t.unreadable && !t.interrupted) {
    complain(entries.front().path, entries.front().error->message);
    return kFailure;
  }
  // what only reports given together show (year.*)
  std::vector<Report*> all;
  for (Entry& e : entries)
    if (e.report) all.push_back(&*e.report);
  check_across_reports(all);

  std::size_t with_findings = 0;
  for (const Entry& e : entries) with_findings += e.report && finding_count(*e.report, o.min_severity) > 0;
  bool written = true;
  if (!o.html.empty()) {
    written = write_page(entries, o);
  } else {
    Output out;
    if (o.csv) out.write(findings_csv_header(o.csv_options));
    for (const Entry& e : entries)
      if (!out.write(render(e, o))) break;
    if (!out.close()) {
      std::fprintf(stderr, "ogi: %s\n", out.error_message().c_str());
      written = false;
    }
  }
  const std::size_t n = entries.size(), clean = n - with_findings - t.unreadable;
  std::string summary = say("ogi: 共 " + std::to_string(n) + " 份：无问题 " + std::to_string(clean) + " 份，有问题 " +
                                std::to_string(with_findings) + " 份，无法读取 " + std::to_string(t.unreadable) + " 份",
                            "ogi: " + std::to_string(n) + " input(s): " + std::to_string(clean) + " without findings, " +
                                std::to_string(with_findings) + " with findings, " + std::to_string(t.unreadable) +
                                " unreadable");
  if (!inputs.skipped.empty())
    summary += say("；跳过 " + std::to_string(inputs.skipped.size()) + " 个其他文件",
                   "; " + std::to_string(inputs.skipped.size()) + " other file(s) skipped");
  if (t.interrupted)
    summary += say("；已中断，未读取 " + std::to_string(inputs.items.size() - t.done) + " 份",
                   "; interrupted, " + std::to_string(inputs.items.size() - t.done) + " not read");
  if (!o.html.empty() && written) summary += say("；页面：", "; page: ") + shown(o.html);
  std::fprintf(stderr, "%s\n", summary.c_str());
  if (!written) return kFailure;
  if (t.interrupted) return kInterrupted;
  return with_findings || t.unreadable ? kFindings : kOk;
}

}  // namespace ogi::cli
