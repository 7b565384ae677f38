#!/bin/sh
# refresh-retry.sh: 429 / 503 with Retry-After back off per host, and the
# back-off survives into the next (cron) run; --force ignores it.  Both
# forms of Retry-After are capped at 7 days, the summary counts the
# feeds skipped for back-off, and after a redirect the back-off goes to
# the host that answered.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

LBASE="http://localhost:$PORT"
mkfeed "$DOCS/l1.xml" l1 2
mkfeed "$DOCS/g.xml" g 2

# sql DB QUERY: the first value of a query, or run a change (python3:
# no sqlite3 tool needed).
sql() {
	python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute(sys.argv[2]).fetchone()
db.commit()
if row is not None:
    print(row[0])' "$@"
}

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
	check "$code: the message says which host waits until when" \
	    grep -q "refresh: $LBASE/retry/$code/x.xml: HTTP $code .*; localhost is left alone until 20[0-9-]* [0-9:]* .*(Retry-After)\$" "$T/err"
	check "$code: the host's other feed waits, the other host is fetched" \
	    grep -q 'refresh: 3 feeds: 1 fetched, 2 new articles, 0 not modified, 1 skipped (1 backing off), 1 failed' "$T/err"
	check "$code: nothing more asked of the host" [ "$(requests /feed/l1.xml)" -eq 0 ]

	: > "$HTTPD_LOG"
	"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
	check "$code: next run: exit 0" [ $? -eq 0 ]
	check "$code: next run: the host is still left alone" \
	    [ "$(grep -c localhost "$HTTPD_LOG")" -eq 0 ] 
	check "$code: next run: skips counted as back-off" \
	    grep -q 'refresh: 3 feeds: 0 fetched, 0 new articles, 1 not modified, 2 skipped (2 backing off), 0 failed' "$T/err"

	: > "$HTTPD_LOG"
	"$GAZETTE" -u "$U" -d "$DB" refresh --force --jobs 1 > "$T/out" 2> "$T/err"
	check "$code: --force asks again" [ "$(requests /retry/$code/x.xml)" -eq 1 ]
done

# Retry-After as an HTTP date in the year 9999: capped at 7 days like the
# number of seconds, and said so, even under --quiet (cron).
DB="$T/far.db"
U="$T/urlsfar"
cat > "$U" <<URLS
$LBASE/retry/far/x.xml
$LBASE/feed/l1.xml
URLS
: > "$HTTPD_LOG"
before=$(date +%s)
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet --jobs 1 > "$T/out" 2> "$T/err"
check "far date: exit 1" [ $? -eq 1 ]
check "far date: --quiet still names the host and the cap" \
    grep -q "refresh: $LBASE/retry/far/x.xml: HTTP 503 .*; localhost is left alone until .*(its Retry-After asked for longer: 7 days at most)" "$T/err"
week=$((7 * 86400))
until=$(sql "$DB" "SELECT retry_after FROM host_backoff WHERE host = 'localhost'")
check "far date: the host's back-off is 7 days, not the year 9999" \
    [ "$until" -ge $((before + week)) -a "$until" -le $(($(date +%s) + week)) ]
next=$(sql "$DB" "SELECT next_fetch FROM feeds WHERE url = '$LBASE/retry/far/x.xml'")
check "far date: so is the feed's own next fetch" \
    [ "$next" -ge $((before + week)) -a "$next" -le $(($(date +%s) + week)) ]
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "far date: the next run counts both feeds as backing off" \
    grep -q 'refresh: 2 feeds: 0 fetched, 0 new articles, 0 not modified, 2 skipped (2 backing off), 0 failed' "$T/err"

# A back-off stored uncapped by an older gazette is let be.
sql "$DB" "UPDATE host_backoff SET retry_after = 253402300799"
sql "$DB" "UPDATE feeds SET next_fetch = 253402300799 WHERE http_status = 503"
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh --jobs 1 > "$T/out" 2> "$T/err"
check "an uncapped back-off from an older version is ignored" \
    [ "$(requests /retry/far/x.xml)" -eq 1 ]

# After a redirect the back-off goes to the host that answered: asked
# of localhost, answered 429 by 127.0.0.1.
DB="$T/redir.db"
U="$T/urlsredir"
cat > "$U" <<URLS
$LBASE/goto/127.0.0.1/retry/429/x.xml
$LBASE/feed/l1.xml
$BASE/feed/g.xml
URLS
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh --jobs 1 > "$T/out" 2> "$T/err"
check "redirect: exit 1" [ $? -eq 1 ]
check "redirect: the host that answered is named" \
    grep -q "refresh: $LBASE/goto/127.0.0.1/retry/429/x.xml: HTTP 429 .*; 127.0.0.1 is left alone" "$T/err"
check "redirect: the first host's other feed is fetched" \
    [ "$(requests /feed/l1.xml)" -eq 1 ]
check "redirect: the answering host's other feed waits" \
    [ "$(requests /feed/g.xml)" -eq 0 ]
check "redirect: counted" grep -q \
    'refresh: 3 feeds: 1 fetched, 2 new articles, 0 not modified, 1 skipped (1 backing off), 1 failed' "$T/err"
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "redirect: next run asks only the first host" \
    [ "$(grep -c '"path"' "$HTTPD_LOG")" -eq 1 -a "$(requests /feed/l1.xml)" -eq 1 ]
check "redirect: next run counts the redirected feed as backing off" grep -q \
    'refresh: 3 feeds: 0 fetched, 0 new articles, 1 not modified, 2 skipped (2 backing off), 0 failed' "$T/err"

tap_done
