#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite through
# `meson test`, in the normal build and in the sanitizer build
# (address,undefined).  Exits non-zero on any failure.
#   MGC_TEST_SANITIZE=0 scripts/test.sh    skip the sanitizer build
set -euo pipefail
cd "$(dirname "$0")/.."

# Go 1.19's `go tool compile -o /dev/null` replaces /dev/null with a regular
# file when run as root; repair it so no test is misled by that.
[ -c /dev/null ] || { rm -f /dev/null; mknod -m 666 /dev/null c 1 3; }

scripts/deps.sh

scripts/build.sh build
meson test -C build --print-errorlogs --num-processes 2

if [ "${MGC_TEST_SANITIZE:-1}" != 0 ]; then
    scripts/build.sh build-asan -Db_sanitize=address,undefined -Db_lundef=false
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --print-errorlogs --num-processes 2
fi
