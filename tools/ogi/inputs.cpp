// SPDX-License-Identifier: Apache-2.0
#include "inputs.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

#include "say.hpp"

namespace ogi::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 9> kReportExtensions{".txt", ".text", ".html", ".htm", ".xhtml",
                                                             ".docx", ".pdf", ".doc", ".wps"};

Error not_read(std::string zh, std::string en) { return Error{ErrorCode::io, say(zh, en), 0}; }

std::string kind_of(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::fifo: return say("命名管道（FIFO）", "a FIFO");
    case fs::file_type::socket: return say("套接字", "a socket");
    case fs::file_type::character: return say("字符设备", "a character device");
    case fs::file_type::block: return say("块设备", "a block device");
    default: return say("特殊文件", "a special file");
  }
}

/// The report files below `dir`, and a record for each subdirectory that cannot be listed.
void walk(const fs::path& dir, Inputs& out, std::vector<Input>& found) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    found.push_back({dir.string(), not_read("无法列出目录「" + shown(dir.string()) + "」：" + reason(ec.value()),
                                            "cannot list the directory '" + shown(dir.string()) + "': " + reason(ec.value()))});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      found.push_back({dir.string(), not_read("列出目录「" + shown(dir.string()) + "」时出错：" + reason(ec.value()),
                                              "error while listing '" + shown(dir.string()) + "': " + reason(ec.value()))});
      return;
    }
    const fs::path& p = it->path();
    std::error_code e2;
    // The common cases by the type the listing gave (no stat call); links, devices and a listing
    // that gives no type go the long way below.
    if (!it->is_symlink(e2) && !e2) {
      if (it->is_directory(e2)) {
        walk(p, out, found);
        continue;
      }
      if (it->is_regular_file(e2)) {
        if (is_report_file(p.string())) found.push_back({p.string(), std::nullopt});
        else out.skipped.push_back(p.string());
        continue;
      }
    }
    e2.clear();
    fs::file_status link = it->symlink_status(e2);
    fs::file_status target = it->status(e2);
    if (fs::is_directory(link)) {
      walk(p, out, found);
    } else if (fs::is_symlink(link) && fs::is_directory(target)) {
      out.skipped.push_back(p.string() + say("（指向目录的符号链接，未跟随）", " (a symbolic link to a directory, not followed)"));
    } else if (!is_report_file(p.string())) {
      out.skipped.push_back(p.string());
    } else if (fs::is_regular_file(target) || !fs::exists(target)) {
      found.push_back({p.string(), std::nullopt});  // a dangling link is read and named by the library
    } else {
      found.push_back({p.string(), not_read("「" + shown(p.string()) + "」是" + kind_of(target) + "，目录中找到的这类文件不读取（可直接在命令行指定它）",
                                            "'" + shown(p.string()) + "' is " + kind_of(target) +
                                                ": not read when found in a directory (name it on the command line)")});
    }
  }
}

}  // namespace

bool is_report_file(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kReportExtensions.begin(), kReportExtensions.end(), ext) != kReportExtensions.end();
}

Inputs expand_inputs(const std::vector<std::string>& args) {
  Inputs out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(a, ec)) {
      out.items.push_back({a, std::nullopt});  // a file, "-", a FIFO, or a path that is not there
      continue;
    }
    std::vector<Input> found;
    std::size_t skipped_before = out.skipped.size();
    walk(a, out, found);
    std::sort(found.begin(), found.end(), [](const Input& x, const Input& y) { return x.path < y.path; });
    std::sort(out.skipped.begin() + static_cast<std::ptrdiff_t>(skipped_before), out.skipped.end());
    if (found.empty()) out.empty_dirs.push_back(a);
    out.items.insert(out.items.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace ogi::cli
