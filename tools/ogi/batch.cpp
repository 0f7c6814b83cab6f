// SPDX-License-Identifier: Apache-2.0
// Batch processing (docs/cli.md): workers take the next input; the main thread writes results
// in input order as they become ready, so output is the same for any number of threads.
#include "batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace ogi::cli {
namespace fs = std::filesystem;

namespace {

/// What a directory walk takes: text dumps, HTML pages and Word documents.
bool is_report_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" || ext == ".docx";
}

std::string record(const std::string& path, const BatchOptions& opt, bool& ok) {
  ParseResult r = parse_file(path, opt.parse);
  ok = r.ok();
  if (opt.format == BatchFormat::csv) return r ? csv_row(path, r.report()) : csv_error_row(path, r.error());
  return r ? to_json(r.report(), JsonOptions{false, path}) : error_json(path, r.error());
}

void show_progress(std::size_t done, std::size_t total, std::chrono::steady_clock::time_point start) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
  double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  std::fprintf(stderr, "\r%zu/%zu reports  %.0f/s  ETA %.0fs   ", done, total, rate, eta);
  std::fflush(stderr);
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(a, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && is_report_file(it->path())) found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      if (found.empty()) std::cerr << "ogi: " << a << ": no .txt, .html, .htm or .docx files in this directory\n";
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(a);  // a file, "-", or a path that does not exist (it gets an error record)
    }
  }
  return out;
}

int run_batch(const std::vector<std::string>& inputs, const BatchOptions& opt, std::FILE* out) {
  const std::size_t n = inputs.size();
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));

  std::vector<std::string> results(n);
  std::vector<char> ready(n, 0), ok(n, 0);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};

  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      bool good = false;
      std::string rec;
      try {
        rec = record(inputs[i], opt, good);
      } catch (const std::exception& e) {  // out of memory and the like: an error record, not a stop
        rec = opt.format == BatchFormat::csv ? csv_error_row(inputs[i], Error{ErrorCode::io, e.what(), 0})
                                             : error_json(inputs[i], Error{ErrorCode::io, e.what(), 0});
      }
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(rec);
      ok[i] = good;
      ready[i] = 1;
      cv.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(work);

  if (opt.format == BatchFormat::csv) {
    if (opt.bom) std::fputs("\xEF\xBB\xBF", out);
    std::string h = csv_header();
    std::fwrite(h.data(), 1, h.size(), out);
  }
  auto start = std::chrono::steady_clock::now();
  auto last_shown = start;
  std::size_t failed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string rec;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ready[i] != 0; });
      rec = std::move(results[i]);
      results[i].clear();
      results[i].shrink_to_fit();
      failed += ok[i] ? 0 : 1;
    }
    std::fwrite(rec.data(), 1, rec.size(), out);
    if (opt.progress) {
      auto now = std::chrono::steady_clock::now();
      if (now - last_shown > std::chrono::milliseconds(200) || i + 1 == n) {
        show_progress(i + 1, n, start);
        last_shown = now;
      }
    }
  }
  for (auto& t : pool) t.join();
  std::fflush(out);
  if (opt.progress) std::fputs("\n", stderr);
  std::fprintf(stderr, "ogi: %zu report%s read, %zu could not be read\n", n - failed, n - failed == 1 ? "" : "s", failed);
  return failed ? 1 : 0;
}

}  // namespace ogi::cli
