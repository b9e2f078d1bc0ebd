#!/bin/sh
# Installs what voxwire needs (Debian 12 packages), builds it twice (release,
# and ASan+UBSan) and runs every test suite: GoogleTest unit and integration
# tests through CTest on both builds, then the end-to-end pytest suite
# (Debian's /usr/bin/python3) and the playground's browser test (node, chromium)
# against the release binary.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
scripts/build.sh asan
jobs="$(nproc 2>/dev/null || echo 2)"

echo "== ctest (release)"
(cd build/release && ctest --output-on-failure -j "$jobs" --timeout 600)

echo "== ctest (ASan + UBSan)"
# Everything again under the sanitizers, and the fuzz targets, except two
# measurements of the engines' output (all 49 system voices, ~200 renderings;
# the nominal prosody of every language): minutes under ASan, seconds in the
# release run above, which keeps them; their code paths are the ones every
# other synthesis test runs.
(cd build/asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs" --timeout 900 \
  -E '^(SystemVoicesMeasured[.]|VoiceCloning[.]NominalProsodyConstantsMatchTheEngines$)')

echo "== pytest (end to end)"
VOXWIRE_BINARY="$PWD/build/release/voxwire" /usr/bin/python3 -m pytest -q tests/e2e

echo "== browser (Playwright + chromium, the playground)"
VOXWIRE_BINARY="$PWD/build/release/voxwire" node --test tests/browser/playground.test.mjs
