// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the DOCX reader and everything after it, with every invariant of invariants.hpp.
// An input that is a zip is read as it is (the zip layer); any other input becomes the
// word/document.xml of a zip made here, so that the search reaches the XML walk past the CRC.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "invariants.hpp"

namespace {

void put16(std::string& s, unsigned v) { s += static_cast<char>(v & 0xFF); s += static_cast<char>((v >> 8) & 0xFF); }
void put32(std::string& s, unsigned long v) { put16(s, static_cast<unsigned>(v & 0xFFFF)); put16(s, static_cast<unsigned>(v >> 16)); }

/// A zip holding one stored (uncompressed) entry.
std::string stored_zip(const std::string& name, std::string_view data) {
  unsigned long crc = crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  std::string z;
  put32(z, 0x04034b50); put16(z, 20); put16(z, 0); put16(z, 0); put16(z, 0); put16(z, 0);
  put32(z, crc); put32(z, data.size()); put32(z, data.size()); put16(z, static_cast<unsigned>(name.size())); put16(z, 0);
  z += name;
  z.append(data.data(), data.size());
  std::size_t central = z.size();
  put32(z, 0x02014b50); put16(z, 20); put16(z, 20); put16(z, 0); put16(z, 0); put16(z, 0); put16(z, 0);
  put32(z, crc); put32(z, data.size()); put32(z, data.size()); put16(z, static_cast<unsigned>(name.size()));
  put16(z, 0); put16(z, 0); put16(z, 0); put16(z, 0); put32(z, 0); put32(z, 0);
  z += name;
  std::size_t central_size = z.size() - central;
  put32(z, 0x06054b50); put16(z, 0); put16(z, 0); put16(z, 1); put16(z, 1);
  put32(z, central_size); put32(z, central); put16(z, 0);
  return z;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (64u << 10)) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  ogi::ParseOptions docx;
  docx.format = ogi::InputFormat::docx;
  if (in.substr(0, 2) == "PK") ogi_fuzz::check_parse(in, docx);
  else ogi_fuzz::check_parse(stored_zip("word/document.xml", in), docx);
  return 0;
}
