// SPDX-License-Identifier: Apache-2.0
// `ogi parse` (one report as JSON, or JSON Lines) and `ogi csv` (one row per report).
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "output.hpp"
#include "run.hpp"
#include "say.hpp"

namespace ogi::cli {
namespace {

/// Writes each record in order; a failed write stops the batch.
int run_records(const Common& common, RunOptions opt, const std::string& header) {
  Inputs inputs = expand_inputs(common.inputs);
  report_skipped(inputs);
  Output out;
  out.write(header);
  opt.jobs = common.jobs;
  opt.parse = common.parse;
  opt.progress = common.progress;
  Tally t = run_inputs(inputs, opt, [&](const Input&, ParseResult&, std::string& text) { return out.write(text); });
  const bool written = out.close();
  const std::size_t read = t.done - t.unreadable;
  std::string summary = say("ogi: 读取 " + std::to_string(read) + " 份报告，" + std::to_string(t.unreadable) + " 份无法读取",
                            "ogi: " + std::to_string(read) + (read == 1 ? " report" : " reports") + " read, " +
                                std::to_string(t.unreadable) + " could not be read");
  if (!inputs.skipped.empty())
    summary += say("，跳过 " + std::to_string(inputs.skipped.size()) + " 个其他文件",
                   ", " + std::to_string(inputs.skipped.size()) + " other file(s) skipped");
  if (t.interrupted)
    summary += say("；已中断，未处理 " + std::to_string(inputs.items.size() - t.done) + " 份",
                   "; interrupted, " + std::to_string(inputs.items.size() - t.done) + " not done");
  std::fprintf(stderr, "%s\n", summary.c_str());
  if (!written) {
    std::fprintf(stderr, "ogi: %s\n", out.error_message().c_str());
    return kFailure;
  }
  if (t.interrupted) return kInterrupted;
  return t.unreadable ? kFindings : kOk;
}

}  // namespace

void complain(const std::string& path, const std::string& message) {
  std::fprintf(stderr, "ogi: %s: %s\n", shown(path).c_str(), shown(message).c_str());
}

int run_parse(const Common& common, bool compact, bool jsonl) {
  std::error_code ec;
  const bool single = common.inputs.size() == 1 && !jsonl &&
                      (common.inputs[0] == "-" || !std::filesystem::is_directory(common.inputs[0], ec));
  if (single) {
    ParseResult r = parse_file(common.inputs[0], common.parse);
    if (!r) {
      complain(common.inputs[0], r.error().message);
      return kFailure;
    }
    Output out;
    out.write(to_json(r.report(), JsonOptions{!compact, {}}));
    if (!out.close()) {
      std::fprintf(stderr, "ogi: %s\n", out.error_message().c_str());
      return kFailure;
    }
    return kOk;
  }
  RunOptions opt;
  opt.render = [](const std::string& path, const ParseResult& r) {
    return r ? to_json(r.report(), JsonOptions{false, path}) : error_json(path, r.error());
  };
  return run_records(common, opt, "");
}

int run_csv(const Common& common, const CsvOptions& csv) {
  RunOptions opt;
  opt.render = [csv](const std::string& path, const ParseResult& r) {
    return r ? csv_row(path, r.report(), csv) : csv_error_row(path, r.error(), csv);
  };
  return run_records(common, opt, csv_header(csv));
}

}  // namespace ogi::cli
