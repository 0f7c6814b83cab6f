// SPDX-License-Identifier: Apache-2.0
// ogi/batch.hpp — many files on every core, results in input order (docs/cli.md, "Batches").
//
//   std::vector<std::string> paths = {"a.txt", "b.txt", "c.txt"};
//   ogi::parse_files(paths, 0, [&](ogi::BatchItem& item) {
//     if (item.result) std::cout << paths[item.index] << ": " << item.result.report().diagnostics.size() << "\n";
//     else std::cerr << item.result.error().message << "\n";
//     return true;  // false stops the batch
//   });
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ogi/parse.hpp"

namespace ogi {

/// One input's outcome, handed to the callback.
struct BatchItem {
  std::size_t index;   ///< position in the list of paths
  ParseResult result;  ///< the report or why it could not be read (the callback may move it out)
  std::string text;    ///< what BatchOptions::render made of it on the worker ("" without render)
};

struct BatchOptions {
  unsigned jobs = 0;  ///< worker threads; 0 = one per core
  /// Results parsed ahead of the one the callback waits for, at most: memory stays bounded when
  /// one slow file holds up the rest. 0 = 8 per worker.
  std::size_t window = 0;
  ParseOptions parse;
  /// Runs on the worker right after parsing, in any order: turns a result into text (JSON, a CSV
  /// row) on every core. It must be safe to call from several threads at once.
  std::function<std::string(std::size_t index, const ParseResult& result)> render;
  /// When set to true (by a signal handler, another thread), no further input is started and no
  /// further callback is made; parse_files returns once the files in progress are done.
  const std::atomic<bool>* stop = nullptr;
};

/// Called on the calling thread, once per input, in input order. Return false to stop.
using BatchCallback = std::function<bool(BatchItem& item)>;

/// Parses every path on a pool of workers (as parse_file does: "-" is standard
/// input, read once: a second "-" gets an io Error). Never throws for a file: running out of
/// memory while rendering is that item's ErrorCode::out_of_memory. Returns the number of items
/// handed to the callback (less than paths.size() when stopped).
std::size_t parse_files(const std::vector<std::string>& paths, const BatchOptions& options, const BatchCallback& callback);

/// The same with default options and `jobs` workers.
std::size_t parse_files(const std::vector<std::string>& paths, unsigned jobs, const BatchCallback& callback);

}  // namespace ogi
