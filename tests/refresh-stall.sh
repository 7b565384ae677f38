#!/bin/sh
# refresh-stall.sh: feeds whose server never answers hold up no other
# feed on the same host and port.  Two stalled transfers and two good
# feeds to one HTTP/1.1 server: the good ones are fetched and stored
# while the stalled ones still wait, long before any timeout.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
U="$T/urls"
mkfeed "$DOCS/a.xml" a 2
mkfeed "$DOCS/b.xml" b 3
# The stalled feeds never end on their own during the test: the server
# lets them go (DOCS/release) once the checks are done.
cat > "$U" <<URLS
$BASE/stall/s1.xml @timeout=600 @low-speed=1/600
$BASE/stall/s2.xml @timeout=600 @low-speed=1/600
$BASE/feed/a.xml
$BASE/feed/b.xml
URLS

"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err" &
GPID=$!
stored() {
	[ "$(count_items "$DB" "$BASE/feed/a.xml")" -eq 2 ] &&
	[ "$(count_items "$DB" "$BASE/feed/b.xml")" -eq 3 ]
}
# The good feeds keep the default timeout, 60 s: half of it is plenty
# for two small local feeds on a loaded machine, and far below it.
wait_until 30 stored
check "the good feeds are stored while the stalled ones wait" [ $? -eq 0 ]
check "both stalled requests reached the server" \
    [ "$(grep -c '"path": "/stall/' "$HTTPD_LOG")" -eq 2 ]
check "the refresh is still waiting on the stalled feeds" kill -0 $GPID
# Let the stalled server hang up: the refresh then ends.
touch "$DOCS/release"
wait_until 60 sh -c "! kill -0 $GPID 2>/dev/null"
wait $GPID
rc=$?
[ $rc -eq 1 ] || sed 's/^/# /' "$T/err"
check "exit 1: the stalled feeds failed" [ $rc -eq 1 ]
check "the good feeds did not fail" sh -c "! grep -q '/feed/' '$T/err'"
check "summary" grep -q \
    'refresh: 4 feeds: 2 fetched, 5 new articles, 0 not modified, 0 skipped, 2 failed' "$T/err"

tap_done
