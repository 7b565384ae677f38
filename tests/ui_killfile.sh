#!/bin/sh
# ui_killfile.sh: ignore-article in the interface.  A rule keeps a
# matching article out through a refresh (R), out of the feed's counts,
# its article list, the query feeds and search; with ignore-mode display
# the article is stored but hidden the same way.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
C="$T/config"
mkdir -p "$T/feeds"
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Alpha</title><link>http://example.org/</link>'
	echo '<item><guid>a1</guid><title>Linux news</title></item>'
	echo '<item><guid>a2</guid><title>Windows news</title></item>'
	echo '<item><guid>a3</guid><title>BSD news</title></item>'
	echo '</channel></rss>'
} > "$T/feeds/a.xml"
cat > "$U" <<URLS
file://$T/feeds/a.xml
"query:Every news:title =~ \"news\""
URLS
cat > "$C" <<'CFG'
ignore-article * "title =~ \"windows\""
CFG

ui_start 100 30 -- -d "$DB" -u "$U" -c "$C"
check "the feed is listed" wait_re '^   1 .*(0/0) .*a\.xml'
keys R
check "after R the feed counts what the rule let in" \
    wait_re '^   1 N .*(2/2) Alpha'
check "the query feed does not count it" wait_re '^   2 N .*(2/2) Every news'
check "the status line says nothing failed" wait_re '2 new articles'
check "the article was not stored" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM items WHERE title LIKE 'Windows%'")" -eq 0 ]
keys 1 Enter
check "the article list leaves it out" wait_for "Articles in 'Alpha' (2 unread, 2 total)"
check "the other articles are listed" wait_re 'BSD news'
check "not the ignored one" sh -c "! grep -q 'Windows' '$T/screen'"
keys q
keys q
wait_exit >/dev/null

# display: stored, and still hidden, through a refresh.
rm -f "$DB"
cat > "$C" <<'CFG'
ignore-mode display
ignore-article * "title =~ \"windows\""
CFG
ui_start 100 30 -- -d "$DB" -u "$U" -c "$C"
check "display: the feed is listed" wait_re '^   1 .*(0/0) .*a\.xml'
keys R
check "display: after R the hidden article is not counted" \
    wait_re '^   1 N .*(2/2) Alpha'
check "display: the article is stored" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM items WHERE title LIKE 'Windows%'")" -eq 1 ]
check "display: the query feed does not count it" \
    wait_re '^   2 N .*(2/2) Every news'
keys 2 Enter
check "display: the query feed leaves it out" \
    wait_for "Articles in 'Every news' (2 unread, 2 total)"
check "display: not listed" sh -c "! grep -q 'Windows' '$T/screen'"
keys q
keys /
keys -l 'news'
keys Enter
check "display: search finds the others" wait_re 'BSD news'
check "display: search leaves it out" sh -c "! grep -q 'Windows' '$T/screen'"
keys q
# Counts kept between changes follow reading (store_hide.c's cache).
keys 1 Enter
check "display: the feed opens" wait_for "Articles in 'Alpha' (2 unread, 2 total)"
keys N
check "display: N, the count follows" wait_for "Articles in 'Alpha' (1 unread, 2 total)"
keys q
check "display: the feed list's count follows" wait_re '^   1 N .*(1/2) Alpha'
printf 'a1\na2\na3\n' > "$T/read"
"$GAZETTE" -d "$DB" import-read "$T/read" 2> "$T/err"
check "display: another writer marks all three read" [ $? -eq 0 ]
check "display: another writer's change is counted, the hidden one not" \
    wait_re '^   1   .*(0/2) Alpha'
keys q
wait_exit >/dev/null
tap_done
