// SPDX-License-Identifier: Apache-2.0
// ogi::parse_files: every input once, in input order, whatever the number of workers; memory
// bounded behind a slow input; a stop flag honoured.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../support.hpp"
#include "ogi/ogi.hpp"

namespace {
std::vector<std::string> corpus_paths() {
  std::vector<std::string> out;
  for (const auto& p : ogi_test::corpus_inputs()) out.push_back(p.string());
  return out;
}
}  // namespace

TEST_CASE("parse_files hands every input to the callback once, in input order") {
  auto paths = corpus_paths();
  paths.push_back("/nonexistent/report.txt");
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::vector<std::size_t> order;
    std::vector<bool> ok;
    std::size_t n = ogi::parse_files(paths, jobs, [&](ogi::BatchItem& item) {
      order.push_back(item.index);
      ok.push_back(item.result.ok());
      return true;
    });
    CHECK(n == paths.size());
    REQUIRE(order.size() == paths.size());
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
    CHECK_FALSE(ok.back());
  }
}

TEST_CASE("parse_files renders on the workers and stops when the callback says so") {
  auto paths = corpus_paths();
  ogi::BatchOptions o;
  o.jobs = 2;
  o.render = [](std::size_t, const ogi::ParseResult& r) {
    return r ? ogi::to_json(r.report(), ogi::JsonOptions{false, {}}) : std::string("error");
  };
  std::vector<std::string> texts;
  std::size_t n = ogi::parse_files(paths, o, [&](ogi::BatchItem& item) {
    texts.push_back(item.text);
    return texts.size() < 3;
  });
  CHECK(n == 3);
  REQUIRE(texts.size() == 3);
  CHECK(texts[0].rfind("{\"schema\":\"ogi.report/1\"", 0) == 0);
}

TEST_CASE("parse_files holds at most its window of results behind one slow input") {
  // The first input is a FIFO nobody writes yet: its worker waits; the others may run ahead by
  // the window only (issue 17.9: 3,000 results once queued behind one slow file).
  auto dir = std::filesystem::temp_directory_path() / ("ogi-batch-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto fifo = dir / "slow.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::vector<std::string> paths{fifo.string()};
  const std::string reference = (ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt").string();
  for (int i = 0; i < 40; ++i) paths.push_back(reference);
  std::atomic<int> parsed{0};
  ogi::BatchOptions o;
  o.jobs = 3;
  o.window = 5;
  o.render = [&](std::size_t, const ogi::ParseResult&) {
    ++parsed;
    return std::string();
  };
  std::vector<std::size_t> order;
  std::thread batch([&] {
    ogi::parse_files(paths, o, [&](ogi::BatchItem& item) {
      order.push_back(item.index);
      return true;
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(parsed.load() <= 4);  // indices 1..4: the window is 5 from the waiting index 0
  {
    std::ofstream w(fifo, std::ios::binary);
    w << ogi_test::read_file(reference);
  }
  batch.join();
  CHECK(order.size() == paths.size());
  std::filesystem::remove_all(dir);
}

TEST_CASE("parse_files stops when its stop flag is set") {
  auto paths = corpus_paths();
  std::atomic<bool> stop{false};
  ogi::BatchOptions o;
  o.jobs = 1;
  o.stop = &stop;
  std::size_t seen = 0;
  std::size_t n = ogi::parse_files(paths, o, [&](ogi::BatchItem&) {
    if (++seen == 2) stop = true;
    return true;
  });
  CHECK(n == 2);
}
