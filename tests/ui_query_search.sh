#!/bin/sh
# ui_query_search.sh: "query:TITLE:search:WORDS" in the urls file, a
# query feed holding a gazette search: accent-folding and exclusions as
# gazette search has them, live unread/total counts in the feed list
# (a refresh adds a match, the count follows), opened as ranked results,
# A marks what it finds read, a search that cannot work says why.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
mkdir -p "$T/feeds"
# rss FILE TITLE ITEM...: each ITEM "guid|title".
rss() {
	f=$1
	t=$2
	shift 2
	{
		echo '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
		echo "<title>$t</title><link>http://example.org/</link>"
		for it in "$@"; do
			echo "<item><guid>${it%%|*}</guid><title>${it#*|}</title></item>"
		done
		echo '</channel></rss>'
	} > "$f"
}
rss "$T/feeds/a.xml" "Alpha" "a1|Évolution du noyau" "a2|Plain news" \
    "a3|Crab evolution"
rss "$T/feeds/b.xml" "Beta" "b1|The evolution of Rust"
cat > "$U" <<URLS
file://$T/feeds/a.xml
file://$T/feeds/b.xml
"query:Evo:search:evolution -crab" saved
"query:Nothing:search:-crab"
URLS
"$GAZETTE" -d "$DB" -u "$U" refresh --quiet 2> "$T/err"
check "refresh" [ $? -eq 0 ]
"$GAZETTE" -d "$DB" -u "$U" search --json 'evolution -crab' > "$T/cli" 2>&1
check "gazette search finds the same two" [ "$(grep -c '"guid"' "$T/cli")" -eq 2 ]

ui_start 100 30 -- -d "$DB" -u "$U"
check "the search feed counts its matches (accents folded, -crab out)" \
    wait_re '^   3 N .*(2/2) Evo .*\[saved\]'
check "a search that cannot work is listed with its error" \
    wait_re '^   4  ! .*(error) Nothing'
keys 4 Enter
check "Enter on it says why" wait_for "this search does not work"

# A refresh from outside adds a match: the count follows.
rss "$T/feeds/b.xml" "Beta" "b1|The evolution of Rust" "b2|Evolution again"
"$GAZETTE" -d "$DB" -u "$U" refresh --quiet 2> "$T/err"
check "the count follows a refresh" wait_re '^   3 N .*(3/3) Evo'

keys 3 Enter
check "it opens as search results" \
    wait_for "Evo: Search 'evolution -crab' (3 results)"
check "the accented title is found" wait_re 'Évolution du noyau'
check "the excluded one is not" sh -c "! grep -q 'Crab' '$T/screen'"
keys Enter
check "an article opens" wait_re "Article '.*[Ee]volution"
keys q q
check "reading one: the count follows" wait_re '^   3 N .*(2/3) Evo'
keys 3 A
check "A marks what it finds read" wait_re '^   3   .*(0/3) Evo'
check "and no other article" wait_re '^   1 N .*(2/3) Alpha'

# An article stored but not indexed yet (as a refresh leaves it for a
# moment), then indexed by another process while the store stays as it
# is: the count follows the index too.
printf 'item\tfile://%s/feeds/b.xml\tb9\tEvolution stored first\t\t-\tx\n' \
    "$T" | "$builddir/tests/search_fill" "$DB" > "$T/fill.out" 2>&1
check "stored: the feed's count follows" wait_re '^   2 N .*(1/3) Beta'
check "not indexed yet: not counted" wait_re '^   3   .*(0/3) Evo'
"$GAZETTE" -d "$DB" search evolution > /dev/null 2>&1
check "indexed from outside: counted" wait_re '^   3 N .*(1/4) Evo'
keys q
wait_exit >/dev/null
tap_done
