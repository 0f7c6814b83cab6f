#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs every test of ogi (the README's test command; CI runs it through .ci/run):
#   1. the release build, warnings as errors, with the Python module: all ctest tests;
#   2. the same unit, corpus and C API tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. each libFuzzer target (clang 14) for OGI_FUZZ_SECONDS (default 30) from corpus/ and the
#      regression inputs in tests/fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${OGI_FUZZ_SECONDS:-30}

echo "== 1/3 release build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGI_WERROR=ON -DOGI_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build build
ctest --test-dir build --output-on-failure

echo "== 2/3 tests under ASan+UBSan"
# (no -Werror here: GCC 12 reports false -Wmaybe-uninitialized inside libstdc++ under the
# sanitizers; warnings are held to zero by the release pass above)
# (no Python module here: a python3 that loads an instrumented module needs the ASan runtime preloaded)
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOGI_SANITIZE=address,undefined -DOGI_WERROR=OFF \
  -DOGI_PYTHON=OFF
cmake --build build-sanitize
# the consumer tests (find_package, pkg-config, FetchContent) build uninstrumented consumers
# against the instrumented library, or ogi again: not here
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-sanitize --output-on-failure -E "install_consumer|pkgconfig_consumer|fetchcontent_consumer|python_pip_install"

echo "== 3/3 fuzz targets (text, parse, C API, HTML, DOCX, bbox XHTML), ${FUZZ_SECONDS} s each"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOGI_FUZZ=ON
targets="fuzz_parse fuzz_text fuzz_c_api fuzz_html fuzz_docx fuzz_xhtml"
cmake --build build-fuzz --target $targets
for target in $targets; do
  seeds="build-fuzz/seeds-$target"
  mkdir -p "$seeds"
  case $target in  # each target starts from inputs of its own kind, with tokens of its own
    fuzz_html) inputs="corpus/*/input.html tests/fuzz/seeds/html/*"; dict=tests/fuzz/html.dict ;;
    fuzz_docx) inputs="corpus/*/input.docx tests/fuzz/seeds/docx/*"; dict=tests/fuzz/docx.dict ;;
    fuzz_xhtml) inputs="corpus/*/input.xhtml tests/fuzz/regressions/*.xhtml"; dict=tests/fuzz/ogi.dict ;;
    *) inputs="corpus/*/input.txt tests/fuzz/regressions/*.txt"; dict=tests/fuzz/ogi.dict ;;
  esac
  for f in $inputs; do cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done
  "build-fuzz/tests/fuzz/$target" -max_total_time="$FUZZ_SECONDS" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -dict="$dict" -artifact_prefix="build-fuzz/$target-" -print_final_stats=1 "$seeds" 2>&1 | tail -n 3
done
echo "1 passed, 0 failed: run-all (release tests, sanitizer tests, fuzz targets)"
