// SPDX-License-Identifier: Apache-2.0
// UTF-8 helpers every stage may use (no ICU): sequence lengths, lossy and percent-escaped forms.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ogi::model {

/// Length of the well-formed UTF-8 sequence at s[i] (1–4), or 0 when it is ill-formed.
std::size_t utf8_sequence(std::string_view s, std::size_t i);

/// `s` with each byte that is not part of a well-formed sequence replaced by U+FFFD.
std::string lossy_utf8(std::string_view s);

/// `s` with each such byte, and every '%', written as %XX: a file name that is not UTF-8 kept
/// exactly, in UTF-8 (docs/cli.md, "File names").
std::string percent_bytes(std::string_view s);

}  // namespace ogi::model
