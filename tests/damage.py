#!/usr/bin/env python3
"""damage.py: overwrite pages of a real gazette database with garbage.

    damage.py DB FEED_URL N

Finds the leaf pages of the items table that hold only articles of
FEED_URL (reading each leaf's cells for their rowids), and overwrites the
N of them holding its newest rows (the highest ids: the last articles
stored, which the interface shows first) with a fixed garbage pattern.
Prints the page numbers.  The database must have no WAL (closed
cleanly); the file keeps its size.
"""

import sqlite3
import sys


def varint(buf, i):
    """SQLite's big-endian varint at buf[i]: (value, next index)."""
    v = 0
    for k in range(8):
        b = buf[i + k]
        v = (v << 7) | (b & 0x7F)
        if b < 0x80:
            return v, i + k + 1
    return (v << 8) | buf[i + 8], i + 9


def leaf_rowids(page, first):
    """The rowids of a table leaf page (0x0d); page 1 has the header."""
    base = 100 if first else 0
    if page[base] != 0x0D:
        return []
    n = int.from_bytes(page[base + 3:base + 5], "big")
    out = []
    for c in range(n):
        at = int.from_bytes(page[base + 8 + 2 * c:base + 10 + 2 * c], "big")
        _, at = varint(page, at)        # payload size
        rowid, _ = varint(page, at)
        out.append(rowid)
    return out


def main():
    db, url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    ids = {r[0] for r in con.execute(
        "SELECT i.id FROM items i JOIN feeds f ON f.id = i.feed_id"
        " WHERE f.url = ?", (url,))}
    leaves = [r[0] for r in con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'items'"
        " AND pagetype = 'leaf' ORDER BY path")]
    con.close()
    mine = []
    with open(db, "r+b") as fp:
        for p in leaves:
            fp.seek((p - 1) * size)
            rows = leaf_rowids(fp.read(size), p == 1)
            if rows and set(rows) <= ids:
                mine.append((max(rows), p))
        pick = [p for _, p in sorted(mine)[-n:]]
        if len(pick) < n:
            sys.exit("damage.py: only %d pages hold %s alone" % (len(pick), url))
        garbage = (b"\xde\xad\xbe\xef" * (size // 4 + 1))[:size]
        for p in pick:
            fp.seek((p - 1) * size)
            fp.write(garbage)
    print(" ".join(str(p) for p in sorted(pick)))


if __name__ == "__main__":
    main()
