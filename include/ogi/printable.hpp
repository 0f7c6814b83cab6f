// SPDX-License-Identifier: Apache-2.0
// ogi/printable.hpp — document text and file names made safe to show (docs/limits.md).
#pragma once
#include <string>
#include <string_view>

namespace ogi {

/// `text` as a terminal, a page or a spreadsheet can show it without acting on it: every byte
/// that is not part of valid UTF-8 becomes U+FFFD; C0 control characters (tab and line feed
/// aside) become their Control Pictures symbol (ESC → ␛, NUL → ␀), DEL → ␡; C1 controls and
/// the bidirectional overrides and isolates become "<U+202E>". Other text is unchanged.
std::string printable(std::string_view text);

/// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace ogi
