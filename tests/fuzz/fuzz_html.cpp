// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the HTML reader (charset, parser, walk, tables) and everything after it, with
// every invariant of invariants.hpp. The input is read as HTML whatever its first bytes.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (64u << 10)) return 0;  // larger inputs only slow the search down
  ogi::ParseOptions html;
  html.format = ogi::InputFormat::html;
  ogi_fuzz::check_parse(std::string_view(reinterpret_cast<const char*>(data), size), html);
  return 0;
}
