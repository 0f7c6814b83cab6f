// SPDX-License-Identifier: Apache-2.0
// UTF-8 checks and safe display forms (include/ogi/printable.hpp, lib/model/utf8.hpp). Written
// out by hand (the model stage has no ICU): the well-formed ranges of Unicode 15, Table 3-7.
#include "model/utf8.hpp"

#include <cstdio>

#include "ogi/printable.hpp"

namespace ogi {
namespace model {

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (c == 0xE0) lo = 0xA0;
  else if (c == 0xED) hi = 0x9F;
  else if (c == 0xF0) lo = 0x90;
  else if (c == 0xF4) hi = 0x8F;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

std::string lossy_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string percent_bytes(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0 || s[i] == '%') {
      auto c = static_cast<unsigned char>(s[i]);
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace model

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = model::utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = model::utf8_sequence(s, i);
    auto c = static_cast<unsigned char>(s[i]);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n') {
      char32_t pic = c == 0x7F ? 0x2421 : 0x2400 + c;  // ␀ … ␟, ␡
      out += static_cast<char>(0xE2);
      out += static_cast<char>(0x80 | ((pic >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (pic & 0x3F));
    } else if ((n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) ||
               (n == 3 && c == 0xE2 &&
                ((s[i + 1] == '\x80' && static_cast<unsigned char>(s[i + 2]) >= 0xAA &&
                  static_cast<unsigned char>(s[i + 2]) <= 0xAE) ||
                 (s[i + 1] == '\x81' && static_cast<unsigned char>(s[i + 2]) >= 0xA6 &&
                  static_cast<unsigned char>(s[i + 2]) <= 0xA9)))) {
      unsigned cp = n == 2 ? static_cast<unsigned char>(s[i + 1])
                           : 0x2000u + ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) +
                                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      char buf[16];
      std::snprintf(buf, sizeof buf, "<U+%04X>", cp);
      out += buf;
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace ogi
