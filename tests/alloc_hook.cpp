// SPDX-License-Identifier: Apache-2.0
// A replacement of the global operator new for the test program, so that a test can make large
// allocations fail (support.hpp, FailLargeAllocations): running out of memory, on demand.
#include <atomic>
#include <cstdlib>
#include <new>

#include "support.hpp"

namespace {
std::atomic<std::size_t> fail_over{0};  // 0 = every allocation is tried
}

namespace ogi_test {
FailLargeAllocations::FailLargeAllocations(std::size_t bytes) { fail_over.store(bytes); }
FailLargeAllocations::~FailLargeAllocations() { fail_over.store(0); }
}  // namespace ogi_test

// The whole unaligned family is replaced, so that what one of them allocates another frees
// (AddressSanitizer checks that new and free never meet).
void* operator new(std::size_t n) {
  std::size_t limit = fail_over.load(std::memory_order_relaxed);
  if (limit && n > limit) throw std::bad_alloc();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return ::operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
