// SPDX-License-Identifier: Apache-2.0
// Test runner: runs under the user's locale to prove the library does not depend on it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <clocale>

int main(int argc, char* argv[]) {
  std::setlocale(LC_ALL, "");
  return Catch::Session().run(argc, argv);
}
