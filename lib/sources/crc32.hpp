// SPDX-License-Identifier: Apache-2.0
// The CRC-32 of zip entries (ISO 3309, as zlib's crc32 computes it), at the speed of the inflate it
// checks: on x86-64 processors with carry-less multiplication (PCLMULQDQ, every one since 2010)
// 64 bytes are folded at a time; elsewhere, and for short inputs, zlib computes it.
#pragma once
#include <cstdint>
#include <string_view>

namespace ogi::sources {

/// The CRC-32 of `bytes` (crc32(0, bytes) in zlib's terms).
std::uint32_t crc32_of(std::string_view bytes);

}  // namespace ogi::sources
