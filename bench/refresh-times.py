#!/usr/bin/env python3
# refresh-times.py DB CMD...: run CMD (a cold `gazette refresh` on DB)
# and print "WALL CPU LISTED" in seconds: the wall time to its exit
# (gazette refresh exits once everything it stored is searchable), the
# CPU time of the command and its children, and when every article it
# ended with was first listed (the store's items, read-only, polled
# every 10 ms through SQLite: what `gazette list` sees).
import resource
import sqlite3
import subprocess
import sys
import time

db, cmd = sys.argv[1], sys.argv[2:]
samples = []
t0 = time.monotonic()
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
conn = None
while p.poll() is None:
    try:
        if conn is None:
            conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True,
                                   timeout=0.05)
        n = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        samples.append((time.monotonic() - t0, n))
    except sqlite3.Error:
        conn = None
    time.sleep(0.01)
wall = time.monotonic() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
final = sqlite3.connect("file:%s?mode=ro" % db, uri=True).execute(
    "SELECT count(*) FROM items").fetchone()[0]
listed = next((t for t, n in samples if n >= final), wall)
print("%.3f %.3f %.3f" % (wall, r.ru_utime + r.ru_stime, listed))
