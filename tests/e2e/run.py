#!/usr/bin/env python3
"""End-to-end tests: Go programs built by mgc against Go 1.19's behaviour.

Each X.go of this directory has beside it the output of the same program
built by Go 1.19 (written by regen.sh): X.out (stdout), X.err (stderr) and
X.exit (exit status).  The runner builds X.go with `mgc build -o TMP X.go`,
runs TMP and compares:

  * stdout and the exit status exactly;
  * stderr exactly, except for a run-time panic or fatal error, whose
    goroutine trace names addresses and paths: there X.err holds stderr up
    to the end of the panic's first block (what the program printed before,
    the `panic: ...` or `fatal error: ...` line, and for a fault the
    `[signal SIGSEGV ...]` line, with its addresses masked), which must equal
    the same part of mgc's stderr, and `goroutine 1 [running]:` must follow
    (for a panic: right after the blank line).

A build that fails, a program killed by a signal or one that runs past the
timeout fails, and so does a program whose two compilations to assembly
differ (the output must not depend on addresses).  Each failure is reported with its reason; the last line is
`N passed, N failed`.

Usage: run.py --mgc PATH [--only REGEX] [--timeout SECONDS] [--verbose]
       run.py --trim-stderr < STDERR     (regen.sh: prints the compared part)
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 30
GOROUTINE = 'goroutine 1 [running]:'
HEX = re.compile(r'0x[0-9a-f]+')
# Lines whose numbers are addresses: masked before comparing.
VOLATILE = ('[signal ', 'runtime: sp=')


def mask(line):
    """Masks the addresses of a volatile line."""
    if line.startswith(VOLATILE):
        return HEX.sub('0x?', line)
    return line


def split_panic(err):
    """Splits stderr at the end of its panic block: (head, rest), head being
    the lines up to and including the first `panic: ` or `fatal error: `
    line and the lines after it up to the first blank line, masked; rest the
    lines after that.  (None, None) if stderr holds no panic."""
    lines = err.split('\n')
    start = None
    for i, l in enumerate(lines):
        if l.startswith('panic: ') or l.startswith('fatal error: '):
            start = i
            break
    if start is None:
        return None, None
    end = start + 1
    while end < len(lines) and lines[end] != '':
        end += 1
    head = [mask(l) for l in lines[:end]]
    return '\n'.join(head) + '\n', lines[end + 1:]


def trim_stderr(err):
    """The part of stderr that is compared: all of it without a panic."""
    head, _ = split_panic(err)
    return err if head is None else head


def compare_stderr(want, got):
    """Returns why got (mgc's stderr) does not match want (X.err), or None."""
    head, rest = split_panic(got)
    want_head, _ = split_panic(want)
    if want_head is None:
        if got != want:
            return 'stderr differs:\n' + diff(want, got)
        return None
    if head is None:
        return 'expected a panic; stderr:\n' + got[:2000]
    if head != want:
        return 'panic differs:\n' + diff(want, head)
    fatal = any(l.startswith('fatal error: ') for l in want.split('\n'))
    if fatal:
        if GOROUTINE not in rest:
            return 'no "%s" after the fatal error' % GOROUTINE
    elif not rest or rest[0] != GOROUTINE:
        return 'the panic is not followed by "%s" (got %r)' % (
            GOROUTINE, rest[0] if rest else '')
    return None


def diff(want, got):
    """A unified diff of two texts."""
    import difflib
    return ''.join(difflib.unified_diff(
        want.splitlines(True), got.splitlines(True), 'expected', 'mgc'))


def read(path, default=''):
    """Returns the contents of path, or default if it does not exist."""
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            return f.read()
    except FileNotFoundError:
        return default


def run_one(mgc, name, tmp, timeout):
    """Builds and runs one program; returns None or why it failed."""
    base = name[:-3]
    exe = os.path.join(tmp, base)
    try:
        b = subprocess.run([mgc, 'build', '-o', exe, name], cwd=HERE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'mgc build: no answer after %d s' % timeout
    if b.returncode != 0:
        return 'mgc build exited %d:\n%s' % (
            b.returncode, b.stderr.decode('utf-8', 'replace')[:2000])
    try:
        p = subprocess.run([exe], cwd=tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'program: no answer after %d s' % timeout
    out = p.stdout.decode('utf-8', 'surrogateescape')
    err = p.stderr.decode('utf-8', 'surrogateescape')
    if p.returncode < 0:
        return 'program killed by signal %d; stderr:\n%s' % (
            -p.returncode, err[:2000])
    want_exit = int(read(os.path.join(HERE, base + '.exit'), '0').strip())
    why = []
    if p.returncode != want_exit:
        why.append('exit status %d, want %d' % (p.returncode, want_exit))
    want_out = read(os.path.join(HERE, base + '.out'))
    if out != want_out:
        why.append('stdout differs:\n' + diff(want_out, out))
    r = compare_stderr(read(os.path.join(HERE, base + '.err')), err)
    if r:
        why.append(r)
    return '\n'.join(why) or None


def reproducible(mgc, name, tmp):
    """Why two compilations of name to assembly differ, or None: the same
    program must give the same assembly (no order taken from addresses)."""
    texts = []
    for k in range(2):
        out = os.path.join(tmp, 'repro%d.s' % k)
        p = subprocess.run([mgc, 'compile', '-o', out, name], cwd=HERE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            return None  # a program mgc refuses to compile: run_one reports it
        with open(out, 'rb') as f:
            texts.append(f.read())
    if texts[0] != texts[1]:
        return 'two compilations gave different assembly'
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mgc')
    ap.add_argument('--only')
    ap.add_argument('--timeout', type=int, default=TIMEOUT)
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--trim-stderr', action='store_true')
    args = ap.parse_args()
    if args.trim_stderr:
        data = sys.stdin.buffer.read().decode('utf-8', 'surrogateescape')
        sys.stdout.buffer.write(trim_stderr(data).encode('utf-8', 'surrogateescape'))
        return 0
    if not args.mgc:
        ap.error('--mgc is required')
    mgc = os.path.abspath(args.mgc)
    names = sorted(n for n in os.listdir(HERE) if n.endswith('.go'))
    if args.only:
        names = [n for n in names if re.search(args.only, n)]
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='mgc-e2e-') as tmp:
        for name in names:
            why = run_one(mgc, name, tmp, args.timeout) or reproducible(mgc, name, tmp)
            if why:
                failed += 1
                print('FAIL %s: %s' % (name, why))
            else:
                passed += 1
                if args.verbose:
                    print('ok   %s' % name)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
