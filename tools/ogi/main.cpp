// The `ogi` command line: parse, check (docs/cli.md).
// Exit status: 0 success (check: no findings), 1 findings (check), 2 unreadable input or bad arguments.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "check_report.hpp"
#include "ogi/ogi.hpp"

namespace {

int fail(const std::string& path, const ogi::Error& e) {
  std::cerr << "ogi: " << path << ": " << e.message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ogi — reads 政府信息公开工作年度报告 text into checked data"};
  app.set_version_flag("--version", std::string(ogi::version()));
  app.require_subcommand(1);

  ogi::ParseOptions opt;
  bool compact = false, as_json = false;
  std::vector<std::string> files;

  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--encoding", opt.encoding, "input encoding (default: detect; valid UTF-8 is taken as is)");
    sub->add_flag("--strict", opt.strict, "refuse input with invalid byte sequences");
  };
  CLI::App* parse = app.add_subcommand("parse", "write the report as JSON");
  add_common(parse);
  parse->add_flag("--compact", compact, "one line of JSON");
  parse->add_option("file", files, "a text file, or - for standard input")->required()->expected(1);

  CLI::App* check = app.add_subcommand("check", "list the findings of one or more reports");
  add_common(check);
  check->add_flag("--json", as_json, "JSON Lines instead of text");
  check->add_option("files", files, "text files, or - for standard input")->required();

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

  if (parse->parsed()) {
    ogi::ParseResult r = ogi::parse_file(files[0], opt);
    if (!r) return fail(files[0], r.error());
    std::string json = ogi::to_json(r.report(), ogi::JsonOptions{!compact});
    std::fwrite(json.data(), 1, json.size(), stdout);
    return 0;
  }
  int status = 0;
  for (const std::string& f : files) {
    ogi::ParseResult r = ogi::parse_file(f, opt);
    if (!r) { fail(f, r.error()); status = 2; continue; }
    if (as_json) {
      std::string json = ogi::to_json(r.report(), ogi::JsonOptions{false});
      std::fwrite(json.data(), 1, json.size(), stdout);
    } else {
      std::string s = ogi::cli::check_summary(f, r.report());
      std::fwrite(s.data(), 1, s.size(), stdout);
    }
    if (status == 0 && ogi::cli::finding_count(r.report()) > 0) status = 1;
  }
  return status;
}
