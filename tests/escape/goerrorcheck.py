#!/usr/bin/env python3
"""Go 1.19's own escape tests (test/escape*.go) through mgc, in errorcheck mode.

Of Go's 25 files test/escape*.go, 23 are errorcheck tests: their first
line is `// errorcheck FLAGS`, and comments `// ERROR "regexp" "regexp"...`
say which messages the compiler prints on their line.  Each is read in
place from Go's tree and compiled with `mgc compile FLAGS FILE`, where FLAGS
are the header's compiler flags (-m, -l, -N...; the test runner's own
flags -0, -1, -s, -t N are not passed: -0 only says that compilation must
succeed).  The output is then judged by the rules of Go's test/run.go
(errorCheck, wantedErrors, splitOutput, matchPrefix):

  - output lines that begin with a tab continue the previous message;
  - every quoted regexp of an ERROR comment is one annotation; LINE,
    LINE+n and LINE-n inside it stand for FILE:line;
  - annotations are taken in source order; each takes the messages still
    unclaimed whose position is its line (`FILE:LINE:` or `FILE:LINE[`),
    strips the text up to the first space (the position) and claims every
    message the regexp matches (unanchored search); the annotation is
    matched when it claims at least one message, missed otherwise;
  - a message no annotation claims is unexpected;
  - lines with `////` carry no annotations.

Lines without a position that mgc's driver prints about itself (`mgc: ...`,
e.g. the note that analysis-only programs get no assembly) are not
messages of the analysis and are ignored.  A file passes when it has no
missed annotation, no unexpected message, and mgc did not crash.

For each file, and in total over the import-free files (IMPORT_FREE below)
and over all files, the runner prints annotations matched, annotations
missed and unexpected messages; the percentages are matched/annotations
and unexpected/annotations.  The last line is `N passed, N failed`.

Exit status: without thresholds, 1 when any file fails.  With
--min-match P and/or --max-unexpected Q, 0 exactly when the import-free
files reach at least P% matched and stay below Q% unexpected.  77 (skipped)
when Go's test tree is absent.

--go PATH runs Go's own compiler instead (`go tool compile -p=p -C -e`, as
test/run.go does): every file must pass, which checks this runner.

Usage: goerrorcheck.py (--mgc PATH | --go PATH) [--testdir DIR] [-v]
                       [--min-match P] [--max-unexpected Q] [FILE.go ...]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TESTDIR = '/usr/share/go-1.19/test'
SKIP = 77
TIMEOUT = 120
# The files the thresholds are about: errorcheck tests run with -l that
# import nothing.
IMPORT_FREE = [
    'escape_array.go', 'escape_calls.go', 'escape_closure.go', 'escape_field.go',
    'escape_goto.go', 'escape_iface.go', 'escape_indir.go', 'escape_level.go',
    'escape_map.go', 'escape_param.go', 'escape_selfassign.go',
    'escape_struct_param1.go', 'escape_struct_param2.go', 'escape_struct_return.go',
]
# Flags of test/run.go itself, not of the compiler: -t takes an argument.
RUNNER_FLAGS = {'-0', '-1', '-s'}

ERR_RX = re.compile(r'// (?:GC_)?ERROR (.*)')
ERR_AUTO_RX = re.compile(r'// (?:GC_)?ERRORAUTO (.*)')
ERR_QUOTES_RX = re.compile(r'"([^"]*)"')
LINE_RX = re.compile(r'LINE(([+-])([0-9]+))?')


class Annotation:
    """One quoted regexp of an ERROR comment."""

    def __init__(self, line, rx_str, auto):
        self.line = line
        self.rx_str = rx_str
        self.auto = auto
        self.rx = compile_go_regexp(rx_str)
        self.matched = False


def compile_go_regexp(rx):
    """Compiles one of Go's RE2 regexps as Python's re reads it.  The
    escape tests use the common subset; \\pL-style classes and \\z are
    translated."""
    rx = rx.replace(r'\z', r'\Z')
    rx = re.sub(r'\\p([LN])', lambda m: {'L': '[^\\W\\d_]', 'N': '\\d'}[m.group(1)], rx)
    return re.compile(rx)


def header(src):
    """The errorcheck header's action and compiler flags, or (None, [])
    when the file is not an errorcheck test."""
    first = src.split('\n', 1)[0]
    if not first.startswith('//'):
        return None, []
    words = first[2:].split()
    if not words or words[0] != 'errorcheck':
        return None, []
    flags, args = [], words[1:]
    while args and args[0].startswith('-'):
        if args[0] == '-t' and len(args) > 1:
            args = args[2:]
            continue
        if args[0] not in RUNNER_FLAGS:
            flags.append(args[0])
        args = args[1:]
    return 'errorcheck', flags


def annotations(src, short):
    """The annotations of a file, in source order (test/run.go's
    wantedErrors)."""
    out = []
    for i, line in enumerate(src.split('\n')):
        num = i + 1
        if '////' in line:
            continue
        auto = False
        m = ERR_AUTO_RX.search(line)
        if m:
            auto = True
        else:
            m = ERR_RX.search(line)
        if not m:
            continue
        for q in ERR_QUOTES_RX.findall(m.group(1)):
            def line_ref(lm, num=num):
                n = num
                if lm.group(2) == '+':
                    n += int(lm.group(3))
                elif lm.group(2) == '-':
                    n -= int(lm.group(3))
                return '%s:%d' % (short, n)
            out.append(Annotation(num, LINE_RX.sub(line_ref, q), auto))
    return out


def split_output(text):
    """Messages of the compiler's output (test/run.go's splitOutput):
    tab-led lines continue the previous message.  mgc's un-positioned
    driver lines are dropped."""
    res = []
    for line in text.split('\n'):
        line = line.rstrip('\r')
        if line.startswith('\t') and res:
            res[-1] += '\n' + line
        elif line.startswith('go tool') or line.startswith('#') or line.startswith('<autogenerated>'):
            continue
        elif line.startswith('mgc: '):
            continue
        elif line.strip():
            res.append(line)
    return res


def match_prefix(msg, prefix):
    """Whether message msg is at position prefix ("FILE:LINE")."""
    i = msg.find(':')
    if i < 0:
        return False
    j = msg.rfind('/', 0, i)
    s = msg[j + 1:]
    if len(s) <= len(prefix) or not s.startswith(prefix):
        return False
    return s[len(prefix)] in '[:'


def error_check(messages, wants, short):
    """Judges messages against annotations as test/run.go's errorCheck
    does; marks each annotation matched or not and returns the unexpected
    messages."""
    out = list(messages)
    for w in wants:
        prefix = '%s:%d' % (short, w.line)
        if w.auto:
            mine = [m for m in out if m.startswith('<autogenerated>')]
            rest = [m for m in out if not m.startswith('<autogenerated>')]
        else:
            mine = [m for m in out if match_prefix(m, prefix)]
            rest = [m for m in out if not match_prefix(m, prefix)]
        out = rest
        for msg in mine:
            text = msg.split(' ', 1)[1] if ' ' in msg else msg
            if w.rx.search(text):
                w.matched = True
            else:
                out.append(msg)
    return out


class Result:
    """The verdict on one file."""

    def __init__(self, name):
        self.name = name
        self.wants = []
        self.unexpected = []
        self.refusals = []     # "... in code generation yet": not escape messages
        self.problem = None    # a crash, a timeout, a failed compilation

    @property
    def matched(self):
        return sum(1 for w in self.wants if w.matched)

    @property
    def missed(self):
        return sum(1 for w in self.wants if not w.matched)

    @property
    def passed(self):
        return self.problem is None and self.missed == 0 and not self.unexpected


CODEGEN_REFUSAL = 'in code generation yet'


def run_compiler(opt, path, flags):
    """Compiles path with the compiler under test; returns (output, status)."""
    work = tempfile.mkdtemp(prefix='mgc-errorcheck-')
    try:
        if opt.go:
            argv = [opt.go, 'tool', 'compile', '-p=p', '-C', '-e', '-o', os.path.join(work, 'a.o')]
        else:
            argv = [opt.mgc, 'compile', '-o', os.path.join(work, 'a.s')]
        argv += flags + [path]
        try:
            p = subprocess.run(argv, cwd=work, capture_output=True, text=True,
                               errors='replace', timeout=opt.timeout)
        except subprocess.TimeoutExpired:
            return '', None
        return p.stdout + p.stderr, p.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_file(opt, name):
    """Runs and judges one file of Go's test directory."""
    r = Result(name)
    path = os.path.join(opt.testdir, name)
    with open(path, encoding='utf-8', errors='replace') as f:
        src = f.read()
    _, flags = header(src)
    try:
        r.wants = annotations(src, name)
    except re.error as e:
        r.problem = 'cannot read an annotation: %s' % e
        return r
    output, status = run_compiler(opt, path, flags)
    if status is None:
        r.problem = 'timed out after %ds' % opt.timeout
    elif status < 0 or status >= 128 or (status >= 2 and not opt.go):
        r.problem = 'crashed (exit status %d)' % status
    elif opt.go and status != 0:
        r.problem = 'compilation failed (exit status %d)' % status
    # The back end's refusal of a construct it cannot compile yet is not an
    # escape decision: it is reported apart, not judged against annotations.
    msgs = split_output(output)
    r.refusals = [m for m in msgs if CODEGEN_REFUSAL in m]
    r.unexpected = error_check([m for m in msgs if CODEGEN_REFUSAL not in m], r.wants, name)
    return r


def errorcheck_files(testdir, only):
    """The errorcheck tests test/escape*.go, sorted (or those named)."""
    if only:
        return [os.path.basename(f) for f in only]
    names = []
    for f in sorted(os.listdir(testdir)):
        if f.startswith('escape') and f.endswith('.go'):
            with open(os.path.join(testdir, f), encoding='utf-8', errors='replace') as fh:
                if header(fh.read())[0] == 'errorcheck':
                    names.append(f)
    return names


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def summary(label, results):
    """Prints the totals over results; returns (matched%, unexpected%)."""
    wants = sum(len(r.wants) for r in results)
    matched = sum(r.matched for r in results)
    missed = sum(r.missed for r in results)
    unexpected = sum(len(r.unexpected) for r in results)
    refusals = sum(len(r.refusals) for r in results)
    m, u = pct(matched, wants), (100.0 * unexpected / wants if wants else 0.0)
    print('%s: %d files, %d annotations: %d matched (%.1f%%), %d missed, '
          '%d unexpected (%.1f%%); %d code-generation refusal lines' %
          (label, len(results), wants, matched, m, missed, unexpected, u, refusals))
    return m, u


def report(r, verbose):
    """Prints the verdict on one file, with its misses and unexpected
    messages (the first 20 of each unless verbose)."""
    print('%s %s: %d annotations, %d matched, %d missed, %d unexpected%s' % (
        'PASS' if r.passed else 'FAIL', r.name, len(r.wants), r.matched, r.missed,
        len(r.unexpected), '; ' + r.problem if r.problem else ''))
    limit = None if verbose else 20
    missed = [w for w in r.wants if not w.matched]
    for w in missed[:limit]:
        print('  missed     %s:%d: %s' % (r.name, w.line, w.rx_str))
    if limit is not None and len(missed) > limit:
        print('  ... %d more missed' % (len(missed) - limit))
    for m in r.unexpected[:limit]:
        print('  unexpected ' + m.replace('\n', '\n  '))
    for m in r.refusals:
        print('  refusal    ' + m)
    if limit is not None and len(r.unexpected) > limit:
        print('  ... %d more unexpected' % (len(r.unexpected) - limit))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    who = ap.add_mutually_exclusive_group(required=True)
    who.add_argument('--mgc', help='the mgc executable')
    who.add_argument('--go', help="Go's go command (checks the runner itself)")
    ap.add_argument('--testdir', default=TESTDIR, help="Go's test directory")
    ap.add_argument('--min-match', type=float, help='threshold: %% of annotations matched (import-free files)')
    ap.add_argument('--max-unexpected', type=float, help='threshold: unexpected messages, %% of annotations (import-free files)')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=int, default=TIMEOUT)
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('files', nargs='*', help='files of the test directory (default: all errorcheck escape tests)')
    opt = ap.parse_args()
    if not os.path.isdir(opt.testdir):
        print('skipped: no Go test tree at %s' % opt.testdir)
        return SKIP
    if opt.mgc:
        opt.mgc = os.path.abspath(opt.mgc)

    names = errorcheck_files(opt.testdir, opt.files)
    with ThreadPoolExecutor(max_workers=max(1, opt.jobs)) as pool:
        results = list(pool.map(lambda n: check_file(opt, n), names))
    for r in results:
        report(r, opt.verbose)

    print()
    free = [r for r in results if r.name in IMPORT_FREE]
    m, u = summary('import-free', free)
    summary('all', results)
    passed = sum(1 for r in results if r.passed)
    print('%d passed, %d failed' % (passed, len(results) - passed))

    if opt.min_match is not None or opt.max_unexpected is not None:
        ok = True
        if opt.min_match is not None and m < opt.min_match:
            print('below threshold: %.1f%% matched < %.1f%%' % (m, opt.min_match))
            ok = False
        if opt.max_unexpected is not None and u >= opt.max_unexpected:
            print('above threshold: %.1f%% unexpected >= %.1f%%' % (u, opt.max_unexpected))
            ok = False
        return 0 if ok else 1
    return 0 if passed == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())
