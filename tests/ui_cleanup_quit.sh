#!/bin/sh
# ui_cleanup_quit.sh: newsboat's cleanup-on-quit (default yes) and
# delete-read-articles-on-quit, on quitting the interface with q: the
# feeds gone from the urls file go with all their articles (flagged ones
# too), read articles that are not flagged go, and a refresh does not
# bring them back.  cleanup-on-quit no keeps everything.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
C="$T/config"
for n in kept dropped; do
	cat > "$T/$n.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Feed $n</title>
<item><guid>$n-1</guid><title>Story $n one</title></item>
<item><guid>$n-2</guid><title>Story $n two</title></item>
<item><guid>$n-3</guid><title>Story $n three</title></item>
</channel></rss>
XML
done
printf 'file://%s/kept.xml\nfile://%s/dropped.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
"$GAZETTE" -d "$DB" mark --read kept-1 kept-3 dropped-1
"$GAZETTE" -d "$DB" mark --flag kept-3 dropped-2

guids() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(r[0] for r in c.execute("SELECT guid FROM items ORDER BY guid")))' "$DB"
}

# quit_with CONFIG-LINE...: run the interface on that config, quit.
quit_with() {
	printf '%s\n' "$@" > "$C"
	ui_start 100 30 -- -u "$U" -c "$C" -d "$DB"
	wait_for "Feed kept" >/dev/null || show
	keys q
	[ "$(wait_exit 30)" = 0 ]
}

printf 'file://%s/kept.xml\n' "$T" > "$U"
check "cleanup-on-quit no: quits" quit_with "cleanup-on-quit no"
check "cleanup-on-quit no: everything kept" [ "$(guids)" = \
    "dropped-1 dropped-2 dropped-3 kept-1 kept-2 kept-3" ]

check "defaults: quits" quit_with "delete-read-articles-on-quit no"
check "cleanup-on-quit (default yes): the gone feed's articles deleted, flagged too" \
    [ "$(guids)" = "kept-1 kept-2 kept-3" ]
check "cleanup-on-quit: the gone feed's row deleted" [ "$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM feeds").fetchone()[0])' "$DB")" -eq 1 ]

check "delete-read-articles-on-quit yes: quits" \
    quit_with "delete-read-articles-on-quit yes"
check "delete-read-articles-on-quit: read unflagged deleted, unread and flagged kept" \
    [ "$(guids)" = "kept-2 kept-3" ]
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet --force
check "a refresh does not bring the deleted article back" \
    [ "$(guids)" = "kept-2 kept-3" ]
"$GAZETTE" -d "$DB" search story > "$T/out" 2>&1
check "search finds the articles kept, not the deleted ones" sh -c \
    "grep -q 'Story kept two' '$T/out' && ! grep -q 'kept one' '$T/out' &&
    ! grep -q dropped '$T/out'"

check "the search index matches the store (reindex --check)" \
    "$GAZETTE" -d "$DB" reindex --check

tap_done
