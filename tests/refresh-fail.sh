#!/bin/sh
# refresh-fail.sh: every way a feed can fail.  Each failing feed is named
# with its reason, every other feed is stored, nothing stored earlier is
# lost, and the exit status is 1.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
U="$T/urls"
mkfeed "$DOCS/good.xml" good 3
mkfeed "$DOCS/keep.xml" keep 3
mkfeed "$DOCS/gone.xml" gone 2
mkfeed "$DOCS/big.xml" big 400
mkfeed "$DOCS/big2.xml" big2 400
mkfeed "$DOCS/big3.xml" big3 400
# ISO-8859-1 bytes, declared in the prolog, served as "charset=utf-8".
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Latin</title>\n<item><guid>l1</guid><title>Caf\351 cr\350me</title></item>\n</channel></rss>\n' > "$DOCS/latin.xml"

# First run: the feeds that will break later are still fine.
cat > "$U" <<URLS
$BASE/feed/keep.xml
$BASE/feed/gone.xml
URLS
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "first run stores the soon-broken feeds" \
    [ "$(count_items "$DB" "$BASE/feed/keep.xml")" -eq 3 ]

# Now break them: keep.xml is cut short after one item, gone.xml is gone.
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>K</title><item><guid>keep-new</guid><title>new</title></item><item><guid>x</guid><title>unfinished' > "$DOCS/keep.xml"
rm "$DOCS/gone.xml"

cat > "$U" <<URLS
$BASE/feed/good.xml
$BASE/feed/keep.xml
$BASE/feed/gone.xml
$BASE/charset/latin.xml
$BASE/loop/x.xml
$BASE/tofile/x.xml
$BASE/status/404/x.xml
$BASE/status/500/x.xml
$BASE/reset/big.xml
$BASE/slow/good.xml @low-speed=1000/1
$BASE/endless/x.xml @max-size=1M
$BASE/bomb/x.xml
$BASE/truncgzip/big2.xml
$BASE/feed/nonfeed.html
http://127.0.0.1:1/refused.xml @connect-timeout=5
"exec:echo hello"
$BASE/cut/big3.xml
URLS
printf '<html><body>not a feed</body></html>' > "$DOCS/nonfeed.html"

"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "some feeds failed: exit 1" [ $? -eq 1 ]
named() {
	grep -q "refresh: $BASE$1: .*$2" "$T/err"
}
check "summary line" grep -q \
    'refresh: 17 feeds: 2 fetched, [0-9]* new articles, 0 not modified, 0 skipped, 15 failed' "$T/err"
check "good feed stored" [ "$(count_items "$DB" "$BASE/feed/good.xml")" -eq 3 ]
check "wrong HTTP charset: the prolog wins" \
    sh -c "'$GAZETTE' -d '$DB' list --json --feed '$BASE/charset/latin.xml' | grep -q 'Café crème'"
check "redirect loop named" named /loop/x.xml 'more than 5 redirects'
check "redirect to file:// named" named /tofile/x.xml 'scheme gazette will not fetch'
check "404 named" named /status/404/x.xml 'HTTP 404'
check "500 named" named /status/500/x.xml 'HTTP 500'
check "connection reset named" named /reset/big.xml '.'
check "connection closed mid-body named" named /cut/big3.xml 'transfer closed'
check "connection closed mid-body keeps the items before it" \
    [ "$(count_items "$DB" "$BASE/cut/big3.xml")" -gt 10 ]
check "connection closed mid-body: no item after the cut" \
    [ "$(count_items "$DB" "$BASE/cut/big3.xml")" -lt 400 ]
check "slow drip named (low-speed limit)" named /slow/good.xml 'timed out'
check "endless body named (size cap)" named /endless/x.xml 'larger than 1048576 bytes'
check "gzip bomb named (default 32 MiB cap on decoded bytes)" \
    named /bomb/x.xml 'larger than 33554432 bytes (decoded)'
check "truncated gzip named" named /truncgzip/big2.xml '.'
check "not a feed named" named /feed/nonfeed.html 'not a feed'
check "connection refused named" grep -q 'refresh: http://127.0.0.1:1/refused.xml: ' "$T/err"
check "exec: feed run, its output not a feed: named" grep -q 'exec:echo hello: .*not a feed' "$T/err"
check "cut-short document named" named /feed/keep.xml 'cut short'
check "cut-short document: earlier items kept, the new complete one added" \
    [ "$(count_items "$DB" "$BASE/feed/keep.xml")" -eq 4 ]
check "a 404 loses nothing stored earlier" \
    [ "$(count_items "$DB" "$BASE/feed/gone.xml")" -eq 2 ]
check "nothing unreadable on stderr" sh -c "! grep -q '[[:cntrl:]]' '$T/err'"

# The last error is kept per feed; a later success clears it.
mkfeed "$DOCS/gone.xml" gone 2
printf '%s\n' "$BASE/feed/gone.xml" > "$T/u2"
"$GAZETTE" -u "$T/u2" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "the feed is back: exit 0" [ $? -eq 0 ]
check "the feed is back: no duplicates" [ "$(count_items "$DB" "$BASE/feed/gone.xml")" -eq 2 ]

tap_done
