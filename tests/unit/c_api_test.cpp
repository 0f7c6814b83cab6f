// The C API (compiled here as C++: the header must work in both) gives the same JSON as the C++
// API for every corpus document.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ogi.h"
#include "ogi/ogi.hpp"

namespace fs = std::filesystem;

TEST_CASE("the C API's JSON equals the C++ API's JSON for every corpus document") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(ogi_test::corpus_dir()))
    if (fs::exists(e.path() / "input.txt")) files.push_back(e.path() / "input.txt");
  if (auto shared = ogi_test::shared_dir(); !shared.empty())
    for (const auto& e : fs::recursive_directory_iterator(shared / "corpus"))
      if (e.path().extension() == ".txt" && e.path().parent_path().filename() == "variants") files.push_back(e.path());
  for (const auto& f : files) {
    INFO(f.string());
    std::string in = ogi_test::read_file(f);
    auto cpp = ogi::parse(in);
    ogi_document* doc = nullptr;
    char* err = nullptr;
    ogi_status st = ogi_parse(in.data(), in.size(), nullptr, &doc, &err);
    REQUIRE((st == OGI_OK) == cpp.ok());
    if (!cpp) {
      CHECK(static_cast<int>(st) == static_cast<int>(cpp.error().code));
      CHECK(std::string(err) == cpp.error().message);
      ogi_free(err);
      continue;
    }
    char* json = ogi_document_json(doc, 1);
    CHECK(std::string(json) == ogi::to_json(cpp.report()));
    ogi_free(json);
    ogi_document_free(doc);
  }
}
