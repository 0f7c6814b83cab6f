// SPDX-License-Identifier: Apache-2.0
// The batch call (include/ogi/batch.hpp): workers take the next input; the calling thread hands
// results to the callback in input order as they become ready. Results wait in a ring of
// `window` slots, so one slow file holds back at most that many finished ones. With one worker
// the calling thread does the work itself (parse_in_order).
#include "ogi/batch.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include "model/say.hpp"

namespace ogi {
namespace {

struct Slot {
  std::optional<ParseResult> result;
  std::string text;
  std::size_t index = 0;
  bool ready = false;
};

/// One return, of one named result: the report is made where the caller keeps it.
ParseResult parse_and_render(const std::string& path, const BatchOptions& opt, std::size_t i, std::string& text) {
  ParseResult result = parse_file(path, opt.parse);
  if (opt.render) text = opt.render(i, result);
  return result;
}

/// Parses (and renders) input `i`, its text into `text`. Never throws: running out of memory is
/// the item's out_of_memory, any other exception an io error that names the bug. Returns the
/// result as it was made (no copy or move of the report on the way).
ParseResult produce(const std::vector<std::string>& paths, std::size_t first_stdin, const BatchOptions& opt, std::size_t i,
                    std::string& text) {
  const Language lang = opt.parse.language;
  try {
    if (paths[i] == "-" && i != first_stdin)
      return ParseResult(Error{ErrorCode::io,
                               model::say(lang, "标准输入（-）只能读取一次，此处是第二次出现",
                                          "standard input (-) is read once: this is its second mention"),
                               0});
    return parse_and_render(paths[i], opt, i, text);
  } catch (const std::bad_alloc&) {
    text.clear();
    return ParseResult(Error{ErrorCode::out_of_memory,
                             model::say(lang, "内存不足，无法处理这份输入", "out of memory while handling this input"), 0});
  } catch (const std::exception& e) {  // a bug in ogi: one record says so and the batch goes on
    text.clear();
    return ParseResult(Error{ErrorCode::io,
                             model::say(lang, "ogi 内部错误（请报告此输入）：", "internal error in ogi (please report this input): ") + e.what(),
                             0});
  }
}

std::size_t first_stdin(const std::vector<std::string>& paths) {
  return static_cast<std::size_t>(std::find(paths.begin(), paths.end(), "-") - paths.begin());
}

class Pool {
 public:
  Pool(const std::vector<std::string>& paths, const BatchOptions& opt, std::size_t window)
      : paths_(paths), opt_(opt), window_(window), first_stdin_(first_stdin(paths)), slots_(window) {}

  void work() {
    while (true) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        space_.wait(lock, [&] { return halted() || next_ >= paths_.size() || next_ < emitted_ + window_; });
        if (halted() || next_ >= paths_.size()) return;
        i = next_++;
      }
      Slot s;
      s.index = i;
      s.result.emplace(produce(paths_, first_stdin_, opt_, i, s.text));
      std::lock_guard<std::mutex> lock(mu_);
      s.ready = true;
      slots_[i % window_] = std::move(s);
      ready_.notify_one();
    }
  }

  /// The next result in order, or nullopt when stopped.
  std::optional<Slot> take(std::size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    Slot& s = slots_[i % window_];
    // a stop set from a signal handler cannot notify: look at it every 50 ms
    while (!(s.ready && s.index == i)) {
      if (halted()) return std::nullopt;
      ready_.wait_for(lock, std::chrono::milliseconds(50));
    }
    if (halted()) return std::nullopt;
    Slot out = std::move(s);
    s = Slot{};
    ++emitted_;
    space_.notify_all();
    return out;
  }

  void halt() {
    std::lock_guard<std::mutex> lock(mu_);
    halt_ = true;
    space_.notify_all();
  }

 private:
  bool halted() const { return halt_ || (opt_.stop && opt_.stop->load()); }

  const std::vector<std::string>& paths_;
  const BatchOptions& opt_;
  const std::size_t window_;
  std::size_t first_stdin_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::size_t next_ = 0, emitted_ = 0;
  bool halt_ = false;
};

/// One worker: the calling thread parses each input and hands it over at once — no thread, lock
/// or wake-up per input, and the report is handed over where it was made. The stop flag is
/// honoured as by the pool: a result finished after it was set is not handed over.
std::size_t parse_in_order(const std::vector<std::string>& paths, const BatchOptions& opt, const BatchCallback& callback) {
  const std::size_t stdin_at = first_stdin(paths);
  auto stopped = [&] { return opt.stop && opt.stop->load(); };
  std::size_t delivered = 0;
  for (std::size_t i = 0; i < paths.size() && !stopped(); ++i) {
    std::string text;
    BatchItem item{i, produce(paths, stdin_at, opt, i, text), {}};
    if (stopped()) break;
    item.text = std::move(text);
    ++delivered;
    if (!callback(item)) break;
  }
  return delivered;
}

}  // namespace

std::size_t parse_files(const std::vector<std::string>& paths, const BatchOptions& options, const BatchCallback& callback) {
  const std::size_t n = paths.size();
  if (n == 0) return 0;
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
  if (jobs == 1) return parse_in_order(paths, options, callback);
  const std::size_t window = std::max<std::size_t>(options.window ? options.window : std::size_t{8} * jobs, 1);
  Pool pool(paths, options, window);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t) workers.emplace_back([&] { pool.work(); });
  auto join = [&] {
    pool.halt();
    for (auto& w : workers) w.join();
  };
  std::size_t delivered = 0;
  try {
    for (std::size_t i = 0; i < n; ++i) {
      std::optional<Slot> s = pool.take(i);
      if (!s) break;
      BatchItem item{i, std::move(*s->result), std::move(s->text)};
      ++delivered;
      if (!callback(item)) break;
    }
  } catch (...) {
    join();
    throw;
  }
  join();
  return delivered;
}

std::size_t parse_files(const std::vector<std::string>& paths, unsigned jobs, const BatchCallback& callback) {
  BatchOptions options;
  options.jobs = jobs;
  return parse_files(paths, options, callback);
}

}  // namespace ogi
