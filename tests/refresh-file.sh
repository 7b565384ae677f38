#!/bin/sh
# refresh-file.sh: file:// feeds are read from regular files only.  A
# FIFO (whose open() would never return), a device and a directory each
# fail at once with the reason, the size cap holds as for HTTP, and a
# regular file is still stored.  No server needed.
. "$srcdir/tests/lib.sh"

DB="$T/gazette.db"
U="$T/urls"
# feed FILE N: an RSS 2.0 document with N items.
feed() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<rss version="2.0"><channel><title>Local</title>'
		n=1
		while [ $n -le "$2" ]; do
			echo "<item><guid>l-$n</guid><title>local item $n</title>"
			echo "<description>Text of item $n, long enough to matter.</description></item>"
			n=$((n + 1))
		done
		echo '</channel></rss>'
	} > "$1"
}
feed "$T/good.xml" 3
feed "$T/big.xml" 40
mkfifo "$T/fifo"
mkdir "$T/dir"
cat > "$U" <<URLS
file://$T/fifo
file:///dev/zero
file://$T/dir
file://$T/big.xml @max-size=1K
file://$T/good.xml
URLS

run_deadline 30 "$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
rc=$?
[ $rc -eq 1 ] || sed 's/^/# /' "$T/err"
check "the refresh ends on its own (a FIFO does not block it)" [ $rc -ne 124 ]
check "exit 1: the non-regular files fail" [ $rc -eq 1 ]
named() {
	grep -q "refresh: file://$1: $2" "$T/err"
}
check "the FIFO is refused by name" \
    named "$T/fifo" 'a FIFO, not a regular file'
check "a character device is refused, not read" \
    named /dev/zero 'a character device, not a regular file'
check "a directory is refused" named "$T/dir" 'a directory, not a regular file'
check "the size cap holds for file://" \
    named "$T/big.xml" 'larger than 1024 bytes'
check "the regular file is stored" \
    [ "$("$GAZETTE" -d "$DB" list --json --feed "file://$T/good.xml" 2>/dev/null | grep -c '"guid"')" -eq 3 ]
check "summary: one fetched, four failed" grep -q \
    'refresh: 5 feeds: 1 fetched, 3 new articles, 0 not modified, 0 skipped, 4 failed' "$T/err"

tap_done
