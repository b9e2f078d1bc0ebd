#!/bin/sh
# Installs everything voxwire needs to build, run and test, from Debian 12
# packages. Idempotent: does nothing when all packages are present.
set -eu

PACKAGES="
build-essential clang libclang-rt-14-dev cmake pkg-config git ca-certificates
libboost1.81-dev libboost-json1.81-dev libcli11-dev
libespeak-ng-dev espeak-ng-data flite1-dev libmecab-dev mecab-ipadic-utf8
python3-jieba unicode-data bzip2
libsoxr-dev librubberband-dev libmp3lame-dev libopus-dev libogg-dev libavcodec-dev libflac-dev libsndfile1-dev
libsqlite3-dev libssl-dev
prometheus-cpp-dev
libgtest-dev libgmock-dev
python3 python3-pytest python3-websockets python3-numpy python3-requests
python3-pocketsphinx pocketsphinx-en-us pocketsphinx-testdata alsa-utils
ffmpeg sox opus-tools
chromium
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# Node.js and npm for the browser test (any install of them will do).
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# playwright-core for the browser test, at the version package-lock.json pins.
if [ ! -d "$(dirname "$0")/../tests/browser/node_modules/playwright-core" ]; then
  echo "install-deps: npm ci (tests/browser)" >&2
  npm ci --prefix "$(dirname "$0")/../tests/browser" --no-audit --no-fund >/dev/null
fi
