// SPDX-License-Identifier: Apache-2.0
// Reading an input (lib/pipeline/read.hpp): POSIX calls, so that what the path is (a directory,
// a FIFO, a device, a dangling link) can be told and said, and a stream is never read past the
// size limit.
#include "pipeline/read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "model/say.hpp"
#include "sources/sources.hpp"
#include "text/bytes.hpp"

namespace ogi::pipeline {
namespace {

using model::say;

constexpr std::size_t kChunk = 1 << 16;
constexpr std::size_t kSniff = 8192;  // a stream's first bytes, enough to tell binary

std::string reason(int err, Language lang) {
  switch (err) {
    case ENOENT: return say(lang, "文件不存在", "no such file");
    case EACCES: case EPERM: return say(lang, "没有读取权限", "permission denied");
    case ENOTDIR: return say(lang, "路径中有一级不是目录", "a part of the path is not a directory");
    case ELOOP: return say(lang, "符号链接过多或成环", "too many levels of symbolic links");
    case ENAMETOOLONG: return say(lang, "路径太长", "the path is too long");
    case EMFILE: case ENFILE: return say(lang, "打开的文件太多", "too many open files");
    case EIO: return say(lang, "读写出错（磁盘或介质损坏？）", "input/output error (a damaged disk or medium?)");
    case ENXIO: return say(lang, "没有可读取的设备（套接字？）", "no such device (a socket?)");
    case EISDIR: return say(lang, "是目录", "is a directory");
    default: return std::strerror(err);
  }
}

Error cannot_open(const std::string& path, int err, Language lang) {
  return Error{ErrorCode::io, say(lang, "无法打开「" + path + "」：", "cannot open '" + path + "': ") + reason(err, lang), 0};
}

/// `size_zh`/`size_en`: what was seen ("有 300000000 字节", "has 300000000 bytes").
Error too_large(const std::string& name, const ParseOptions& opt, const std::string& size_zh, const std::string& size_en) {
  const std::string limit = std::to_string(opt.max_input_bytes);
  return Error{ErrorCode::too_large,
               say(opt.language, name + " " + size_zh + "，超过上限 " + limit + " 字节（ParseOptions::max_input_bytes）",
                   name + " " + size_en + ", over the limit of " + limit + " bytes"),
               opt.max_input_bytes};
}

/// A stream's first bytes that no reader takes and that are not text.
std::optional<Error> binary_stream(std::string_view head, const ParseOptions& opt) {
  if (!opt.encoding.empty() || (opt.format != InputFormat::automatic && opt.format != InputFormat::text))
    return std::nullopt;
  if (sources::sniff(head) != InputFormat::text || !text::utf16_without_bom(head).empty()) return std::nullopt;
  if (auto why = text::binary_reason(head, opt.language)) return Error{ErrorCode::not_text, *why, 0};
  return std::nullopt;
}

/// Everything from `fd`, but never more than the limit (plus the one byte that shows it is over).
std::variant<std::string, Error> read_all(int fd, const std::string& name, bool stream, std::size_t expected,
                                          const ParseOptions& opt) {
  std::string data;
  const std::size_t cap = opt.max_input_bytes + 1;
  data.reserve(std::min(cap, expected + 1));
  bool sniffed = !stream;
  while (true) {
    if (data.size() == data.capacity()) data.reserve(std::min(cap, std::max(kChunk, data.capacity() * 2)));
    std::size_t want = std::min(data.capacity(), cap) - data.size();
    if (want == 0) break;
    std::size_t at = data.size();
    data.resize(at + want);
    ssize_t got = ::read(fd, data.data() + at, want);
    if (got < 0 && errno == EINTR) { data.resize(at); continue; }
    if (got < 0) {
      int err = errno;
      return Error{ErrorCode::io, say(opt.language, "无法读取" + name + "：", "cannot read " + name + ": ") + reason(err, opt.language), at};
    }
    data.resize(at + static_cast<std::size_t>(got));
    if (!sniffed && (data.size() >= kSniff || got == 0)) {
      sniffed = true;
      if (auto err = binary_stream(data, opt)) return *err;
    }
    if (got == 0) break;
  }
  if (data.size() > opt.max_input_bytes)
    return too_large(name, opt, "读到上限仍未结束，已停止读取", "went on past the limit; reading stopped");
  return data;
}

}  // namespace

std::variant<std::string, Error> read_input(const std::string& path, const ParseOptions& opt) {
  const Language lang = opt.language;
  if (path == "-") return read_all(STDIN_FILENO, say(lang, "标准输入", "standard input"), true, 0, opt);
  const std::string name = say(lang, "「" + path + "」", "'" + path + "'");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    struct stat link {};
    if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
      return Error{ErrorCode::io,
                   say(lang, name + " 是失效的符号链接（它指向的文件不存在）",
                       name + " is a dangling symbolic link (what it points to does not exist)"),
                   0};
    return cannot_open(path, err, lang);
  }
  if (S_ISDIR(st.st_mode))
    return Error{ErrorCode::io,
                 say(lang, name + " 是目录，不是文件（读取目录下的全部报告：ogi parse/check/csv 目录）",
                     name + " is a directory, not a file (to read every report below it: ogi parse/check/csv DIR)"),
                 0};
  if (S_ISSOCK(st.st_mode))
    return Error{ErrorCode::io, say(lang, name + " 是套接字，不是文件", name + " is a socket, not a file"), 0};
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > opt.max_input_bytes)
    return too_large(name, opt, "有 " + std::to_string(st.st_size) + " 字节", "has " + std::to_string(st.st_size) + " bytes");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return cannot_open(path, errno, lang);
  bool stream = !S_ISREG(st.st_mode);  // a FIFO, a character or block device
  auto result = read_all(fd, name, stream, stream ? 0 : static_cast<std::size_t>(st.st_size), opt);
  ::close(fd);
  return result;
}

}  // namespace ogi::pipeline
