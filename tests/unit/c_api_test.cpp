// SPDX-License-Identifier: Apache-2.0
// The C API (compiled here as C++: the header must work in both) gives the same JSON as the C++
// API for every corpus document.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ogi.h"
#include "ogi/ogi.hpp"


TEST_CASE("the C API's JSON equals the C++ API's JSON for every corpus document") {
  auto files = ogi_test::all_documents();
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
