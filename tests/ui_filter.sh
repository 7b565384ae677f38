#!/bin/sh
# ui_filter.sh: newsboat's filters in the article list.  F asks for an
# expression and the list shows what meets it, counts included; a bad
# one is said with its position and the list stays; f lists the config's
# define-filter lines and ENTER applies one; ^F shows every article again.
# In a query feed the filter narrows the query.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
C="$T/config"
mkdir -p "$T/feeds"
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Alpha</title><link>http://example.org/</link>'
	echo '<item><guid>a1</guid><title>Rust news</title><author>ann</author></item>'
	echo '<item><guid>a2</guid><title>Go news</title><author>bob</author></item>'
	echo '<item><guid>a3</guid><title>Rust tips</title><author>bob</author></item>'
	echo '<item><guid>a4</guid><title>Zig notes</title><author>ann</author></item>'
	echo '</channel></rss>'
} > "$T/feeds/a.xml"
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Beta</title><link>http://example.org/b</link>'
	echo '<item><guid>b1</guid><title>Rust elsewhere</title><author>bob</author></item>'
	echo '</channel></rss>'
} > "$T/feeds/b.xml"
cat > "$U" <<URLS
file://$T/feeds/a.xml
file://$T/feeds/b.xml
"query:All rust:title =~ \"rust\""
URLS
cat > "$C" <<'CFG'
define-filter "by bob" "author = \"bob\""
define-filter "broken" "title =~"
define-filter "zig" "title =~ \"zig\""
CFG
"$GAZETTE" -d "$DB" -u "$U" refresh --quiet 2> "$T/err"
check "refresh" [ $? -eq 0 ]

ui_start 100 30 -- -d "$DB" -u "$U" -c "$C"
check "the config's bad filter is named" wait_for "config:"
check "the feed is listed" wait_re '^   1 N .*(4/4) Alpha'
keys 1 Enter
check "the feed opens" wait_for "Articles in 'Alpha' (4 unread, 4 total)"
keys F
check "F asks for a filter" wait_for "Filter:"
keys -l 'title =~ "rust"'
keys Enter
check "F: the counts are the filter's" \
    wait_for "Articles in 'Alpha' (2 unread, 2 total), filter: title =~ \"rust\""
check "F: a matching row" wait_re '^   1 N .*Rust tips'
check "F: the other matching row" wait_re '^   2 N .*Rust news'
check "F: not the others" sh -c "! grep -q 'Go news' '$T/screen'"
check "F: not another feed's" sh -c "! grep -q 'elsewhere' '$T/screen'"
keys F
keys -l 'titel = "x"'
keys Enter
check "a bad filter: its position" wait_for "position 1: expected an attribute"
check "a bad filter: the list stays" \
    wait_for "(2 unread, 2 total), filter: title =~ \"rust\""
keys C-f
check "^F clears the filter" wait_for "Articles in 'Alpha' (4 unread, 4 total)"
check "^F: every article again" wait_re 'Go news'
keys f
check "f lists the defined filters" wait_re '^   1 .*by bob .*author = "bob"'
check "f: the second (the bad one left out)" wait_re '^   2 .*zig '
check "f: two filters" wait_for "Filters (2)"
keys j Enter
check "f: ENTER applies the one selected" \
    wait_for "Articles in 'Alpha' (1 unread, 1 total), filter: title =~ \"zig\""
check "f: its article" wait_re '^   1 N .*Zig notes'
keys f
keys Enter
check "f: the first" wait_for "(2 unread, 2 total), filter: author = \"bob\""
keys Enter
check "an article opens from the filtered list" wait_re 'Rust tips\|Go news'
keys q
check "back in the filtered list" wait_for "(1 unread, 2 total), filter: author = \"bob\""
keys q
check "the feed list counts the feed whole" wait_re '^   1 N .*(3/4) Alpha'

# In a query feed: the filter narrows the query.
keys 3 Enter
check "the query feed opens" wait_for "Articles in 'All rust' (2 unread, 3 total)"
keys f
keys Enter
check "a query feed: the filter narrows it" \
    wait_for "Articles in 'All rust' (1 unread, 2 total), filter: author = \"bob\""
check "a query feed: the other feed's row" wait_re 'Rust elsewhere'
keys C-f
check "a query feed: ^F" wait_for "Articles in 'All rust' (2 unread, 3 total)"
keys q
keys q
wait_exit >/dev/null
tap_done
