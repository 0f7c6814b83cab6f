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

void* operator new(std::size_t n) {
  std::size_t limit = fail_over.load(std::memory_order_relaxed);
  if (limit && n > limit) throw std::bad_alloc();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
