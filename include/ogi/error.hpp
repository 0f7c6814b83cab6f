// SPDX-License-Identifier: Apache-2.0
// ogi/error.hpp — why an input could not be read at all. Findings *about* a readable document
// are not errors: they are Diagnostics in the Report.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ogi {

enum class ErrorCode : int {
  ok = 0,
  io = 1,            ///< the file could not be read
  not_text = 2,      ///< binary input ogi does not read (image, old Office, NUL bytes, …)
  bad_encoding = 3,  ///< undecodable in the chosen encoding, or invalid bytes under `strict`
  too_large = 4,     ///< over ParseOptions::max_input_bytes
  bad_option = 5,    ///< an unknown encoding name
  bad_document = 6,  ///< an HTML, DOCX or PDF file that cannot be read (broken, encrypted, scanned, a bomb)
  unsupported = 7,   ///< a format this build does not read (PDF without the ogi::pdf component, .doc/.wps)
  out_of_memory = 8, ///< the input needed more memory than there was (parse() catches std::bad_alloc)
};
std::string_view to_string(ErrorCode c);

struct Error {
  ErrorCode code = ErrorCode::ok;
  std::string message;           ///< one line, says what to do where it can
  std::uint64_t byte_offset = 0; ///< where in the input, when it applies
};

}  // namespace ogi
