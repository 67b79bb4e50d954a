#!/usr/bin/env bash
# Configures (once) and builds mgc in DIR (default build/), with extra meson
# options after the directory: scripts/build.sh build-asan -Db_sanitize=address,undefined
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
fi
ninja -C "$dir"
