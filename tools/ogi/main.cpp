// SPDX-License-Identifier: Apache-2.0
// The `ogi` command line: parse, check, csv (docs/cli.md).
// Exit status: 0 success; 1 findings (check) or a file that could not be read (batch);
// 2 unreadable input (single file) or bad arguments.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "batch.hpp"
#include "check_report.hpp"
#include "ogi/ogi.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#endif

namespace {

int fail(const std::string& path, const ogi::Error& e) {
  std::cerr << "ogi: " << path << ": " << e.message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef OGI_WITH_PDF
  ogi::pdf::enable();  // PDF files through poppler (this build is GPL-3.0: README, "Licences")
#endif
  CLI::App app{"ogi — reads 政府信息公开工作年度报告 text into checked data"};
  app.set_version_flag("--version", std::string(ogi::version()));
  app.require_subcommand(1);

  ogi::ParseOptions opt;
  bool compact = false, as_json = false, jsonl = false, bom = false;
  unsigned jobs = 0;
  std::vector<std::string> files;

  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--encoding", opt.encoding, "input encoding (default: detect; valid UTF-8 is taken as is)");
    sub->add_flag("--strict", opt.strict, "refuse input with invalid byte sequences");
  };
  auto add_jobs = [&](CLI::App* sub) {
    sub->add_option("-j,--jobs", jobs, "worker threads (default: one per core)")->check(CLI::Range(1u, 1024u));
  };
  CLI::App* parse = app.add_subcommand("parse", "write reports as JSON (one file: the report; more, or a directory: JSON Lines)");
  add_common(parse);
  add_jobs(parse);
  parse->add_flag("--compact", compact, "one line of JSON");
  parse->add_flag("--jsonl", jsonl, "JSON Lines with the input path, even for one file");
  parse->add_option("inputs", files, "text files, directories (every *.txt below), or - for standard input")->required();

  CLI::App* check = app.add_subcommand("check", "list the findings of one or more reports");
  add_common(check);
  check->add_flag("--json", as_json, "JSON Lines instead of text");
  check->add_option("files", files, "text files, or - for standard input")->required();

  CLI::App* csv = app.add_subcommand("csv", "one CSV row per report, every table cell a column");
  add_common(csv);
  add_jobs(csv);
  csv->add_flag("--bom", bom, "start with a UTF-8 byte order mark (for Excel)");
  csv->add_option("inputs", files, "text files or directories (every *.txt below)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ogi: " << e.what() << " (see ogi --help)\n";
    return 2;
  }

  ogi::cli::BatchOptions batch;
  batch.jobs = jobs;
  batch.parse = opt;
  batch.progress = isatty(STDERR_FILENO) != 0;
  if (csv->parsed()) {
    auto inputs = ogi::cli::expand_inputs(files);
    batch.format = ogi::cli::BatchFormat::csv;
    batch.bom = bom;
    return ogi::cli::run_batch(inputs, batch, stdout);
  }
  if (parse->parsed()) {
    bool single = files.size() == 1 && !jsonl && (files[0] == "-" || !std::filesystem::is_directory(files[0]));
    if (single) {
      ogi::ParseResult r = ogi::parse_file(files[0], opt);
      if (!r) return fail(files[0], r.error());
      std::string json = ogi::to_json(r.report(), ogi::JsonOptions{!compact, {}});
      std::fwrite(json.data(), 1, json.size(), stdout);
      return 0;
    }
    auto inputs = ogi::cli::expand_inputs(files);
    return ogi::cli::run_batch(inputs, batch, stdout);
  }
  // check: every report first, then what only reports given together can show (year.*)
  int status = 0;
  std::vector<std::pair<std::string, ogi::Report>> reports;
  for (const std::string& f : files) {
    ogi::ParseResult r = ogi::parse_file(f, opt);
    if (!r) { fail(f, r.error()); status = 2; continue; }
    reports.emplace_back(f, std::move(r).report());
  }
  std::vector<ogi::Report*> all;
  for (auto& [f, rep] : reports) all.push_back(&rep);
  ogi::check_across_reports(all);
  for (const auto& [f, rep] : reports) {
    std::string s = as_json ? ogi::to_json(rep, ogi::JsonOptions{false, f}) : ogi::cli::check_summary(f, rep);
    std::fwrite(s.data(), 1, s.size(), stdout);
    if (status == 0 && ogi::cli::finding_count(rep) > 0) status = 1;
  }
  return status;
}
