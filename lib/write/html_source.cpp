// SPDX-License-Identifier: Apache-2.0
// The report's source lines for the page: the input decoded as the parse decoded it, cut where
// normalization cuts lines (CRLF, CR, LF, U+2028, U+2029, U+0085), so line n is the line spans
// call n.
#include <algorithm>

#include "ogi/printable.hpp"
#include "text/text.hpp"
#include "write/html_parts.hpp"

namespace ogi::write::html {
namespace {

/// UTF-16 units of UTF-8 text (four-byte characters are two units).
std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
  return n;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string s = printable(text), out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

Source::Source(const Report& r) {
  // The same decoding as the parse: detection again, unless the parse was told an encoding.
  std::vector<Diagnostic> ignored;
  ParseOptions opt;
  auto d = text::decode(r.input, opt, ignored);
  if (auto* dec = std::get_if<text::Decoded>(&d); dec && dec->encoding != r.encoding) {
    opt.encoding = r.encoding;
    d = text::decode(r.input, opt, ignored);
  }
  if (auto* dec = std::get_if<text::Decoded>(&d)) {
    if (dec->utf8.empty() && dec->to_input.empty()) {
      text_ = r.input;
    } else {
      text_ = std::move(dec->utf8);
      to_input_ = std::move(dec->to_input);
    }
  }
  std::string_view t = text_;
  std::uint32_t begin = 0;
  auto cut = [&](std::size_t end, std::size_t next) {
    begins_.push_back(begin);
    ends_.push_back(static_cast<std::uint32_t>(end));
    begin = static_cast<std::uint32_t>(next);
  };
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '\n') { cut(i, i + 1); ++i; continue; }
    if (t[i] == '\r') {
      std::size_t next = i + 1 < t.size() && t[i + 1] == '\n' ? i + 2 : i + 1;
      cut(i, next);
      i = next;
      continue;
    }
    if (t.compare(i, 3, "\u2028") == 0 || t.compare(i, 3, "\u2029") == 0) { cut(i, i + 3); i += 3; continue; }
    if (t.compare(i, 2, "\u0085") == 0) { cut(i, i + 2); i += 2; continue; }
    ++i;
  }
  cut(t.size(), t.size());
}

std::string_view Source::line(std::uint32_t n) const {
  if (n == 0 || n > begins_.size()) return {};
  return std::string_view(text_).substr(begins_[n - 1], ends_[n - 1] - begins_[n - 1]);
}

std::uint32_t Source::decoded(std::uint32_t input_offset) const {
  if (to_input_.empty()) return std::min<std::uint32_t>(input_offset, static_cast<std::uint32_t>(text_.size()));
  return static_cast<std::uint32_t>(std::lower_bound(to_input_.begin(), to_input_.end(), input_offset) - to_input_.begin());
}

std::pair<std::size_t, std::size_t> Source::units(const Span& s) const {
  if (s.line == 0 || s.line > begins_.size() || s.empty()) return {0, 0};
  const std::uint32_t lb = begins_[s.line - 1], le = ends_[s.line - 1];
  std::uint32_t b = std::clamp(decoded(s.begin), lb, le), e = std::clamp(decoded(s.end), lb, le);
  if (e <= b) return {0, 0};
  std::string_view t = text_;
  return {utf16_units(printable(t.substr(lb, b - lb))), utf16_units(printable(t.substr(lb, e - lb)))};
}

std::string Source::marked(std::uint32_t n, const Span* s) const {
  std::string_view l = line(n);
  if (!s || s->line != n || s->empty()) return escape(l);
  const std::uint32_t lb = begins_[n - 1], le = ends_[n - 1];
  std::uint32_t b = std::clamp(decoded(s->begin), lb, le) - lb, e = std::clamp(decoded(s->end), lb, le) - lb;
  if (e <= b) return escape(l);
  return escape(l.substr(0, b)) + "<mark>" + escape(l.substr(b, e - b)) + "</mark>" + escape(l.substr(e));
}

}  // namespace ogi::write::html
