// SPDX-License-Identifier: Apache-2.0
// Batch runs of `ogi parse` and `ogi csv`: many files, a worker pool, output in input order.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "ogi/ogi.hpp"

namespace ogi::cli {

enum class BatchFormat { json_lines, csv };

struct BatchOptions {
  BatchFormat format = BatchFormat::json_lines;
  unsigned jobs = 0;        ///< 0 = one per core
  bool bom = false;         ///< CSV: a UTF-8 BOM first, for Excel
  bool progress = false;    ///< a progress line on stderr
  ParseOptions parse;
};

/// Files named and, for directories, every *.txt below them (sorted), in the order given.
/// Directories that hold no .txt file are reported on stderr.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

/// Parses every input with a pool of workers and writes one record each, in input order.
/// A file that cannot be read gets an error record and does not stop the batch. A summary goes
/// to stderr. Returns 0 when every file was read, 1 otherwise.
int run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, std::FILE* out);

}  // namespace ogi::cli
