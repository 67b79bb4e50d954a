#!/usr/bin/env python3
"""Runs one end-to-end runtime test program and compares what it prints
and its exit status with Go 1.19's for the equivalent Go program.

    compare.py PROGRAM EXPECTED_PREFIX

EXPECTED_PREFIX.stdout, .stderr and .status were written by regen.sh.
stdout and the exit status must be identical.  stderr must be identical,
except after a panic or fatal error: there the lines up to
"goroutine 1 [running]:" must be identical (addresses in the "[signal"
and "runtime: sp=" lines excepted), and the trace must list the same
main.* frames with the same file names and lines ("+0x" offsets and
argument words differ between compilers; the first frame's line is not
compared for a stack overflow, where it depends on where the check sits;
the "runtime stack:" section Go prints there lists its own runtime's
frames and is not compared).
"""
import os
import re
import subprocess
import sys

GOROUTINE = "goroutine 1 [running]:"


def frames(text):
    """The (function, file:line) pairs of goroutine 1's main.* frames, and
    whether the trace said frames were elided."""
    lines = text.split("\n")
    start = lines.index(GOROUTINE) + 1
    out = []
    elided = False
    i = start
    while i < len(lines) and lines[i] != "":
        line = lines[i]
        if line == "...additional frames elided...":
            elided = True
            break
        if not line.startswith("\t") and i + 1 < len(lines) and lines[i + 1].startswith("\t"):
            name = line[: line.rindex("(")] if "(" in line else line
            loc = lines[i + 1].strip().split(" ")[0]
            path, _, lineno = loc.rpartition(":")
            if name.startswith("main."):
                out.append((name, os.path.basename(path) + ":" + lineno))
            i += 2
            continue
        i += 1
    return out, elided


def header_line_matches(want, got):
    for prefix in ("[signal ", "runtime: sp="):
        if want.startswith(prefix):
            cut = want.find(" addr=")
            cut = cut if cut >= 0 else len(prefix)
            return got.startswith(want[:cut])
    return want == got


def compare_stderr(want, got):
    """None if got matches want, else a reason."""
    if GOROUTINE not in want.split("\n"):
        return None if want == got else "stderr differs"
    if GOROUTINE not in got.split("\n"):
        return "no '%s' line" % GOROUTINE
    wh = want.split("\n")[: want.split("\n").index(GOROUTINE)]
    if "runtime stack:" in wh:
        # Go's own runtime frames (runtime.throw, morestack): not ours.
        wh = wh[: wh.index("runtime stack:")]
    gh = got.split("\n")[: got.split("\n").index(GOROUTINE)]
    if len(wh) != len(gh):
        return "header has %d lines, want %d" % (len(gh), len(wh))
    for w, g in zip(wh, gh):
        if not header_line_matches(w, g):
            return "header line %r, want %r" % (g, w)
    wf, we = frames(want)
    gf, ge = frames(got)
    if "fatal error: stack overflow" in wh and wf and gf:
        wf[0] = (wf[0][0], None)
        gf[0] = (gf[0][0], None)
    if wf != gf:
        return "frames %r, want %r" % (gf, wf)
    if we != ge:
        return "elided marker %r, want %r" % (ge, we)
    return None


def main():
    prog, prefix = sys.argv[1], sys.argv[2]
    with open(prefix + ".stdout") as f:
        want_out = f.read()
    with open(prefix + ".stderr") as f:
        want_err = f.read()
    with open(prefix + ".status") as f:
        want_status = int(f.read())
    env = dict(os.environ)
    env.pop("MGCDEBUG", None)
    r = subprocess.run([prog], capture_output=True, env=env, timeout=120)
    got_out = r.stdout.decode("utf-8", "replace")
    got_err = r.stderr.decode("utf-8", "replace")
    problems = []
    if r.returncode != want_status:
        problems.append("exit status %d, want %d" % (r.returncode, want_status))
    if got_out != want_out:
        problems.append("stdout %r, want %r" % (got_out, want_out))
    reason = compare_stderr(want_err, got_err)
    if reason:
        problems.append(reason)
    if problems:
        print("FAIL %s:" % os.path.basename(prefix))
        for p in problems:
            print("  " + p)
        print("--- stderr ---")
        print(got_err[:4000])
        sys.exit(1)
    print("ok %s" % os.path.basename(prefix))


if __name__ == "__main__":
    main()
