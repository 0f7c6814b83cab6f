// SPDX-License-Identifier: Apache-2.0
#include "output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "say.hpp"

namespace ogi::cli {
namespace {

/// Records go out in writes of this size (a JSON record is tens of KB: stdio's 4 KB buffer
/// made two write calls of each). A terminal keeps its line buffering.
constexpr std::size_t kBuffer = std::size_t{256} << 10;

/// glibc ignores the size asked for unless it is given the buffer: `buffer` must outlive every
/// write to `f`.
void buffer_fully(std::FILE* f, char* buffer) {
  if (f && !::isatty(::fileno(f))) std::setvbuf(f, buffer, _IOFBF, kBuffer);
}

}  // namespace

Output::Output() : file_(stdout), name_(say("标准输出", "standard output")) {
  static char buffer[kBuffer];  // standard output lives as long as the program
  buffer_fully(file_, buffer);
}

Output::Output(const std::string& path) : name_(say("「" + shown(path) + "」", "'" + shown(path) + "'")), own_(true) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    error_ = errno ? errno : EIO;
    action_ = "create";
  }
  if (file_) {
    buffer_ = std::make_unique<char[]>(kBuffer);
    buffer_fully(file_, buffer_.get());
  }
}

Output::~Output() {
  if (own_ && file_) std::fclose(file_);
}

bool Output::write(std::string_view text) {
  if (error_) return false;
  if (text.empty()) return true;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    error_ = errno ? errno : EIO;
    return false;
  }
  return true;
}

bool Output::close() {
  if (!file_) return error_ == 0;
  errno = 0;
  bool flushed = std::fflush(file_) == 0 && !std::ferror(file_);
  if (!flushed && !error_) error_ = errno ? errno : EIO;
  if (own_) {
    errno = 0;
    if (std::fclose(file_) != 0 && !error_) error_ = errno ? errno : EIO;
    file_ = nullptr;
  }
  return error_ == 0;
}

std::string Output::error_message() const {
  if (std::strcmp(action_, "create") == 0) return say("无法创建 ", "cannot create ") + name_ + say("：", ": ") + reason(error_);
  return say("无法写入 ", "cannot write to ") + name_ + say("：", ": ") + reason(error_);
}

}  // namespace ogi::cli
