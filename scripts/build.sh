#!/bin/sh
# Configures and builds voxwire. Usage: scripts/build.sh [release|asan]
#   release -> build/release (optimized, with debug info)
#   asan    -> build/asan    (clang; AddressSanitizer + UndefinedBehaviorSanitizer; libFuzzer targets)
set -eu
cd "$(dirname "$0")/.."
flavor="${1:-release}"
case "$flavor" in
  release) extra="-DCMAKE_BUILD_TYPE=RelWithDebInfo" ;;
  # clang, for its libFuzzer: the fuzz targets are built and run with this flavor.
  asan) extra="-DCMAKE_BUILD_TYPE=Debug -DVOXWIRE_SANITIZE=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++" ;;
  *) echo "usage: $0 [release|asan]" >&2; exit 2 ;;
esac
jobs="$(nproc 2>/dev/null || echo 2)"
# shellcheck disable=SC2086
cmake -S . -B "build/$flavor" $extra -DVOXWIRE_WERROR=ON >/dev/null
cmake --build "build/$flavor" -j "$jobs"
