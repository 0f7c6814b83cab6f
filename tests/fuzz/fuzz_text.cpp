// SPDX-License-Identifier: Apache-2.0
// Fuzz target: decoding (every option) and normalizing, with the position map's invariants.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "text/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > (64u << 10)) return 0;
  // The first byte chooses the options, so every decoding path is reached.
  ogi::ParseOptions opt;
  static const char* encodings[] = {"", "", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-8", "Big5", "no-such"};
  opt.encoding = encodings[data[0] & 7];
  opt.strict = (data[0] & 8) != 0;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<ogi::Diagnostic> diags;
  auto d = ogi::text::decode(in, opt, diags);
  if (!std::holds_alternative<ogi::text::Decoded>(d)) return 0;
  auto& dec = std::get<ogi::text::Decoded>(d);
  dec.attach(in);
  auto nt = ogi::text::normalize(dec);
  OGI_INVARIANT(nt.origin.size() == nt.text.size() + 1);
  for (std::size_t i = 1; i < nt.origin.size(); ++i) OGI_INVARIANT(nt.origin[i - 1] <= nt.origin[i]);
  for (std::size_t i = 0; i < nt.lines.size(); ++i) {
    OGI_INVARIANT(nt.lines[i].begin <= nt.lines[i].end && nt.lines[i].end <= nt.text.size());
    auto sp = nt.line_span(i);
    OGI_INVARIANT(sp.begin <= sp.end && sp.end <= in.size());
    OGI_INVARIANT(nt.display_column(nt.lines[i].end) >= 0);
  }
  return 0;
}
