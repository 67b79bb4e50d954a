#!/usr/bin/env python3
"""Checks the judgements of the gorun and typecheck runners on made-up
results, so a bug in a runner cannot turn failures of mgc into passes."""

import importlib.util
import os
import sys
import unittest

sys.dont_write_bytecode = True  # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    """Imports the runner at path under name."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gorun = load('gorun_run', os.path.join(HERE, 'run.py'))
typecheck = load('typecheck_run', os.path.join(HERE, '..', 'typecheck', 'run.py'))


class Classify(unittest.TestCase):
    def test_accepted(self):
        self.assertEqual(gorun.classify(0, 'var x int\n', 60), ('accepted', ''))

    def test_refused(self):
        out = ('a.go:3:9: mgc does not support complex numbers\n'
               'a.go:7:2: mgc does not support complex numbers\n'
               'a.go:9:2: mgc does not support type parameters\n')
        self.assertEqual(gorun.classify(1, out, 60),
                         ('refused', ['complex numbers', 'type parameters']))

    def test_refusal_mixed_with_type_error_is_rejection(self):
        out = ('a.go:3:9: mgc does not support complex numbers\n'
               'a.go:4:2: undefined: x\n')
        self.assertEqual(gorun.classify(1, out, 60), ('rejected', 'a.go:4:2: undefined: x'))

    def test_too_many_errors_line_is_neutral(self):
        out = ''.join('a.go:%d:1: mgc does not support complex numbers\n' % i
                      for i in range(1, 11)) + 'a.go:10:1: too many errors\n'
        self.assertEqual(gorun.classify(1, out, 60)[0], 'refused')

    def test_exit_1_without_error_is_rejection(self):
        self.assertEqual(gorun.classify(1, '', 60)[0], 'rejected')
        self.assertEqual(gorun.classify(1, 'mgc does not support x\n', 60)[0], 'rejected')

    def test_crashes(self):
        self.assertEqual(gorun.classify(None, '', 60)[0], 'crashed')
        self.assertEqual(gorun.classify(-11, '', 60)[0], 'crashed')
        self.assertEqual(gorun.classify(3, 'internal compiler error', 60)[0], 'crashed')
        self.assertEqual(gorun.classify(2, '', 60)[0], 'crashed')


class Selection(unittest.TestCase):
    def test_go_build(self):
        tags = gorun.TRUE_TAGS
        self.assertTrue(gorun.eval_go_build('linux && amd64', tags))
        self.assertTrue(gorun.eval_go_build('!386 && (gc || gccgo)', tags))
        self.assertFalse(gorun.eval_go_build('goexperiment.unified', tags))
        self.assertFalse(gorun.eval_go_build('!linux || arm64', tags))
        self.assertRaises(ValueError, gorun.eval_go_build, '(linux', tags)

    def test_plus_build(self):
        tags = gorun.TRUE_TAGS
        self.assertTrue(gorun.eval_plus_build('!gccgo', tags))
        self.assertTrue(gorun.eval_plus_build('darwin linux,amd64', tags))
        self.assertFalse(gorun.eval_plus_build('linux,!amd64', tags))

    def test_constraints_hold(self):
        self.assertEqual(gorun.constraints_hold('// run\n\n//go:build !windows\n'), (True, None))
        self.assertEqual(gorun.constraints_hold('// run\n// +build 386\n'),
                         (False, '// +build 386'))

    def test_recipe(self):
        self.assertEqual(gorun.recipe('// run\n\npackage main\n', False), ('run', []))
        self.assertIsNone(gorun.recipe('//run\n\npackage main\n', False))
        self.assertIsNone(gorun.recipe('// run -gcflags=-l\n\npackage main\n', False))
        self.assertEqual(gorun.recipe('// run -gcflags=-l\n\npackage main\n', True),
                         ('run', ['-gcflags=-l']))
        self.assertEqual(gorun.recipe('// +build !386\n// run\n\npackage main\n', True),
                         ('run', []))
        self.assertEqual(gorun.recipe('// runoutput\n\npackage main\n', False),
                         ('runoutput', []))

    def test_imports(self):
        self.assertEqual(gorun.imports('package main\n\nimport "os"\n'), ['os'])
        self.assertEqual(gorun.imports('package main\nimport (\n\t"fmt"\n\tm "math"\n)\n'),
                         ['fmt', 'math'])
        self.assertEqual(gorun.imports('package main\n// import "x"\nfunc main() {}\n'), [])


class GofmtRejected(unittest.TestCase):
    def judge(self, status, out, line_directive=False):
        return gorun.judge_rejected('test/a.go', status, out, 60, lambda f: line_directive)

    def test_positioned_error(self):
        self.assertIsNone(self.judge(1, 'test/a.go:3:4: syntax error: unexpected x\n'))

    def test_needs_position_of_that_file(self):
        self.assertIsNotNone(self.judge(1, 'other.go:3:4: syntax error\n'))
        self.assertIsNotNone(self.judge(1, 'test/a.go:3: syntax error\n'))
        self.assertIsNone(self.judge(1, 'x.go:3: syntax error\n', line_directive=True))

    def test_must_reject_without_crash(self):
        self.assertIsNotNone(self.judge(0, ''))
        self.assertIsNotNone(self.judge(-6, 'test/a.go:3:4: syntax error\n'))


class TypecheckGoldens(unittest.TestCase):
    def judge(self, want, status, out, err=''):
        return typecheck.judge('x.go', want, status, out, err, 30)

    def test_invalid_program_exact(self):
        want = ['x.go:4:2: x declared but not used']
        self.assertIsNone(self.judge(want, 1, 'x.go:4:2: x declared but not used\n'))
        self.assertIsNotNone(self.judge(want, 1, 'x.go:4:3: x declared but not used\n'))
        self.assertIsNotNone(self.judge(want, 1, 'x.go:4:2: x declared and not used\n'))
        self.assertIsNotNone(self.judge(want, 0, 'x.go:4:2: x declared but not used\n'))
        self.assertIsNotNone(self.judge(want, 1, ''))

    def test_invalid_program_extra_or_missing_lines(self):
        want = ['x.go:4:2: a', 'x.go:5:2: b']
        self.assertIsNotNone(self.judge(want, 1, 'x.go:4:2: a\n'))
        self.assertIsNotNone(self.judge(want, 1, 'x.go:4:2: a\nx.go:5:2: b\nx.go:6:2: c\n'))

    def test_valid_program(self):
        self.assertIsNone(self.judge([], 0, 'func main()\n'))
        self.assertIsNotNone(self.judge([], 1, 'x.go:3:1: undefined: y\n'))
        self.assertIsNotNone(self.judge([], 0, 'x.go:3:1: undefined: y\n'))

    def test_crash(self):
        self.assertIsNotNone(self.judge([], -11, ''))
        self.assertIsNotNone(self.judge(['x.go:1:1: a'], 3, 'x.go:1:1: a\n'))
        self.assertIsNotNone(self.judge([], None, ''))


if __name__ == '__main__':
    unittest.main()
