// SPDX-License-Identifier: Apache-2.0
// CRC-32 by carry-less multiplication (crc32.hpp). The method is the one Intel published ("Fast
// CRC Computation for Generic Polynomials Using PCLMULQDQ Instruction", 2009): the running
// remainder, four 128-bit lanes of it, is carried 512 bits forward by multiplying each half by
// x^(512±32) mod P and adding the next 64 bytes; the lanes are then folded into one, 128 bits at a
// time, reduced to 64 and, by Barrett reduction, to the 32-bit CRC. All in the bit-reflected
// domain of the zip/gzip polynomial P = 0x104C11DB7.
#include "sources/crc32.hpp"

#include <zlib.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define OGI_CRC32_CLMUL 1
#include <emmintrin.h>
#include <wmmintrin.h>
#endif

namespace ogi::sources {
namespace {

#if OGI_CRC32_CLMUL

// x^k mod P, bit-reflected, for the distances the folds carry a 64-bit half over
constexpr std::uint64_t kFold4Low = 0x154442bd4, kFold4High = 0x1c6e41596;  // 4 × 128 bits
constexpr std::uint64_t kFold1Low = 0x1751997d0, kFold1High = 0x0ccaa009e;  // 128 bits
constexpr std::uint64_t kFold64 = 0x163cd6124;                              // 64 → 32 bits
constexpr std::uint64_t kPoly = 0x1db710641, kBarrettMu = 0x1f7011641;      // P and ⌊x^64 / P⌋

__attribute__((target("pclmul,sse2"))) inline __m128i pair(std::uint64_t low, std::uint64_t high) {
  return _mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low));
}

/// `x` carried forward over the distance `k` stands for (low half by k's low, high by its
/// high), plus `next`.
__attribute__((target("pclmul,sse2"))) inline __m128i fold(__m128i x, __m128i k, __m128i next) {
  return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11)), next);
}

/// The running (uninverted) CRC state after `n` bytes at `p`; n ≥ 64 and a multiple of 16.
__attribute__((target("pclmul,sse2"))) std::uint32_t clmul_state(const unsigned char* p, std::size_t n,
                                                                   std::uint32_t state) {
  auto load = [](const unsigned char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
  __m128i x1 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(state)));
  __m128i x2 = load(p + 16), x3 = load(p + 32), x4 = load(p + 48);
  p += 64;
  n -= 64;
  const __m128i by4 = pair(kFold4Low, kFold4High);
  for (; n >= 64; p += 64, n -= 64) {
    x1 = fold(x1, by4, load(p));
    x2 = fold(x2, by4, load(p + 16));
    x3 = fold(x3, by4, load(p + 32));
    x4 = fold(x4, by4, load(p + 48));
  }
  const __m128i by1 = pair(kFold1Low, kFold1High);
  x1 = fold(x1, by1, x2);
  x1 = fold(x1, by1, x3);
  x1 = fold(x1, by1, x4);
  for (; n >= 16; p += 16, n -= 16) x1 = fold(x1, by1, load(p));
  // 128 → 64 bits: the low half carried over 64 bits onto the high one
  const __m128i low32 = _mm_setr_epi32(-1, 0, -1, 0);
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), _mm_clmulepi64_si128(x1, by1, 0x10));
  // 64 → 32 bits
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 4),
                     _mm_clmulepi64_si128(_mm_and_si128(x1, low32), pair(kFold64, 0), 0x00));
  // Barrett: q = ⌊x / P⌋ through µ, then x − q·P
  const __m128i barrett = pair(kPoly, kBarrettMu);
  __m128i q = _mm_and_si128(_mm_clmulepi64_si128(_mm_and_si128(x1, low32), barrett, 0x10), low32);
  x1 = _mm_xor_si128(x1, _mm_clmulepi64_si128(q, barrett, 0x00));
  return static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(x1, 4)));
}

bool has_clmul() {
  static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
  return yes;
}

#endif

}  // namespace

std::uint32_t crc32_of(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  uLong crc = crc32_z(0L, Z_NULL, 0);
#if OGI_CRC32_CLMUL
  if (n >= 64 && has_clmul()) {
    const std::size_t folded = n & ~std::size_t{15};
    crc = ~clmul_state(p, folded, ~static_cast<std::uint32_t>(crc)) & 0xFFFFFFFFu;
    p += folded;
    n -= folded;
  }
#endif
  return static_cast<std::uint32_t>(crc32_z(crc, p, n));
}

}  // namespace ogi::sources
