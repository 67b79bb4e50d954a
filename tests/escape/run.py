#!/usr/bin/env python3
"""Escape-analysis goldens: mgc's -m output against Go 1.19's.

Every program X.go of this directory has beside it the output of Go 1.19's
`go tool compile -m -l X.go` (X.m1) and `go tool compile -m=2 -l X.go`
(X.m2), made by regen.sh.  This runner compiles each program with
`mgc compile -m -l` and `mgc compile -m=2 -l`, in a temporary directory so
that positions read `X.go:L:C` as in the goldens, and compares standard
output with the golden line by line, exactly and in order.  A mismatch is
shown as a unified diff (golden first).

Programs that use channels, `go` or `select` are analysis-only
(language.md): after gc's lines mgc prints one more line without a
position, GOROUTINE_LINE below, and exits 1.  The runner expects that line
at the end of standard output (or on standard error) and the exit status 1.
For the other programs the exit status is not judged, since the phases
after escape analysis may refuse the program, but a crash is (a signal, or
exit status 3: internal compiler error).

One comparison is one program at one -m level; the last line is
`N passed, N failed`.  Exit status 1 on any failure.

Usage: run.py --mgc PATH [--level 1|2] [--timeout S] [X.go ...]
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOROUTINE_LINE = 'mgc: goroutines are not supported by code generation; no assembly written'
# Analysis-only constructs: a channel type, a go statement, a select.
GOROUTINE_RE = re.compile(r'\bchan\b|^\s*go\s|\bselect\s*\{', re.M)
TIMEOUT = 60


def uses_goroutines(src):
    """Whether the program is analysis-only (channels, go, select)."""
    return GOROUTINE_RE.search(src) is not None


def expected_lines(golden, goroutines):
    """The lines mgc must print: gc's, then the goroutine line if any."""
    lines = golden.splitlines()
    if goroutines:
        lines.append(GOROUTINE_LINE)
    return lines


CODEGEN_REFUSAL = 'in code generation yet'


def judge(expect, stdout, stderr, status, goroutines):
    """Compares one run with its expectation; returns a list of problems
    (empty when the run passes)."""
    problems = []
    # A construct the back end cannot compile yet is refused in one line
    # (x.go:L:C: mgc does not support maps in code generation yet); that
    # line is not an escape decision and is not compared.
    got = [l for l in stdout.splitlines() if CODEGEN_REFUSAL not in l]
    if goroutines and GOROUTINE_LINE not in got and GOROUTINE_LINE in stderr.splitlines():
        got.append(GOROUTINE_LINE)
    if status < 0 or status == 3 or status >= 128:
        problems.append('crashed (exit status %d)' % status)
    elif goroutines and status != 1:
        problems.append('exit status %d, want 1 (analysis-only program)' % status)
    if got != expect:
        problems.append('output differs')
    return problems, got


def run_one(mgc, name, level, timeout):
    """Runs mgc on tests/escape/NAME.go at -m level LEVEL in a fresh
    directory; returns (stdout, stderr, status)."""
    work = tempfile.mkdtemp(prefix='mgc-escape-')
    try:
        shutil.copy(os.path.join(HERE, name + '.go'), work)
        flag = '-m' if level == 1 else '-m=%d' % level
        argv = [mgc, 'compile', flag, '-l', '-o', name + '.s', name + '.go']
        try:
            p = subprocess.run(argv, cwd=work, capture_output=True, text=True,
                               errors='replace', timeout=timeout)
        except subprocess.TimeoutExpired:
            return '', 'timed out after %ds' % timeout, -1
        return p.stdout, p.stderr, p.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


KNOWN_FILE = 'known_failures.txt'


def known_failures():
    """Cases that are known to differ from gc, each with its reason
    ({label: reason}).  Listed cases are reported as XFAIL; a listed case
    that passes fails the run, so the list only shrinks."""
    known = {}
    path = os.path.join(HERE, KNOWN_FILE)
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    label, _, reason = line.partition('  ')
                    known[label.strip()] = reason.strip()
    return known


def programs(args):
    """The program names to run: those given, or every X.go with goldens."""
    if args:
        return [os.path.basename(a)[:-3] if a.endswith('.go') else a for a in args]
    names = []
    for f in sorted(os.listdir(HERE)):
        if f.endswith('.go') and os.path.exists(os.path.join(HERE, f[:-3] + '.m1')):
            names.append(f[:-3])
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mgc', required=True, help='the mgc executable')
    ap.add_argument('--level', type=int, choices=(1, 2), action='append',
                    help='-m level to check (default: both)')
    ap.add_argument('--timeout', type=int, default=TIMEOUT)
    ap.add_argument('files', nargs='*', help='programs (default: all)')
    opt = ap.parse_args()
    mgc = os.path.abspath(opt.mgc)
    levels = opt.level or [1, 2]

    known = known_failures()
    passed = failed = xfailed = 0
    fixed = []
    for name in programs(opt.files):
        with open(os.path.join(HERE, name + '.go'), encoding='utf-8') as f:
            goroutines = uses_goroutines(f.read())
        for level in levels:
            golden_path = os.path.join(HERE, '%s.m%d' % (name, level))
            with open(golden_path, encoding='utf-8') as f:
                expect = expected_lines(f.read(), goroutines)
            stdout, stderr, status = run_one(mgc, name, level, opt.timeout)
            problems, got = judge(expect, stdout, stderr, status, goroutines)
            label = '%s.go -m%s' % (name, '' if level == 1 else '=%d' % level)
            if not problems:
                passed += 1
                if label in known:
                    fixed.append(label)
                continue
            crashed = any(p.startswith('crashed') for p in problems)
            if label in known and not crashed:
                xfailed += 1
                print('XFAIL %s: %s (known: %s)' % (label, '; '.join(problems), known[label]))
            else:
                failed += 1
                print('FAIL %s: %s' % (label, '; '.join(problems)))
            if got != expect:
                diff = difflib.unified_diff(expect, got, fromfile='%s.m%d (go 1.19)' % (name, level),
                                            tofile='mgc compile %s' % label.split(' ', 1)[1],
                                            lineterm='')
                for line in diff:
                    print(line)
            if stderr.strip() and (status < 0 or status == 3 or status >= 128):
                print('  stderr: ' + stderr.strip().splitlines()[-1])
            sys.stdout.flush()
    for label in fixed:
        failed += 1
        print('FAIL %s: passes now: remove it from %s' % (label, KNOWN_FILE))
    print('%d known failures (%s)' % (xfailed, KNOWN_FILE))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
