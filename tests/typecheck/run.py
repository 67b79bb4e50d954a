#!/usr/bin/env python3
"""Type-checker goldens: small Go programs against Go 1.19's own errors.

Each X.go of this directory has beside it X.out, the output of
`go tool compile X.go` under Go 1.19 (written by regen.sh).  The runner runs
`mgc compile -d types X.go` from this directory and judges:

  * X.out is not empty (an invalid program): mgc must exit 1 and its stdout
    must equal X.out line for line (messages, positions and the order of the
    errors, "too many errors" included);
  * X.out is empty (a valid program, named ok_*.go): mgc must exit 0 and
    print no error.  The declarations that -d types dumps on stdout are not
    compared: gc prints nothing for a valid program.

  * X.mgc exists: mgc refuses the program (it is valid Go, or gc's errors
    follow from a construct mgc does not support): mgc must exit 1 and its
    stdout must equal X.mgc, whose every line is a refusal
    (`X.go:L:C: mgc does not support ...`).  X.mgc is written by hand; X.out
    is still gc's verdict, so a refused valid program is named ok_*.go.

Any exit status >= 2, death by a signal or a run past the timeout is a crash.
Each failure is reported with a diff; the last line is `N passed, N failed`.

Usage: run.py --mgc PATH [--only REGEX] [--timeout SECONDS] [--verbose]
"""

import argparse
import difflib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 30


def error_line(name):
    """Returns a regexp matching an error of file `name` as mgc prints it."""
    return re.compile(r'^' + re.escape(name) + r':\d+:\d+: ')


def run_mgc(mgc, name, timeout):
    """Runs mgc on one file of HERE: (status, stdout, stderr); status None
    on timeout."""
    try:
        p = subprocess.run([mgc, 'compile', '-d', 'types', name], cwd=HERE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, '', ''
    return (p.returncode, p.stdout.decode('utf-8', 'replace'),
            p.stderr.decode('utf-8', 'replace'))


def crash_reason(status, err, timeout):
    """Returns why a run counts as a crash, or None."""
    first = (err.splitlines() or [''])[0]
    if status is None:
        return 'hang: no answer after %d s' % timeout
    if status < 0:
        return 'crash: killed by signal %d: %s' % (-status, first)
    if status >= 2:
        return 'crash: exit status %d: %s' % (status, first)
    return None


REFUSAL = re.compile(r'^[^:]+:\d+:\d+: (mgc does not support |too many errors$)')


def judge_refusal(name, want, got, status):
    """Judges a program mgc must refuse: want is X.mgc's lines."""
    bad = [line for line in want if not REFUSAL.match(line)]
    if not want or bad:
        return ['%s must list refusals only: %s' % (name[:-3] + '.mgc', (bad or ['it is empty'])[0])]
    why = []
    if status != 1:
        why.append('expected exit 1, got %d' % status)
    if got != want:
        why.append('stdout differs from %s:' % (name[:-3] + '.mgc'))
        why += ['  ' + line for line in
                difflib.unified_diff(want, got, 'want', 'mgc', lineterm='', n=1)]
    return why or None


def judge(name, want, status, out, err, timeout, refusal=None):
    """Returns None if mgc's result meets the expectation, else a list of
    lines saying why (a diff for wrong messages).  refusal: the lines of
    X.mgc, if the program is one mgc refuses."""
    crash = crash_reason(status, err, timeout)
    if crash:
        return [crash]
    got = out.splitlines()
    if refusal is not None:
        return judge_refusal(name, refusal, [line for line in got if error_line(name).match(line)], status)
    if not want:
        errors = [line for line in got if error_line(name).match(line)]
        if status != 0:
            first = (errors or got or err.splitlines() or ['no output'])[0]
            return ['valid program rejected (exit %d): %s' % (status, first)]
        if errors:
            return ['exit 0 but errors printed: %s' % errors[0]]
        return None
    why = []
    if status != 1:
        why.append('expected exit 1, got %d' % status)
    if got != want:
        why.append('stdout differs from %s:' % (name[:-3] + '.out'))
        why += ['  ' + line for line in
                difflib.unified_diff(want, got, 'gc', 'mgc', lineterm='', n=1)]
        if err:
            why.append('  stderr: ' + err.splitlines()[0])
    return why or None


def cases(only):
    """Returns the sorted names of the .go files to check."""
    names = sorted(n for n in os.listdir(HERE) if n.endswith('.go'))
    if only:
        names = [n for n in names if re.search(only, n)]
    return names


def read_expected(name, ext='.out'):
    """Returns the lines of X.out (or X + ext) for X.go, or None if it is
    missing."""
    try:
        with open(os.path.join(HERE, name[:-3] + ext), encoding='utf-8') as f:
            return f.read().splitlines()
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mgc', required=True, help='the mgc executable')
    ap.add_argument('--only', help='check only files whose name matches this regexp')
    ap.add_argument('--timeout', type=int, default=TIMEOUT,
                    help='seconds an mgc process may run')
    ap.add_argument('--verbose', action='store_true', help='print passing files too')
    args = ap.parse_args()

    mgc = os.path.abspath(args.mgc)
    if not os.access(mgc, os.X_OK):
        print('FAIL %s: not an executable' % mgc)
        print('0 passed, 1 failed')
        return 1

    passed = failed = 0
    valid = invalid = 0
    for name in cases(args.only):
        want = read_expected(name)
        if want is None:
            why = ['no expected output %s (run regen.sh)' % (name[:-3] + '.out')]
        else:
            if want:
                invalid += 1
            else:
                valid += 1
            why = judge(name, want, *run_mgc(mgc, name, args.timeout), args.timeout,
                        refusal=read_expected(name, '.mgc'))
        if why:
            failed += 1
            print('FAIL %s: %s' % (name, why[0]))
            for line in why[1:]:
                print(line)
        else:
            passed += 1
            if args.verbose:
                print('ok   %s' % name)
    print('%d invalid programs, %d valid programs' % (invalid, valid))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
