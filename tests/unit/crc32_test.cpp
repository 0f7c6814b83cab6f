// SPDX-License-Identifier: Apache-2.0
// The CRC-32 of zip entries (lib/sources/crc32.hpp) is zlib's, whatever the length and alignment
// (the carry-less path folds 64 and 16 bytes at a time; zlib takes what is left over).
#include <zlib.h>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>

#include "sources/crc32.hpp"

namespace {

std::uint32_t zlib_crc(std::string_view s) {
  return static_cast<std::uint32_t>(
      crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(s.data()), s.size()));
}

}  // namespace

TEST_CASE("crc32: the CRC of a zip entry is zlib's at every length and alignment") {
  std::mt19937 rng(32);
  std::string bytes(4096 + 64, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  for (std::size_t offset = 0; offset < 16; ++offset)
    for (std::size_t n = 0; n <= 600; ++n) {
      std::string_view s = std::string_view(bytes).substr(offset, n);
      INFO("offset " << offset << ", length " << n);
      REQUIRE(ogi::sources::crc32_of(s) == zlib_crc(s));
    }
  CHECK(ogi::sources::crc32_of(bytes) == zlib_crc(bytes));
}

TEST_CASE("crc32: known values") {
  CHECK(ogi::sources::crc32_of("") == 0u);
  CHECK(ogi::sources::crc32_of("123456789") == 0xCBF43926u);
  std::string zeros(1 << 20, '\0'), ones(1 << 20, '\xFF');
  CHECK(ogi::sources::crc32_of(zeros) == zlib_crc(zeros));
  CHECK(ogi::sources::crc32_of(ones) == zlib_crc(ones));
}
