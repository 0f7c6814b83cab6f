// SPDX-License-Identifier: Apache-2.0
// Where the program writes its results: standard output or a file, every write checked, so that
// a full disk or a closed pipe is an error that names the output (exit 2), never a cut file
// reported as success.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace ogi::cli {

class Output {
 public:
  /// Standard output. Unless it is a terminal it is buffered in large blocks from here on: make
  /// it before anything else is written there.
  Output();
  /// A file created (or truncated) at `path`; check ok() before writing.
  explicit Output(const std::string& path);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();

  bool ok() const { return error_ == 0; }
  /// Writes all of `text`; false (and nothing more is written) once a write has failed.
  bool write(std::string_view text);
  /// Flushes and closes; false when that or an earlier write failed.
  bool close();
  /// "无法写入 标准输出：设备上没有空间" — what failed, in the reader's language.
  std::string error_message() const;

 private:
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  ///< a file's stdio buffer (closed before it is freed)
  std::string name_;
  bool own_ = false;
  int error_ = 0;
  const char* action_ = "write";
};

}  // namespace ogi::cli
