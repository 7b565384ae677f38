#!/usr/bin/env python3
# refresh-times.py [-m none|max|count] DB CMD...: run CMD (a cold
# `gazette refresh` on DB) and print "WALL CPU LISTED WAL" : the wall
# time to its exit in seconds (gazette refresh exits once everything it
# stored is searchable), the CPU seconds of the command and its children
# (not this script's), when every article it ended with was first
# listed (seconds, "-" with -m none), and the largest size in bytes that
# DB's -wal file reached (stat(2) every 10 ms, which takes no lock).
#
# Watching the store may cost the writer: a reader's snapshot keeps the
# checkpointer from copying past it and, while the reader holds it,
# from starting the WAL over.  The WAL's size when gazette exits says
# nothing of that: SQLite deletes the file at the close of its last
# connection, so it is gone after an unwatched run and left whole
# (~68 MB at 1000 feeds) whenever a reader is still connected; hence
# the peak, seen by stat.  The modes:
#   none   no reader at all: what wall and CPU are measured with
#   max    (default) every 10 ms, one read transaction of
#          SELECT max(id) FROM items (an index descent, microseconds),
#          ended at once.  Item ids are only ever handed out upwards and
#          a cold refresh of the bench's feeds deletes none, so the first
#          time the last article's id is visible, every article is
#          (transactions commit in order).
#   count  the old poller, SELECT count(*) FROM items every 10 ms (a
#          scan of an index of the whole table per poll): kept to show
#          what it costs.
import os
import resource
import sqlite3
import subprocess
import sys
import time

mode = "max"
args = sys.argv[1:]
if args[:1] == ["-m"]:
    mode, args = args[1], args[2:]
if mode not in ("none", "max", "count") or len(args) < 2:
    sys.exit("usage: refresh-times.py [-m none|max|count] DB CMD...")
db, cmd = args[0], args[1:]
query = {"max": "SELECT max(id) FROM items",
         "count": "SELECT count(*) FROM items"}.get(mode)


def walsize():
    try:
        return os.stat(db + "-wal").st_size
    except OSError:
        return 0


samples = []
wal = 0
t0 = time.monotonic()
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
conn = None
while p.poll() is None:
    wal = max(wal, walsize())
    if query is not None:
        try:
            if conn is None:
                conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True,
                                       timeout=0.05)
            if mode == "count":
                # As the bench did before (issue 14), unchanged.
                n = conn.execute(query).fetchone()[0]
            else:
                cur = conn.execute(query)
                n = cur.fetchone()[0] or 0
                # End the statement, hence the read transaction, now.
                cur.close()
            samples.append((time.monotonic() - t0, n))
        except sqlite3.Error:
            if conn is not None:
                conn.close()
            conn = None
    time.sleep(0.01)
wall = time.monotonic() - t0
wal = max(wal, walsize())
r = resource.getrusage(resource.RUSAGE_CHILDREN)
if conn is not None:
    conn.close()
listed = "-"
if query is not None:
    final = sqlite3.connect("file:%s?mode=ro" % db, uri=True).execute(
        query).fetchone()[0] or 0
    listed = "%.3f" % next((t for t, n in samples if n >= final), wall)
print("%.3f %.3f %s %d" % (wall, r.ru_utime + r.ru_stime, listed, wal))
