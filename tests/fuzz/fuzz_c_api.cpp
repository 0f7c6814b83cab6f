// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the C API — parse, every accessor, JSON — and its agreement with the C++ API.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "invariants.hpp"
#include "ogi.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (64u << 10)) return 0;
  ogi_document* doc = nullptr;
  char* err = nullptr;
  auto st = ogi_parse(reinterpret_cast<const char*>(data), size, nullptr, &doc, &err);
  auto cpp = ogi::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  OGI_INVARIANT((st == OGI_OK) == cpp.ok());
  if (st != OGI_OK) {
    OGI_INVARIANT(err != nullptr && doc == nullptr);
    ogi_free(err);
    return 0;
  }
  std::size_t input_size = 0;
  OGI_INVARIANT(ogi_document_input(doc, &input_size) != nullptr || input_size == 0);
  OGI_INVARIANT(input_size == cpp.report().input.size());
  size = input_size;  // spans index these bytes (the inflated part of a DOCX)
  for (std::size_t i = 0; i < ogi_document_section_count(doc); ++i) {
    ogi_section s;
    OGI_INVARIANT(ogi_document_section(doc, i, &s) == OGI_OK);
    OGI_INVARIANT(s.span.end <= size);
  }
  for (std::size_t i = 0; i < ogi_document_diagnostic_count(doc); ++i) {
    ogi_diagnostic d;
    OGI_INVARIANT(ogi_document_diagnostic(doc, i, &d) == OGI_OK);
    OGI_INVARIANT(d.code && d.message && d.span.end <= size);
  }
  ogi_cell c;
  for (const char* row : {"new_received", "granted", "total", "carried_forward"})
    for (const char* col : {"natural_person", "total"})
      OGI_INVARIANT(ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, row, col, &c) == OGI_OK);
  OGI_INVARIANT(ogi_document_cell(doc, OGI_TABLE_REVIEW_LITIGATION, "review", "total", &c) == OGI_OK);
  OGI_INVARIANT(ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, "x", "total", &c) == OGI_ERROR_INVALID_ARGUMENT);
  char* json = ogi_document_json(doc, 0);
  OGI_INVARIANT(json && ogi::to_json(cpp.report(), ogi::JsonOptions{false, {}}) == json);
  ogi_free(json);
  ogi_document_free(doc);
  return 0;
}
