#!/bin/sh
# refresh-index.sh: a refresh indexes for search while it still fetches
# (on its indexer thread, into the index file beside the store), and a
# refresh killed in the middle leaves an index that is consistent and
# catches up.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/db"

# gen DIR FEEDS ITEMS [WORD]: RSS files f1.xml..fFEEDS.xml; every item of
# feed k says "wordfk" (or WORD), the last one also "lastfk".
gen() {
	python3 - "$@" <<'EOF'
import sys
d, feeds, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
word = sys.argv[4] if len(sys.argv) > 4 else None
for k in range(1, feeds + 1):
    w = word or "wordf%d" % k
    with open("%s/f%d.xml" % (d, k), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
                '<channel><title>Feed %d</title><link>http://example.org/</link>\n' % k)
        for n in range(1, items + 1):
            last = " lastf%d" % k if n == items else ""
            f.write("<item><guid>f%d-%d</guid><title>Item %d of feed %d</title>"
                    "<pubDate>Tue, 14 Nov 2023 22:13:%02d GMT</pubDate>"
                    "<description>&lt;p&gt;Some %s text%s for item %d.&lt;/p&gt;"
                    "</description></item>\n" % (k, n, n, k, n % 60, w, last, n))
        f.write("</channel></rss>\n")
EOF
}

# covered: articles stored, and how many of them the index covers
covered() {
	python3 - "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=5)
try:
    n = db.execute("SELECT count(*) FROM items").fetchone()[0]
    ix = sqlite3.connect("file:%s-search?mode=ro" % sys.argv[1], uri=True,
                         timeout=5)
    s = ix.execute("SELECT value FROM search_state WHERE key = 'seq'").fetchone()
    c = db.execute("SELECT count(*) FROM items WHERE seq <= ?",
                   (s[0] if s else 0,)).fetchone()[0]
except sqlite3.Error:
    n, c = 0, 0
print(n, c)
EOF
}

# hits QUERY: how many articles a search finds
hits() {
	"$GAZETTE" -d "$DB" search --limit 100000 --json "$1" 2>/dev/null |
	    grep -c '"guid"'
}

gen "$DOCS" 11 1000
: > "$T/urls"
k=1
while [ $k -le 11 ]; do
	echo "$BASE/feed/f$k.xml" >> "$T/urls"
	k=$((k + 1))
done
cp "$T/urls" "$T/urls-fast"
# one server that answers one byte a second keeps the refresh running
echo "$BASE/slow/f1.xml" >> "$T/urls"

"$GAZETTE" -u "$T/urls" -d "$DB" refresh --quiet > "$T/out" 2>&1 &
pid=$!
i=0
cov="0 0"
while [ $i -lt 300 ]; do
	cov=$(covered)
	set -- $cov
	[ "$1" -ge 11000 ] && [ "$2" -ge 10000 ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
set -- $cov
check "the 11000 articles are stored while the refresh runs ($1)" \
    [ "$1" -eq 11000 ]
check "and at least 10000 of them are already indexed ($2)" \
    [ "$2" -ge 10000 ]
check "the refresh was still fetching then" kill -0 $pid 2>/dev/null
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null

"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "after kill -9 the index is consistent" [ $? -eq 0 ]
"$GAZETTE" -u "$T/urls-fast" -d "$DB" refresh --quiet --force > "$T/out" 2>&1
check "a second refresh exits 0" [ $? -eq 0 ]
set -- $(covered)
check "then every article is indexed ($1 $2)" [ "$1" -eq 11000 ] && \
    [ "$2" -eq 11000 ]
check "the first feed's articles are found" [ "$(hits wordf1)" -eq 1000 ]
check "the last feed's last article is found" [ "$(hits lastf11)" -eq 1 ]

# Every feed changes its text: the index follows, in the same refresh.
gen "$DOCS" 11 1000 changedword
"$GAZETTE" -u "$T/urls-fast" -d "$DB" refresh --quiet --force > "$T/out" 2>&1
check "the refresh of changed articles exits 0" [ $? -eq 0 ]
check "the new text is found in every article" \
    [ "$(hits changedword)" -eq 11000 ]
check "the old text is gone" [ "$(hits wordf3)" -eq 0 ]
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "consistent after the changes" [ $? -eq 0 ]
check "still 11000 articles" [ "$(hits changedword)" -eq 11000 ]

# The indexer opens the index (on a first refresh: makes it) as soon as
# the refresh starts, not once articles wait for it: while the one feed
# still drips, nothing is stored, yet the index is ready.
index_made() {
	python3 - "$T/db2-search" <<'EOF'
import sqlite3, sys
try:
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=5)
    db.execute("SELECT value FROM search_state WHERE key = 'seq'").fetchone()
except sqlite3.Error:
    sys.exit(1)
EOF
}
echo "$BASE/slow/f1.xml" > "$T/urls-slow"
"$GAZETTE" -u "$T/urls-slow" -d "$T/db2" refresh --quiet > "$T/out" 2>&1 &
pid=$!
wait_until 120 index_made
made=$?
check "a first refresh makes the index while its feed is still fetched" \
    sh -c "[ $made -eq 0 ] && kill -0 $pid 2>/dev/null"
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null

tap_done
