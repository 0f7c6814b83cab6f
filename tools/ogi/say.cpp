// SPDX-License-Identifier: Apache-2.0
#include "say.hpp"

#include <cerrno>
#include <cstring>

#include "ogi/printable.hpp"

namespace ogi::cli {
namespace {
Language chosen = Language::zh;
}  // namespace

Language language() { return chosen; }
void set_language(Language l) { chosen = l; }

std::string shown(std::string_view text) { return printable(text); }

std::string reason(int err) {
  switch (err) {
    case ENOENT: return say("不存在", "no such file or directory");
    case EACCES: case EPERM: return say("没有权限", "permission denied");
    case ENOSPC: return say("设备上没有空间", "no space left on device");
    case EDQUOT: return say("超出磁盘配额", "disk quota exceeded");
    case EPIPE: return say("管道的另一端已关闭", "the other end of the pipe is closed");
    case EIO: return say("读写出错", "input/output error");
    case EROFS: return say("只读文件系统", "read-only file system");
    case EFBIG: return say("文件太大", "file too large");
    case EISDIR: return say("是目录", "is a directory");
    case ENOTDIR: return say("不是目录", "not a directory");
    case ELOOP: return say("符号链接过多或成环", "too many levels of symbolic links");
    default: return std::strerror(err);
  }
}

}  // namespace ogi::cli
