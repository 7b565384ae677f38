#!/bin/sh
# ui_query.sh: the urls file in the interface: its feeds listed in its
# order before any refresh, separators, "!" hidden feeds, query feeds
# (counts, opening, marking read marks the real article, a query that
# does not parse shown with its error), urls problems on the status line,
# and feeds removed from the file gone from every view.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
mkdir -p "$T/feeds"
# rss FILE TITLE ITEM...: each ITEM "guid|title|day" (days ago).
NOW=$(date +%s)
rss() {
	f=$1
	t=$2
	shift 2
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel>'
		echo "<title>$t</title><link>http://example.org/</link>"
		for it in "$@"; do
			g=${it%%|*}
			r=${it#*|}
			d=$(date -u -R -d "@$((NOW - ${r#*|} * 86400))")
			echo "<item><guid>$g</guid><title>${r%|*}</title>"
			echo "<pubDate>$d</pubDate></item>"
		done
		echo '</channel></rss>'
	} > "$f"
}
rss "$T/feeds/a.xml" "Alpha" "a1|Rust in the kernel|1" "a2|Plain news|2" \
    "a3|More news|3"
rss "$T/feeds/b.xml" "Beta" "b1|Hidden rust article|2" "b2|Hidden other|4"
rss "$T/feeds/c.xml" "Gamma" "c1|Gamma one|1"
cat > "$U" <<URLS
"---Tech---"
file://$T/feeds/a.xml tech
file://$T/feeds/b.xml "!hidden, but in queries"
-----
"query:Rusty:title =~ \"rust\"" saved
"query:Broken:title =~ " saved
file://$T/feeds/c.xml other
URLS

# An empty database: the feeds are listed at once, before any refresh.
ui_start 100 30 -- -d "$DB" -u "$U"
check "a new urls file is listed at once" wait_re '^   2 .*(0/0) .*a\.xml'
check "a separator line is shown" wait_re '^   1 .*---Tech---'
check "dashes are a separator too" wait_re '^   3 .*-----'
check "the query feed is listed in its place" wait_re '^   4 .*Rusty .*\[saved\]'
check "a query that does not parse is shown with its error" \
    wait_re '^   5  ! .*(error) Broken'
check "the last feed in its place" wait_re '^   6 .*c\.xml'
check "no error for the separators" ui_not grep -q 'not a URL' "$T/screen"

# A refresh from outside: counts follow, query feeds too.
"$GAZETTE" -d "$DB" -u "$U" refresh --quiet 2> "$T/err"
check "refresh" [ $? -eq 0 ]
check "the query feed counts the hidden feed's articles too" \
    wait_re '^   4 N .*(2/2) Rusty'
check "the feed list's total leaves the hidden feed out" \
    wait_for "Your feeds (4 unread, 4 total)"
check "the hidden feed is not listed" ui_not grep -q 'Beta' "$T/screen"

keys 5 Enter
check "Enter on a broken query says why" wait_for "does not parse"
keys 4 Enter
check "a query feed opens" wait_for "Articles in 'Rusty' (2 unread, 2 total)"
check "newest first: the first row" wait_re '^   1 N .*Rust in the kernel'
check "newest first: the second row" wait_re '^   2 N .*Hidden rust article'
keys N
check "N marks the row read in the query feed" \
    wait_for "Articles in 'Rusty' (1 unread, 2 total)"
keys q
check "the query feed's count follows" wait_re '^   4 N .*(1/2) Rusty'
check "the real article is read: its feed's count" \
    wait_re '^   2 N .*(2/3) Alpha'
keys 4 A
check "A in the feed list marks the query's articles read" \
    wait_re '^   4   .*(0/2) Rusty'
check "A left the other articles alone" wait_re '^   2 N .*(2/3) Alpha'
check "the hidden feed's article was marked read" \
    wait_for "Your feeds (3 unread, 4 total)"

# Editing the urls file: a removed feed leaves the list, the counts and
# the query feeds; a bad line is reported on the status line.
cat > "$U" <<URLS
file://$T/feeds/b.xml "!hidden"
htp:/not-a-url
"query:Everything:title != \"\""
file://$T/feeds/c.xml other
URLS
# A new mtime even on coarse file systems, without waiting for the next
# second: one long past.
touch -d @946684800 "$U"
check "a removed feed leaves the query feeds" \
    wait_re '^   1 N .*(2/3) Everything'
check "a removed feed leaves the list" wait_gone 'Alpha'
check "and the counts" wait_for "Your feeds (1 unread, 1 total)"
check "urls problems reach the status line" \
    wait_for "urls: $U:2: not a URL gazette can read"
keys q
wait_exit >/dev/null

# The command line agrees: gone from list; quitting removed its articles
# (cleanup-on-quit, yes by default as in newsboat).
"$GAZETTE" -d "$DB" -u "$U" refresh --quiet 2>/dev/null
"$GAZETTE" -d "$DB" list > "$T/list" 2>&1
check "gazette list leaves a removed feed out" \
    ui_not grep -q 'kernel' "$T/list"
check "gazette list keeps the others" grep -q 'Gamma one' "$T/list"
"$GAZETTE" -d "$DB" list --json --feed "file://$T/feeds/a.xml" \
    > "$T/gone" 2>&1
check "quitting removed the gone feed's articles (cleanup-on-quit)" \
    ui_not grep -q '"guid":"a[123]"' "$T/gone"
tap_done
