// SPDX-License-Identifier: Apache-2.0
// Running many inputs through ogi::parse_files: one result per input in input order, progress
// on a terminal, and Ctrl-C (SIGINT) that finishes the record in progress and stops.
#pragma once
#include <functional>
#include <string>

#include "inputs.hpp"
#include "ogi/ogi.hpp"

namespace ogi::cli {

struct RunOptions {
  unsigned jobs = 0;
  ParseOptions parse;
  /// Turns a result into text on the workers (JSON, CSV); empty for commands that keep reports.
  std::function<std::string(const std::string& path, const ParseResult& result)> render;
  bool progress = false;  ///< a progress line on stderr
};

/// Called in input order with each input, its result and its rendered text; false stops.
using Take = std::function<bool(const Input& input, ParseResult& result, std::string& text)>;

struct Tally {
  std::size_t done = 0;        ///< inputs handed to `take`
  std::size_t unreadable = 0;  ///< of which could not be read
  bool interrupted = false;    ///< stopped by SIGINT
};

/// Installs the SIGINT handler: the first Ctrl-C asks the run to stop after the record in
/// progress; a second one ends the program at once.
void stop_on_interrupt();

/// Hands every input's result to `take`, in order. With more than one input, Ctrl-C stops the
/// run after the record in progress (stop_on_interrupt).
Tally run_inputs(const Inputs& inputs, const RunOptions& options, const Take& take);

/// The lines on stderr about what was not read: skipped files, directories without reports.
void report_skipped(const Inputs& inputs);

}  // namespace ogi::cli
