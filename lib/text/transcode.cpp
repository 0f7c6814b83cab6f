// SPDX-License-Identifier: Apache-2.0
// A span's bytes as UTF-8 (transcode.hpp). Decoding a piece alone is exact for the encodings
// ogi reads: none of them carries state from one character to the next.
#include "text/transcode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

#include "model/utf8.hpp"

namespace ogi::text {
namespace {

bool is_utf8_name(std::string_view name) {
  return name.empty() || name == "UTF-8" || name == "utf-8" || name == "UTF8";
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = model::utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

/// Through ICU's default callback, which substitutes U+FFFD (or the encoding's own substitute)
/// for each illegal sequence.
std::string convert(std::string_view bytes, const std::string& encoding) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(encoding.c_str(), &st));
  if (U_FAILURE(st)) return model::lossy_utf8(bytes);
  std::vector<UChar> utf16(bytes.size() * 2 + 2);
  int32_t n = ucnv_toUChars(cnv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &st);
  if (U_FAILURE(st)) return model::lossy_utf8(bytes);
  std::string out(static_cast<std::size_t>(n) * 3, '\0');
  int32_t written = 0;
  st = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, utf16.data(), n, 0xFFFD, nullptr, &st);
  if (U_FAILURE(st)) return model::lossy_utf8(bytes);
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::string_view encoding) {
  if (is_utf8_name(encoding)) return model::lossy_utf8(bytes);
  const std::size_t plus = encoding.find('+');
  if (plus == std::string_view::npos) return convert(bytes, std::string(encoding));
  // Decoded region by region: "UTF-8+GB18030" or "GB18030+UTF-8".
  std::string_view first = encoding.substr(0, plus), second = encoding.substr(plus + 1);
  const std::string other(is_utf8_name(first) ? second : first);
  std::string out;
  while (!bytes.empty()) {
    std::size_t end = bytes.find('\n');
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(0, end);
    out += valid_utf8(line) ? std::string(line) : convert(line, other);
    bytes.remove_prefix(end);
  }
  return out;
}

}  // namespace ogi::text
