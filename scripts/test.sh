#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite through
# `meson test`, in the normal build and in the sanitizer build
# (address,undefined).  Ends with one line "N passed, N failed" over both
# builds, and exits non-zero on any failure.
#   MGC_TEST_SANITIZE=0 scripts/test.sh    skip the sanitizer build
set -euo pipefail
cd "$(dirname "$0")/.."

# Go 1.19's `go tool compile -o /dev/null` replaces /dev/null with a regular
# file when run as root; repair it so no test is misled by that.
[ -c /dev/null ] || { rm -f /dev/null; mknod -m 666 /dev/null c 1 3; }

scripts/deps.sh

status=0
builds=(build)
scripts/build.sh build
meson test -C build --print-errorlogs --num-processes 2 || status=1

if [ "${MGC_TEST_SANITIZE:-1}" != 0 ]; then
    builds+=(build-asan)
    scripts/build.sh build-asan -Db_sanitize=address,undefined -Db_lundef=false
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --print-errorlogs --num-processes 2 || status=1
fi

# One summary line over every build's meson test log.
python3 - "${builds[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for b in sys.argv[1:]:
    with open(b + '/meson-logs/testlog.json') as f:
        for line in f:
            r = json.loads(line).get('result')
            if r in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif r == 'SKIP':
                skipped += 1
            else:
                failed += 1
print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
PY
exit $status
