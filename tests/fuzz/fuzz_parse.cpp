// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the whole parse and the JSON writer, with every invariant of invariants.hpp.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (64u << 10)) return 0;  // larger inputs only slow the search down
  ogi_fuzz::check_parse(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
