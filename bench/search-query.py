#!/usr/bin/env python3
"""bench/search-query.py GAZETTE DBFILE [RUNS]

Wall-clock milliseconds (what a person waits) and CPU milliseconds of
the gazette process (user + system: steadier on a shared machine).

Latency of the whole `gazette search --limit 20 QUERY` process (spawn,
open, sync check, query, snippets, output) for the planted words of
bench/search-gen.c, p50 and p95 over RUNS runs (default 21, after one
warm-up run), with the number of matching articles; then the size of the
search index as a share of the database file.
"""
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time

gazette, db = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21

con = sqlite3.connect(db)
total = con.execute("SELECT count(*) FROM items").fetchone()[0]


def count(expr):
    return con.execute("SELECT count(*) FROM search_fts WHERE search_fts"
                       " MATCH ?", (expr,)).fetchone()[0]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


print("%-22s %9s %7s %8s %8s %8s %8s" % (
    "query", "matches", "share", "p50 ms", "p95 ms", "cpu p50", "cpu p95"))
for r in ("001", "01", "10"):
    for kind, q, expr in (
            ("one word", "onew" + r, "onew" + r),
            ("two words", "twoa%s twob%s" % (r, r), "twoa%s twob%s" % (r, r)),
            ("phrase", '"phra%s phrb%s"' % (r, r),
             '"phra%s phrb%s"' % (r, r)),
            ("prefix", "pfx%s*" % r, "pfx%s*" % r)):
        n = count(expr)
        times = []
        cpus = []
        for i in range(runs + 1):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            rc = subprocess.run([gazette, "-d", db, "search", "--limit", "20",
                                 q], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
            t1 = time.perf_counter()
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            if rc != 0:
                sys.exit("search %s failed: exit %d" % (q, rc))
            if i > 0:
                times.append((t1 - t0) * 1000.0)
                cpus.append((r1.ru_utime - r0.ru_utime + r1.ru_stime -
                             r0.ru_stime) * 1000.0)
        print("%-22s %9d %6.2f%% %8.1f %8.1f %8.1f %8.1f" % (
            kind + " " + q, n, 100.0 * n / total, statistics.median(times),
            pct(times, 95), statistics.median(cpus), pct(cpus, 95)))

size = os.path.getsize(db)
try:
    idx = con.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE"
                      " 'search%'").fetchone()[0] or 0
    print("database %.1f MB, search index %.1f MB (%.1f%%), %d articles" % (
        size / 1e6, idx / 1e6, 100.0 * idx / size, total))
except sqlite3.OperationalError as e:
    print("database %.1f MB (index size needs dbstat: %s)" % (size / 1e6, e))
