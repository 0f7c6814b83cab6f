// SPDX-License-Identifier: Apache-2.0
// Byte-level looks at the input (lib/text/bytes.hpp): binary or text, UTF-16 without a BOM,
// which lines read as UTF-8, and the control characters a terminal would act on.
#include "text/bytes.hpp"

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include "model/say.hpp"

namespace ogi::text {
namespace {

constexpr std::size_t kHead = 8192;       // bytes looked at to tell binary from text
constexpr std::size_t kOffsetsKept = 5;   // offsets a control-character finding lists

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// A UTF-16 code unit Chinese text is made of.
bool plausible_unit(unsigned u) {
  return u == '\t' || u == '\n' || u == '\r' || u == '\f' || (u >= 0x20 && u < 0x7F) ||
         (u >= 0x3000 && u <= 0x303F) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF) ||
         (u >= 0x2010 && u <= 0x2027) || (u >= 0x2030 && u <= 0x205E) || u == 0x00B7 || u == 0x00D7;
}

}  // namespace

std::vector<BadRun> invalid_utf8_runs(std::string_view s, std::size_t limit) {
  std::vector<BadRun> bad;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      while (i + 8 <= n) {  // ASCII runs eight bytes at a time
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    // the common three-byte form (all CJK) checked inline
    if (i + 3 <= n && p[i] >= 0xE1 && p[i] <= 0xEC && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) continue;
    if (!bad.empty() && bad.back().offset + bad.back().length == static_cast<std::uint32_t>(start)) {
      bad.back().length += static_cast<std::uint32_t>(i - start);
    } else {
      bad.push_back(BadRun{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i - start)});
      if (bad.size() > limit) return bad;
    }
  }
  return bad;
}

std::vector<LineClass> classify_lines(std::string_view s) {
  std::vector<LineClass> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    LineClass line;
    line.begin = static_cast<std::uint32_t>(i);
    std::uint32_t wide_bytes = 0, bad_bytes = 0;  // in well-formed 3/4-byte characters; ill-formed
    while (i < n && p[i] != '\n') {
      if (p[i] < 0x80) { ++i; continue; }
      int32_t at = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      auto len = static_cast<std::uint32_t>(i - at);
      line.non_ascii += len;
      if (c < 0) bad_bytes += len;
      else if (len >= 3) wide_bytes += len;
    }
    if (i < n) ++i;  // the line feed
    line.end = static_cast<std::uint32_t>(i);
    if (line.non_ascii == 0) line.kind = LineKind::ascii;
    else if (bad_bytes == 0) line.kind = wide_bytes ? LineKind::utf8 : LineKind::undecided;
    else if (wide_bytes >= 2 * bad_bytes) line.kind = LineKind::broken_utf8;
    else if (line.non_ascii < 4) line.kind = LineKind::undecided;
    else line.kind = LineKind::legacy;
    out.push_back(line);
  }
  return out;
}

std::optional<std::string> binary_reason(std::string_view in, Language lang) {
  using model::say;
  if (starts_with(in, "%PDF"))
    return say(lang, "输入是 PDF 文件，不是文本：请先提取文字（例如 pdftotext -layout 文件.pdf）",
               "the input is a PDF, not text: extract its text first (e.g. pdftotext -layout FILE.pdf)");
  if (starts_with(in, "PK\x03\x04"))
    return say(lang, "输入是 zip 压缩包（.docx/.xlsx/.odt？），不是文本：请先另存为纯文本",
               "the input is a zip archive (a .docx/.xlsx/.odt?), not text: save it as plain text first");
  if (starts_with(in, "\xD0\xCF\x11\xE0"))
    return say(lang, "输入是旧版 Office 文档（.doc/.xls/.wps），不是文本：请先另存为纯文本",
               "the input is an old Office document (.doc/.xls), not text: save it as plain text first");
  if (starts_with(in, "\x89PNG") || starts_with(in, "\xFF\xD8\xFF") || starts_with(in, "GIF8"))
    return say(lang, "输入是图片，不是文本：请先做文字识别（OCR）", "the input is an image, not text: run OCR first");
  if (starts_with(in, "\xFF\xFE") || starts_with(in, "\xFE\xFF")) return std::nullopt;  // UTF-16
  std::size_t n = std::min(in.size(), kHead), nul = 0, ctl = 0, nul_at[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c == 0) ++nul, ++nul_at[i % 2];
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ++ctl;
  }
  if (nul == 0 && (n == 0 || ctl * 20 <= n)) return std::nullopt;
  // NULs mostly at one parity: UTF-16 that did not pass utf16_without_bom's test
  if (nul >= 8 && std::min(nul_at[0], nul_at[1]) * 10 < std::max(nul_at[0], nul_at[1]))
    return say(lang,
               "输入含大量 NUL 字节，且都在奇数或偶数位置：可能是没有字节顺序标记的 UTF-16，"
               "请用 --encoding UTF-16LE（或 UTF-16BE）读取",
               "the input has NUL bytes at every other position: it may be UTF-16 without a byte order mark; "
               "read it with --encoding UTF-16LE (or UTF-16BE)");
  return say(lang, "输入像是二进制文件（含 NUL 或控制字节），不是文本：请先转换为纯文本",
             "the input looks binary (NUL or control bytes), not text: convert it to plain text first");
}

std::string utf16_without_bom(std::string_view in) {
  std::size_t n = std::min(in.size(), kHead) & ~std::size_t{1};
  if (n < 16 || std::count(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(n), '\0') < 4) return {};
  // Read both ways: the right order gives nearly all plausible units; the wrong one turns
  // ideographs into symbols and line feeds into U+0A00.
  std::size_t plausible[2] = {0, 0};  // little-endian, big-endian
  for (std::size_t i = 0; i < n; i += 2) {
    auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
    plausible[0] += plausible_unit(static_cast<unsigned>(b) << 8 | a);
    plausible[1] += plausible_unit(static_cast<unsigned>(a) << 8 | b);
  }
  const std::size_t units = n / 2;
  for (int order = 0; order < 2; ++order)
    if (plausible[order] * 10 >= units * 9 && plausible[1 - order] * 10 < units * 7)
      return order == 0 ? "UTF-16LE" : "UTF-16BE";
  return {};
}

std::string control_name(char32_t c) {
  switch (c) {
    case 0x00: return "NUL";
    case 0x07: return "BEL";
    case 0x08: return "BS";
    case 0x0B: return "VT";
    case 0x1B: return "ESC";
    case 0x7F: return "DEL";
    default: {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
      return buf;
    }
  }
}

Controls find_controls(std::string_view s) {
  Controls out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  auto found = [&](std::size_t at, char32_t c) {
    ++out.count;
    out.nul += c == 0;
    if (out.offsets.size() < kOffsetsKept) out.offsets.push_back(static_cast<std::uint32_t>(at));
    std::string name = control_name(c);
    if (out.names.size() < 8 && std::find(out.names.begin(), out.names.end(), name) == out.names.end())
      out.names.push_back(std::move(name));
    if (c == 0x1B && at + 1 < n && p[at + 1] == '[') out.ansi = true;
  };
  // The bytes that may start a control: C0 (but tab and line breaks), DEL, and the lead bytes of
  // C1 (C2) and the bidi controls (E2); everything else is skipped by one table look-up.
  static constexpr auto may_start = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x20; ++b) t[static_cast<std::size_t>(b)] = b != '\t' && b != '\n' && b != '\r' && b != '\f';
    t[0x7F] = t[0xC2] = t[0xE2] = true;
    return t;
  }();
  // A block none of whose bytes may start a control (a byte below 0x20, or 0x7F, 0xC2, 0xE2) is
  // skipped whole: sixteen bytes at a time with SSE2, else eight in a word (exact tests both).
#if defined(__SSE2__)
  constexpr std::size_t kBlock = 16;
  auto clean = [&](std::size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    __m128i hit = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2))));
    return _mm_movemask_epi8(hit) == 0;
  };
#else
  constexpr std::size_t kBlock = 8;
  auto clean = [&](std::size_t at) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    std::uint64_t w;
    std::memcpy(&w, p + at, 8);
    return (((w - ones * 0x20) & ~w & highs) | has_zero(w ^ (ones * 0x7F)) | has_zero(w ^ (ones * 0xC2)) |
            has_zero(w ^ (ones * 0xE2))) == 0;
  };
#endif
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kBlock == 0) {
      while (i + kBlock <= n && clean(i)) i += kBlock;
      if (i >= n) break;
    }
    if (!may_start[p[i]]) continue;
    unsigned char b = p[i];
    if (b < 0x20) {
      if (b != '\t' && b != '\n' && b != '\r' && b != '\f') found(i, b);
    } else if (b == 0x7F) {
      found(i, b);
    } else if (b == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F && p[i + 1] != 0x85) {
      found(i, p[i + 1]);  // C1: U+0080–U+009F, NEL (a line break) aside
    } else if (b == 0xE2 && i + 2 < n &&
               ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) ||
                (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9))) {
      found(i, 0x2000u + ((p[i + 1] & 0x3Fu) << 6) + (p[i + 2] & 0x3Fu));  // U+202A–E, U+2066–9
    }
  }
  return out;
}

}  // namespace ogi::text
