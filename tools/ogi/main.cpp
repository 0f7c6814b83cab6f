// SPDX-License-Identifier: Apache-2.0
// The `ogi` command line: parse, check, csv (docs/cli.md). Options here; each subcommand in a
// file of its own (cmd_parse.cpp, cmd_check.cpp). Exit status (commands.hpp): 0 success;
// 1 findings or unreadable inputs among several; 2 bad arguments, the one input unreadable, a
// failed write, or no memory; 130 interrupted.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <new>

#include "commands.hpp"
#include "say.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#endif

namespace {

using namespace ogi::cli;

int bad_arguments(const std::string& message) {
  std::fprintf(stderr, "ogi: %s%s\n", message.c_str(), say("（见 ogi --help）", " (see ogi --help)").c_str());
  return kFailure;
}

/// --lang from the command line, before the help texts are built.
ogi::Language language_asked(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en") || a == "--lang=en") return ogi::Language::en;
  }
  return ogi::Language::zh;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef OGI_WITH_PDF
  ogi::pdf::enable();  // PDF files through poppler (this build is GPL-3.0: README, "Licences")
#endif
  set_language(language_asked(argc, argv));
  CLI::App app{say("ogi — 读取并核查政府信息公开工作年度报告", "ogi — reads 政府信息公开工作年度报告 into checked data")};
  app.set_version_flag("--version", std::string(ogi::version()));
  app.require_subcommand(1);

  Common common;
  std::string lang = "zh", labels = "keys", min_severity = "warning";
  bool compact = false, jsonl = false;
  CheckOptions check_opt;
  ogi::CsvOptions csv_opt;
  const std::map<std::string, ogi::Severity> severities{
      {"info", ogi::Severity::info}, {"warning", ogi::Severity::warning}, {"error", ogi::Severity::error}};

  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--encoding", common.parse.encoding,
                    say("输入的编码（默认自动判断；有效的 UTF-8 直接采用）", "input encoding (default: detect; valid UTF-8 is taken as is)"));
    sub->add_flag("--strict", common.parse.strict, say("有无效字节序列时拒绝读取", "refuse input with invalid byte sequences"));
    sub->add_option("--lang", lang, say("提示信息的语言：zh（默认）或 en", "language of messages: zh (default) or en"))
        ->check(CLI::IsMember({"zh", "en"}));
    sub->add_option("-j,--jobs", common.jobs, say("工作线程数（默认每核一个）", "worker threads (default: one per core)"))
        ->check(CLI::Range(1u, 1024u));
  };
  auto add_csv_form = [&](CLI::App* sub) {
    sub->add_option("--labels", labels,
                    say("表头：keys（英文键名，默认）或 zh（模板的中文标签，空白为空，未读出的单元格标明）",
                        "headers: keys (default) or zh (the template's Chinese labels; blank cells empty, unread cells marked)"))
        ->check(CLI::IsMember({"keys", "zh"}));
    sub->add_flag("--excel,--bom", csv_opt.excel, say("开头加 UTF-8 BOM，便于 Excel 打开", "start with a UTF-8 BOM so that Excel reads it"));
  };
  const std::string inputs_help = say("文本文件、目录（其下所有报告文件）或 -（标准输入）",
                                      "files, directories (every report file below), or - for standard input");

  CLI::App* parse = app.add_subcommand("parse", say("把报告写成 JSON（多个输入或目录：JSON Lines）",
                                                    "write reports as JSON (several inputs or a directory: JSON Lines)"));
  add_common(parse);
  parse->add_flag("--compact", compact, say("JSON 写成一行", "one line of JSON"));
  parse->add_flag("--jsonl", jsonl, say("即使只有一个文件也写 JSON Lines（带路径）", "JSON Lines with the input path, even for one file"));
  parse->add_option("inputs", common.inputs, inputs_help)->required();

  CLI::App* check = app.add_subcommand("check", say("列出报告中的问题（文本、JSON、CSV 或 HTML 页面）",
                                                    "list the findings of reports (text, JSON, CSV or an HTML page)"));
  add_common(check);
  check->add_option("--min-severity", min_severity,
                    say("列出的最低级别：info、warning（默认）、error", "lowest severity listed: info, warning (default), error"))
      ->check(CLI::IsMember({"info", "warning", "error"}));
  auto* json_flag = check->add_flag("--json", check_opt.json, say("每份报告一行 JSON", "JSON Lines instead of text"));
  auto* csv_flag = check->add_flag("--csv", check_opt.csv, say("CSV，每个问题一行", "CSV, one row per finding"));
  auto* html_opt = check->add_option("--html", check_opt.html,
                                     say("把核查结果写成一个独立的 HTML 页面", "write the findings as one self-contained HTML page"));
  json_flag->excludes(csv_flag)->excludes(html_opt);
  csv_flag->excludes(html_opt);
  add_csv_form(check);
  check->add_option("inputs", common.inputs, inputs_help)->required();

  CLI::App* csv = app.add_subcommand("csv", say("CSV，每份报告一行，每个单元格一列", "one CSV row per report, every table cell a column"));
  add_common(csv);
  add_csv_form(csv);
  csv->add_option("inputs", common.inputs, inputs_help)->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return bad_arguments(e.what());
  }
  set_language(lang == "en" ? ogi::Language::en : ogi::Language::zh);
  common.parse.language = language();
  common.progress = isatty(STDERR_FILENO) != 0;
  csv_opt.chinese_labels = labels == "zh";
  check_opt.csv_options = csv_opt;
  check_opt.min_severity = severities.at(min_severity);
  if (std::count(common.inputs.begin(), common.inputs.end(), "-") > 1)
    return bad_arguments(say("标准输入（-）只能指定一次", "standard input (-) may be named once"));

  try {
    if (parse->parsed()) return run_parse(common, compact, jsonl);
    if (csv->parsed()) return run_csv(common, csv_opt);
    return run_check(common, check_opt);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "%s\n", say("ogi: 内存不足，已停止", "ogi: out of memory, stopped").c_str());
    return kFailure;
  }
}
