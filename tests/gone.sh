#!/bin/sh
# gone.sh: a feed removed from the urls file (marked gone by a full
# refresh or the interface) is out of `gazette list` and `gazette
# search` as it is out of the interface; its articles are kept, and it
# comes back when it is listed again.
. "$srcdir/tests/lib.sh"

DB="$T/gazette.db"
U="$T/urls"
for n in kept dropped; do
	cat > "$T/$n.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Feed $n</title>
<item><guid>$n-1</guid><title>Zebra crossing $n</title><description>Stripes of $n</description></item>
</channel></rss>
XML
done
printf 'file://%s/kept.xml\nfile://%s/dropped.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
check "both feeds searchable at first" \
    [ "$("$GAZETTE" -d "$DB" search zebra | grep -c "Zebra crossing")" -eq 2 ]

printf 'file://%s/kept.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

# hidden CMD...: CMD's output names the kept feed's article, not the
# dropped one's.
hidden() {
	"$@" > "$T/out" 2>&1 && grep -q 'Zebra crossing kept' "$T/out" &&
	    ! grep -q 'dropped' "$T/out"
}
check "search: gone feed's articles left out" hidden "$GAZETTE" -d "$DB" search zebra
check "search --json: left out" hidden "$GAZETTE" -d "$DB" search --json zebra
check "search, body words: left out" hidden "$GAZETTE" -d "$DB" search stripes
check "search, filters only: left out" hidden "$GAZETTE" -d "$DB" search is:unread
check "list: left out" hidden "$GAZETTE" -d "$DB" list
check "list --unread: left out" hidden "$GAZETTE" -d "$DB" list --unread
check "list --json: left out" hidden "$GAZETTE" -d "$DB" list --json
check "list --query: left out" hidden "$GAZETTE" -d "$DB" list --query 'title =~ "Zebra"'
check "the articles are kept (asked by feed)" sh -c \
    "'$GAZETTE' -d '$DB' list --feed 'file://$T/dropped.xml' | grep -q 'Zebra crossing dropped'"

printf 'file://%s/kept.xml\nfile://%s/dropped.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
check "listed again: searchable again" \
    [ "$("$GAZETTE" -d "$DB" search zebra | grep -c "Zebra crossing")" -eq 2 ]

tap_done
