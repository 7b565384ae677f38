#!/usr/bin/env python3
"""filter_eval.py: newsboat's filter language, evaluated independently.

    filter_eval.py GAZETTE DB COUNT SEED

Reads every article of the gazette database DB with python's sqlite3
(raw columns only: no SQL condition is evaluated by SQLite), evaluates
expressions article by article in Python as gazette(1) defines the
language, and compares the set of guids with `GAZETTE -d DB list --query
EXPR --json`.  The expressions are the examples of newsboat's
documentation and COUNT more generated from SEED with values taken from
the data, so that most of them match something.  Prints TAP.

Nothing here shares code with src/filter.c: a separate parser, attribute
values computed from the raw rows, Python's re for =~.
"""
import json
import random
import re
import sqlite3
import subprocess
import sys
import time

INT_ATTRS = {"age", "articleindex", "unread_count", "total_count",
             "feedindex"}
TEXT_ATTRS = ["title", "link", "author", "content", "guid", "date", "unread",
              "enqueued", "flags", "enclosure_url", "enclosure_type",
              "feedtitle", "description", "feedlink", "feeddate", "rssurl",
              "tags"]
ATTRS = TEXT_ATTRS + sorted(INT_ATTRS)
OPS = ["==", "!=", "=~", "!~", "!#", "<=", ">=", "=", "#", "<", ">"]


def fmt_date(t):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))


def articles(db):
    con = sqlite3.connect(db)
    feeds = {}
    for fid, url, title, user_title, link, unread, total in con.execute(
            "SELECT id, url, title, user_title, link, unread, total"
            " FROM feeds ORDER BY id"):
        feeds[fid] = {"rssurl": url, "feedtitle": user_title or title or "",
                      "feedlink": link or "", "unread_count": unread,
                      "total_count": total, "description": "",
                      "feedindex": len(feeds) + 1, "tags": []}
    for fid, tag in con.execute(
            "SELECT feed_id, tag FROM feed_tags ORDER BY feed_id, position"):
        feeds[fid]["tags"].append(tag)
    rows = con.execute(
        "SELECT id, feed_id, guid, title, link, author, content, sort_date,"
        " read, flagged, enclosures FROM items").fetchall()
    newest = {}
    for r in rows:
        newest[r[1]] = max(newest.get(r[1], r[7]), r[7])
    # articleindex: 1-based position in its feed, newest first.
    order = sorted(rows, key=lambda r: (r[1], -r[7], -r[0]))
    index, last = {}, None
    for r in order:
        n = 1 if r[1] != last else n + 1
        last = r[1]
        index[r[0]] = n
    now = int(time.time())
    out = []
    for (iid, fid, guid, title, link, author, content, date, read, flagged,
         encl) in rows:
        f = feeds[fid]
        e = json.loads(encl)[0] if encl else {}
        a = {"title": title or "", "link": link or "",
             "author": author or "", "content": content or "",
             "guid": guid, "date": fmt_date(date),
             "unread": "no" if read else "yes", "enqueued": "no",
             "flags": "s" if flagged else "",
             "age": int((now - date) / 86400),
             "articleindex": index[iid],
             "enclosure_url": e.get("url") or "",
             "enclosure_type": e.get("type") or "",
             "feedtitle": f["feedtitle"], "description": "",
             "feedlink": f["feedlink"], "feeddate": fmt_date(newest[fid]),
             "rssurl": f["rssurl"], "unread_count": f["unread_count"],
             "total_count": f["total_count"], "tags": " ".join(f["tags"]),
             "feedindex": f["feedindex"]}
        out.append(a)
    return out


# A parser of its own: tokens, then recursive descent to nested tuples.
TOKEN = re.compile(r'\s*(?:(?P<str>"(?:\\.|[^"\\])*")|(?P<range>-?\d+:-?\d+)'
                   r'|(?P<num>-?\d+)|(?P<word>[A-Za-z_][A-Za-z_0-9]*)'
                   r'|(?P<op>==|!=|=~|!~|!#|<=|>=|=|#|<|>)|(?P<p>[()]))')


def tokens(text):
    pos, out = 0, []
    while pos < len(text.rstrip()):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError("bad token at %d" % pos)
        kind = m.lastgroup
        val = m.group(kind)
        if kind == "str":
            val = re.sub(r"\\(.)", r"\1", val[1:-1])
        out.append((kind, val))
        pos = m.end()
    return out


def parse(text):
    toks = tokens(text)
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else (None, None)

    def take():
        pos[0] += 1
        return toks[pos[0] - 1]

    def expr():
        node = conj()
        while peek() == ("word", "or"):
            take()
            node = ("or", node, conj())
        return node

    def conj():
        node = prim()
        while peek() == ("word", "and"):
            take()
            node = ("and", node, prim())
        return node

    def prim():
        if peek() == ("p", "("):
            take()
            node = expr()
            if take() != ("p", ")"):
                raise ValueError("expected )")
            return node
        kind, attr = take()
        if kind != "word" or attr not in ATTRS:
            raise ValueError("expected attribute")
        kind, op = take()
        if (kind, op) == ("word", "between"):
            kind, r = take()
            if kind != "range" or attr not in INT_ATTRS:
                raise ValueError("bad between")
            lo, hi = r.split(":")
            return ("between", attr, int(lo), int(hi))
        if kind != "op":
            raise ValueError("expected operator")
        kind, val = take()
        if kind not in ("str", "num"):
            raise ValueError("expected value")
        return ("cmp", attr, op, val)

    node = expr()
    if pos[0] != len(toks):
        raise ValueError("trailing tokens")
    return node


def is_int(s):
    return re.fullmatch(r"-?\d{1,18}", s) is not None


def holds(node, a):
    kind = node[0]
    if kind == "or":
        return holds(node[1], a) or holds(node[2], a)
    if kind == "and":
        return holds(node[1], a) and holds(node[2], a)
    if kind == "between":
        return node[2] <= a[node[1]] <= node[3]
    _, attr, op, val = node
    v = a[attr]
    text = str(v)
    if op in ("=~", "!~"):
        hit = re.search(val, text, re.IGNORECASE) is not None
        return hit if op == "=~" else not hit
    if op in ("#", "!#"):
        hit = val != "" and val in text.split(" ")
        return hit if op == "#" else not hit
    if attr in INT_ATTRS and is_int(val):
        x, y = v, int(val)
    else:
        x, y = text.encode(), val.encode()
    return {"=": x == y, "==": x == y, "!=": x != y, "<": x < y,
            ">": x > y, "<=": x <= y, ">=": x >= y}[op]


DOC_EXAMPLES = [
    'unread_count > 0',
    'rssurl =~ "^https:"',
    'age between 0:10',
    '( unread_count > 0 and unread_count < 10 ) or total_count > 100',
    '( author =~ "Frank" or author =~ "John" ) and '
    '( title =~ "Linux" or title =~ "FreeBSD" )',
    'author =~ "Andreas Krennmair"',
    'title =~ "Windows"',
    'title =~ "Gentoo"',
    'title =~ "newsboat"',
    'tags # "fun"',
    'unread = "yes"',
    'tags # "tag1"',
]


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(rnd, arts, depth=0):
    if depth < 3 and rnd.random() < 0.35:
        left = generate(rnd, arts, depth + 1)
        right = generate(rnd, arts, depth + 1)
        expr = "%s %s %s" % (left, rnd.choice(["and", "or"]), right)
        return "( %s )" % expr if rnd.random() < 0.6 else expr
    attr = rnd.choice(ATTRS)
    sample = rnd.choice(arts)[attr]
    if attr in INT_ATTRS:
        if rnd.random() < 0.25:
            lo = rnd.randint(-2, int(sample) + 2)
            return "%s between %d:%d" % (attr, lo, lo + rnd.randint(0, 5))
        op = rnd.choice(["=", "==", "!=", "<", ">", "<=", ">=", "#", "!#"])
        val = str(int(sample) + rnd.randint(-2, 2))
        return "%s %s %s" % (attr, op,
                             val if rnd.random() < 0.7 else quote(val))
    text = str(sample)
    words = [w for w in re.split(r"[^A-Za-z0-9éü]+", text) if w] or [""]
    word = rnd.choice(words)
    op = rnd.choice(OPS)
    if op in ("=~", "!~"):
        frag = word[:rnd.randint(1, max(1, len(word)))] or "e"
        pat = rnd.choice([frag, frag.upper(), "^" + frag, frag + "$",
                          frag[:1] + "." + frag[2:], "[" + frag[:2] + "]",
                          frag + "|zzz", "(" + frag + ")+"])
        return "%s %s %s" % (attr, op, quote(pat))
    if op in ("#", "!#"):
        return "%s %s %s" % (attr, op, quote(rnd.choice(
            text.split(" ") + [word])))
    val = text if rnd.random() < 0.5 else word
    return "%s %s %s" % (attr, op, quote(val))


def main():
    gazette, db, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4])
    arts = articles(db)
    rnd = random.Random(seed)
    exprs = DOC_EXAMPLES + [generate(rnd, arts) for _ in range(count)]
    print("1..%d" % (len(exprs) + 1))
    nonempty = 0
    for n, e in enumerate(exprs, 1):
        tree = parse(e)
        want = sorted(a["guid"] for a in arts if holds(tree, a))
        res = subprocess.run([gazette, "-d", db, "list", "--query", e,
                              "--json"], capture_output=True, text=True)
        got = sorted(json.loads(l)["guid"] for l in res.stdout.splitlines())
        nonempty += bool(want) and len(want) < len(arts)
        if res.returncode == 0 and got == want:
            print("ok %d - %s (%d)" % (n, e, len(want)))
        else:
            print("not ok %d - %s" % (n, e))
            print("# exit %d: %s" % (res.returncode, res.stderr.strip()))
            print("# only gazette: %s" % sorted(set(got) - set(want))[:5])
            print("# only here: %s" % sorted(set(want) - set(got))[:5])
    # A differential test where nothing matches proves little.
    ok = nonempty >= len(exprs) // 3
    print("%s %d - %d of %d expressions select some but not all articles" %
          ("ok" if ok else "not ok", len(exprs) + 1, nonempty, len(exprs)))


if __name__ == "__main__":
    main()
