#!/bin/sh
# ui_firstscreen.sh: the feed list's first screen reads only the rows it
# shows (store_feeds_first) and the rest right after it is drawn.
#  - Counted: the page faults of a first screen (GAZETTE_EXIT_AFTER_DRAW)
#    of 3000 feeds against one of 100 (tests/firstscreen-faults.py).
#    A row built for every feed took some 345 more; the pages of the
#    feeds table that the header's totals sum take some 50.
#  - Seen (tmux): the first screen is the whole list's first rows, with
#    the totals of every feed, read feeds shown or hidden, a gone feed
#    left out and an error marked; End reaches the last feed at once.
#  - With a urls file, its sync to the store waits for the whole list:
#    the first screen is the file's all the same (a new feed, a gone one
#    listed again, a title, a hidden feed, a query feed, a separator),
#    and the sync is done before gazette ends however early it quits
#    (cleanup-on-quit would take the feed listed again).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "needs python3"
[ "$(uname -s)" = Linux ] || skip_all "counts page faults as Linux does"

"$FILL" "$T/small.db" 100 1 >/dev/null &&
    "$FILL" "$T/big.db" 3000 1 >/dev/null ||
    { echo "Bail out! ui_fill failed"; exit 1; }
small=$(python3 "$srcdir/tests/firstscreen-faults.py" 3 "$GAZETTE" \
    -d "$T/small.db" -u /dev/null)
big=$(python3 "$srcdir/tests/firstscreen-faults.py" 3 "$GAZETTE" \
    -d "$T/big.db" -u /dev/null)
echo "# page faults of the first screen: $small (100 feeds), $big (3000)"
if [ "$small" = "not drawn" ] || [ "$big" = "not drawn" ]; then
	fail "the first screens were drawn"
else
	ok "the first screens were drawn"
	check "2900 feeds more cost the first screen at most 150 page faults" \
	    [ "$((big - small))" -le 150 ]
fi

# 40 feeds of 3 articles, one read in each: feeds 2 and 3 read, feed 4
# gone (no longer in the urls file), feed 5's last refresh failed.
DB="$T/g.db"
"$FILL" "$DB" 40 3 >/dev/null || { echo "Bail out! ui_fill failed"; exit 1; }
for f in 2 3; do
	"$GAZETTE" -d "$DB" mark --read --all --feed \
	    "http://feeds.example/$f.xml" ||
	    { echo "Bail out! mark failed"; exit 1; }
done
python3 - "$DB" <<'PY' || { echo "Bail out! sqlite3 failed"; exit 1; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE feeds SET gone = 1 WHERE url = 'http://feeds.example/4.xml'")
db.execute("UPDATE feeds SET last_error = 'HTTP 500'"
           " WHERE url = 'http://feeds.example/5.xml'")
db.commit()
PY
cp "$DB" "$T/u.db" && cp "$DB" "$T/u2.db"
# 39 feeds listed, 117 articles, 2 of every unread feed's 3 unread.
TOTALS="Your feeds (74 unread, 117 total)"

# In 12 lines the body has 9 rows: the list goes on below them.
ui_start 100 12 -- -d "$DB" -u /dev/null
check "the totals of every feed" wait_for "$TOTALS"
check "a read feed is listed" wait_re '^   2      *(0/3) Feed 2 '
check "the gone feed is not; the failed one is marked" \
    wait_re '^   4 N! *(2/3) Feed 5 '
check "tags are shown" wait_re 'Feed 6 .*\[even\]'
keys End
check "End: the last of 39 feeds" wait_re '^  39 N  *(2/3) Feed 40 '
keys Enter
check "Enter opens the last feed" \
    wait_for "Articles in 'Feed 40' (2 unread, 3 total)"
keys q
ui_quit "the whole list"

printf 'show-read-feeds no\n' > "$T/hide"
ui_start 100 12 -- -d "$DB" -u /dev/null -c "$T/hide"
check "show-read-feeds no: the totals of every feed" wait_for "$TOTALS"
check "show-read-feeds no: read feeds are left out" \
    wait_re '^   2 N! *(2/3) Feed 5 '
check "show-read-feeds no: a screenful of unread feeds" \
    wait_re '^   9 N  *(2/3) Feed 12 '
keys End
check "show-read-feeds no: End, the last of 37 feeds" \
    wait_re '^  37 N  *(2/3) Feed 40 '
keys l
check "l shows the read feeds again" wait_re '^  39 N  *(2/3) Feed 40 '
ui_quit "show-read-feeds no"

# The urls file: feed 4 (gone) listed again, a new feed, feed 8 hidden,
# feeds 30 to 40 no longer listed.
{
	echo "http://feeds.example/1.xml"
	echo '"query:Unread ones:unread = \"yes\""'
	echo "http://new.example/x.xml"
	for f in 2 3 4; do echo "http://feeds.example/$f.xml"; done
	echo 'http://feeds.example/6.xml "~My Title"'
	echo "http://feeds.example/7.xml news"
	echo 'http://feeds.example/8.xml "!hide"'
	echo "---"
	for f in 5 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 \
	    28 29; do
		echo "http://feeds.example/$f.xml"
	done
} > "$T/urls"
# 28 feeds with articles listed, 2 of them read.
ui_start 100 12 -- -d "$T/u.db" -u "$T/urls"
check "urls: the totals of the feeds listed" \
    wait_for "Your feeds (52 unread, 84 total)"
check "urls: a new feed" wait_re '^   3  *(0/0) http://new.example/x.xml$'
check "urls: a gone feed listed again" wait_re '^   6 N  *(2/3) Feed 4$'
check "urls: the file's title" wait_re '^   7 N  *(2/3) My Title$'
check "urls: tags, and the hidden feed left out" \
    wait_re '^   8 N  *(2/3) Feed 7 .*\[news\]'
keys End
check "urls: End, the last of 31 entries" wait_re '^  31 N  *(2/3) Feed 29$'
ui_quit "urls"

# Quitting right after the first draw (GAZETTE_EXIT_AFTER_DRAW), before
# the whole list was read: the file was synced all the same.
python3 "$srcdir/tests/firstscreen-faults.py" 1 "$GAZETTE" -d "$T/u2.db" \
    -u "$T/urls" > "$T/drawn"
check "urls: drawn, and gazette ended" grep -qv "not drawn" "$T/drawn"
python3 - "$T/u2.db" > "$T/rows" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = "SELECT f.gone, count(i.id) FROM feeds f LEFT JOIN items i" \
    " ON i.feed_id = f.id WHERE f.url = ? GROUP BY f.id"
for url in ("http://feeds.example/4.xml", "http://new.example/x.xml",
            "http://feeds.example/30.xml"):
    print(url, db.execute(q, (url,)).fetchall())
PY
check "urls: the gone feed listed again kept its articles" \
    grep -qxF "http://feeds.example/4.xml [(0, 3)]" "$T/rows"
check "urls: the new feed was stored" \
    grep -qxF "http://new.example/x.xml [(0, 0)]" "$T/rows"
check "urls: a feed no longer listed went (cleanup-on-quit)" \
    grep -qxF "http://feeds.example/30.xml []" "$T/rows"
tap_done
