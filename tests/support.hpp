// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the tests: reading files, finding the corpus and ../shared.
#pragma once
#include <algorithm>
#include <filesystem>
#include <vector>
#include <fstream>
#include <sstream>
#include <string>

namespace ogi_test {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path source_dir() { return OGI_SOURCE_DIR; }
inline std::filesystem::path corpus_dir() { return source_dir() / "corpus"; }
/// ../shared beside the checkout, or empty when this clone has none (tests then skip that part).
inline std::filesystem::path shared_dir() {
  auto p = source_dir().parent_path() / "shared";
  return std::filesystem::exists(p / "corpus") ? p : std::filesystem::path();
}

/// Every corpus/<case>/input.txt, sorted.
inline std::vector<std::filesystem::path> corpus_inputs() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir()))
    if (std::filesystem::exists(e.path() / "input.txt")) out.push_back(e.path() / "input.txt");
  std::sort(out.begin(), out.end());
  return out;
}

/// Every ../shared/corpus/*/*/variants/*.txt, sorted; empty when this clone has no ../shared.
inline std::vector<std::filesystem::path> shared_variants() {
  std::vector<std::filesystem::path> out;
  auto shared = shared_dir();
  if (shared.empty()) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(shared / "corpus"))
    if (e.path().extension() == ".txt" && e.path().parent_path().filename() == "variants") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// While it lives, every allocation larger than `bytes` throws std::bad_alloc (tests/alloc_hook.cpp).
class FailLargeAllocations {
 public:
  explicit FailLargeAllocations(std::size_t bytes);
  ~FailLargeAllocations();
  FailLargeAllocations(const FailLargeAllocations&) = delete;
  FailLargeAllocations& operator=(const FailLargeAllocations&) = delete;
};

/// Both of the above.
inline std::vector<std::filesystem::path> all_documents() {
  auto out = corpus_inputs();
  auto more = shared_variants();
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

}  // namespace ogi_test
