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
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing:$missing" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
