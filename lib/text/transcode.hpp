// SPDX-License-Identifier: Apache-2.0
// A piece of the input as UTF-8, for Report::text(span): the bytes a span covers decoded in the
// encoding the report was read in.
#pragma once
#include <string>
#include <string_view>

namespace ogi::text {

/// `bytes` as UTF-8. `encoding` is what Report::encoding holds: an ICU name ("GB18030",
/// "UTF-16LE"), "UTF-8", or two joined by '+' for a file decoded region by region ("UTF-8+GB18030"),
/// whose lines are then taken as UTF-8 when they are and in the other encoding otherwise. Bytes
/// that do not decode become U+FFFD; an unknown encoding name reads the bytes as UTF-8.
std::string to_utf8(std::string_view bytes, std::string_view encoding);

}  // namespace ogi::text
