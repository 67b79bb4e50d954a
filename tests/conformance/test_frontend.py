#!/usr/bin/env python3
"""Checks the conformance runner's own judgements on made-up results,
so a bug in the runner cannot turn failures of mgc into passes."""

import os
import sys
import unittest

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend  # noqa: E402


def gc(first):
    """A gc verdict as compute_oracle stores it."""
    return {'syntax': first is not None, 'first': first, 'status': 1 if first else 0}


class ClassifyGcMessages(unittest.TestCase):
    def syntax(self, msg):
        return bool(frontend.GC_SYNTAX_MESSAGES.match(msg))

    def test_syntax_package_messages(self):
        for msg in ['syntax error: unexpected newline, expecting comma or )',
                    'invalid character U+0040 \'@\'',
                    "invalid character '\\'' in octal escape",
                    'newline in string', 'rune literal not terminated',
                    "invalid digit '8' in octal literal",
                    "'_' must separate successive digits",
                    'hexadecimal literal has no digits',
                    'escape is invalid Unicode code point U+D800',
                    'invalid BOM in the middle of the file',
                    'method has no receiver', 'label L defined and not used',
                    'break is not in a loop, switch, or select',
                    'cannot fallthrough final case in switch',
                    'misplaced compiler directive']:
            self.assertTrue(self.syntax(msg), msg)

    def test_type_checker_messages(self):
        for msg in ['invalid import path (invalid character U+0021 \'!\')',
                    'invalid operation: x == y (mismatched types int and uint)',
                    'missing init expr for B', 'non-name (x) on left side of :=',
                    'undefined: x', 'invalid use of [...] array (outside a composite literal)']:
            self.assertFalse(self.syntax(msg), msg)


class Expectations(unittest.TestCase):
    oracle = {'gofmt': {'a.go': None, 'b.go': 'b.go:1:1: x', 'c.go': 'c.go:1:1: x',
                        'd.go': None, 'e.go': 'e.go:1:1: x'},
              'gc': {'b.go': gc('b.go:1:1: syntax error: x'), 'c.go': gc(None),
                     'd.go': gc('d.go:3:1: label L defined and not used'),
                     'e.go': gc(None)}}
    listed = {'d.go': 'gc rejects: labels', 'e.go': 'gofmt rejects: types'}

    def test_verdicts(self):
        want = {f: frontend.expectation(f, self.oracle, self.listed) for f in self.oracle['gofmt']}
        self.assertEqual(want, {'a.go': 'accept', 'b.go': 'reject', 'c.go': 'no-crash',
                                'd.go': 'reject', 'e.go': 'no-crash'})

    def test_unlisted_disagreement_is_reported(self):
        problems, _, _ = frontend.check_list(self.oracle, {'d.go': 'gc rejects: x'}, 1000)
        self.assertEqual(len(problems), 2)  # c.go and e.go are missing
        self.assertIn('c.go is not listed', problems[0])

    def test_wrong_side_is_reported(self):
        problems, _, _ = frontend.check_list(
            self.oracle, dict(self.listed, **{'c.go': 'gc rejects: no'}), 1000)
        self.assertEqual(problems, ['c.go is listed as "gc rejects" but gofmt rejects'])

    def test_percentage_limit(self):
        problems, percent, _ = frontend.check_list(
            self.oracle, dict(self.listed, **{'c.go': 'gofmt rejects: x'}), 100)
        self.assertEqual(percent, 1.0)
        self.assertTrue(any('at most' in p for p in problems))


class Judge(unittest.TestCase):
    def judge(self, want, status, out, f='x.go', err=''):
        diags = [line for line in out.splitlines() if frontend.ERROR_LINE.match(line)]
        return frontend.judge(f, want, status, err, diags, 60)

    def test_accept(self):
        self.assertIsNone(self.judge('accept', 0, ''))
        self.assertIn('expected exit 0, got 1: x.go:1:2: boom', self.judge('accept', 1, 'x.go:1:2: boom\n'))
        self.assertIn('nothing on stderr', self.judge('accept', 0, '', err='warning\n'))
        self.assertIsNone(self.judge('accept', 0, 'File 9:1 package main\n  Decls[0]: x.go:1:1\n'))

    def test_reject(self):
        self.assertIsNone(self.judge('reject', 1, 'x.go:3:4: syntax error: unexpected }\n'))
        self.assertIn('expected exit 1, got 0', self.judge('reject', 0, ''))
        self.assertIn('expected a x.go:line:col:', self.judge('reject', 1, 'y.go:3:4: other file\n'))
        self.assertIn('expected a x.go:line:col:', self.judge('reject', 1, 'x.go:3: no column\n'))

    def test_crashes_and_hangs_always_fail(self):
        for want in ('accept', 'reject', 'no-crash'):
            self.assertIn('signal 11', self.judge(want, -11, ''))
            self.assertIn('exit status 3', self.judge(want, 3, '', err='internal compiler error\n'))
            self.assertIn('exit status 2', self.judge(want, 2, '', err='usage\n'))
            self.assertIn('hang', self.judge(want, None, ''))

    def test_no_crash(self):
        self.assertIsNone(self.judge('no-crash', 0, ''))
        self.assertIsNone(self.judge('no-crash', 1, 'x.go:1:1: anything\n'))

    def test_same_first_error(self):
        gc_first = 'x.go:3:9: syntax error: unexpected }'
        self.assertTrue(frontend.same_first_error(['x.go:3:5: syntax error: unexpected }'], gc_first))
        self.assertFalse(frontend.same_first_error(['x.go:4:9: syntax error: unexpected }'], gc_first))
        self.assertFalse(frontend.same_first_error([], gc_first))


class Skip(unittest.TestCase):
    def test_missing_go_skips_with_77(self):
        saved = frontend.GO
        frontend.GO = '/nonexistent/go'
        try:
            with self.assertRaises(SystemExit) as e:
                frontend.go_version()
            self.assertEqual(e.exception.code, frontend.SKIP)
            self.assertEqual(frontend.SKIP, 77)
        finally:
            frontend.GO = saved


if __name__ == '__main__':
    unittest.main()
