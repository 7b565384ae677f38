#!/usr/bin/env python3
"""jsoncmp: compare two JSON Lines files object by object, field by field.

usage: jsoncmp.py EXPECTED ACTUAL | jsoncmp.py --list FILE

Every line of both files must be valid JSON; the files must hold the same
number of lines and equal values line for line (object key order does not
matter).  On a difference it prints each differing field with its path,
the expected and the actual value, and exits 1.

With --list, FILE holds one comparison a line, NAME, EXPECTED and ACTUAL
separated by tabs (one interpreter for a whole corpus): for each it
prints "ok NAME" or "not ok NAME" and the differences as "#   " lines,
and exits 1 if any differed.
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


def compare(want_path, got_path):
    """The differences between two files, as lines; none when equal."""
    try:
        want = load(want_path)
        got = load(got_path)
    except SystemExit as e:
        return [str(e)]
    out = []
    for i in range(max(len(want), len(got))):
        if i >= len(want):
            out.append("line %d: unexpected %s" % (i + 1, short(got[i])))
        elif i >= len(got):
            out.append("line %d: missing %s" % (i + 1, short(want[i])))
        else:
            diff("line %d" % (i + 1), want[i], got[i], out)
    return out


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if sys.argv[1] == "--list":
        bad = 0
        with open(sys.argv[2], encoding="utf-8") as f:
            for line in f:
                name, want, got = line.rstrip("\n").split("\t")
                out = compare(want, got)
                bad += bool(out)
                print("%s %s" % ("not ok" if out else "ok", name))
                for l in "\n".join(out).splitlines():
                    print("#   " + l)
        return 1 if bad else 0
    out = compare(sys.argv[1], sys.argv[2])
    for line in out:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
