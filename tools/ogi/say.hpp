// SPDX-License-Identifier: Apache-2.0
// The language of everything the `ogi` program says (--lang; Chinese by default).
#pragma once
#include <string>
#include <string_view>

#include "ogi/options.hpp"

namespace ogi::cli {

/// The language chosen on the command line.
Language language();
void set_language(Language language);

/// `zh` or `en`, whichever the reader chose.
inline std::string say(std::string_view zh, std::string_view en) {
  return std::string(language() == Language::en ? en : zh);
}

/// Why a system call failed (errno), in the reader's language.
std::string reason(int err);

/// A path or document text safe to print (invalid UTF-8 as U+FFFD, control characters visible).
std::string shown(std::string_view text);

}  // namespace ogi::cli
