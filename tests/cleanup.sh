#!/bin/sh
# cleanup.sh: `gazette cleanup` deletes the feeds no longer in the urls
# file with all their articles (flagged ones too, as newsboat's cleanup
# does), in a real SQLite file, says how many, and search no longer
# finds them even once the feed is listed again.
. "$srcdir/tests/lib.sh"

DB="$T/gazette.db"
U="$T/urls"
feed() {	# feed NAME GUID...
	_n=$1
	shift
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>Feed %s</title>\n' "$_n"
		for _g; do
			printf '<item><guid>%s</guid><title>Zebra %s</title>' \
			    "$_g" "$_g"
			printf '<description>Stripes of %s</description></item>\n' \
			    "$_g"
		done
		printf '</channel></rss>\n'
	} > "$T/$_n.xml"
}
sql() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute(sys.argv[2]).fetchone()[0])' "$DB" "$1"
}
feed kept kept-1
feed dropped dropped-1 dropped-2
printf 'file://%s/kept.xml\nfile://%s/dropped.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
"$GAZETTE" -d "$DB" mark --flag dropped-2
check "three articles stored" [ "$(sql 'SELECT count(*) FROM items')" -eq 3 ]

check "no urls file: refused" sh -c \
    "! '$GAZETTE' -u '$T/none' -d '$DB' cleanup 2> '$T/err'"
check "no urls file: said" grep -q "no urls file" "$T/err"
: > "$T/empty"
check "empty urls file: refused" sh -c \
    "! '$GAZETTE' -u '$T/empty' -d '$DB' cleanup 2>/dev/null"
check "refused: nothing removed" [ "$(sql 'SELECT count(*) FROM items')" -eq 3 ]

# Removed from the urls file, not even refreshed since.
printf 'file://%s/kept.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" cleanup > "$T/out"
check "cleanup exits 0" [ $? -eq 0 ]
check "cleanup says how many" grep -qx \
    "cleanup: removed 2 articles of 1 feed no longer in the urls file" \
    "$T/out"
check "the feed row is gone" \
    [ "$(sql "SELECT count(*) FROM feeds WHERE url LIKE '%dropped%'")" -eq 0 ]
check "its articles are gone, the flagged one too" \
    [ "$(sql "SELECT count(*) FROM items WHERE guid LIKE 'dropped%'")" -eq 0 ]
check "the kept feed's article stays" \
    [ "$(sql "SELECT count(*) FROM items WHERE guid = 'kept-1'")" -eq 1 ]
"$GAZETTE" -u "$U" -d "$DB" cleanup > "$T/out"
check "again: nothing left to remove" grep -qx \
    "cleanup: removed 0 articles of 0 feeds no longer in the urls file" \
    "$T/out"

# Listed again with one new article: the deleted ones stay deleted,
# in search too (the gone flag no longer hides anything).
feed dropped dropped-3
printf 'file://%s/kept.xml\nfile://%s/dropped.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
"$GAZETTE" -d "$DB" search zebra > "$T/out" 2>&1
check "search: the new article found" grep -q "Zebra dropped-3" "$T/out"
check "search: the deleted ones not found" \
    sh -c "! grep -q 'dropped-[12]' '$T/out'"
"$GAZETTE" -d "$DB" search stripes > "$T/out" 2>&1
check "search, body words: the deleted ones not found" \
    sh -c "grep -q 'dropped-3' '$T/out' && ! grep -q 'dropped-[12]' '$T/out'"
"$GAZETTE" -d "$DB" search is:flagged > "$T/out" 2>&1
check "search: the flagged one not found" \
    sh -c "! grep -q 'dropped' '$T/out'"

# keep-articles-days: on refresh, what is older is deleted (flagged ones
# kept) and not stored again; undated articles count from when first seen.
NOW=$(date -u '+%a, %d %b %Y %H:%M:%S GMT')
old() {		# old GUID...: items dated 2001
	for _g; do
		printf '<item><guid>%s</guid><title>Old %s</title>' "$_g" "$_g"
		printf '<pubDate>Mon, 01 Jan 2001 10:00:00 GMT</pubDate></item>\n'
	done
}
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Aged</title>\n'
	old aged-1 aged-2
	printf '<item><guid>aged-new</guid><title>New</title><pubDate>%s</pubDate></item>\n' "$NOW"
	printf '<item><guid>aged-undated</guid><title>Undated</title></item>\n'
	printf '</channel></rss>\n'
} > "$T/aged.xml"
printf 'file://%s/aged.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet --force
"$GAZETTE" -d "$DB" mark --flag aged-2
aged() {
	sql "SELECT group_concat(guid, ' ') FROM (SELECT guid FROM items WHERE guid LIKE 'aged%' ORDER BY guid)"
}
check "keep-articles-days 0 (default): old articles kept" \
    [ "$(aged)" = "aged-1 aged-2 aged-new aged-undated" ]
printf 'keep-articles-days 30\n' > "$T/config"
"$GAZETTE" -u "$U" -c "$T/config" -d "$DB" refresh --quiet --force
check "keep-articles-days 30: the old one deleted, flagged old one kept" \
    [ "$(aged)" = "aged-2 aged-new aged-undated" ]
"$GAZETTE" -u "$U" -c "$T/config" -d "$DB" refresh --quiet --force
check "keep-articles-days: not stored again by the next refresh" \
    [ "$(aged)" = "aged-2 aged-new aged-undated" ]
"$GAZETTE" -d "$DB" search old > "$T/out" 2>&1
check "keep-articles-days: search does not find the deleted one" \
    sh -c "grep -q 'Old aged-2' '$T/out' && ! grep -q 'Old aged-1' '$T/out'"

check "the search index matches the store (reindex --check)" \
    "$GAZETTE" -d "$DB" reindex --check

tap_done
