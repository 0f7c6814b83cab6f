// SPDX-License-Identifier: Apache-2.0
// What the command line names: files, "-", and directories searched for report files.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ogi/error.hpp"

namespace ogi::cli {

/// One input: a path to read, or a path found that is not read (a FIFO in a directory, a
/// directory that cannot be listed) with the reason — either way it gets exactly one record.
struct Input {
  std::string path;
  std::optional<Error> error;
};

struct Inputs {
  std::vector<Input> items;
  std::vector<std::string> skipped;     ///< files in directories of a kind ogi does not read
  std::vector<std::string> empty_dirs;  ///< directories named that hold no report file
};

/// Whether a file found in a directory is taken: the formats ogi reads or names (.txt, .text,
/// .html, .htm, .xhtml, .docx, .pdf, and .doc/.wps, which get a record saying how to convert them).
bool is_report_file(const std::string& path);

/// The inputs, in the order given; a directory gives the report files below it (recursively,
/// sorted by path). Symbolic links to directories are not followed (listed as skipped).
Inputs expand_inputs(const std::vector<std::string>& args);

}  // namespace ogi::cli
