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

TEST_CASE("the C API reads a DOCX: its format, and the part its spans index") {
  std::string in = ogi_test::read_file(ogi_test::corpus_dir() / "016-docx-reference-libreoffice" / "input.docx");
  ogi_document* doc = nullptr;
  char* err = nullptr;
  REQUIRE(ogi_parse(in.data(), in.size(), nullptr, &doc, &err) == OGI_OK);
  CHECK(ogi_document_format(doc) == OGI_FORMAT_DOCX);
  CHECK(std::string(ogi_document_input_part(doc)) == "word/document.xml");
  std::size_t size = 0;
  const char* input = ogi_document_input(doc, &size);
  CHECK(std::string_view(input, size).substr(0, 5) == "<?xml");
  ogi_section s;
  REQUIRE(ogi_document_section(doc, 0, &s) == OGI_OK);
  CHECK(s.span.end <= size);
  ogi_document_free(doc);
}

TEST_CASE("the C API's format option forces how the input is read") {
  std::string html = "<b>2021</b>年";
  ogi_options o = ogi_default_options();
  o.format = OGI_FORMAT_HTML;
  ogi_document* doc = nullptr;
  REQUIRE(ogi_parse(html.data(), html.size(), &o, &doc, nullptr) == OGI_OK);
  CHECK(ogi_document_format(doc) == OGI_FORMAT_HTML);
  ogi_document_free(doc);
  REQUIRE(ogi_parse(html.data(), html.size(), nullptr, &doc, nullptr) == OGI_OK);
  CHECK(ogi_document_format(doc) == OGI_FORMAT_TEXT);
  ogi_document_free(doc);
}
