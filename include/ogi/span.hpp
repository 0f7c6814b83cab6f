// SPDX-License-Identifier: Apache-2.0
// ogi/span.hpp — where something is in the original input.
#pragma once
#include <cstdint>

namespace ogi {

/// A range of the *original* input bytes, [begin, end), and the 1-based line on which it starts.
/// Offsets count bytes of the input exactly as given (before decoding or normalization), so
/// `input.substr(begin, end - begin)` is what the document says there. line == 0 means "no place"
/// (for example a diagnostic about the whole document).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t line = 0;

  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace ogi
