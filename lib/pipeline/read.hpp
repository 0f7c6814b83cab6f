// SPDX-License-Identifier: Apache-2.0
// Reading an input into memory before it is parsed (docs/limits.md, "Inputs that are not files").
#pragma once
#include <string>
#include <variant>

#include "ogi/error.hpp"
#include "ogi/options.hpp"

namespace ogi::pipeline {

/// The bytes of a file, of standard input ("-"), or of a stream (a FIFO, a device): the size
/// limit is applied while reading, and a stream whose first bytes are binary (/dev/zero,
/// /dev/urandom) is refused after them. A directory, a dangling symbolic link, a missing or
/// unreadable file is an Error that says which.
std::variant<std::string, Error> read_input(const std::string& path, const ParseOptions& options);

}  // namespace ogi::pipeline
