// SPDX-License-Identifier: Apache-2.0
// Byte-level looks at the input (lib/text/bytes.hpp): binary or text, UTF-16 without a BOM,
// which lines read as UTF-8, and the control characters a terminal would act on.
#include "text/bytes.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "model/say.hpp"

namespace ogi::text {
namespace {

constexpr std::size_t kHead = 8192;       // bytes looked at to tell binary from text
constexpr std::size_t kOffsetsKept = 5;   // offsets a control-character finding lists

/// A UTF-16 code unit Chinese text is made of.
bool plausible_unit(unsigned u) {
  return u == '\t' || u == '\n' || u == '\r' || u == '\f' || (u >= 0x20 && u < 0x7F) ||
         (u >= 0x3000 && u <= 0x303F) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF) ||
         (u >= 0x2010 && u <= 0x2027) || (u >= 0x2030 && u <= 0x205E) || u == 0x00B7 || u == 0x00D7;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

/// Any byte of w below n (n ≤ 128): exact as a yes/no (a borrow only follows a byte that is).
bool has_byte_below(std::uint64_t w, unsigned n) { return ((w - kOnes * n) & ~w & kHighs) != 0; }
bool has_byte(std::uint64_t w, unsigned char b) { return has_byte_below(w ^ (kOnes * b), 1); }

/// Collects control characters as find_controls() reports them.
struct ControlFinder {
  Controls* out;
  const unsigned char* p;
  std::size_t n;
  void found(std::size_t at, char32_t c) {
    ++out->count;
    out->nul += c == 0;
    if (out->offsets.size() < kOffsetsKept) out->offsets.push_back(static_cast<std::uint32_t>(at));
    if (out->names.size() < 8) {
      std::string name = control_name(c);
      if (std::find(out->names.begin(), out->names.end(), name) == out->names.end()) out->names.push_back(std::move(name));
    }
    if (c == 0x1B && at + 1 < n && p[at + 1] == '[') out->ansi = true;
  }
  /// An ASCII byte at `at` below 0x20 or DEL: a control unless tab or a line break.
  void ascii(std::size_t at, unsigned char b) {
    if (b != '\t' && b != '\n' && b != '\r' && b != '\f') found(at, b);
  }
  /// A well-formed character at `at` of two or three bytes: C1 (but NEL), the bidi overrides
  /// U+202A–E and isolates U+2066–9.
  void wide(std::size_t at, char32_t c) {
    if ((c >= 0x80 && c <= 0x9F && c != 0x85) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      found(at, c);
  }
};

#if defined(__SSE2__)
/// Bytes of v in [lo, hi] (unsigned), as a mask of 0xFF lanes.
inline __m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
  return _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(lo))), _mm_set1_epi8(static_cast<char>(hi))), v);
}
#endif

/// The one pass behind invalid_utf8_runs and find_controls: every ill-formed run (stopping
/// after `limit`) and, with `controls`, every control character. Printable ASCII goes eight
/// bytes at a time, the three-byte characters CJK text is made of are checked inline.
void scan(std::string_view s, std::size_t limit, std::vector<BadRun>& bad, Controls* controls) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const std::size_t n = s.size();
  ControlFinder ctl{controls, p, n};
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      if (controls && (p[i] < 0x20 || p[i] == 0x7F)) ctl.ascii(i, p[i]);
      ++i;
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if ((w & kHighs) || (controls && (has_byte_below(w, 0x20) || has_byte(w, 0x7F)))) break;
        i += 8;
#if defined(__SSE2__)
        // a long run (markup, a DOCX part's XML): sixteen at a time. A byte from 0x80 up is
        // negative, so one signed compare finds it and the C0 controls together.
        // The run ends exactly where the mask says: the loop above goes on from that byte.
        const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
        int stop = 0;
        for (; i + 16 <= n; i += 16) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
          stop = _mm_movemask_epi8(controls ? _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)) : v);
          if (stop != 0) break;
        }
        if (stop != 0) {
          i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(stop)));
          break;
        }
#endif
      }
      continue;
    }
    // A run of three-byte characters (what CJK text is made of) with no overlong form or
    // surrogate possible: leads E1–EC, EE, EF.
    for (bool more = true; more && i + 3 <= n;) {
#if defined(__SSE2__)
      // five characters at once: leads at bytes 0, 3, 6, 9, 12 (not E2, whose characters the
      // control finder reads), continuation bytes between them
      if (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i lead = _mm_or_si128(in_range(v, 0xE3, 0xEC), _mm_or_si128(in_range(v, 0xE1, 0xE1), in_range(v, 0xEE, 0xEF)));
        const auto leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
        const auto conts = static_cast<unsigned>(_mm_movemask_epi8(in_range(v, 0x80, 0xBF)));
        if ((leads & 0x1249u) == 0x1249u && (conts & 0x6DB6u) == 0x6DB6u) {
          i += 15;
          continue;
        }
      }
#endif
      for (int k = 0; k < 5; ++k) {  // one character at a time, as many as the block held
        if (i + 3 > n) break;
        const unsigned lead = p[i];
        if (lead - 0xE1u > 0xEFu - 0xE1u || lead == 0xEDu ||
            ((p[i + 1] | static_cast<unsigned>(p[i + 2]) << 8) & 0xC0C0u) != 0x8080u) {
          more = false;
          break;
        }
        if (lead == 0xE2u && controls) ctl.wide(i, 0x2000u + ((p[i + 1] & 0x3Fu) << 6) + (p[i + 2] & 0x3Fu));
        i += 3;
      }
    }
    if (i >= n || p[i] < 0x80) continue;
    auto at = static_cast<int32_t>(i);
    const int32_t start = at;
    UChar32 c;
    U8_NEXT(p, at, static_cast<int32_t>(n), c);
    i = static_cast<std::size_t>(at);
    if (c >= 0) {
      if (controls) ctl.wide(static_cast<std::size_t>(start), static_cast<char32_t>(c));
      continue;
    }
    if (!bad.empty() && bad.back().offset + bad.back().length == static_cast<std::uint32_t>(start)) {
      bad.back().length += static_cast<std::uint32_t>(at - start);
    } else {
      bad.push_back(BadRun{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(at - start)});
      if (bad.size() > limit) return;
    }
  }
}

}  // namespace

std::vector<BadRun> invalid_utf8_runs(std::string_view s, std::size_t limit) {
  std::vector<BadRun> bad;
  scan(s, limit, bad, nullptr);
  return bad;
}

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan out;
  scan(s, SIZE_MAX, out.bad, &out.controls);
  return out;
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
  if (in.starts_with("%PDF"))
    return say(lang, "输入是 PDF 文件，不是文本：请先提取文字（例如 pdftotext -layout 文件.pdf）",
               "the input is a PDF, not text: extract its text first (e.g. pdftotext -layout FILE.pdf)");
  if (in.starts_with("PK\x03\x04"))
    return say(lang, "输入是 zip 压缩包（.docx/.xlsx/.odt？），不是文本：请先另存为纯文本",
               "the input is a zip archive (a .docx/.xlsx/.odt?), not text: save it as plain text first");
  if (in.starts_with("\xD0\xCF\x11\xE0"))
    return say(lang, "输入是旧版 Office 文档（.doc/.xls/.wps），不是文本：请先另存为纯文本",
               "the input is an old Office document (.doc/.xls), not text: save it as plain text first");
  if (in.starts_with("\x89PNG") || in.starts_with("\xFF\xD8\xFF") || in.starts_with("GIF8"))
    return say(lang, "输入是图片，不是文本：请先做文字识别（OCR）", "the input is an image, not text: run OCR first");
  if (in.starts_with("\xFF\xFE") || in.starts_with("\xFE\xFF")) return std::nullopt;  // UTF-16
  std::size_t n = std::min(in.size(), kHead), nul = 0, ctl = 0, nul_at[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 8 == 0 && i + 8 <= n) {  // a word without a byte below 0x20 holds neither kind
      std::uint64_t w;
      std::memcpy(&w, in.data() + i, 8);
      if (!has_byte_below(w, 0x20)) {
        i += 7;
        continue;
      }
    }
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
  if (n < 16) return {};
  std::size_t nuls = 0;  // at least four wanted: counted by memchr, which most text passes through at once
  for (const char* at = in.data(); nuls < 4;) {
    at = static_cast<const char*>(std::memchr(at, 0, static_cast<std::size_t>(in.data() + n - at)));
    if (!at) return {};
    ++nuls, ++at;
  }
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

Controls find_controls(std::string_view utf8) {
  Controls out;
  std::vector<BadRun> bad;
  scan(utf8, SIZE_MAX, bad, &out);
  return out;
}

}  // namespace ogi::text
