#!/bin/sh
# ui_reload_keep.sh: new articles arriving while the interface is open
# (an outside refresh) keep the cursor on the same article, and on the
# same feed in the feed list, however the rows move.  auto-reload's own
# refresh does the same: tests/ui_newsboat_config.sh checks that while
# it waits for reload-time's minute anyway.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
CONF="$T/conf"

# feed NAME TITLE N: an RSS file with N items, story N the newest.
feed() {
	{
		echo '<?xml version="1.0" encoding="utf-8"?>'
		echo "<rss version=\"2.0\"><channel><title>$2</title>"
		echo "<link>http://$1.example/</link>"
		i=1
		while [ "$i" -le "$3" ]; do
			echo "<item><title>$2 story $i</title>"
			echo "<link>http://$1.example/$i</link><guid>$1-$i</guid>"
			echo "<pubDate>Mon, 01 Sep 2025 10:$((i / 10))$((i % 10)):00 GMT</pubDate>"
			echo "<description>Story $i of $2.</description></item>"
			i=$((i + 1))
		done
		echo '</channel></rss>'
	} > "$T/$1.xml"
}

feed alpha "Alpha News" 5
feed beta "Beta Daily" 3
feed gamma "Gamma Post" 1
printf 'file://%s/%s.xml\n' "$T" alpha "$T" beta "$T" gamma > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }

# An outside refresh (cron) brings three articles above the cursor.
: > "$CONF"
ui_start 100 20 -- -u "$URLS" -d "$DB" -c "$CONF"
wait_re '(5/5) Alpha News' >/dev/null ||
    { show; echo "Bail out! no feed list"; exit 1; }
keys Enter
wait_for "Articles in 'Alpha News' (5 unread" >/dev/null
keys j j
feed alpha "Alpha News" 8
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet --force
if wait_for "Articles in 'Alpha News' (8 unread, 8 total)"; then
	ok "an outside refresh adds articles above the cursor"
else show; fail "an outside refresh adds articles above the cursor"; fi
keys Enter
if wait_for "Title: Alpha News story 3"; then
	ok "the cursor stays on the same article"
else show; fail "the cursor stays on the same article"; fi
keys Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]

# The feed list ordered by unread articles: Gamma, the feed selected,
# changes places when new articles make it the one with the most.
printf 'feed-sort-order unreadarticlecount\n' > "$CONF"
ui_start 100 20 -- -u "$URLS" -d "$DB" -c "$CONF"
wait_re '(1/1) Gamma Post' >/dev/null ||
    { show; echo "Bail out! no feed list"; exit 1; }
row=$(grep -n 'Gamma Post' "$T/screen" | cut -d: -f1)
[ "$row" -gt 2 ] && keys -N $((row - 2)) j
feed gamma "Gamma Post" 12
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet --force
if wait_re '(12/12) Gamma Post' && [ "$(grep -n 'Gamma Post' "$T/screen" |
    cut -d: -f1)" != "$row" ]; then
	ok "the feed with new articles moves in the feed list"
else show; fail "the feed with new articles moves in the feed list"; fi
keys Enter
if wait_for "Articles in 'Gamma Post'"; then
	ok "the cursor stays on the same feed"
else show; fail "the cursor stays on the same feed"; fi
keys Q
st=$(wait_exit)
check "quits cleanly again ($st)" [ "$st" = 0 ]

tap_done
