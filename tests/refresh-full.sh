#!/bin/sh
# refresh-full.sh: a refresh on a disk that fills up tells the truth.
#
# The database lives on a small tmpfs, mounted in a private mount
# namespace (unshare; as root, or in a user namespace otherwise): the
# disk is really full, SQLite really gets ENOSPC, nothing in gazette
# knows it is a test.  Skipped where such a mount is not allowed.
#  - The summary counts only what was committed; the full disk is said
#    once (not once per feed), the exit status is 1, and no later feed
#    fails for a feed row lost with a rolled-back group (FOREIGN KEY).
#  - With room again, the next refresh stores everything.
#  - An index that cannot be updated (the disk is full, the articles
#    are stored) exits 1, and `search` says so instead of blaming
#    another process.
. "$srcdir/tests/tap.sh"

if [ -z "${REFRESH_FULL_INSIDE:-}" ]; then
	command -v unshare >/dev/null 2>&1 || skip_all "unshare is not installed"
	if [ "$(id -u)" -eq 0 ]; then
		set -- unshare --mount --propagation private
	else
		set -- unshare --user --map-root-user --mount
	fi
	d=$(mktemp -d "${TMPDIR:-/tmp}/gazette-full.XXXXXX")
	"$@" sh -c 'mount -t tmpfs -o size=1m tmpfs "$0"' "$d" \
	    > "$d.err" 2>&1
	rc=$?
	rmdir "$d"
	why=$(head -1 "$d.err")
	rm -f "$d.err"
	[ $rc -eq 0 ] || skip_all "no tmpfs in a private mount namespace ($why)"
	REFRESH_FULL_INSIDE=1 exec "$@" sh "$0"
fi

. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
DISK="$T/disk"
mkdir "$DISK"
mount -t tmpfs -o size=1m tmpfs "$DISK" ||
    { echo "Bail out! cannot mount the tmpfs"; exit 1; }
trap 'kill $HTTPD_PID 2>/dev/null; umount "$DISK"; rm -rf "$T"' EXIT

# gen NAME ITEMS BYTES: an RSS file of ITEMS items of BYTES of text.
gen() {
	python3 - "$DOCS" "$@" <<'EOF'
import sys
d, name, n, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
word = "lorem ipsum dolor sit amet %s consectetur adipiscing elit " % name
with open("%s/%s.xml" % (d, name), "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>Feed %s</title>\n' % name)
    for i in range(1, n + 1):
        body = (word + str(i) + " ") * (size // len(word) + 1)
        f.write("<item><guid>%s-%d</guid><title>%s item %d</title>"
                "<description>%s</description></item>\n"
                % (name, i, name, i, body[:size]))
    f.write("</channel></rss>\n")
EOF
}

# articles DB: articles stored; feeds_with_articles DB: feeds that have some.
articles() {
	"$GAZETTE" -d "$1" list --json 2>/dev/null | grep -c '"guid"'
}
feeds_with_articles() {
	"$GAZETTE" -d "$1" list --json 2>/dev/null |
	    sed -n 's/.*"feed":"\([^"]*\)".*/\1/p' | sort -u | wc -l
}
# summary FIELD: a number from the summary line in $T/err.
summary() {
	sed -n "s/.* \([0-9]*\) $1.*/\1/p" "$T/err" | tail -1
}

# 1. Four small feeds and three of 1500 articles (1.6 MB each): the
#    1 MB disk holds a small one at most.
: > "$T/urls"
for f in s1 b1 s2 b2 s3 b3 s4; do
	case $f in
	s*) gen $f 5 200 ;;
	b*) gen $f 1500 1000 ;;
	esac
	echo "$BASE/feed/$f.xml" >> "$T/urls"
done
DB="$DISK/g.db"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
st=$?
sed 's/^/# /' "$T/err"
check "a refresh on a full disk exits 1 ($st)" [ $st -eq 1 ]
check "the full disk is said once" [ "$(grep -c 'disk full' "$T/err")" -eq 1 ]
check "no feed is named for it" [ "$(grep -c "$BASE" "$T/err")" -eq 0 ]
check "no feed fails for a lost feed row" sh -c '! grep -q "FOREIGN KEY" "$1"' \
    sh "$T/err"
n=$(articles "$DB")
check "the summary's new articles are the stored ones ($(summary 'new') = $n)" \
    [ "$(summary 'new')" = "$n" ]
n=$(feeds_with_articles "$DB")
check "its fetched feeds are the stored ones ($(summary 'fetched') = $n)" \
    [ "$(summary 'fetched')" = "$n" ]
check "and some feeds were not stored" [ "$(summary 'failed')" -ge 1 ]

# 2. Room again: the next refresh stores everything.
mount -t tmpfs -o remount,size=64m tmpfs "$DISK" ||
    { echo "Bail out! cannot grow the tmpfs"; exit 1; }
"$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
st=$?
sed 's/^/# /' "$T/err"
check "with room again the refresh exits 0 ($st)" [ $st -eq 0 ]
check "every article is stored" [ "$(articles "$DB")" -eq 4520 ]
"$GAZETTE" -d "$DB" search --limit 5000 --json b3 > "$T/out" 2> "$T/err"
check "and found" [ "$(grep -c '"guid"' "$T/out")" -eq 1500 ]
check "search says nothing else" [ ! -s "$T/err" ]

# 3. Articles stored, not indexed (a refresh killed, its index file
#    lost: the indexer thread follows every commit, so only a missing
#    index is behind by all of them), then the disk fills up.  Feeds
#    with a ttl: the next refresh skips them and writes nothing but the
#    index.
LAG="$DISK/lag.db"
: > "$T/urls-ttl"
for f in t1 t2 t3; do
	mkfeed "$DOCS/$f.xml" "$f" 20 60
	echo "$BASE/feed/$f.xml" >> "$T/urls-ttl"
done
mkfeed "$DOCS/t4.xml" t4 20
{ cat "$T/urls-ttl"; echo "$BASE/slow/t4.xml @low-speed=0/0 @timeout=120"; } \
    > "$T/urls-slow"
"$GAZETTE" -u "$T/urls-slow" -d "$LAG" refresh --quiet > /dev/null 2>&1 &
pid=$!
i=0
while [ "$(python3 -c 'import sqlite3, sys
try:
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=5)
    print(db.execute("SELECT count(*) FROM items").fetchone()[0])
except sqlite3.Error:
    print(0)' "$LAG")" -lt 60 ] && [ $i -lt 300 ]; do
	i=$((i + 1))
	sleep 0.1
done
kill -9 $pid
wait $pid 2>/dev/null
rm -f "$LAG-search" "$LAG-search-wal" "$LAG-search-shm"
# A clean close takes the WAL away; a connection left open (a reader, as
# the interface would be) keeps it empty, so every later write needs
# new room.
python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM items").fetchone()
db.close()' "$LAG"
python3 -c 'import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM items").fetchone()
open(sys.argv[2], "w").close()
time.sleep(600)' "$LAG" "$T/holding" &
holder=$!
trap 'kill $HTTPD_PID $holder 2>/dev/null; umount "$DISK"; rm -rf "$T"' EXIT
i=0
while [ ! -e "$T/holding" ] && [ $i -lt 300 ]; do
	i=$((i + 1))
	sleep 0.1
done
check "60 articles stored, the WAL empty" \
    [ "$(articles "$LAG")" -eq 60 ] && [ ! -s "$LAG-wal" ]
dd if=/dev/zero of="$DISK/filler" bs=64k > /dev/null 2>&1
check "the disk is full" [ "$(df -P "$DISK" | awk 'NR == 2 { print $4 }')" -eq 0 ]
# (By URL: a full refresh would mark t4, not listed, as gone: a write.)
"$GAZETTE" -u "$T/urls-ttl" -d "$LAG" refresh $(cut -d' ' -f1 "$T/urls-ttl") \
    > "$T/out" 2> "$T/err"
st=$?
sed 's/^/# /' "$T/err"
check "a refresh whose index fails exits 1 ($st)" [ $st -eq 1 ]
check "and says so" grep -q 'search index not updated' "$T/err"
check "the feeds were skipped (not due)" [ "$(summary 'skipped')" = 3 ]
"$GAZETTE" -d "$LAG" search words > "$T/out" 2> "$T/err"
sed 's/^/# /' "$T/err"
check "search does not blame another process" \
    sh -c '! grep -q "another process" "$1"' sh "$T/err"
check "it says the index could not be updated" \
    grep -q 'could not be updated' "$T/err"
rm -f "$DISK/filler"
"$GAZETTE" -d "$LAG" search --limit 100 --json words > "$T/out" 2> "$T/err"
check "with room again search catches up" \
    [ "$(grep -c '"guid"' "$T/out")" -eq 60 ] && [ ! -s "$T/err" ]

tap_done
