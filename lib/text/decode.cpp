// SPDX-License-Identifier: Apache-2.0
// Decoding (docs/normalization.md): valid UTF-8 passes through untouched (no detection, no copy);
// UTF-16 (with a BOM, or told by its NULs) and the GB family go through ICU converters with a
// STOP callback, so that no byte is replaced without a diagnostic naming its offset (ICU's
// default callback substitutes silently). Input that is not valid UTF-8 is judged line by line:
// UTF-8 with a few cut characters stays UTF-8, a file in another encoding is read in it, and a
// file that mixes the two is read region by region, each region named.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>

#include "model/say.hpp"
#include "text/bytes.hpp"
#include "text/text.hpp"

namespace ogi::text {
namespace {

using model::say;

constexpr std::size_t kMaxOffsetsReported = 5;
constexpr std::size_t kMaxRegionsReported = 6;

std::string offsets_text(const std::vector<std::uint32_t>& offsets, std::size_t total) {
  std::string s;
  for (std::size_t i = 0; i < offsets.size() && i < kMaxOffsetsReported; ++i)
    s += (i ? ", " : "") + std::to_string(offsets[i]);
  if (total > kMaxOffsetsReported) s += ", …";
  return s;
}

Diagnostic input_diagnostic(std::string code, Severity severity, std::string message, std::uint32_t offset) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = severity;
  d.message = std::move(message);
  d.span = Span{offset, offset, 0};  // the pipeline gives it its line
  return d;
}

/// The decoded text as it is built: UTF-8 and, for every byte, the input offset it came from.
struct Builder {
  Decoded d;
  std::vector<std::uint32_t> bad;  ///< input offsets of the sequences replaced by U+FFFD

  void put(char32_t c, std::uint32_t from) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
    (void)err;
    d.utf8.append(buf, static_cast<std::size_t>(len));
    d.to_input.insert(d.to_input.end(), static_cast<std::size_t>(len), from);
  }
  /// Input bytes [b, e) that are valid UTF-8, copied.
  void copy(std::string_view in, std::uint32_t b, std::uint32_t e) {
    d.utf8.append(in.substr(b, e - b));
    for (std::uint32_t i = b; i < e; ++i) d.to_input.push_back(i);
  }
  /// Input bytes [b, e) as UTF-8, each ill-formed run (from `runs`, sorted) one U+FFFD.
  void utf8(std::string_view in, std::uint32_t b, std::uint32_t e, const std::vector<BadRun>& runs) {
    auto it = std::lower_bound(runs.begin(), runs.end(), b, [](const BadRun& r, std::uint32_t v) { return r.offset < v; });
    std::uint32_t pos = b;
    for (; it != runs.end() && it->offset < e; ++it) {
      copy(in, pos, it->offset);
      put(0xFFFD, it->offset);
      bad.push_back(it->offset);
      pos = std::min(e, it->offset + it->length);
    }
    copy(in, pos, e);
  }
  Decoded finish(std::string encoding, std::size_t input_size) {
    d.to_input.push_back(static_cast<std::uint32_t>(input_size));
    d.encoding = std::move(encoding);
    return std::move(d);
  }
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

/// An ICU converter that stops at every illegal sequence, and the encoding's IANA name.
std::variant<Converter, Error> open_converter(const std::string& encoding, std::string& name, Language lang) {
  UErrorCode st = U_ZERO_ERROR;
  Converter cnv(ucnv_open(encoding.c_str(), &st));
  if (U_FAILURE(st))
    return Error{ErrorCode::bad_option,
                 say(lang, "未知的编码名称「" + encoding + "」", "unknown encoding '" + encoding + "'"), 0};
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  // The IANA name where there is one ("GB18030", not ICU's internal "gb18030").
  const char* internal = ucnv_getName(cnv.get(), &st);
  UErrorCode st2 = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(internal, "IANA", &st2);
  name = U_SUCCESS(st2) && iana ? iana : internal;
  for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return cnv;
}

/// Converts input bytes [b, e) with ICU into `out`, each illegal sequence one U+FFFD (or an
/// Error under strict).
std::optional<Error> convert(std::string_view in, std::uint32_t b, std::uint32_t e, UConverter* cnv,
                             const std::string& name, const ParseOptions& opt, Builder& out) {
  ucnv_resetToUnicode(cnv);
  std::array<UChar, 4096> ubuf;
  std::array<int32_t, 4096> offs;
  const char* src = in.data() + b;
  const char* end = in.data() + e;
  UChar pending_high = 0;
  std::uint32_t pending_from = 0;
  while (true) {
    const char* chunk_start = src;
    UChar* t = ubuf.data();
    UErrorCode st = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &t, ubuf.data() + ubuf.size(), &src, end, offs.data(), true, &st);
    auto base = static_cast<std::uint32_t>(chunk_start - in.data());
    for (UChar* u = ubuf.data(); u < t; ++u) {
      auto from = base + static_cast<std::uint32_t>(std::max(0, offs[static_cast<std::size_t>(u - ubuf.data())]));
      if (U16_IS_LEAD(*u)) { pending_high = *u; pending_from = from; continue; }
      char32_t c = *u;
      if (U16_IS_TRAIL(*u) && pending_high) { c = U16_GET_SUPPLEMENTARY(pending_high, *u); from = pending_from; }
      pending_high = 0;
      out.put(c, from);
    }
    if (st == U_BUFFER_OVERFLOW_ERROR) continue;
    if (st == U_ILLEGAL_CHAR_FOUND || st == U_INVALID_CHAR_FOUND || st == U_TRUNCATED_CHAR_FOUND) {
      char bad[32];
      int8_t len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv, bad, &len, &e2);
      auto off = static_cast<std::uint32_t>(src - in.data()) - static_cast<std::uint32_t>(std::max<int8_t>(len, 0));
      if (opt.strict)
        return Error{ErrorCode::bad_encoding,
                     say(opt.language, "第 " + std::to_string(off) + " 字节处有无效的 " + name + " 字节序列",
                         "invalid " + name + " byte sequence at byte offset " + std::to_string(off)),
                     off};
      out.bad.push_back(off);
      out.put(0xFFFD, off);
      if (src >= end) break;
      continue;
    }
    if (U_FAILURE(st))
      return Error{ErrorCode::bad_encoding,
                   say(opt.language, "无法按 " + name + " 解码：", "cannot decode as " + name + ": ") + u_errorName(st),
                   0};
    if (src >= end) break;
  }
  return std::nullopt;
}

/// For text that is not UTF-8 and has no BOM: ICU detection among the encodings Chinese text
/// plausibly comes in, with a confidence floor; GB18030 otherwise (Chinese Windows).
std::string detect(std::string_view in) {
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&st);
  if (U_FAILURE(st)) return "GB18030";
  ucsdet_setText(det, in.data(), static_cast<int32_t>(std::min<std::size_t>(in.size(), 1 << 16)), &st);
  int32_t n = 0;
  const UCharsetMatch** all = ucsdet_detectAll(det, &n, &st);
  std::string best = "GB18030";
  for (int32_t i = 0; U_SUCCESS(st) && i < n; ++i) {
    const char* name = ucsdet_getName(all[i], &st);
    int32_t conf = ucsdet_getConfidence(all[i], &st);
    if (conf < 30) break;
    if (std::strcmp(name, "Big5") == 0) { best = "Big5"; break; }
    if (std::strcmp(name, "GB18030") == 0) break;
  }
  ucsdet_close(det);
  return best;
}

/// The whole input in one encoding through ICU (bytes from `skip`: a BOM).
std::variant<Decoded, Error> convert_all(std::string_view in, const std::string& encoding, std::size_t skip,
                                         const ParseOptions& opt, Builder& out) {
  std::string name;
  auto cnv = open_converter(encoding, name, opt.language);
  if (auto* err = std::get_if<Error>(&cnv)) return *err;
  if (auto err = convert(in, static_cast<std::uint32_t>(skip), static_cast<std::uint32_t>(in.size()),
                         std::get<Converter>(cnv).get(), name, opt, out))
    return *err;
  return out.finish(name, in.size());
}

/// A run of lines read in one encoding.
struct Region {
  std::uint32_t begin = 0, end = 0;     ///< input bytes
  std::uint32_t first_line = 0, last_line = 0;  ///< 1-based
  bool utf8 = true;
};

/// Lines that are UTF-8 (whole or cut) and lines in another encoding, grouped into regions; a
/// line that cannot tell joins the region before it.
std::vector<Region> regions_of(const std::vector<LineClass>& lines) {
  std::vector<Region> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineClass& l = lines[i];
    bool decided = l.kind == LineKind::utf8 || l.kind == LineKind::broken_utf8 || l.kind == LineKind::legacy;
    bool utf8 = l.kind != LineKind::legacy;
    auto line = static_cast<std::uint32_t>(i + 1);
    if (!out.empty() && (!decided || out.back().utf8 == utf8)) {
      out.back().end = l.end;
      out.back().last_line = line;
      continue;
    }
    if (out.empty() && !decided) {  // leading lines that cannot tell: settled by the next one
      std::size_t j = i;
      while (j < lines.size() && lines[j].kind != LineKind::utf8 && lines[j].kind != LineKind::broken_utf8 &&
             lines[j].kind != LineKind::legacy)
        ++j;
      utf8 = j == lines.size() || lines[j].kind != LineKind::legacy;
    }
    out.push_back(Region{l.begin, l.end, line, line, utf8});
  }
  return out;
}

std::string line_range(const Region& r) {
  return r.first_line == r.last_line ? std::to_string(r.first_line)
                                     : std::to_string(r.first_line) + "–" + std::to_string(r.last_line);
}

/// A file whose lines are partly UTF-8 and partly another encoding: each region in its own.
std::variant<Decoded, Error> decode_mixed(std::string_view in, const std::vector<Region>& regions,
                                          const std::vector<BadRun>& runs, const std::string& legacy,
                                          const ParseOptions& opt, Builder& out, std::vector<Diagnostic>& diags) {
  std::string name;
  auto cnv = open_converter(legacy, name, opt.language);
  if (auto* err = std::get_if<Error>(&cnv)) return *err;
  std::string zh, en;
  std::size_t listed = 0;
  for (const Region& r : regions) {
    if (r.utf8) {
      if (opt.strict) {
        auto it = std::lower_bound(runs.begin(), runs.end(), r.begin, [](const BadRun& x, std::uint32_t v) { return x.offset < v; });
        if (it != runs.end() && it->offset < r.end)
          return Error{ErrorCode::bad_encoding,
                       say(opt.language, "第 " + std::to_string(it->offset) + " 字节处有无效的 UTF-8 字节序列",
                           "invalid UTF-8 byte sequence at byte offset " + std::to_string(it->offset)),
                       it->offset};
      }
      out.utf8(in, r.begin, r.end, runs);
    } else if (auto err = convert(in, r.begin, r.end, std::get<Converter>(cnv).get(), name, opt, out)) {
      return *err;
    }
    if (listed++ < kMaxRegionsReported) {
      const std::string enc = r.utf8 ? "UTF-8" : name;
      zh += (zh.empty() ? "" : "，") + std::string("第 ") + line_range(r) + " 行按 " + enc + " 解码";
      en += (en.empty() ? "" : ", ") + std::string("lines ") + line_range(r) + " as " + enc;
    }
  }
  if (listed > kMaxRegionsReported) zh += "，…", en += ", …";
  diags.push_back(input_diagnostic(
      "text.mixed_encoding", Severity::warning,
      say(opt.language, "文件混用两种编码，已逐段解码：" + zh + "；请核对各段交界处的文字",
          "the file mixes two encodings and was decoded region by region: " + en + "; check the text where they meet"),
      regions.size() > 1 ? regions[1].begin : 0));
  const bool utf8_first = regions.front().utf8;
  return out.finish(utf8_first ? "UTF-8+" + name : name + "+UTF-8", in.size());
}

/// Input that is not valid UTF-8 and has no BOM: UTF-8 with cut characters, another encoding,
/// or both in regions, decided by how each line reads — not by the first bad byte.
std::variant<Decoded, Error> decode_not_utf8(std::string_view in, const std::vector<BadRun>& runs,
                                             const ParseOptions& opt, Builder& out, std::vector<Diagnostic>& diags) {
  std::vector<LineClass> lines = classify_lines(in);
  std::uint64_t utf8_bytes = 0, legacy_bytes = 0;
  for (const LineClass& l : lines) {
    if (l.kind == LineKind::utf8 || l.kind == LineKind::broken_utf8) utf8_bytes += l.non_ascii;
    if (l.kind == LineKind::legacy) legacy_bytes += l.non_ascii;
  }
  const std::uint64_t total = utf8_bytes + legacy_bytes;
  if (legacy_bytes * 20 <= total) {  // UTF-8 whose few bad runs are cut or damaged characters
    if (opt.strict)
      return Error{ErrorCode::bad_encoding,
                   say(opt.language, "第 " + std::to_string(runs[0].offset) + " 字节处有无效的 UTF-8 字节序列",
                       "invalid UTF-8 byte sequence at byte offset " + std::to_string(runs[0].offset)),
                   runs[0].offset};
    out.utf8(in, 0, static_cast<std::uint32_t>(in.size()), runs);
    return out.finish("UTF-8", in.size());
  }
  if (utf8_bytes * 20 <= total) return convert_all(in, detect(in), 0, opt, out);
  // Both, each a real share: the other encoding is told from its own lines.
  std::vector<Region> regions = regions_of(lines);
  std::string legacy_text;
  for (const Region& r : regions)
    if (!r.utf8 && legacy_text.size() < (1u << 16)) legacy_text.append(in.substr(r.begin, r.end - r.begin));
  return decode_mixed(in, regions, runs, detect(legacy_text), opt, out, diags);
}

void report_bad_bytes(std::vector<Diagnostic>& diags, const std::vector<std::uint32_t>& offsets,
                      const std::string& encoding, Language lang) {
  if (offsets.empty()) return;
  const std::string n = std::to_string(offsets.size()), at = offsets_text(offsets, offsets.size());
  diags.push_back(input_diagnostic(
      "text.invalid_bytes", Severity::warning,
      say(lang, n + " 处无效的 " + encoding + " 字节序列已替换为 U+FFFD，位于字节偏移 " + at,
          n + " invalid " + encoding + " byte sequence(s) replaced by U+FFFD, at byte offset(s) " + at),
      offsets[0]));
}

/// Control characters in the decoded text are named (normalization ignores them); NUL bytes
/// in numbers no text has refuse the input. `found`: those of the input, when it is the decoded
/// text (found while it was checked as UTF-8); else they are looked for here.
std::optional<Error> check_controls(const Decoded& d, std::string_view input, const Controls* found,
                                    const ParseOptions& opt, std::vector<Diagnostic>& diags) {
  std::string_view text = d.utf8.empty() && d.to_input.empty() ? input : std::string_view(d.utf8);
  Controls c = found ? *found : find_controls(text);
  if (c.count == 0) return std::nullopt;
  std::vector<std::uint32_t> at;
  for (std::uint32_t o : c.offsets) at.push_back(d.input_offset(o));
  if (c.nul * 64 > text.size() + 64 * 63)  // more than 1 in 64 characters, and more than 63
    return Error{ErrorCode::not_text,
                 say(opt.language,
                     "输入含 " + std::to_string(c.nul) + " 个 NUL 字节（第一个在字节偏移 " + std::to_string(at[0]) +
                         "），不是文本：请先转换为纯文本",
                     "the input holds " + std::to_string(c.nul) + " NUL bytes (the first at byte offset " +
                         std::to_string(at[0]) + "), not text: convert it to plain text first"),
                 at[0]};
  std::string names;
  for (const std::string& n : c.names) names += (names.empty() ? "" : ", ") + n;
  const std::string n = std::to_string(c.count), offs = offsets_text(at, c.count);
  diags.push_back(input_diagnostic(
      "text.control_characters", Severity::warning,
      say(opt.language,
          "文本含 " + n + " 个控制字符（" + names + (c.ansi ? "，含终端转义序列" : "") +
              "），比对时已忽略；位于字节偏移 " + offs,
          "the text holds " + n + " control character(s) (" + names + (c.ansi ? ", terminal escape sequences" : "") +
              "), ignored when matching; at byte offset(s) " + offs),
      at[0]));
  return std::nullopt;
}

}  // namespace

std::optional<Error> over_size_limit(std::size_t size, const ParseOptions& options) {
  if (size <= options.max_input_bytes) return std::nullopt;
  const std::string n = std::to_string(size), max = std::to_string(options.max_input_bytes);
  return Error{ErrorCode::too_large,
               say(options.language, "输入有 " + n + " 字节，超过上限 " + max + " 字节",
                   "input of " + n + " bytes is over the limit of " + max + " bytes"),
               options.max_input_bytes};
}

std::variant<Decoded, Error> decode(std::string_view in, const ParseOptions& opt,
                                    std::vector<Diagnostic>& diags) {
  if (auto refused = over_size_limit(in.size(), opt)) return *refused;
  std::string enc = opt.encoding;
  std::size_t skip = 0;
  if (enc.empty()) {
    if (in.starts_with("\xFF\xFE")) { enc = "UTF-16LE"; skip = 2; }
    else if (in.starts_with("\xFE\xFF")) { enc = "UTF-16BE"; skip = 2; }
    else if (std::string u16 = utf16_without_bom(in); !u16.empty()) {
      enc = u16;
      diags.push_back(input_diagnostic(
          "text.utf16_without_bom", Severity::info,
          say(opt.language, "文件没有字节顺序标记（BOM），按其字节规律读作 " + u16,
              "no byte order mark: read as " + u16 + " by the pattern of its bytes"),
          0));
    } else if (auto why = binary_reason(in, opt.language)) {
      return Error{ErrorCode::not_text, *why, 0};
    }
  }
  Builder out;
  std::variant<Decoded, Error> result = Error{};
  bool utf8_named = !enc.empty() && ucnv_compareNames(enc.c_str(), "UTF-8") == 0;
  Utf8Scan scan;  // valid UTF-8 is the decoded text: its controls are found in the same pass
  if (enc.empty() || utf8_named) {
    scan = scan_utf8(in);
    const std::vector<BadRun>& runs = scan.bad;
    if (runs.empty()) {
      Decoded d;
      d.encoding = "UTF-8";
      result = std::move(d);
    } else if (utf8_named) {
      if (opt.strict)
        return Error{ErrorCode::bad_encoding,
                     say(opt.language, "第 " + std::to_string(runs[0].offset) + " 字节处有无效的 UTF-8 字节序列",
                         "invalid UTF-8 byte sequence at byte offset " + std::to_string(runs[0].offset)),
                     runs[0].offset};
      out.utf8(in, 0, static_cast<std::uint32_t>(in.size()), runs);
      result = out.finish("UTF-8", in.size());
    } else {
      result = decode_not_utf8(in, runs, opt, out, diags);
    }
  } else {
    result = convert_all(in, enc, skip, opt, out);
  }
  auto* d = std::get_if<Decoded>(&result);
  if (!d) return result;
  report_bad_bytes(diags, out.bad, d->encoding, opt.language);
  const bool as_is = (enc.empty() || utf8_named) && scan.bad.empty();  // the input is the decoded text
  if (auto err = check_controls(*d, in, as_is ? &scan.controls : nullptr, opt, diags)) return *err;
  return result;
}

}  // namespace ogi::text

namespace ogi::text {

Utf8Fit utf8_fit(std::string_view bytes) {
  auto bad = invalid_utf8_runs(bytes);
  if (bad.empty()) return Utf8Fit::valid;
  // a few broken sequences among many good ones: bad bytes under 5 % of the non-ASCII bytes
  std::size_t non_ascii = 0, bad_bytes = 0;
  for (char c : bytes) non_ascii += static_cast<unsigned char>(c) >= 0x80;
  for (const BadRun& b : bad) bad_bytes += b.length;
  return bad_bytes * 20 < non_ascii ? Utf8Fit::mostly : Utf8Fit::no;
}

std::uint32_t Decoded::input_line(std::uint32_t at) const {
  auto it = std::upper_bound(input_line_starts.begin(), input_line_starts.end(), at);
  return static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(it - input_line_starts.begin(), 1));
}

std::vector<std::uint32_t> line_starts(std::string_view text, const std::vector<std::uint32_t>& to_input) {
  auto at = [&](std::size_t i) { return to_input.empty() ? static_cast<std::uint32_t>(i) : to_input[i]; };
  std::vector<std::uint32_t> starts{at(0)};
  if (text.find('\r') == std::string_view::npos) {  // LF only: memchr's pace
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts.push_back(at(i + 1));
    return starts;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts.push_back(at(i + 1));
  }
  return starts;
}

}  // namespace ogi::text
