// Helpers shared by the tests: reading files, finding the corpus and ../shared.
#pragma once
#include <filesystem>
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

}  // namespace ogi_test
