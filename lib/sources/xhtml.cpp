// SPDX-License-Identifier: Apache-2.0
// The XHTML that `pdftotext -bbox-layout` writes (poppler-utils): <doc><page width height>
// <flow><block><line><word xMin yMin xMax yMax>text</word>… (`-bbox` alone writes the words
// straight under <page>). Read with pugixml without any conversion, so that each word's text is
// found at its own bytes of the input; entities are decoded here, each decoded byte mapped to
// the entity's first byte. The file's <head> is often not well-formed (pdftotext copies a PDF
// title's bytes there): only the pages are read.
#include <charconv>
#include <cmath>

#include <pugixml.hpp>
#include <unicode/utf8.h>

#include "model/say.hpp"
#include "sources/positioned.hpp"

namespace ogi::sources {
namespace {

constexpr std::size_t kMaxDepth = 12;  // elements between <doc> and a word, at most (pdftotext: 4)

float number(const pugi::xml_node& n, const char* name, bool& ok) {
  const char* v = n.attribute(name).value();
  float f = 0;
  auto [p, ec] = std::from_chars(v, v + std::char_traits<char>::length(v), f);
  if (ec != std::errc() || !std::isfinite(f)) ok = false;
  return f;
}

/// Appends c as UTF-8 to out, each byte mapped to `at`.
void put(char32_t c, std::uint32_t at, PositionedText& out) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
  if (err) return;
  out.text.append(buf, static_cast<std::size_t>(len));
  out.to_input.insert(out.to_input.end(), static_cast<std::size_t>(len), at);
}

/// An entity at s[i] ('&'): its code point and length, or 0.
char32_t entity(std::string_view s, std::size_t i, std::size_t& len) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  len = semi - i + 1;
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  if (name.size() > 1 && name[0] == '#') {
    unsigned v = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, hex ? 16 : 10);
    if (ec == std::errc() && p == digits.data() + digits.size() && v > 0 && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF))
      return static_cast<char32_t>(v);
  }
  return 0;
}

/// The word's raw text (bytes [from, to) of the input) decoded into out.text: entities, invalid
/// UTF-8 (U+FFFD) and control characters (a space: a word never breaks a line) handled.
void decode_word(std::string_view in, std::size_t from, std::size_t to, PositionedText& out) {
  for (std::size_t i = from; i < to;) {
    auto at = static_cast<std::uint32_t>(i);
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '&') {
      std::size_t len = 0;
      if (char32_t e = entity(in.substr(0, to), i, len)) {
        put(e < 0x20 || e == 0x7F ? U' ' : e, at, out);
        i += len;
        continue;
      }
    }
    if (c < 0x80) {
      out.text.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
      out.to_input.push_back(at);
      ++i;
      continue;
    }
    UChar32 cp = 0;
    std::size_t j = i;
    U8_NEXT(reinterpret_cast<const uint8_t*>(in.data()), j, to, cp);
    if (cp < 0) {
      put(0xFFFD, at, out);
    } else {
      out.text.append(in.substr(i, j - i));
      for (std::size_t k = i; k < j; ++k) out.to_input.push_back(static_cast<std::uint32_t>(k));
    }
    i = j;
  }
}

bool named(const pugi::xml_node& n, const char* name) {
  return n.type() == pugi::node_element && std::char_traits<char>::compare(n.name(), name, std::char_traits<char>::length(name) + 1) == 0;
}

/// <doc> below the root (html/body/doc), looking a few levels down.
pugi::xml_node find_doc(const pugi::xml_node& root) {
  std::vector<std::pair<pugi::xml_node, std::size_t>> todo{{root, 0}};
  while (!todo.empty()) {
    auto [n, depth] = todo.back();
    todo.pop_back();
    for (auto c = n.last_child(); c; c = c.previous_sibling()) {
      if (named(c, "doc")) return c;
      if (c.type() == pugi::node_element && depth < 3) todo.push_back({c, depth + 1});
    }
  }
  return {};
}

/// The bbox XHTML says nothing of rotation: a page whose words of several characters stand taller
/// than wide was turned (or its text was); which way, the order of the words on one <line> tells.
void set_rotation(PositionedText& out, std::size_t first, const std::vector<const void*>& lines) {
  std::size_t tall = 0, wide = 0;
  for (std::size_t i = first; i < out.words.size(); ++i) {
    const auto& w = out.words[i];
    std::size_t cps = 0;
    for (auto k = w.begin; k < w.end; ++k) cps += (static_cast<unsigned char>(out.text[k]) & 0xC0) != 0x80;
    if (cps < 2) continue;
    float wd = w.x1 - w.x0, ht = w.y1 - w.y0;
    if (ht > 1.5f * wd) ++tall;
    else if (wd > 1.5f * ht) ++wide;
  }
  if (tall < 3 || tall <= wide) return;
  int down = 0;
  for (std::size_t i = first + 1; i < out.words.size(); ++i)
    if (lines[i - first] == lines[i - first - 1]) down += out.words[i].y0 > out.words[i - 1].y0 ? 1 : -1;
  auto rot = static_cast<std::uint8_t>(down >= 0 ? 1 : 3);
  for (std::size_t i = first; i < out.words.size(); ++i) out.words[i].rotation = rot;
  auto& pg = out.pages.back();
  std::swap(pg.width, pg.height);  // the boxes stand in the turned page
}

}  // namespace

std::variant<PositionedText, Error> read_bbox_xhtml(std::string_view bytes, Language lang,
                                                    std::vector<Diagnostic>& diagnostics) {
  using model::say;
  std::string buf(bytes);
  pugi::xml_document xml;
  pugi::xml_parse_result res = xml.load_buffer_inplace(buf.data(), buf.size(), pugi::parse_minimal, pugi::encoding_utf8);
  pugi::xml_node doc = find_doc(xml);
  if (!doc) {
    std::string why = res ? say(lang, "没有 <doc> 元素", "it has no <doc> element")
                          : say(lang, "结构有误：", "it is not well-formed: ") + res.description();
    return Error{ErrorCode::bad_document,
                 say(lang, "不是 pdftotext -bbox-layout 生成的 XHTML（" + why + "）：请运行 pdftotext -bbox-layout FILE.pdf",
                     "not the XHTML of pdftotext -bbox-layout (" + why + "); run pdftotext -bbox-layout FILE.pdf"),
                 res ? 0 : static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(res.offset, 0))};
  }
  if (!res) {
    Diagnostic d;
    d.code = "xhtml.malformed";
    d.severity = Severity::warning;
    d.message = say(lang, std::string("XHTML 文件结构有误（") + res.description() + "），只读取出错位置之前的页面",
                    std::string("the XHTML file is malformed (") + res.description() +
                        "): only the pages before the error are read");
    d.span = Span{static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(res.offset, 0)),
                  static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(res.offset, 0)), 0};
    diagnostics.push_back(std::move(d));
  }
  PositionedText out;
  for (auto page = doc.first_child(); page; page = page.next_sibling()) {
    if (!named(page, "page")) continue;
    bool ok = true;
    PositionedPage pg{number(page, "width", ok), number(page, "height", ok)};
    if (!ok || pg.width <= 0 || pg.height <= 0) pg = {612, 792};
    auto pno = static_cast<std::uint32_t>(out.pages.size());
    out.pages.push_back(pg);
    // words below the page in document order (flow/block/line between, or nothing)
    std::size_t first = out.words.size();
    std::vector<const void*> parents;  // each word's <line>, for the rotation's direction
    std::vector<std::pair<pugi::xml_node, std::size_t>> todo;
    for (auto c = page.last_child(); c; c = c.previous_sibling()) todo.push_back({c, 1});
    while (!todo.empty()) {
      auto [n, depth] = todo.back();
      todo.pop_back();
      if (n.type() != pugi::node_element) continue;
      if (!named(n, "word")) {
        if (depth < kMaxDepth)
          for (auto c = n.last_child(); c; c = c.previous_sibling()) todo.push_back({c, depth + 1});
        continue;
      }
      PositionedWord w;
      bool good = true;
      w.x0 = number(n, "xMin", good);
      w.y0 = number(n, "yMin", good);
      w.x1 = number(n, "xMax", good);
      w.y1 = number(n, "yMax", good);
      pugi::xml_node t = n.first_child();
      if (!good || !t || t.type() != pugi::node_pcdata) continue;
      const char* v = t.value();
      std::size_t from = static_cast<std::size_t>(v - buf.data()), len = std::char_traits<char>::length(v);
      if (from + len > bytes.size()) continue;
      w.page = pno;
      w.begin = static_cast<std::uint32_t>(out.text.size());
      decode_word(bytes, from, from + len, out);
      w.end = static_cast<std::uint32_t>(out.text.size());
      if (w.end > w.begin && out.text.find_first_not_of(' ', w.begin) < w.end) {
        out.words.push_back(w);
        parents.push_back(n.parent().internal_object());
      }
    }
    set_rotation(out, first, parents);
  }
  if (out.pages.empty())
    return Error{ErrorCode::bad_document,
                 say(lang, "不是 pdftotext -bbox-layout 生成的 XHTML（没有 <page>）",
                     "not the XHTML of pdftotext -bbox-layout (no <page>)"),
                 0};
  if (out.words.empty())
    return Error{ErrorCode::bad_document,
                 say(lang,
                     "这个 XHTML 所依据的 PDF 没有文字层（扫描件？）：ogi 读取文字，不读取图片；请先做 OCR 文字识别",
                     "the PDF behind this XHTML has no text layer (a scanned document?): ogi reads text, not images; "
                     "run OCR first"),
                 0};
  return out;
}

}  // namespace ogi::sources
