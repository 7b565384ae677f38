#!/usr/bin/env python3
"""bench/search-newsboat.py GAZETTE_DB NEWSBOAT_DB [RUNS]

What newsboat does when a person searches, on the same articles as a
gazette database made by bench/search-gen.c, for comparison with
bench/search-query.py.

newsboat has no search command; its search (the / prompt) runs one SQL
statement over its cache, Cache::search_for_items in src/cache.cpp:

    SELECT guid, title, author, url, pubDate, length(content), unread,
           feedurl, enclosure_url, enclosure_type, enclosure_description,
           enclosure_description_mime_type, enqueued, flags, base
    FROM rss_item
    WHERE (title LIKE '%QUERY%' OR content LIKE '%QUERY%') AND deleted = 0
    ORDER BY pubDate DESC, id DESC;

with PRAGMA case_sensitive_like=OFF: a scan of every article's title and
HTML, unranked, every match read (no limit), ASCII case folding only, no
accent folding, and the whole query text as one substring (two words
match only side by side, in that order; there is no prefix syntax).

NEWSBOAT_DB is built once if absent: newsboat's schema (2.33: the tables,
ALTER TABLEs and indexes newsboat creates, ANALYZE run on the empty
tables as newsboat does) filled with the gazette database's articles in
storage order, content as the feed's HTML, as newsboat stores it.

Each query runs RUNS times (default 11, after one warm-up) on a fresh
connection, as a newly started reader would; the figures are the CPU
milliseconds (user + system) of this process for opening the cache and
running the statement to the end, p50 and p95, and wall p50.  The
search patterns are the words of bench/search-query.py's queries.
"""
import os
import resource
import sqlite3
import statistics
import sys
import time

SCHEMA = [
    "CREATE TABLE rss_feed ( rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,"
    " url VARCHAR(1024) NOT NULL, title VARCHAR(1024) NOT NULL );",
    "CREATE TABLE rss_item ( id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
    " guid VARCHAR(64) NOT NULL, title VARCHAR(1024) NOT NULL,"
    " author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,"
    " feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL,"
    " content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL );",
    "CREATE TABLE google_replay ( id INTEGER PRIMARY KEY AUTOINCREMENT"
    " NOT NULL, guid VARCHAR(64) NOT NULL, state INTEGER NOT NULL,"
    " ts INTEGER NOT NULL );",
    "ALTER TABLE rss_item ADD enclosure_url VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enclosure_type VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enqueued INTEGER(1) NOT NULL DEFAULT 0;",
    "ALTER TABLE rss_item ADD flags VARCHAR(52);",
    "CREATE INDEX IF NOT EXISTS idx_rssurl ON rss_feed(rssurl);",
    "CREATE INDEX IF NOT EXISTS idx_guid ON rss_item(guid);",
    "CREATE INDEX IF NOT EXISTS idx_feedurl ON rss_item(feedurl);",
    "ANALYZE;",
    "ALTER TABLE rss_feed ADD lastmodified INTEGER(11) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_lastmodified ON rss_feed(lastmodified);",
    "ALTER TABLE rss_item ADD deleted INTEGER(1) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_deleted ON rss_item(deleted);",
    "ALTER TABLE rss_feed ADD is_rtl INTEGER(1) NOT NULL DEFAULT 0;",
    "ALTER TABLE rss_feed ADD etag VARCHAR(128) NOT NULL DEFAULT \"\";",
    "ALTER TABLE rss_item ADD base VARCHAR(128) NOT NULL DEFAULT \"\";",
    "CREATE TABLE metadata ( db_schema_version_major INTEGER NOT NULL,"
    " db_schema_version_minor INTEGER NOT NULL );",
    "INSERT INTO metadata VALUES ( 2, 11 );",
    "ALTER TABLE rss_item ADD COLUMN content_mime_type VARCHAR(255)"
    " NOT NULL DEFAULT \"\";",
    "ALTER TABLE rss_item ADD COLUMN enclosure_description VARCHAR(1024)"
    " NOT NULL DEFAULT \"\";",
    "ALTER TABLE rss_item ADD COLUMN enclosure_description_mime_type"
    " VARCHAR(128) NOT NULL DEFAULT \"\";",
    "UPDATE metadata SET db_schema_version_major = 2,"
    " db_schema_version_minor = 33;",
]

SEARCH = ("SELECT guid, title, author, url, pubDate, length(content), unread,"
          " feedurl, enclosure_url, enclosure_type, enclosure_description,"
          " enclosure_description_mime_type, enqueued, flags, base"
          " FROM rss_item"
          " WHERE (title LIKE ? OR content LIKE ?) AND deleted = 0"
          " ORDER BY pubDate DESC, id DESC;")


def build(gazette_db, path):
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.unlink(tmp)
    t0 = time.perf_counter()
    con = sqlite3.connect(tmp, isolation_level=None)
    for sql in SCHEMA:
        con.execute(sql)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("ATTACH ? AS g", (gazette_db,))
    con.execute("BEGIN")
    con.execute("INSERT INTO rss_feed (rssurl, url, title)"
                " SELECT url, coalesce(link, ''), coalesce(title, '')"
                " FROM g.feeds ORDER BY id")
    con.execute("INSERT INTO rss_item (guid, title, author, url, feedurl,"
                " pubDate, content, unread, content_mime_type)"
                " SELECT i.guid, coalesce(i.title, ''),"
                " coalesce(i.author, ''), coalesce(i.link, ''), f.url,"
                " coalesce(i.published, i.sort_date),"
                " coalesce(i.content, ''), 1 - i.read, 'text/html'"
                " FROM g.items i JOIN g.feeds f ON f.id = i.feed_id"
                " ORDER BY i.id")
    con.execute("COMMIT")
    con.execute("DETACH g")
    con.close()
    os.rename(tmp, path)
    print("built %s in %.1f s" % (path, time.perf_counter() - t0))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def main():
    gazette_db, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
    if not os.path.exists(path):
        build(gazette_db, path)
    con = sqlite3.connect(path)
    total = con.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    plan = con.execute("EXPLAIN QUERY PLAN " + SEARCH, ("%x%", "%x%"))
    print("newsboat cache: %d articles, %.1f MB; plan: %s" % (
        total, os.path.getsize(path) / 1e6,
        "; ".join(r[3] for r in plan.fetchall())))
    con.close()
    print("%-26s %8s %7s %8s %8s %8s" % (
        "newsboat search", "rows", "share", "cpu p50", "cpu p95",
        "wall p50"))
    for r in ("001", "01", "10"):
        for kind, text in (("one word", "onew" + r),
                           ("two words", "twoa%s twob%s" % (r, r)),
                           ("phrase", "phra%s phrb%s" % (r, r)),
                           ("prefix", "pfx" + r)):
            like = "%" + text + "%"
            cpus, walls = [], []
            n = 0
            for i in range(runs + 1):
                r0 = resource.getrusage(resource.RUSAGE_SELF)
                t0 = time.perf_counter()
                c = sqlite3.connect(path)
                c.execute("PRAGMA synchronous = OFF")
                c.execute("PRAGMA case_sensitive_like = OFF")
                n = len(c.execute(SEARCH, (like, like)).fetchall())
                c.close()
                t1 = time.perf_counter()
                r1 = resource.getrusage(resource.RUSAGE_SELF)
                if i > 0:
                    walls.append((t1 - t0) * 1000.0)
                    cpus.append((r1.ru_utime - r0.ru_utime + r1.ru_stime -
                                 r0.ru_stime) * 1000.0)
            print("%-26s %8d %6.2f%% %8.0f %8.0f %8.0f" % (
                kind + " " + text, n, 100.0 * n / total,
                statistics.median(cpus), pct(cpus, 95),
                statistics.median(walls)))


main()
