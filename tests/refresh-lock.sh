#!/bin/sh
# refresh-lock.sh: the locks a refresh holds.
#  - SQLite's write lock only while it writes what it received, never
#    while it waits on the network: with a feed that drips two bytes a
#    second, a write from another process lands at once, while that feed
#    is still downloading.
#  - The refresh lock (one refresh at a time) belongs to the database
#    file, not to the path it was named by: a second refresh through a
#    symbolic link to the file, or to its directory, exits 3.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/g.db"
# good has a ttl: the later refreshes list it (a full refresh marks the
# feeds its urls file does not list as gone) but do not fetch it.
mkfeed "$DOCS/good.xml" good 3 60
mkfeed "$DOCS/drip.xml" drip 20
printf '%s\n' "$BASE/feed/good.xml" > "$T/urls-good"
"$GAZETTE" -u "$T/urls-good" -d "$DB" refresh --quiet > "$T/out" 2>&1 ||
    { cat "$T/out" >&2; echo "Bail out! the first refresh failed"; exit 1; }

# write SECONDS: flag the article good-1 from another process (python's
# sqlite3, a busy timeout of SECONDS); prints how long it waited, or
# "locked" when the timeout ran out.
write() {
	python3 - "$DB" "$1" <<'EOF'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=float(sys.argv[2]),
                     isolation_level=None)
t0 = time.monotonic()
try:
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE items SET flagged = 1 WHERE guid = 'good-1'")
    db.execute("COMMIT")
    print("%.3f" % (time.monotonic() - t0))
except sqlite3.OperationalError as e:
    print("locked after %.3f s: %s" % (time.monotonic() - t0, e))
EOF
}

# drip_fetched: has the refresh stored anything about the dripping feed?
drip_fetched() {
	python3 - "$DB" "$BASE/drip/drip.xml" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=5)
r = db.execute("SELECT last_fetch FROM feeds WHERE url = ?",
               (sys.argv[2],)).fetchone()
sys.exit(0 if r is not None and r[0] else 1)
EOF
}

# The dripping feed: headers at once, then two bytes a second (about
# 20 minutes for the whole document; the test ends it long before).
{ cat "$T/urls-good"
  printf '%s @low-speed=0/0 @timeout=600\n' "$BASE/drip/drip.xml"; } \
    > "$T/urls-drip"
"$GAZETTE" -u "$T/urls-drip" -d "$DB" refresh --quiet > "$T/drip.out" 2>&1 &
pid=$!
# The server logs the request before the first byte of the body: the
# refresh has set itself up by then.
i=0
while [ "$(requests /drip/drip.xml)" -eq 0 ] && [ $i -lt 300 ]; do
	i=$((i + 1))
	sleep 0.05
done
check "the dripping feed is being fetched" [ "$(requests /drip/drip.xml)" -ge 1 ]
# and a few of its bytes have arrived
sleep 2
w=$(write 3)
case $w in
locked*) fail "a write from another process lands during the refresh ($w)" ;;
*) ok "a write from another process lands during the refresh (${w} s)" ;;
esac
check "while the dripping feed was still downloading" kill -0 $pid
if drip_fetched; then fail "the dripping feed was not stored yet"
else ok "the dripping feed was not stored yet"; fi

# The refresh lock, taken by the dripping refresh, through other names.
ln -s "$DB" "$T/link.db"
mkdir "$T/sub"
ln -s "$T" "$T/sub/dir"
"$GAZETTE" -u "$T/urls-good" -d "$T/link.db" refresh > "$T/out" 2>&1
check "a second refresh through a symlink to the file exits 3" [ $? -eq 3 ]
check "and says why" grep -q 'another refresh' "$T/out"
"$GAZETTE" -u "$T/urls-good" -d "$T/sub/dir/g.db" refresh > "$T/out" 2>&1
check "through a symlinked directory too" [ $? -eq 3 ]
"$GAZETTE" -u "$T/urls-good" -d "$T/sub/../g.db" refresh > "$T/out" 2>&1
check "through a path with .. too" [ $? -eq 3 ]
"$GAZETTE" -u "$T/urls-good" -d "$DB" refresh > "$T/out" 2>&1
check "and by its own name" [ $? -eq 3 ]

# The drip ends with the refresh; the write is still there.
kill $pid 2>/dev/null
wait $pid 2>/dev/null
check "the article flagged from outside stays flagged" \
    sh -c '"$GAZETTE" -d "$1" list --json | grep "\"good-1\"" |
    grep -q "\"flagged\":true"' sh "$DB"

# A refresh through the link, alone, works (and locks the same file).
"$GAZETTE" -u "$T/urls-good" -d "$T/link.db" refresh --quiet > "$T/out" 2>&1
check "a refresh through the link works when alone" [ $? -eq 0 ]
check "the link is still a link" [ -L "$T/link.db" ]

tap_done
