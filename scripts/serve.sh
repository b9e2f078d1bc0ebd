#!/bin/sh
# Installs what voxwire needs (Debian 12 packages), builds it and starts the
# server on its embedded defaults. Extra arguments go to `voxwire serve`.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
exec build/release/voxwire serve "$@"
