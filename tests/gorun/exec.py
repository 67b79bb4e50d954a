#!/usr/bin/env python3
"""Go's own `// run` tests built by mgc and run.

Every import-free `// run` test of Go 1.19's test suite (the selection of
run.py, see docs/testing.md) is built with `mgc build -o TMP FILE` and TMP
is run in a fresh directory.  As Go's test/run.go does for `run` tests, the
program must exit 0 and its combined stdout and stderr must equal FILE's
`.out` file beside it, or be empty when there is none.  Each file is
classified:

  pass           built, exit 0, the expected output;
  refused        mgc exit 1 and every error line says `mgc does not support`,
                 or the driver's refusal of goroutines and channels;
  compile-crash  mgc killed, exit >= 2 (internal compiler error), a type
                 error in a valid program, or no answer in time;
  link-fail      mgc reports that linking failed;
  run-fail       wrong output, a non-zero exit status, a signal, or no
                 answer in time.

Everything but a pass is a failure.  The baseline exec_expected_fail.txt
lists the files known to fail, one per line with the reason
(`FILE  # why`); the runner exits 1 if a file fails that is not listed, or
if a listed file passes (remove it: the list only shrinks).  Without
--baseline every failure counts.  The last line is `N passed, N failed`.

Usage: exec.py --mgc PATH [--baseline FILE] [--only REGEX] [--jobs N]
               [--build-timeout S] [--run-timeout S] [--verbose]
"""

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
BUILD_TIMEOUT = 60
RUN_TIMEOUT = 30
CLASSES = ['pass', 'refused', 'compile-crash', 'link-fail', 'run-fail']
# The driver's refusal of a program with goroutines or channels, which it
# analyses but does not generate code for.
GOROUTINE_REFUSAL = 'mgc: goroutines are not supported by code generation'


def load_selection():
    """Imports run.py, whose selection of the run tests this runner shares."""
    spec = importlib.util.spec_from_file_location('gorun_run', os.path.join(HERE, 'run.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gorun = load_selection()


def first_line(text):
    """The first non-empty line of text, shortened."""
    for line in text.splitlines():
        if line.strip():
            return line[:200]
    return ''


def classify_build(status, output, timeout):
    """Judges `mgc build`; returns None if it succeeded, else (class,
    detail).  status is None when mgc gave no answer in time."""
    if status is None:
        return 'compile-crash', 'mgc build: no answer after %d s' % timeout
    if status == 0:
        return None
    if 'linking failed' in output:
        return 'link-fail', first_line(output[output.index('linking failed'):])
    if status < 0:
        return 'compile-crash', 'mgc killed by signal %d: %s' % (-status, first_line(output))
    if status >= 2:
        return 'compile-crash', 'mgc exit status %d: %s' % (status, first_line(output))
    if status == 1 and output.startswith(GOROUTINE_REFUSAL):
        return 'refused', 'goroutines'
    errors = gorun.error_lines(output)
    if errors and all(gorun.UNSUPPORTED in e for e in errors):
        what = []
        for e in errors:
            feature = e.split(gorun.UNSUPPORTED, 1)[1].strip()
            if feature not in what:
                what.append(feature)
        return 'refused', '; '.join(what)
    wrong = [e for e in errors if gorun.UNSUPPORTED not in e]
    return 'compile-crash', 'rejected: ' + (wrong[0] if wrong else first_line(output)
                                           or 'exit 1 without an error')


def classify_run(status, output, want, timeout):
    """Judges a run of the built program against want (the expected
    combined output); returns ('pass', '') or ('run-fail', detail)."""
    if status is None:
        return 'run-fail', 'no answer after %d s' % timeout
    if status < 0:
        return 'run-fail', 'killed by signal %d: %s' % (-status, first_line(output))
    if status != 0:
        return 'run-fail', 'exit status %d: %s' % (status, first_line(output))
    if output != want:
        return 'run-fail', 'output differs: ' + first_difference(want, output)
    return 'pass', ''


def first_difference(want, got):
    """Describes the first line where got differs from want."""
    w, g = want.split('\n'), got.split('\n')
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else '<end>'
        b = g[i] if i < len(g) else '<end>'
        if a != b:
            return 'line %d: want %r, got %r' % (i + 1, a[:80], b[:80])
    return 'differs'


def expected_output(path):
    """The contents of the .out file beside a test, or '' if none."""
    out = os.path.splitext(path)[0] + '.out'
    try:
        with open(out, 'rb') as f:
            return f.read().decode('utf-8', 'surrogateescape')
    except FileNotFoundError:
        return ''


def run_process(argv, cwd, timeout):
    """Runs argv with stdout and stderr combined; returns (status, output),
    status None on timeout."""
    try:
        p = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ''
    return p.returncode, p.stdout.decode('utf-8', 'surrogateescape')


def run_one(mgc, rel, tmp_root, build_timeout, run_timeout):
    """Builds and runs one test (a path relative to Go's test/); returns
    (class, detail)."""
    path = os.path.join(gorun.TESTROOT, rel)
    work = tempfile.mkdtemp(dir=tmp_root)
    try:
        exe = os.path.join(work, 'prog')
        status, output = run_process([mgc, 'build', '-o', exe, path],
                                     work, build_timeout)
        verdict = classify_build(status, output, build_timeout)
        if verdict:
            return verdict
        status, output = run_process([exe], work, run_timeout)
        return classify_run(status, output, expected_output(path), run_timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_baseline(path):
    """Reads the baseline: {file: reason}; blank lines and lines starting
    with # are skipped."""
    listed = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, _, why = line.partition('#')
            listed[name.strip()] = why.strip()
    return listed


def judge(results, listed):
    """Compares results {file: (class, detail)} with the baseline listed
    ({file: reason}, or None for no baseline); returns the lines reporting
    what is wrong: unlisted failures and listed files that pass."""
    problems = []
    for f, (kind, detail) in sorted(results.items()):
        if kind != 'pass' and (listed is None or f not in listed):
            problems.append('NEW FAILURE %s: %s: %s' % (f, kind, detail))
        elif kind == 'pass' and listed is not None and f in listed:
            problems.append('NOW PASSES %s: remove it from the baseline' % f)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mgc', required=True, help='the mgc executable')
    ap.add_argument('--baseline', help='the list of files known to fail')
    ap.add_argument('--only', help='run only files whose path matches this regexp')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--build-timeout', type=int, default=BUILD_TIMEOUT)
    ap.add_argument('--run-timeout', type=int, default=RUN_TIMEOUT)
    ap.add_argument('--verbose', action='store_true', help='print passes too')
    args = ap.parse_args()

    if not os.path.isdir(gorun.TESTROOT):
        gorun.skip(gorun.TESTROOT + ' not found (install golang-1.19-src)')
    mgc = os.path.abspath(args.mgc)
    if not os.access(mgc, os.X_OK):
        print('FAIL %s: not an executable' % mgc)
        print('0 passed, 1 failed')
        return 1
    files, _ = gorun.select_run_tests()
    if args.only:
        files = [f for f in files if re.search(args.only, f)]
    listed = read_baseline(args.baseline) if args.baseline else None

    with tempfile.TemporaryDirectory(prefix='mgc-gorun-') as tmp:
        with ThreadPoolExecutor(args.jobs) as ex:
            verdicts = ex.map(lambda f: run_one(mgc, f, tmp, args.build_timeout,
                                                args.run_timeout), files)
            results = dict(zip(files, verdicts))

    counts = {k: 0 for k in CLASSES}
    for f in files:
        kind, detail = results[f]
        counts[kind] += 1
        if kind != 'pass':
            known = ' (listed)' if listed and f in listed else ''
            print('%s %s%s: %s' % (kind.upper(), f, known, detail))
        elif args.verbose:
            print('PASS %s' % f)
    print('Go 1.19 import-free run tests built and run: %d files' % len(files))
    print('  ' + ', '.join('%s %d' % (k, counts[k]) for k in CLASSES))
    problems = []
    if listed is not None:
        # With --only, only the selected part of the baseline is judged.
        problems = judge(results, {f: w for f, w in listed.items() if f in results})
        stale = sorted(f for f in listed if f not in files and not args.only)
        problems += ['BASELINE %s: not a selected test' % f for f in stale]
        for line in problems:
            print(line)
        print('  baseline: %d files listed, %d problems' % (len(listed), len(problems)))
    passed = counts['pass']
    print('%d passed, %d failed' % (passed, len(files) - passed))
    if listed is None:
        return 1 if passed != len(files) else 0
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
