#!/usr/bin/env python3
"""Front-end conformance: mgc's parser against Go 1.19's own files.

Every .go file of Go's test suite (test/, test/ken, test/fixedbugs,
test/interface, test/chan) and of Go's source tree (src/, testdata included)
is parsed with `mgc compile -d ast`.  The expected verdict comes from the
installed Go 1.19, computed at run time and cached:

  * gofmt (go/parser) accepts the file        -> mgc exits 0, stderr empty;
  * gofmt rejects it and gc reports an error
    of its syntax package                     -> mgc exits 1 and prints at
                                                 least one file:line:col: error
                                                 for that file;
  * gofmt rejects it but gc's parser accepts
    it (the type checker rejects it)          -> mgc must not crash (0 or 1).

The two Go parsers disagree on a few files; those are listed, with a reason
each, in gofmt_gc_disagree.txt and take gc's verdict.  The runner checks that
the list is still exact.  Exit status 77 (skip) when Go 1.19 is missing.

Usage: frontend.py --mgc PATH [--cache DIR] [--jobs N] [--batch N] [--timeout S]
                   [--only REGEX] [--print-disagreements]
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

GOROOT = '/usr/share/go-1.19'
GO = '/usr/lib/go-1.19/bin/go'
GOFMT = '/usr/lib/go-1.19/bin/gofmt'
TEST_DIRS = ['test', 'test/ken', 'test/fixedbugs', 'test/interface', 'test/chan']
LIST_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'gofmt_gc_disagree.txt')
SKIP = 77
# Bump when the oracle's computation or cache layout changes.
ORACLE_FORMAT = 4
GOFMT_BATCH = 200
MGC_TIMEOUT = 60
ORACLE_TIMEOUT = 120
MAX_DISAGREE_PERCENT = 0.5

# An error line as gc, gofmt and mgc print it; the column is optional
# because gc omits it after a //line directive without one.
ERROR_LINE = re.compile(r'^(?P<file>[^\s:][^:]*?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<msg>.*)$')

# Messages of gc's syntax package (scanner, source reader, parser and the
# branch checker it runs while parsing), as opposed to the type checker's.
GC_SYNTAX_MESSAGES = re.compile('^(' + '|'.join([
    r'syntax error: ',
    # source.go
    r'invalid NUL character', r'invalid UTF-8 encoding',
    r'invalid BOM in the middle of the file',
    # scanner.go
    r'invalid character ', r'identifier cannot begin with digit',
    r'invalid radix point in ', r'\w+ literal has no digits',
    r"'.' exponent requires ", r'exponent has no digits',
    r"hexadecimal mantissa requires a 'p' exponent", r'invalid digit ',
    r"'_' must separate successive digits",
    r"empty rune literal or unescaped '", r'more than one character in rune literal',
    r'newline in rune literal', r'rune literal not terminated',
    r'newline in string', r'string not terminated', r'comment not terminated',
    r'unknown escape', r'octal escape value ', r'escape is invalid Unicode code point',
    # parser.go (errors without the "syntax error: " prefix)
    r'invalid line number: ', r'invalid column number: ',
    r'method has no receiver', r'method has multiple receivers',
    r'expression in \w+ must ', r'middle index required in 3-index slice',
    r'final index required in 3-index slice', r'empty type parameter list',
    r'empty type argument list', r'interface method must have no type parameters',
    # branches.go
    r'label \S+ defined and not used', r'label \S+ already defined',
    r'label \S+ not defined', r'goto \S+ jumps ',
    r'break is not in a loop', r'continue is not in a loop',
    r'invalid break label ', r'invalid continue label ',
    r'break label not defined', r'continue label not defined',
    r'fallthrough statement out of place', r'cannot fallthrough ',
    # noder: a //go: directive that the declaration after it does not take
    r'misplaced compiler directive',
]) + ')')


def skip(msg):
    """Exits with meson's skip status after saying why."""
    print('SKIP: ' + msg)
    sys.exit(SKIP)


def go_version():
    """Returns `go version` of the installed Go 1.19, or skips the test."""
    for path in (GO, GOFMT):
        if not os.access(path, os.X_OK):
            skip(path + ' not found (install golang-1.19-go)')
    for d in ('src', 'test'):
        if not os.path.isdir(os.path.join(GOROOT, d)):
            skip(os.path.join(GOROOT, d) + ' not found (install golang-1.19-src)')
    out = subprocess.run([GO, 'version'], capture_output=True, text=True).stdout.strip()
    if 'go1.19' not in out:
        skip('Go 1.19 is not installed at ' + GO + ' (' + out + ')')
    return out


def list_files():
    """Returns the corpus as sorted paths relative to GOROOT."""
    files = []
    for d in TEST_DIRS:
        full = os.path.join(GOROOT, d)
        for name in sorted(os.listdir(full)):
            rel = d + '/' + name
            if name.endswith('.go') and os.path.isfile(os.path.join(GOROOT, rel)):
                files.append(rel)
    for root, dirs, names in os.walk(os.path.join(GOROOT, 'src')):
        dirs.sort()
        for name in sorted(names):
            full = os.path.join(root, name)
            if name.endswith('.go') and os.path.isfile(full) and not os.path.islink(full):
                files.append(os.path.relpath(full, GOROOT))
    return files


def chunks(items, n):
    """Splits items into lists of at most n."""
    return [items[i:i + n] for i in range(0, len(items), n)]


def run(argv, cwd=None, timeout=None, stdout=subprocess.PIPE):
    """Runs argv; returns (status, stdout, stderr); status None on timeout."""
    try:
        p = subprocess.run(argv, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, '', ''
    out = p.stdout.decode('utf-8', 'replace') if p.stdout else ''
    return p.returncode, out, p.stderr.decode('utf-8', 'replace')


def gofmt_batch(batch):
    """Returns {file: first error line or None} for a batch of files."""
    status, _, err = run([GOFMT, '-l', '-e'] + batch, cwd=GOROOT, timeout=ORACLE_TIMEOUT)
    verdict = {f: None for f in batch}
    if status == 0 and not err:
        return verdict
    known = set(batch)
    unattributed = False
    for line in err.splitlines():
        m = ERROR_LINE.match(line)
        if m and m.group('file') in known:
            if verdict[m.group('file')] is None:
                verdict[m.group('file')] = line
        else:
            unattributed = True
    if unattributed or status is None or not any(verdict.values()):
        # An error we cannot pin on a file (a multi-line message, a
        # timeout): ask about each file alone.
        if len(batch) == 1:
            verdict[batch[0]] = verdict[batch[0]] or (err.splitlines() or ['gofmt failed'])[0]
            if status == 0 and not err.strip():
                verdict[batch[0]] = None
            return verdict
        for f in batch:
            verdict.update(gofmt_batch([f]))
    return verdict


def gc_parse_verdict(tool, tmpdir, rel):
    """Returns gc's parse verdict for a file: {syntax, first, line}."""
    path = os.path.join(GOROOT, rel)
    # Never -o os.devnull: gc removes its output file first, and as root
    # that replaces /dev/null with a regular file.  Parallel runs share
    # tmpdir, so each gets its own object file name.
    out_o = os.path.join(tmpdir, '%d-%s.o' % (os.getpid(), rel.replace('/', '_')))
    status, out, err = run([tool, '-e', '-o', out_o, path], cwd=tmpdir,
                           timeout=ORACLE_TIMEOUT)
    first = None
    for line in (out + err).splitlines():
        m = ERROR_LINE.match(line)
        if m and GC_SYNTAX_MESSAGES.match(m.group('msg')):
            first = line.replace(GOROOT + '/', '')
            break
    return {'syntax': first is not None, 'first': first, 'status': status}


def compute_oracle(files, jobs):
    """Runs gofmt over all files and gc where its verdict is needed."""
    with ThreadPoolExecutor(jobs) as ex:
        gofmt = {}
        for part in ex.map(gofmt_batch, chunks(files, GOFMT_BATCH)):
            gofmt.update(part)
        # gc's verdict: every file gofmt rejects, every file of test/ (where
        # the two parsers are known to disagree), and the testdata of src/.
        need = [f for f in files
                if gofmt[f] is not None or f.startswith('test/') or '/testdata/' in f]
        tool = subprocess.run([GO, 'tool', '-n', 'compile'], capture_output=True,
                              text=True).stdout.strip() or 'compile'
        with tempfile.TemporaryDirectory() as tmpdir:
            verdicts = ex.map(lambda f: gc_parse_verdict(tool, tmpdir, f), need)
            gc = dict(zip(need, verdicts))
    return {'gofmt': gofmt, 'gc': gc}


def load_oracle(files, cache_dir, jobs, version):
    """Returns the oracle's verdicts, from the cache when it is current."""
    key = hashlib.sha256('\n'.join([version, GOROOT, str(ORACLE_FORMAT)] + files)
                         .encode()).hexdigest()[:16]
    path = os.path.join(cache_dir, 'frontend_oracle_' + key + '.json')
    try:
        with open(path) as f:
            return json.load(f), True
    except (OSError, ValueError):
        pass
    oracle = compute_oracle(files, jobs)
    os.makedirs(cache_dir, exist_ok=True)
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(oracle, f)
    os.replace(tmp, path)
    return oracle, False


def read_disagree_list():
    """Returns {path: reason} from gofmt_gc_disagree.txt."""
    listed = {}
    with open(LIST_FILE) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            path, _, reason = line.partition(' ')
            listed[path] = reason.strip()
    return listed


def disagreements(oracle):
    """Returns {path: the rejecting parser's first error} for the files on
    which gofmt and gc's parser give different verdicts."""
    found = {}
    for f, v in oracle['gc'].items():
        gofmt_ok = oracle['gofmt'][f] is None
        if gofmt_ok == v['syntax']:
            found[f] = v['first'] if v['syntax'] else oracle['gofmt'][f]
    return found


def expectation(f, oracle, listed):
    """Returns 'accept', 'reject' or 'no-crash' for file f."""
    gc = oracle['gc'].get(f)
    if f in listed and gc is not None:
        return 'reject' if gc['syntax'] else 'no-crash'
    if oracle['gofmt'][f] is None:
        return 'accept'
    return 'reject' if gc and gc['syntax'] else 'no-crash'


def mgc_run(mgc, batch, timeout):
    """Runs `mgc compile -d ast` on a batch: (status, stderr, diagnostics).

    Like `go tool compile`, `mgc compile` prints its errors on stdout,
    where the AST goes too; the diagnostics are the lines of stdout, then
    of stderr, that have the form file:line[:col]: message.  (The AST may
    quote a string literal that looks like one, so they count only when
    the file is rejected.)"""
    status, out, err = run([mgc, 'compile', '-d', 'ast'] + batch, cwd=GOROOT,
                           timeout=timeout)
    diags = [line for line in out.splitlines() + err.splitlines() if ERROR_LINE.match(line)]
    return status, err, diags


def has_line_directive(f):
    """Reports whether the file remaps positions with //line or /*line."""
    try:
        with open(os.path.join(GOROOT, f), 'rb') as fh:
            data = fh.read()
    except OSError:
        return False
    return b'//line ' in data or b'/*line ' in data


def judge(f, want, status, err, diags, timeout):
    """Returns None if mgc's result for f meets want, else the reason."""
    first = (diags or err.splitlines() or [''])[0]
    if status is None:
        return 'hang: no answer after %d s' % timeout
    if status < 0:
        return 'crash: killed by signal %d: %s' % (-status, first)
    if status >= 2:
        return 'crash: exit status %d: %s' % (status, first)
    if want == 'accept':
        if status != 0:
            return 'expected exit 0, got %d: %s' % (status, first)
        if err:
            return 'expected nothing on stderr, got: %s' % first
    elif want == 'reject':
        if status != 1:
            return 'expected exit 1, got %d' % status
        matches = [ERROR_LINE.match(line) for line in diags]
        if any(m and m.group('file') == f and m.group('col') for m in matches):
            return None
        # A //line directive may rename the file and drop the column.
        if any(matches) and has_line_directive(f):
            return None
        return 'expected a %s:line:col: error, got: %s' % (f, first or 'nothing')
    return None


def same_first_error(diags, gc_first):
    """Reports whether mgc's first error has gc's line and message."""
    mine = ERROR_LINE.match(diags[0]) if diags else None
    theirs = ERROR_LINE.match(gc_first or '')
    return bool(mine and theirs and mine.group('line') == theirs.group('line')
                and mine.group('msg') == theirs.group('msg'))


def check_list(oracle, listed, total):
    """Returns the problems with gofmt_gc_disagree.txt and its percentage."""
    found = disagreements(oracle)
    problems = []
    for f in sorted(listed):
        if f not in oracle['gofmt']:
            problems.append('%s is listed but is not in the corpus' % f)
        elif f not in found:
            problems.append('%s is listed but gofmt and gc agree on it' % f)
        elif listed[f].split(':')[0] != side(oracle, f):
            problems.append('%s is listed as "%s" but %s' % (f, listed[f].split(':')[0],
                                                            side(oracle, f)))
    for f in sorted(set(found) - set(listed)):
        problems.append('%s is not listed but gofmt and gc disagree: %s' % (f, found[f]))
    overridden = sum(1 for f in listed if f in found and oracle['gofmt'][f] is None)
    percent = 100.0 * overridden / total if total else 0.0
    if percent > MAX_DISAGREE_PERCENT:
        problems.append('%.2f%% of the files override gofmt\'s verdict (at most %.1f%%)'
                        % (percent, MAX_DISAGREE_PERCENT))
    return problems, percent, 100.0 * len(found) / total if total else 0.0


def side(oracle, f):
    """Names which of the two parsers rejects a file they disagree on."""
    return 'gc rejects' if oracle['gc'][f]['syntax'] else 'gofmt rejects'


def print_disagreements(oracle):
    """Prints the disagreements in the format of gofmt_gc_disagree.txt."""
    for f, why in sorted(disagreements(oracle).items()):
        msg = ERROR_LINE.match(why or '')
        print('%s %s: %s' % (f, side(oracle, f), msg.group('msg') if msg else why))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mgc', required=True, help='the mgc executable')
    ap.add_argument('--cache', default=tempfile.gettempdir(),
                    help='directory for the cached Go verdicts')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--batch', type=int, default=50, help='files per mgc process')
    ap.add_argument('--timeout', type=int, default=MGC_TIMEOUT,
                    help='seconds an mgc process may run')
    ap.add_argument('--only', help='check only files whose path matches this regexp')
    ap.add_argument('--print-disagreements', action='store_true',
                    help='print where gofmt and gc disagree, and exit')
    args = ap.parse_args()

    version = go_version()
    files = list_files()
    oracle, cached = load_oracle(files, args.cache, args.jobs, version)
    if args.print_disagreements:
        print_disagreements(oracle)
        return 0
    mgc = os.path.abspath(args.mgc)
    if not os.access(mgc, os.X_OK):
        print('FAIL %s: not an executable' % mgc)
        print('0 passed, 1 failed')
        return 1

    listed = read_disagree_list()
    problems, percent, percent_all = check_list(oracle, listed, len(files))
    if args.only:
        files = [f for f in files if re.search(args.only, f)]
    want = {f: expectation(f, oracle, listed) for f in files}

    # Files expected to parse go in batches; the others run alone so each
    # error can be pinned on its file.  A failing batch is re-run file by file.
    accept = [f for f in files if want[f] == 'accept']
    single = [[f] for f in files if want[f] != 'accept']
    results = {}
    with ThreadPoolExecutor(args.jobs) as ex:
        batches = chunks(accept, args.batch) + single
        retry = []
        for batch, res in zip(batches, ex.map(lambda b: mgc_run(mgc, b, args.timeout), batches)):
            status, err, diags = res
            if len(batch) == 1 or status != 0 or err:
                if len(batch) == 1:
                    results[batch[0]] = res
                else:
                    retry.extend(batch)
            else:
                for f in batch:
                    results[f] = (0, '', [])
        for f, res in zip(retry, ex.map(lambda f: mgc_run(mgc, [f], args.timeout), retry)):
            results[f] = res

    failures = []
    counts = {}
    same_first = 0
    for f in files:
        status, err, diags = results[f]
        reason = judge(f, want[f], status, err, diags, args.timeout)
        kind = want[f] + (' (listed disagreement)' if f in listed else '')
        ok, bad = counts.get(kind, (0, 0))
        counts[kind] = (ok + (reason is None), bad + (reason is not None))
        if reason is not None:
            failures.append('FAIL %s: %s' % (f, reason))
        elif want[f] == 'reject' and same_first_error(diags, oracle['gc'][f]['first']):
            same_first += 1
    failures += ['FAIL %s: %s' % (os.path.basename(LIST_FILE), p) for p in problems]

    for line in failures:
        print(line)
    print('oracle: Go %s, %d files, verdicts %s' % (version.split()[2], len(files),
          'from cache' if cached else 'computed'))
    for kind in sorted(counts):
        print('  expect %-34s %5d passed, %d failed' % (kind + ':', *counts[kind]))
    rejects = sum(sum(counts[k]) for k in counts if k.startswith('reject'))
    print('  first error same line and message as gc: %d of %d rejected files'
          % (same_first, rejects))
    print('  gofmt/gc disagreements: %d listed, %.2f%% of the files override gofmt '
          '(%.2f%% both directions)' % (len(listed), percent, percent_all))
    passed = sum(ok for ok, _ in counts.values())
    print('%d passed, %d failed' % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
