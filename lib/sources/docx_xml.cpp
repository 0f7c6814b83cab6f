// SPDX-License-Identifier: Apache-2.0
// The main document part's elements (docx_xml.hpp): tags by local name, and the plain scanner.
#include "sources/docx_xml.hpp"

#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogi::sources::docx {
namespace {

// pugixml's white space; the scanner's names are a subset of pugixml's (ASCII only).
enum : unsigned char { kSpace = 1, kNameStart = 2, kName = 4 };
constexpr auto kClass = [] {
  std::array<unsigned char, 256> t{};
  for (char c : {' ', '\n', '\r', '\t'}) t[static_cast<unsigned char>(c)] = kSpace;
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (letter) t[static_cast<std::size_t>(c)] = kNameStart | kName;
    if ((c >= '0' && c <= '9') || c == ':' || c == '-' || c == '.') t[static_cast<std::size_t>(c)] = kName;
  }
  return t;
}();
bool is(char c, unsigned char cls) { return (kClass[static_cast<unsigned char>(c)] & cls) != 0; }
bool is_space(char c) { return is(c, kSpace); }
bool is_name_char(char c) { return is(c, kName); }

// The scanner's inner loops, sixteen bytes at a time where sixteen can be read (SSE2); `s` is
// NUL-terminated at n, and the byte-by-byte loops stop there.

/// The first offset from i that holds `quote` or the closing NUL.
std::size_t quote_end(const char* s, std::size_t i, std::size_t n, char quote) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const unsigned hit = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(quote))));
    if (hit != 0) return i + static_cast<std::size_t>(__builtin_ctz(hit));
  }
#endif
  while (s[i] != quote && s[i] != '\0') ++i;
  return i;
}

/// Whether the `length` bytes at a and b are the same (a name: mostly under sixteen bytes).
bool same_name(const char* a, const char* b, std::size_t length, std::size_t readable_at_a) {
#if defined(__SSE2__)
  if (length <= 16 && readable_at_a >= 16) {  // b is an earlier name of the same part: readable too
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
    const unsigned differ = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y))) & 0xFFFFu;
    return (differ & ((1u << length) - 1u)) == 0;
  }
#endif
  return std::memcmp(a, b, length) == 0;
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
  std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool is_val(std::string_view name) {
  return name == "w:val" || name == "val" || (name.size() > 4 && name.substr(name.size() - 4) == ":val");
}

Tag tag_of(std::string_view n) {
  switch (n.size()) {
    case 1:
      return n == "r" ? Tag::r : n == "t" ? Tag::t : n == "p" ? Tag::p : Tag::other;
    case 2:
      return n == "tr" ? Tag::tr : n == "tc" ? Tag::tc : n == "br" || n == "cr" ? Tag::br : Tag::other;
    case 3:
      if (n == "rPr") return Tag::rPr;
      if (n == "tbl") return Tag::tbl;
      if (n == "tab") return Tag::tab;
      return n == "pPr" || n == "del" || n == "sym" ? Tag::skipped : Tag::other;
    case 4:
      if (n == "tcPr") return Tag::tcPr;
      if (n == "trPr") return Tag::trPr;
      if (n == "body") return Tag::body;
      return n == "ptab" ? Tag::tab : Tag::other;
    case 5:
      return n == "tblPr" || n == "sdtPr" ? Tag::skipped : Tag::other;
    case 6:
      if (n == "vMerge") return Tag::vMerge;
      if (n == "hMerge") return Tag::hMerge;
      if (n == "vanish") return Tag::vanish;
      return n == "sectPr" || n == "object" ? Tag::skipped : Tag::other;
    case 7:
      return n == "tblGrid" || n == "delText" || n == "tblPrEx" || n == "fldChar" || n == "binData" ? Tag::skipped
                                                                                                      : Tag::other;
    case 8:
      if (n == "gridSpan") return Tag::gridSpan;
      return n == "moveFrom" || n == "sdtEndPr" || n == "Fallback" || n == "proofErr" ? Tag::skipped : Tag::other;
    case 9:
      if (n == "gridAfter") return Tag::gridAfter;
      return n == "instrText" ? Tag::skipped : Tag::other;
    case 10:
      if (n == "gridBefore") return Tag::gridBefore;
      return n == "softHyphen" ? Tag::skipped : Tag::other;
    case 11:
      return n == "bookmarkEnd" ? Tag::skipped : Tag::other;
    case 12:
      return n == "delInstrText" ? Tag::skipped : Tag::other;
    case 13:
      if (n == "noBreakHyphen") return Tag::no_break_hyphen;
      return n == "bookmarkStart" || n == "annotationRef" ? Tag::skipped : Tag::other;
    case 15:
      return n == "commentRangeEnd" ? Tag::skipped : Tag::other;
    case 16:
      return n == "commentReference" || n == "endnoteReference" ? Tag::skipped : Tag::other;
    case 17:
      return n == "commentRangeStart" || n == "footnoteReference" ? Tag::skipped : Tag::other;
    case 21:
      return n == "lastRenderedPageBreak" ? Tag::skipped : Tag::other;
    default:
      return Tag::other;
  }
}

std::string_view PugiTree::val(Node n) {
  for (pugi::xml_attribute a : n.attributes())
    if (is_val(a.name())) return a.value();
  return {};
}

std::string_view PlainTree::val(Node n) const {
  if (n == 0) return {};
  // read() checked the start tag's syntax: name, white space, name = "value", …, > or />
  std::size_t i = nodes_[n].name + nodes_[n].name_length;
  while (true) {
    while (is_space(xml_[i])) ++i;
    if (xml_[i] == '>' || xml_[i] == '/') return {};
    std::size_t name = i;
    while (is_name_char(xml_[i])) ++i;
    std::string_view attribute = xml_.substr(name, i - name);
    while (xml_[i] != '"' && xml_[i] != '\'') ++i;  // white space and =
    std::size_t end = xml_.find(xml_[i], i + 1);
    if (is_val(attribute)) return xml_.substr(i + 1, end - i - 1);
    i = end + 1;
  }
}

namespace {

bool is_property_value(Tag t) {
  return t == Tag::vanish || t == Tag::gridBefore || t == Tag::gridAfter || t == Tag::gridSpan || t == Tag::vMerge ||
         t == Tag::hMerge;
}

/// Which children of an open element the tree keeps: all (the walk goes through it), the
/// property values only (rPr, trPr, tcPr, which the walk only looks into), or none.
enum class Keep : std::uint8_t { all, property_values, none };

struct Open {
  std::uint32_t name, name_length, node, last_child;  // node 0: not kept
  Keep keep;
};

}  // namespace

bool PlainTree::read(const std::string& xml) {
  xml_ = xml;
  nodes_.clear();
  const char* s = xml.c_str();  // its closing NUL ends every scan below: no bounds to check
  const std::size_t n = xml.size();
  if (n >= (1u << 31) || std::memchr(s, '\0', n)) return false;  // pugixml stops at a NUL
  nodes_.reserve(n / 48 + 2);
  nodes_.resize(2);                               // no element, the document
  std::vector<Open> open{{0, 0, 1, 0, Keep::all}};  // the document, and the elements open in it
  std::size_t i = 0;
  if (xml_.substr(0, 5) == "<?xml" && is_space(s[5])) {  // the declaration, skipped as pugixml skips it
    std::size_t end = xml_.find("?>", 5);
    if (end == std::string_view::npos) return false;
    i = end + 2;
  }
  while (true) {
    if (s[i] != '<') {  // text up to the next tag
      const void* lt = std::memchr(s + i, '<', n - i);
      const std::size_t text_end = lt ? static_cast<std::size_t>(static_cast<const char*>(lt) - s) : n;
      while (i < text_end && is_space(s[i])) ++i;
      if (i < text_end) {
        if (open.size() == 1) return false;  // text outside the document element
        if (open.back().node) nodes_[open.back().node].text = 1;
      }
      if (text_end == n) break;
      i = text_end;
    }
    ++i;
    if (s[i] == '/') {  // an end tag: the open element's name, white space, >
      if (open.size() == 1) return false;
      const Open& e = open.back();
      ++i;
      if (n - i < e.name_length || !same_name(s + i, s + e.name, e.name_length, n - i)) return false;
      i += e.name_length;
      while (is_space(s[i])) ++i;
      if (s[i] != '>') return false;
      ++i;
      open.pop_back();
      continue;
    }
    if (!is(s[i], kNameStart)) return false;  // <! <? and anything else
    if (open.size() == 1 && nodes_[1].first_child != 0) return false;  // a second document element
    const std::size_t name = i;
    while (is_name_char(s[i])) ++i;
    if (i - name >= (1u << 23)) return false;
    const std::string_view qualified = xml_.substr(name, i - name);
    bool empty = false;
    while (true) {  // attributes, then > or />
      if (s[i] == '>') {
        ++i;
        break;
      }
      if (s[i] == '/') {
        if (s[i + 1] != '>') return false;
        i += 2;
        empty = true;
        break;
      }
      if (!is_space(s[i])) return false;  // after a name or a value: white space, > or />
      while (is_space(s[i])) ++i;
      if (s[i] == '>' || s[i] == '/') continue;
      if (!is(s[i], kNameStart)) return false;
      while (is_name_char(s[i])) ++i;
      while (is_space(s[i])) ++i;
      if (s[i] != '=') return false;
      ++i;
      while (is_space(s[i])) ++i;
      const char quote = s[i];
      if (quote != '"' && quote != '\'') return false;
      ++i;
      i = quote_end(s, i, n, quote);
      if (s[i] == '\0') return false;
      ++i;
    }
    Open& parent = open.back();
    std::uint32_t at = 0;
    Keep keep = Keep::none;
    if (parent.keep != Keep::none) {
      std::string_view local = qualified.size() > 2 && qualified[1] == ':' ? qualified.substr(2) : local_name(qualified);
      const Tag tag = tag_of(local);
      if (parent.keep == Keep::all || is_property_value(tag)) {
        at = static_cast<std::uint32_t>(nodes_.size());
        Element e;
        e.name = static_cast<std::uint32_t>(name);
        e.name_length = static_cast<std::uint32_t>(qualified.size()) & ((1u << 23) - 1);
        e.tag = static_cast<std::uint32_t>(tag) & 0xFFu;
        nodes_.push_back(e);
        if (parent.last_child == 0) nodes_[parent.node].first_child = at;
        else nodes_[parent.last_child].next_sibling = at;
        parent.last_child = at;
        if (parent.keep == Keep::all)
          keep = tag == Tag::rPr || tag == Tag::trPr || tag == Tag::tcPr ? Keep::property_values
                 : is_skipped(tag)                                       ? Keep::none
                                                                         : Keep::all;
      }
    }
    if (!empty)
      open.push_back(Open{static_cast<std::uint32_t>(name), static_cast<std::uint32_t>(qualified.size()), at, 0, keep});
    if (i == n) break;
  }
  return open.size() == 1 && nodes_[1].first_child != 0;
}

}  // namespace ogi::sources::docx
