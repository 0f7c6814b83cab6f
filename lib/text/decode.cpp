// SPDX-License-Identifier: Apache-2.0
// Decoding: valid UTF-8 passes through untouched (no detection, no copy); UTF-16 with a BOM and
// the GB family go through ICU converters with a STOP callback, so that no byte is replaced
// without a diagnostic naming its offset (ICU's default callback substitutes silently).
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>

#include "text/text.hpp"

namespace ogi::text {
namespace {

constexpr std::size_t kMaxOffsetsReported = 5;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Recognizes inputs that are not text at all, with advice.
std::optional<std::string> sniff_binary(std::string_view in) {
  if (starts_with(in, "%PDF")) return "the input is a PDF, not text: extract its text first (e.g. pdftotext -layout FILE.pdf)";
  if (starts_with(in, "PK\x03\x04"))
    return "the input is a zip archive (a .docx/.xlsx/.odt?), not text: save it as plain text first";
  if (starts_with(in, "\xD0\xCF\x11\xE0"))
    return "the input is an old Office document (.doc/.xls), not text: save it as plain text first";
  if (starts_with(in, "\x89PNG") || starts_with(in, "\xFF\xD8\xFF") || starts_with(in, "GIF8"))
    return "the input is an image, not text: run OCR first";
  if (starts_with(in, "\xFF\xFE") || starts_with(in, "\xFE\xFF")) return std::nullopt;  // UTF-16
  std::size_t n = std::min<std::size_t>(in.size(), 8192), nul = 0, ctl = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ++ctl;
  }
  if (nul > 0 || (n > 0 && ctl * 20 > n))
    return "the input looks binary (NUL or control bytes), not text: convert it to plain text first";
  return std::nullopt;
}

/// Invalid runs in UTF-8 input: (offset, length) of each maximal ill-formed subsequence.
std::vector<std::pair<std::uint32_t, std::uint32_t>> invalid_utf8_runs(std::string_view s, std::size_t limit) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bad;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      // ASCII runs eight bytes at a time
      while (i + 8 <= n) {
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
    if (c < 0) {
      if (!bad.empty() && bad.back().first + bad.back().second == static_cast<uint32_t>(start))
        bad.back().second += static_cast<uint32_t>(i - start);
      else {
        bad.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(i - start));
        if (bad.size() > limit) return bad;
      }
    }
  }
  return bad;
}

/// A few broken sequences among many good ones: bad bytes under 5 % of the non-ASCII bytes.
bool mostly_utf8(std::string_view in, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& bad) {
  std::size_t non_ascii = 0, bad_bytes = 0;
  for (char c : in) non_ascii += static_cast<unsigned char>(c) >= 0x80;
  for (auto& b : bad) bad_bytes += b.second;
  return bad_bytes * 20 < non_ascii;
}

void append_utf8(std::string& out, std::vector<std::uint32_t>& map, char32_t c, std::uint32_t from) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
  (void)err;
  out.append(buf, static_cast<std::size_t>(len));
  map.insert(map.end(), static_cast<std::size_t>(len), from);
}

std::string describe_offsets(const std::vector<std::uint32_t>& offsets, std::size_t total) {
  std::string s;
  for (std::size_t i = 0; i < offsets.size() && i < kMaxOffsetsReported; ++i)
    s += (i ? ", " : "") + std::to_string(offsets[i]);
  if (total > kMaxOffsetsReported) s += ", …";
  return s;
}

void report_bad_bytes(std::vector<Diagnostic>& diags, const std::vector<std::uint32_t>& offsets,
                      const std::string& encoding) {
  if (offsets.empty()) return;
  Diagnostic d;
  d.code = "text.invalid_bytes";
  d.severity = Severity::warning;
  d.message = std::to_string(offsets.size()) + " invalid " + encoding +
              " byte sequence(s) replaced by U+FFFD, at byte offset(s) " +
              describe_offsets(offsets, offsets.size());
  d.span = Span{offsets[0], offsets[0] + 1, 0};
  diags.push_back(std::move(d));
}

/// UTF-8 with a few bad runs: substitute U+FFFD per run and keep the map exact.
Decoded repair_utf8(std::string_view in, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& bad) {
  Decoded d;
  d.encoding = "UTF-8";
  d.utf8.reserve(in.size() + bad.size() * 2);
  d.to_input.reserve(in.size() + bad.size() * 2 + 1);
  std::uint32_t pos = 0;
  for (auto [off, len] : bad) {
    d.utf8.append(in.substr(pos, off - pos));
    for (std::uint32_t i = pos; i < off; ++i) d.to_input.push_back(i);
    append_utf8(d.utf8, d.to_input, 0xFFFD, off);
    pos = off + len;
  }
  d.utf8.append(in.substr(pos));
  for (std::uint32_t i = pos; i < in.size(); ++i) d.to_input.push_back(i);
  d.to_input.push_back(static_cast<std::uint32_t>(in.size()));
  return d;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

/// Converts with ICU, stopping at every illegal sequence so that each is counted with its offset.
std::variant<Decoded, Error> convert(std::string_view in, const std::string& encoding, std::size_t skip,
                                     bool strict, std::vector<std::uint32_t>& bad_offsets) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(encoding.c_str(), &st));
  if (U_FAILURE(st)) return Error{ErrorCode::bad_option, "unknown encoding '" + encoding + "'", 0};
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);

  Decoded d;
  // The IANA name where there is one ("GB18030", not ICU's internal "gb18030").
  const char* internal = ucnv_getName(cnv.get(), &st);
  UErrorCode st2 = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(internal, "IANA", &st2);
  d.encoding = U_SUCCESS(st2) && iana ? iana : internal;
  for (char& c : d.encoding) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  d.utf8.reserve(in.size() * 3 / 2);
  d.to_input.reserve(in.size() * 3 / 2 + 1);
  std::array<UChar, 4096> ubuf;
  std::array<int32_t, 4096> offs;
  const char* src = in.data() + skip;
  const char* end = in.data() + in.size();
  UChar pending_high = 0;
  std::uint32_t pending_from = 0;
  while (true) {
    const char* chunk_start = src;
    UChar* t = ubuf.data();
    st = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &t, ubuf.data() + ubuf.size(), &src, end, offs.data(), true, &st);
    auto base = static_cast<std::uint32_t>(chunk_start - in.data());
    for (UChar* u = ubuf.data(); u < t; ++u) {
      auto from = base + static_cast<std::uint32_t>(std::max(0, offs[static_cast<std::size_t>(u - ubuf.data())]));
      if (U16_IS_LEAD(*u)) { pending_high = *u; pending_from = from; continue; }
      char32_t c = *u;
      if (U16_IS_TRAIL(*u) && pending_high) { c = U16_GET_SUPPLEMENTARY(pending_high, *u); from = pending_from; }
      pending_high = 0;
      append_utf8(d.utf8, d.to_input, c, from);
    }
    if (st == U_BUFFER_OVERFLOW_ERROR) continue;
    if (st == U_ILLEGAL_CHAR_FOUND || st == U_INVALID_CHAR_FOUND || st == U_TRUNCATED_CHAR_FOUND) {
      char bad[32];
      int8_t len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv.get(), bad, &len, &e2);
      auto off = static_cast<std::uint32_t>(src - in.data()) - static_cast<std::uint32_t>(std::max<int8_t>(len, 0));
      if (strict)
        return Error{ErrorCode::bad_encoding,
                     "invalid " + d.encoding + " byte sequence at byte offset " + std::to_string(off), off};
      bad_offsets.push_back(off);
      append_utf8(d.utf8, d.to_input, 0xFFFD, off);
      if (src >= end) break;
      continue;
    }
    if (U_FAILURE(st))
      return Error{ErrorCode::bad_encoding, std::string("cannot decode as ") + d.encoding + ": " + u_errorName(st), 0};
    if (src >= end) break;
  }
  d.to_input.push_back(static_cast<std::uint32_t>(in.size()));
  return d;
}

/// For input that is not valid UTF-8 and has no BOM: ICU detection among the encodings Chinese
/// text plausibly comes in, with a confidence floor; GB18030 otherwise (Chinese Windows).
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

}  // namespace

std::variant<Decoded, Error> decode(std::string_view in, const ParseOptions& opt,
                                    std::vector<Diagnostic>& diags) {
  if (in.size() > opt.max_input_bytes)
    return Error{ErrorCode::too_large,
                 "input of " + std::to_string(in.size()) + " bytes is over the limit of " +
                     std::to_string(opt.max_input_bytes) + " bytes",
                 opt.max_input_bytes};
  if (opt.encoding.empty()) {
    if (auto why = sniff_binary(in)) return Error{ErrorCode::not_text, *why, 0};
  }
  std::vector<std::uint32_t> bad_offsets;
  auto finish = [&](std::variant<Decoded, Error> r) -> std::variant<Decoded, Error> {
    if (auto* d = std::get_if<Decoded>(&r)) report_bad_bytes(diags, bad_offsets, d->encoding);
    return r;
  };

  std::string enc = opt.encoding;
  std::size_t skip = 0;
  if (enc.empty()) {
    if (starts_with(in, "\xFF\xFE")) { enc = "UTF-16LE"; skip = 2; }
    else if (starts_with(in, "\xFE\xFF")) { enc = "UTF-16BE"; skip = 2; }
  }
  bool utf8_named = !enc.empty() && ucnv_compareNames(enc.c_str(), "UTF-8") == 0;
  if (enc.empty() || utf8_named) {
    auto bad = invalid_utf8_runs(in, SIZE_MAX);
    if (bad.empty()) {
      Decoded d;
      d.encoding = "UTF-8";
      return d;
    }
    // Mostly valid UTF-8 with a few broken sequences (cut CJK characters, truncation): keep UTF-8.
    if (utf8_named || mostly_utf8(in, bad)) {
      if (opt.strict)
        return Error{ErrorCode::bad_encoding,
                     "invalid UTF-8 byte sequence at byte offset " + std::to_string(bad[0].first), bad[0].first};
      for (auto& b : bad) bad_offsets.push_back(b.first);
      return finish(repair_utf8(in, bad));
    }
    enc = detect(in);
  }
  return finish(convert(in, enc, skip, opt.strict, bad_offsets));
}

Utf8Fit utf8_fit(std::string_view bytes) {
  auto bad = invalid_utf8_runs(bytes, SIZE_MAX);
  if (bad.empty()) return Utf8Fit::valid;
  return mostly_utf8(bytes, bad) ? Utf8Fit::mostly : Utf8Fit::no;
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
