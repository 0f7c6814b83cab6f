// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <signal.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <atomic>
#include <chrono>
#include <cstdio>

#include "say.hpp"

namespace ogi::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted.store(true); }

constexpr std::size_t kSkippedListed = 10;

class Progress {
 public:
  Progress(bool on, std::size_t total) : on_(on && total > 1), total_(total) {}
  void step(std::size_t done) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200) && done != total_) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
    std::fprintf(stderr, "%s", ("\r" + std::to_string(done) + "/" + std::to_string(total_) +
                                say(" 份  ", " reports  ") + std::to_string(static_cast<long>(rate)) +
                                say(" 份/秒  剩余约 ", "/s  ETA ") + std::to_string(static_cast<long>(eta)) +
                                say(" 秒   ", " s   "))
                                   .c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fputs("\n", stderr);
  }

 private:
  bool on_, shown_ = false;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

/// A batch parses one report after another, each allocating and freeing about the same memory.
/// glibc's defaults give memory back to the system as soon as 128 KB lie free at the top of the
/// heap and serve every block of 128 KB or more by its own mmap: on some mixes of inputs each
/// report then faults its pages in afresh (on this virtual machine a page fault costs more than
/// the work on the page). Kept: up to 32 MB free, blocks under 4 MB from the heap. The peak is
/// what the largest report needs, as before; the memory stays flat from one report to the next.
void keep_memory_between_reports() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
}

}  // namespace

void stop_on_interrupt() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_RESETHAND;  // the second Ctrl-C has the default effect
  sigaction(SIGINT, &sa, nullptr);
}

Tally run_inputs(const Inputs& inputs, const RunOptions& opt, const Take& take) {
  // One input is stopped by Ctrl-C as any program is; a batch finishes its record first.
  if (inputs.items.size() > 1) {
    stop_on_interrupt();
    keep_memory_between_reports();
  }
  Tally tally;
  Progress progress(opt.progress, inputs.items.size());
  bool stopped = false;
  auto hand = [&](const Input& in, ParseResult& result, std::string& text) {
    ++tally.done;
    tally.unreadable += result.ok() ? 0 : 1;
    if (!take(in, result, text)) stopped = true;
    progress.step(tally.done);
    return !stopped;
  };
  // Inputs that come with their error are handed over between runs of the pool.
  std::size_t i = 0;
  const auto& items = inputs.items;
  while (i < items.size() && !stopped && !interrupted.load()) {
    if (items[i].error) {
      ParseResult result(*items[i].error);
      std::string text = opt.render ? opt.render(items[i].path, result) : std::string();
      hand(items[i], result, text);
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < items.size() && !items[end].error) ++end;
    std::vector<std::string> paths;
    for (std::size_t k = i; k < end; ++k) paths.push_back(items[k].path);
    BatchOptions batch;
    batch.jobs = opt.jobs;
    batch.parse = opt.parse;
    batch.stop = &interrupted;
    if (opt.render) batch.render = [&](std::size_t k, const ParseResult& r) { return opt.render(paths[k], r); };
    const std::size_t base = i;
    parse_files(paths, batch, [&](BatchItem& item) { return hand(items[base + item.index], item.result, item.text); });
    i = end;
  }
  tally.interrupted = interrupted.load();
  return tally;
}

void report_skipped(const Inputs& inputs) {
  for (const std::string& d : inputs.empty_dirs)
    std::fprintf(stderr, "%s", ("ogi: " + shown(d) +
                                say("：目录中没有报告文件（.txt .html .docx .pdf …）\n",
                                    ": no report files in this directory (.txt .html .docx .pdf …)\n"))
                                   .c_str());
  const auto& s = inputs.skipped;
  for (std::size_t k = 0; k < s.size() && k < kSkippedListed; ++k)
    std::fprintf(stderr, "%s", (say("ogi: 跳过（不是 ogi 读取的文件类型）：", "ogi: skipped (not a kind of file ogi reads): ") +
                                shown(s[k]) + "\n")
                                   .c_str());
  if (s.size() > kSkippedListed)
    std::fprintf(stderr, "%s", (say("ogi: 另跳过 ", "ogi: and ") + std::to_string(s.size() - kSkippedListed) +
                                say(" 个文件\n", " more skipped\n"))
                                   .c_str());
}

}  // namespace ogi::cli
