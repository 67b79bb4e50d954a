#!/usr/bin/env python3
"""Go's own `// run` tests through mgc's type checker.

Default mode: every import-free `// run` test of Go 1.19's test suite
(test/, test/ken, test/fixedbugs, test/interface, test/chan), read in place,
is checked with `mgc compile -d types FILE` and classified:

  accepted             exit 0;
  refused-unsupported  exit 1 and every error line says `mgc does not support`;
  rejected-wrongly     exit 1 otherwise (a valid program got a type error);
  crashed              a signal, an exit status >= 2, or no answer in time.

The selection (see docs/testing.md) is the files whose first line is exactly
`// run`, whose build constraints hold on linux/amd64 with the gc toolchain
and no GOEXPERIMENT, and that have no import declaration: 381 files in Go
1.19.  --all-recipes applies test/run.go's own recipe rules instead (a
`+build` first line skipped, `//run` without a space, recipes with
arguments), which adds a few more.

--gofmt-rejected mode: every file of Go's test and src trees that gofmt
rejects (the oracle of tests/conformance/frontend.py, cached) must make
`mgc compile -d types` exit 1 with a FILE:line:col: error for that file, and
never crash.

Each failure is one line; the last line is `N passed, N failed` (passed =
accepted + refused, or rejected as required); exit status 1 on any failure,
77 (skipped) when Go 1.19's tree is absent.

Usage: run.py --mgc PATH [--only REGEX] [--jobs N] [--timeout S]
              [--all-recipes] [--list]
       run.py --mgc PATH --gofmt-rejected [--cache DIR]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

GOROOT = '/usr/share/go-1.19'
TESTROOT = os.path.join(GOROOT, 'test')
TEST_DIRS = ['.', 'ken', 'fixedbugs', 'interface', 'chan']
SKIP = 77
TIMEOUT = 60
UNSUPPORTED = 'mgc does not support '
# The closed list of things mgc may refuse (language.md); a refusal that
# names anything else is reported, though it is not counted as a failure.
DOCUMENTED_REFUSALS = re.compile(
    r'type parameter|generic|instantiat|complex|imaginary|real|imag|'
    r'import|cgo|linkname')

# An error line as gc and mgc print it; the column is optional because a
# //line directive may drop it.
ERROR_LINE = re.compile(r'^(?P<file>[^\s:][^:]*?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<msg>.*)$')

# Build tags that hold when Go's test/run.go runs on linux/amd64 with the gc
# toolchain (its context.match): GOOS, GOARCH, "gc", "cgo", "test_run" and
# the experiments Go 1.19 enables by default on amd64.
TRUE_TAGS = {'linux', 'amd64', 'gc', 'cgo', 'test_run',
             'goexperiment.regabiwrappers', 'goexperiment.regabiargs',
             'goexperiment.pacerredesign'}


def skip(msg):
    """Exits with meson's skip status after saying why."""
    print('SKIP: ' + msg)
    sys.exit(SKIP)


# ---- build constraints ---------------------------------------------------

def tokenize_go_build(expr):
    """Splits a //go:build expression into tokens."""
    return re.findall(r'\(|\)|!|&&|\|\||[^\s()!&|]+', expr)


def eval_go_build(expr, tags):
    """Evaluates a //go:build expression; raises ValueError if malformed.

    expr   = and { "||" and }
    and    = unary { "&&" unary }
    unary  = "!" unary | "(" expr ")" | tag
    """
    toks = tokenize_go_build(expr)
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else None

    def take():
        tok = peek()
        if tok is None:
            raise ValueError('unexpected end of constraint')
        pos[0] += 1
        return tok

    def or_expr():
        v = and_expr()
        while peek() == '||':
            take()
            v = and_expr() or v
        return v

    def and_expr():
        v = unary()
        while peek() == '&&':
            take()
            v = unary() and v
        return v

    def unary():
        tok = take()
        if tok == '!':
            return not unary()
        if tok == '(':
            v = or_expr()
            if take() != ')':
                raise ValueError('missing )')
            return v
        if not re.match(r'^[\w.]+$', tok):
            raise ValueError('bad tag ' + tok)
        return tok in tags

    v = or_expr()
    if peek() is not None:
        raise ValueError('junk after constraint')
    return v


def eval_plus_build(line, tags):
    """Evaluates one `// +build` line: space-separated options are ORed,
    comma-separated terms ANDed, `!` negates a term."""
    def term(t):
        return (t[1:] not in tags) if t.startswith('!') else (t in tags)
    return any(all(term(t) for t in opt.split(',')) for opt in line.split())


def constraints_hold(header, tags=TRUE_TAGS):
    """Returns (True, None) if every build constraint line of a file header
    holds, else (False, the first line that fails)."""
    for line in header.split('\n'):
        m = re.match(r'^//go:build\s+(.*)$', line)
        if m:
            try:
                ok = eval_go_build(m.group(1), tags)
            except ValueError:
                ok = False
            if not ok:
                return False, line
            continue
        m = re.match(r'^//\s*\+build\s+(.*)$', line)
        if m and not eval_plus_build(m.group(1), tags):
            return False, line
    return True, None


# ---- selection of the run tests ------------------------------------------

def recipe(src, all_recipes):
    """Returns (action, args) of a test file's recipe, or None.

    Strict (default): the first line must be exactly `// run` (or another
    action word alone).  With all_recipes, test/run.go's rule: the text
    before the first blank line, without a first line that mentions
    +build, without a leading `//`, split into words."""
    if not src or src[0] == '\n':
        return None
    if not all_recipes:
        first = src.split('\n', 1)[0]
        m = re.match(r'^// (\w+)$', first)
        return (m.group(1), []) if m else None
    action, sep, _ = src.partition('\n\n')
    if not sep:
        return None
    first, nl, rest = action.partition('\n')
    if nl and '+build' in first:
        action = rest
    if action.startswith('//'):
        action = action[2:]
    words = action.split()
    return (words[0], words[1:]) if words else None


def imports(src):
    """Returns the import paths of a Go file (top-level import declarations
    start at the beginning of a line)."""
    paths = []
    for m in re.finditer(r'^import\s*\(([^)]*)\)', src, re.M):
        paths += re.findall(r'"([^"]*)"', m.group(1))
    for m in re.finditer(r'^import\s+(?:[\w.]+\s+)?"([^"]*)"', src, re.M):
        paths.append(m.group(1))
    return paths


def select_run_tests(all_recipes=False):
    """Returns (selected, excluded): selected paths relative to test/, and
    {path: reason} for the import-free run tests left out."""
    selected, excluded = [], {}
    for d in TEST_DIRS:
        full = os.path.join(TESTROOT, d)
        for name in sorted(os.listdir(full)):
            path = os.path.normpath(os.path.join(d, name))
            if not name.endswith('.go') or not os.path.isfile(os.path.join(TESTROOT, path)):
                continue
            with open(os.path.join(TESTROOT, path), encoding='utf-8', errors='replace') as f:
                src = f.read()
            r = recipe(src, all_recipes)
            if not r or r[0] != 'run' or imports(src):
                continue
            header = src.partition('\npackage')[0]
            ok, why = constraints_hold(header)
            if not ok:
                excluded[path] = 'build constraint: ' + why
            else:
                selected.append(path)
    return selected, excluded


# ---- running mgc ---------------------------------------------------------

def run_mgc(mgc, path, cwd, timeout):
    """Runs `mgc compile -d types path`; returns (status, output) with
    stdout and stderr together; status None on timeout."""
    try:
        p = subprocess.run([mgc, 'compile', '-d', 'types', path], cwd=cwd,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ''
    return p.returncode, p.stdout.decode('utf-8', 'replace')


def error_lines(output):
    """Returns the FILE:line[:col]: lines of mgc's output, without the
    closing `too many errors`."""
    return [line for line in output.splitlines()
            if ERROR_LINE.match(line) and
            ERROR_LINE.match(line).group('msg') != 'too many errors']


def classify(status, output, timeout):
    """Returns (class, detail): class is 'accepted', 'refused', 'rejected'
    or 'crashed'; detail the first error, the refused features or the
    reason for a crash."""
    lines = output.splitlines()
    first = lines[0] if lines else ''
    if status is None:
        return 'crashed', 'hang: no answer after %d s' % timeout
    if status < 0:
        return 'crashed', 'killed by signal %d: %s' % (-status, first)
    if status >= 2:
        return 'crashed', 'exit status %d: %s' % (status, first)
    if status == 0:
        return 'accepted', ''
    errors = error_lines(output)
    if errors and all(UNSUPPORTED in e for e in errors):
        features = []
        for e in errors:
            feature = e.split(UNSUPPORTED, 1)[1].strip()
            if feature not in features:
                features.append(feature)
        return 'refused', features
    wrong = [e for e in errors if UNSUPPORTED not in e]
    return 'rejected', (wrong or lines or ['exit 1 without an error'])[0]


def run_all(mgc, files, cwd, jobs, timeout):
    """Runs mgc over files in parallel; returns {file: (status, output)}."""
    with ThreadPoolExecutor(jobs) as ex:
        results = ex.map(lambda f: run_mgc(mgc, f, cwd, timeout), files)
        return dict(zip(files, results))


def main_run_tests(args, mgc):
    """The default mode: classify every selected run test."""
    files, excluded = select_run_tests(args.all_recipes)
    if args.only:
        files = [f for f in files if re.search(args.only, f)]
    if args.list:
        for f in files:
            print(f)
        for f, why in sorted(excluded.items()):
            print('# excluded %s: %s' % (f, why))
        print('%d selected, %d excluded' % (len(files), len(excluded)))
        return 0
    results = run_all(mgc, files, TESTROOT, args.jobs, args.timeout)
    counts = {'accepted': 0, 'refused': 0, 'rejected': 0, 'crashed': 0}
    refusals, by_feature, failures = [], {}, []
    for f in files:
        kind, detail = classify(*results[f], args.timeout)
        counts[kind] += 1
        if kind == 'refused':
            refusals.append('REFUSED %s: %s' % (f, '; '.join(detail)))
            for feature in detail:
                by_feature[feature] = by_feature.get(feature, 0) + 1
        elif kind == 'rejected':
            failures.append('REJECTED %s: %s' % (f, detail))
        elif kind == 'crashed':
            failures.append('CRASHED %s: %s' % (f, detail))
    for line in refusals + failures:
        print(line)
    print('Go 1.19 import-free run tests: %d files (%s recipes), %d excluded by build constraints'
          % (len(files), 'all' if args.all_recipes else 'strict', len(excluded)))
    off_list = 0
    for feature, n in sorted(by_feature.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = '' if DOCUMENTED_REFUSALS.search(feature) else '  (not in the documented list)'
        off_list += n if mark else 0
        print('  refused: mgc does not support %s: %d files%s' % (feature, n, mark))
    if off_list:
        print('  WARNING: %d refusals name a feature outside the documented list' % off_list)
    print('  accepted %d, refused-unsupported %d, rejected-wrongly %d, crashed %d'
          % (counts['accepted'], counts['refused'], counts['rejected'], counts['crashed']))
    passed = counts['accepted'] + counts['refused']
    failed = counts['rejected'] + counts['crashed']
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


# ---- gofmt-rejected files ------------------------------------------------

def load_frontend():
    """Imports the front-end conformance runner, which computes and caches
    gofmt's and gc's verdicts."""
    sys.dont_write_bytecode = True  # keep the source tree clean
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, '..', 'conformance'))
    import frontend  # noqa: E402
    return frontend


def judge_rejected(f, status, output, timeout, has_line_directive):
    """Returns None if mgc rejected file f properly, else the reason."""
    kind, detail = classify(status, output, timeout)
    if kind == 'crashed':
        return 'crash: ' + detail
    if status != 1:
        return 'expected exit 1, got %d' % status
    matches = [ERROR_LINE.match(line) for line in output.splitlines()]
    if any(m and m.group('file') == f and m.group('col') for m in matches):
        return None
    # A //line directive may rename the file and drop the column.
    if any(matches) and has_line_directive(f):
        return None
    return 'expected a %s:line:col: error, got: %s' % (
        f, (output.splitlines() or ['nothing'])[0])


def main_gofmt_rejected(args, mgc):
    """The --gofmt-rejected mode."""
    frontend = load_frontend()
    version = frontend.go_version()
    oracle, cached = frontend.load_oracle(frontend.list_files(), args.cache,
                                          args.jobs, version)
    files = sorted(f for f, err in oracle['gofmt'].items() if err is not None)
    if args.only:
        files = [f for f in files if re.search(args.only, f)]
    results = run_all(mgc, files, GOROOT, args.jobs, args.timeout)
    failures = []
    for f in files:
        why = judge_rejected(f, *results[f], args.timeout, frontend.has_line_directive)
        if why:
            failures.append('FAIL %s: %s' % (f, why))
    for line in failures:
        print(line)
    print('gofmt-rejected files of Go %s: %d (verdicts %s)'
          % (version.split()[2], len(files), 'from cache' if cached else 'computed'))
    print('%d passed, %d failed' % (len(files) - len(failures), len(failures)))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mgc', required=True, help='the mgc executable')
    ap.add_argument('--only', help='check only files whose path matches this regexp')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=int, default=TIMEOUT,
                    help='seconds an mgc process may run')
    ap.add_argument('--all-recipes', action='store_true',
                    help="select run tests by test/run.go's recipe rules")
    ap.add_argument('--list', action='store_true',
                    help='print the selected files and the excluded ones, and exit')
    ap.add_argument('--gofmt-rejected', action='store_true',
                    help='check the files gofmt rejects instead of the run tests')
    ap.add_argument('--cache', default=tempfile.gettempdir(),
                    help='directory for the cached Go verdicts (--gofmt-rejected)')
    args = ap.parse_args()

    if not os.path.isdir(TESTROOT):
        skip(TESTROOT + ' not found (install golang-1.19-src)')
    mgc = os.path.abspath(args.mgc)
    if not os.access(mgc, os.X_OK) and not args.list:
        print('FAIL %s: not an executable' % mgc)
        print('0 passed, 1 failed')
        return 1
    if args.gofmt_rejected:
        return main_gofmt_rejected(args, mgc)
    return main_run_tests(args, mgc)


if __name__ == '__main__':
    sys.exit(main())
