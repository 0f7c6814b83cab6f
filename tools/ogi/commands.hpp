// SPDX-License-Identifier: Apache-2.0
// The subcommands of `ogi` (docs/cli.md), each in a file of its own.
#pragma once
#include <string>
#include <vector>

#include "ogi/ogi.hpp"

namespace ogi::cli {

/// Exit statuses (docs/cli.md).
enum Exit : int { kOk = 0, kFindings = 1, kFailure = 2, kInterrupted = 130 };

/// What every subcommand takes.
struct Common {
  ParseOptions parse;
  unsigned jobs = 0;
  std::vector<std::string> inputs;
  bool progress = false;  ///< stderr is a terminal
};

struct CheckOptions {
  bool json = false;
  bool csv = false;
  std::string html;  ///< the page's file, "" for none
  Severity min_severity = Severity::warning;
  CsvOptions csv_options;
};

int run_parse(const Common& common, bool compact, bool jsonl);
int run_csv(const Common& common, const CsvOptions& options);
int run_check(const Common& common, const CheckOptions& options);

/// "ogi: <path>: <message>" on stderr.
void complain(const std::string& path, const std::string& message);

}  // namespace ogi::cli
