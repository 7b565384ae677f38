#!/usr/bin/env python3
"""jsoncmp: compare two JSON Lines files object by object, field by field.

usage: jsoncmp.py EXPECTED ACTUAL

Every line of both files must be valid JSON; the files must hold the same
number of lines and equal values line for line (object key order does not
matter).  On a difference it prints each differing field with its path,
the expected and the actual value, and exits 1.
"""
import json
import sys


def load(path):
    rows = []
    with open(path, encoding="utf-8", errors="strict") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                raise SystemExit("%s:%d: not JSON: %s\n  %r" %
                                 (path, n, e, line[:200]))
    return rows


def short(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 300 else s[:300] + "..."


def diff(path, want, got, out):
    if isinstance(want, dict) and isinstance(got, dict):
        for k in want:
            if k not in got:
                out.append("%s.%s: missing (want %s)" % (path, k, short(want[k])))
            else:
                diff("%s.%s" % (path, k), want[k], got[k], out)
        for k in got:
            if k not in want:
                out.append("%s.%s: unexpected %s" % (path, k, short(got[k])))
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            out.append("%s: %d elements, want %d\n    want %s\n    got  %s" %
                       (path, len(got), len(want), short(want), short(got)))
            return
        for i, (w, g) in enumerate(zip(want, got)):
            diff("%s[%d]" % (path, i), w, g, out)
    elif type(want) is not type(got) or want != got:
        out.append("%s:\n    want %s\n    got  %s" % (path, short(want), short(got)))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    want = load(sys.argv[1])
    got = load(sys.argv[2])
    out = []
    for i in range(max(len(want), len(got))):
        if i >= len(want):
            out.append("line %d: unexpected %s" % (i + 1, short(got[i])))
        elif i >= len(got):
            out.append("line %d: missing %s" % (i + 1, short(want[i])))
        else:
            diff("line %d" % (i + 1), want[i], got[i], out)
    for line in out:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
