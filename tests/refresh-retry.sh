#!/bin/sh
# refresh-retry.sh: 429 / 503 with Retry-After back off per host, and the
# back-off survives into the next (cron) run; --force ignores it.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

LBASE="http://localhost:$PORT"
mkfeed "$DOCS/l1.xml" l1 2
mkfeed "$DOCS/g.xml" g 2

for code in 429 503; do
	DB="$T/$code.db"
	U="$T/urls$code"
	cat > "$U" <<URLS
$LBASE/retry/$code/x.xml
$LBASE/feed/l1.xml
$BASE/feed/g.xml
URLS
	: > "$HTTPD_LOG"
	"$GAZETTE" -u "$U" -d "$DB" refresh --jobs 1 > "$T/out" 2> "$T/err"
	check "$code: exit 1" [ $? -eq 1 ]
	check "$code: the feed is named" \
	    grep -q "refresh: $LBASE/retry/$code/x.xml: HTTP $code" "$T/err"
	check "$code: the host's other feed waits, the other host is fetched" \
	    grep -q 'refresh: 3 feeds: 1 fetched, 2 new articles, 0 not modified, 1 skipped, 1 failed' "$T/err"
	check "$code: nothing more asked of the host" [ "$(requests /feed/l1.xml)" -eq 0 ]

	: > "$HTTPD_LOG"
	"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
	check "$code: next run: exit 0" [ $? -eq 0 ]
	check "$code: next run: the host is still left alone" \
	    [ "$(grep -c localhost "$HTTPD_LOG")" -eq 0 ] 
	check "$code: next run: skips counted" \
	    grep -q 'refresh: 3 feeds: 0 fetched, 0 new articles, 1 not modified, 2 skipped, 0 failed' "$T/err"

	: > "$HTTPD_LOG"
	"$GAZETTE" -u "$U" -d "$DB" refresh --force --jobs 1 > "$T/out" 2> "$T/err"
	check "$code: --force asks again" [ "$(requests /retry/$code/x.xml)" -eq 1 ]
done

tap_done
