// SPDX-License-Identifier: Apache-2.0
#include "text/numbering.hpp"

#include <array>

namespace ogi::text {
namespace {

constexpr std::array<std::string_view, 10> kNumerals{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/// A Chinese numeral 一..十 at the start of s: 1..10, else 0; `len` gets its byte length.
int numeral(std::string_view s, std::size_t& len) {
  for (std::size_t i = 0; i < kNumerals.size(); ++i)
    if (s.substr(0, kNumerals[i].size()) == kNumerals[i]) {
      len = kNumerals[i].size();
      return static_cast<int>(i) + 1;
    }
  return 0;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

int top_numbering(std::string_view s, std::string_view& rest) {
  std::size_t len = 0;
  int n = numeral(s, len);
  if (n == 0) return 0;
  std::string_view r = s.substr(len);
  for (std::string_view sep : {"、", ".", ",", "．"})
    if (r.substr(0, sep.size()) == sep) {
      rest = r.substr(sep.size());
      return n;
    }
  return 0;
}

int item_numbering(std::string_view s, ItemStyle& style, std::size_t& text_at) {
  std::size_t len = 0;
  if (s.substr(0, 1) == "(") {
    if (int n = numeral(s.substr(1), len); n && s.substr(1 + len, 1) == ")") {
      style = ItemStyle::paren_han;
      text_at = 2 + len;
      return n;
    }
    std::size_t d = 1;
    while (d < s.size() && d < 3 && digit(s[d])) ++d;
    if (d > 1 && s.substr(d, 1) == ")") {
      style = ItemStyle::paren_arabic;
      text_at = d + 1;
      return (s[1] - '0') * (d == 3 ? 10 : 1) + (d == 3 ? s[2] - '0' : 0);
    }
    return 0;
  }
  if (int n = numeral(s, len); n && s.substr(len, 3) == "是") {
    style = ItemStyle::shi;
    text_at = len;  // "一是加强…": the numbering is part of the sentence
    return n;
  }
  std::size_t d = 0;
  while (d < s.size() && d < 2 && digit(s[d])) ++d;
  if (d == 0 || (d < s.size() && digit(s[d])) || s[0] == '0') return 0;
  std::string_view r = s.substr(d);
  for (std::string_view sep : {"、", ".", "．"}) {
    if (r.substr(0, sep.size()) != sep) continue;
    // "1.5万条" is a number, not an item
    if (r.size() > sep.size() && digit(r[sep.size()])) return 0;
    style = ItemStyle::arabic;
    text_at = d + sep.size();
    return d == 2 ? (s[0] - '0') * 10 + (s[1] - '0') : s[0] - '0';
  }
  return 0;
}

std::string_view numeral_text(int n) { return n >= 1 && n <= 10 ? kNumerals[static_cast<std::size_t>(n - 1)] : ""; }

std::string_view trim(std::string_view s) {
  // a loop, not find_first_not_of: that calls memchr on " \t" for every byte it passes
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  if (b == e) return {};
  while (s[e - 1] == ' ' || s[e - 1] == '\t') --e;
  return s.substr(b, e - b);
}

std::string_view strip_heading_marks(std::string_view s) {
  auto mark = [](char c) { return c == '#' || c == '*' || c == '=' || c == '_' || c == ' ' || c == '\t'; };
  std::size_t b = 0, e = s.size();
  while (b < e && mark(s[b])) ++b;
  while (e > b && mark(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string_view first_chars(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) break;
  }
  return s.substr(0, i);
}

}  // namespace ogi::text
