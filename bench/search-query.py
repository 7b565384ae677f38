#!/usr/bin/env python3
"""bench/search-query.py GAZETTE DBFILE [RUNS]

Wall-clock milliseconds (what a person waits) and CPU milliseconds of
the gazette process (user + system: steadier on a shared machine).

Latency of the whole `gazette search --limit 20 QUERY` process (spawn,
open, sync check, query, snippets, output) for the planted words of
bench/search-gen.c, p50 and p95 over RUNS runs (default 21, after one
warm-up run), with the number of matching articles, after the same
figures for the program named by BENCH_EMPTY (bench/empty: the floor);
then the size of the search index file beside the store's.
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
empty = os.environ.get("BENCH_EMPTY")

con = sqlite3.connect(db)
total = con.execute("SELECT count(*) FROM items").fetchone()[0]
# The index lives in a file of its own beside the store (DBFILE-search).
con.execute("ATTACH ? AS ix", (db + "-search",))


def count(expr):
    return con.execute("SELECT count(*) FROM ix.search_fts WHERE"
                       " search_fts MATCH ?", (expr,)).fetchone()[0]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def timed(argv):
    """Wall and CPU ms of RUNS runs of argv after one warm-up run."""
    times = []
    cpus = []
    for i in range(runs + 1):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        rc = subprocess.run(argv, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        t1 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if rc != 0:
            sys.exit("%s failed: exit %d" % (" ".join(argv), rc))
        if i > 0:
            times.append((t1 - t0) * 1000.0)
            cpus.append((r1.ru_utime - r0.ru_utime + r1.ru_stime -
                         r0.ru_stime) * 1000.0)
    return times, cpus


def row(name, n, share, times, cpus):
    print("%-22s %9s %7s %8.1f %8.1f %8.1f %8.1f" % (
        name, n, share, statistics.median(times), pct(times, 95),
        statistics.median(cpus), pct(cpus, 95)))


print("%-22s %9s %7s %8s %8s %8s %8s" % (
    "query", "matches", "share", "p50 ms", "p95 ms", "cpu p50", "cpu p95"))
# The floor of this method: a C program that does nothing (bench/empty),
# spawned and waited for the same way, in the same run.
if empty is not None:
    row("empty C program", "-", "-", *timed([empty]))
for r in ("001", "01", "10"):
    for kind, q, expr in (
            ("one word", "onew" + r, "onew" + r),
            ("two words", "twoa%s twob%s" % (r, r), "twoa%s twob%s" % (r, r)),
            ("phrase", '"phra%s phrb%s"' % (r, r),
             '"phra%s phrb%s"' % (r, r)),
            ("prefix", "pfx%s*" % r, "pfx%s*" % r)):
        n = count(expr)
        row(kind + " " + q, n, "%6.2f%%" % (100.0 * n / total),
            *timed([gazette, "-d", db, "search", "--limit", "20", q]))

size = os.path.getsize(db)
idx = os.path.getsize(db + "-search")
print("database %.1f MB, search index (%s-search) %.1f MB (%.1f%% of both),"
      " %d articles" % (size / 1e6, os.path.basename(db), idx / 1e6,
                        100.0 * idx / (size + idx), total))
