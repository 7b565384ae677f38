#!/usr/bin/env python3
"""sgr_at.py FILE TEXT [N]: the display attributes tmux holds for the
first character of the Nth (default 1st) occurrence of TEXT in FILE, a
`tmux capture-pane -p -e` dump.  capture-pane writes an SGR sequence only
where attributes change, carried over from line to line, so the state is
followed from the top.  Prints "fg=F bg=B" (a colour number or "default")
then the attributes set (bold, underline, reverse, ...), e.g.
"fg=1 bg=default bold".  Exit 1 when TEXT is not there.

sgr_at.py FILE --each: the same for many queries of one dump, one
interpreter: "TEXT<tab>N" lines on stdin, an answer a line on stdout
("absent" when TEXT is not there)."""
import re
import sys

NAMES = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink",
         7: "reverse", 8: "invis"}
OFF = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",),
       25: ("blink",), 27: ("reverse",), 28: ("invis",)}


def apply(state, params):
    p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
    i = 0
    while i < len(p):
        v = p[i]
        if v == 0:
            state.clear()
            state.update(fg="default", bg="default")
        elif v in NAMES:
            state[NAMES[v]] = True
        elif v in OFF:
            for n in OFF[v]:
                state.pop(n, None)
        elif 30 <= v <= 37:
            state["fg"] = str(v - 30)
        elif 90 <= v <= 97:
            state["fg"] = str(v - 90 + 8)
        elif v == 39:
            state["fg"] = "default"
        elif 40 <= v <= 47:
            state["bg"] = str(v - 40)
        elif 100 <= v <= 107:
            state["bg"] = str(v - 100 + 8)
        elif v == 49:
            state["bg"] = "default"
        elif v in (38, 48) and i + 2 < len(p) and p[i + 1] == 5:
            state["fg" if v == 38 else "bg"] = str(p[i + 2])
            i += 2
        i += 1


def rows(path):
    """Each line of the dump as its text and the state of each character."""
    state = {"fg": "default", "bg": "default"}
    sgr = re.compile(r"\x1b\[([0-9;]*)m")
    out = []
    for line in open(path, encoding="utf-8", errors="replace"):
        plain, states, pos = "", [], 0
        for m in sgr.finditer(line):
            for ch in line[pos:m.start()]:
                plain += ch
                states.append(dict(state))
            apply(state, m.group(1))
            pos = m.end()
        for ch in line[pos:]:
            plain += ch
            states.append(dict(state))
        out.append((plain, states))
    return out


def attrs_at(dump, text, want):
    """The attributes at the want-th occurrence of text; None if none."""
    seen = 0
    for plain, states in dump:
        start = 0
        while True:
            at = plain.find(text, start)
            if at < 0:
                break
            seen += 1
            if seen == want:
                s = states[at]
                attrs = sorted(k for k in s if k not in ("fg", "bg"))
                return " ".join(["fg=" + s["fg"], "bg=" + s["bg"]] + attrs)
            start = at + 1
    return None


def main():
    dump = rows(sys.argv[1])
    if sys.argv[2:] == ["--each"]:
        for q in sys.stdin:
            text, n = q.rstrip("\n").rsplit("\t", 1)
            print(attrs_at(dump, text, int(n)) or "absent")
        return 0
    text = sys.argv[2]
    want = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    got = attrs_at(dump, text, want)
    if got is None:
        return 1
    print(got)
    return 0


sys.exit(main())
