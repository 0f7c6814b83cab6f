// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — a search's large scratch kept on its thread from one search to the next.
// A parse runs many searches (every whole-table reader, the placement step for each), each with
// a table of the states it has seen: memory handed back to the system after one was faulted in
// again by the next (glibc trims the heap's top), some 100 page faults a parse.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace ogi::tables {

/// Keeps values of T (cleared by their next user) on the thread, each no larger than kKeptBytes
/// (a pathological input's table is not held on to).
template <class T>
class KeptOnThread {
 public:
  /// One kept before, or a new one.
  static T take() {
    auto& free = kept();
    if (free.empty()) return T{};
    T t = std::move(free.back());
    free.pop_back();
    return t;
  }
  /// Keeps `t` for the next take() where it is small enough; `bytes`: what it holds.
  static void give(T&& t, std::size_t bytes) {
    if (bytes <= kKeptBytes && kept().size() < 4) kept().push_back(std::move(t));
  }

 private:
  static constexpr std::size_t kKeptBytes = std::size_t{16} << 20;
  static std::vector<T>& kept() {
    thread_local std::vector<T> free;
    return free;
  }
};

}  // namespace ogi::tables
