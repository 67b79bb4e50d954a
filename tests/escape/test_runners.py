#!/usr/bin/env python3
"""The judgements of run.py and goerrorcheck.py on made-up outputs."""

import os
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import goerrorcheck as ec  # noqa: E402
import run  # noqa: E402

SRC = '''// errorcheck -0 -m -l

package p

func f(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	return p
}

func g() { // ERROR "x" "y"
	x := 1 //// ERROR "ignored"
	_ = x // ERROR "LINE:"
}
'''


class ErrorCheckTest(unittest.TestCase):
    def test_header_flags(self):
        self.assertEqual(ec.header(SRC), ('errorcheck', ['-m', '-l']))
        self.assertEqual(ec.header('// errorcheck -0 -N -m -l\n'), ('errorcheck', ['-N', '-m', '-l']))
        self.assertEqual(ec.header('// errorcheck -t 10 -m\n'), ('errorcheck', ['-m']))
        self.assertEqual(ec.header('// run\n')[0], None)

    def test_annotations(self):
        wants = ec.annotations(SRC, 'x.go')
        self.assertEqual([(w.line, w.rx_str) for w in wants],
                         [(5, 'leaking param: p to result ~r0 level=0$'), (9, 'x'), (9, 'y'),
                          (11, 'x.go:11:')])

    def test_split_output(self):
        out = 'x.go:1:2: a\n\tmore\nmgc: goroutines are not supported\n\nx.go:3:4: b\n'
        self.assertEqual(ec.split_output(out), ['x.go:1:2: a\n\tmore', 'x.go:3:4: b'])

    def test_match_prefix(self):
        self.assertTrue(ec.match_prefix('x.go:9:3: m', 'x.go:9'))
        self.assertTrue(ec.match_prefix('/dir/x.go:9: m', 'x.go:9'))
        self.assertFalse(ec.match_prefix('x.go:90:3: m', 'x.go:9'))
        self.assertFalse(ec.match_prefix('y.go:9:3: m', 'x.go:9'))

    def test_error_check(self):
        wants = ec.annotations(SRC, 'x.go')
        msgs = ['x.go:5:8: leaking param: p to result ~r0 level=0',
                'x.go:9:1: x does not escape',       # claimed by "x"
                'x.go:9:1: x escapes',               # also claimed by "x": one regexp claims all it matches
                'x.go:9:1: z',                       # matched by nothing
                'x.go:10:2: ignored']                # //// disables the annotation
        unexpected = ec.error_check(msgs, wants, 'x.go')
        self.assertEqual([w.matched for w in wants], [True, True, False, False])
        self.assertEqual(sorted(unexpected), ['x.go:10:2: ignored', 'x.go:9:1: z'])

    def test_position_is_not_matched(self):
        # The text before the first space (the position) is cut off.
        wants = ec.annotations('_ = 1 // ERROR "x.go"\n', 'x.go')
        self.assertEqual(ec.error_check(['x.go:1:1: moved'], wants, 'x.go'), ['x.go:1:1: moved'])
        self.assertFalse(wants[0].matched)


class GoldenTest(unittest.TestCase):
    def test_goroutine_programs(self):
        self.assertTrue(run.uses_goroutines('func f(c chan int) {}'))
        self.assertTrue(run.uses_goroutines('func f() {\n\tgo g()\n}'))
        self.assertFalse(run.uses_goroutines('func f() { println("go home") }'))

    def test_judge(self):
        expect = run.expected_lines('x.go:1:2: a\n', False)
        self.assertEqual(run.judge(expect, 'x.go:1:2: a\n', '', 1, False)[0], [])
        self.assertEqual(run.judge(expect, 'x.go:1:2: b\n', '', 0, False)[0], ['output differs'])
        self.assertIn('crashed (exit status 3)', run.judge(expect, 'x.go:1:2: a\n', '', 3, False)[0])

    def test_judge_goroutines(self):
        expect = run.expected_lines('x.go:1:2: a\n', True)
        self.assertEqual(expect[-1], run.GOROUTINE_LINE)
        ok = 'x.go:1:2: a\n' + run.GOROUTINE_LINE + '\n'
        self.assertEqual(run.judge(expect, ok, '', 1, True)[0], [])
        self.assertEqual(run.judge(expect, 'x.go:1:2: a\n', run.GOROUTINE_LINE, 1, True)[0], [])
        self.assertEqual(run.judge(expect, ok, '', 0, True)[0],
                         ['exit status 0, want 1 (analysis-only program)'])


if __name__ == '__main__':
    unittest.main()
