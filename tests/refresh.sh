#!/bin/sh
# refresh.sh: gazette refresh against tests/httpd.py, good feeds only:
# cold, warm (conditional GET, nothing new), cache headers, --force,
# redirects, compression, file://, and the exit statuses.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/db/gazette.db"
U="$T/urls"
mkfeed "$DOCS/a.xml" a 3
mkfeed "$DOCS/b.xml" b 4
mkfeed "$DOCS/c.xml" c 5
mkfeed "$DOCS/d.xml" d 2
mkfeed "$DOCS/e.xml" e 2
mkfeed "$DOCS/f.xml" f 2
mkfeed "$DOCS/t.xml" t 2 60
mkfeed "$T/local.xml" local 3
cat > "$U" <<URLS
# good feeds, every way they can arrive
$BASE/feed/a.xml tech "~Feed A"
$BASE/gzip/b.xml
$BASE/deflate/c.xml
$BASE/r301/2/d.xml
$BASE/r302/3/e.xml
$BASE/cache/f.xml
$BASE/feed/t.xml
file://$T/local.xml
"query:Unread:unread = \"yes\""
URLS

"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "cold refresh exits 0" [ $? -eq 0 ]
check "nothing on stdout" [ ! -s "$T/out" ]
check "the summary line counts every feed" grep -q \
    'refresh: 8 feeds: 8 fetched, 23 new articles, 0 not modified, 0 skipped, 0 failed' "$T/err"
check "the database file is 0600" [ "$(stat -c %a "$DB")" = 600 ]
check "plain feed stored" [ "$(count_items "$DB" "$BASE/feed/a.xml")" -eq 3 ]
check "gzip feed stored" [ "$(count_items "$DB" "$BASE/gzip/b.xml")" -eq 4 ]
check "deflate feed stored" [ "$(count_items "$DB" "$BASE/deflate/c.xml")" -eq 5 ]
check "301 chain followed and stored" [ "$(count_items "$DB" "$BASE/r301/2/d.xml")" -eq 2 ]
check "302 chain followed and stored" [ "$(count_items "$DB" "$BASE/r302/3/e.xml")" -eq 2 ]
check "file:// feed from the urls file stored" \
    [ "$(count_items "$DB" "file://$T/local.xml")" -eq 3 ]
check "the search index is brought up to date" \
    [ "$("$GAZETTE" -d "$DB" search --json local 2>/dev/null | grep -c '"guid"')" -eq 3 ]
check "a 301 is reported" grep -q "r301/2/d.xml: moved permanently to $BASE/feed/d.xml" "$T/err"
check "the urls file is left untouched" grep -q "^$BASE/r301/2/d.xml\$" "$U"
check "Accept-Encoding offers gzip" grep -q '"accept_encoding": "[^"]*gzip' "$HTTPD_LOG"
check "the user agent is gazette/VERSION" grep -q '"user_agent": "gazette/[0-9]' "$HTTPD_LOG"
check "a cold fetch sends no If-None-Match" \
    sh -c "! grep '\"path\": \"/feed/a.xml\"' '$HTTPD_LOG' | grep -q '\"if_none_match\": \"'"

cp "$HTTPD_LOG" "$T/log1"
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "warm refresh exits 0" [ $? -eq 0 ]
check "warm: nothing new, the rest not modified, cache and ttl honoured" grep -q \
    'refresh: 8 feeds: 1 fetched, 0 new articles, 5 not modified, 2 skipped, 0 failed' "$T/err"
check "warm: the plain feed was asked with If-None-Match" \
    grep -q '"path": "/feed/a.xml", "if_none_match": "\\"[0-9a-f]*\\"", "if_modified_since": "[A-Z]' "$HTTPD_LOG"
check "warm: the plain feed got a 304" \
    grep -q '"path": "/feed/a.xml".*"status": 304' "$HTTPD_LOG"
check "warm: the gzip feed got a 304" \
    grep -q '"path": "/gzip/b.xml".*"status": 304' "$HTTPD_LOG"
check "warm: max-age=3600 feed not asked at all" [ "$(requests /cache/f.xml)" -eq 0 ]
check "warm: <ttl> feed not asked at all" [ "$(requests /feed/t.xml)" -eq 0 ]
check "warm: items unchanged" [ "$(count_items "$DB" "$BASE/feed/a.xml")" -eq 3 ]

: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh --force --quiet > "$T/out" 2> "$T/err"
check "--force --quiet exits 0" [ $? -eq 0 ]
check "--quiet prints nothing" [ ! -s "$T/err" ]
check "--force asks the max-age feed again" [ "$(requests /cache/f.xml)" -eq 1 ]
check "--force asks the ttl feed again" [ "$(requests /feed/t.xml)" -eq 1 ]
check "--force still sends conditional headers" \
    grep -q '"path": "/cache/f.xml", "if_none_match": "\\"' "$HTTPD_LOG"

# A changed feed: new items added, old ones kept, read state survives.
mkfeed "$DOCS/a.xml" a 5
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "a changed feed: exit 0" [ $? -eq 0 ]
check "a changed feed: two new articles" grep -q ' 2 new articles' "$T/err"
check "a changed feed: all five stored" [ "$(count_items "$DB" "$BASE/feed/a.xml")" -eq 5 ]

# Usage and "nothing could be done".
"$GAZETTE" -u "$U" -d "$DB" refresh --jobs 0 > "$T/out" 2>&1
check "--jobs 0 is a usage error" [ $? -eq 2 ]
"$GAZETTE" -u "$U" -d "$DB" refresh --jobs 1 --quiet > "$T/out" 2>&1
check "--jobs 1 works" [ $? -eq 0 ]
# URLs as arguments: only those feeds (the interface's r).
: > "$HTTPD_LOG"
"$GAZETTE" -u "$U" -d "$DB" refresh --force -- "$BASE/feed/a.xml" \
    > "$T/out" 2> "$T/err"
check "refresh URL exits 0" [ $? -eq 0 ]
check "refresh URL fetches that feed" grep -q 'refresh: 1 feed: ' \
    "$T/err"
check "refresh URL fetches nothing else" \
    [ "$(grep -c '"path"' "$HTTPD_LOG")" -eq 1 ]
"$GAZETTE" -u "$U" -d "$DB" refresh 'gopher://example.org/' > "$T/out" 2>&1
check "refresh with a URL gazette cannot read: exit 2" [ $? -eq 2 ]
check "refresh with a URL gazette cannot read: named" \
    grep -q 'gopher://example.org/' "$T/out"
"$GAZETTE" -u "$T/nourls" -d "$DB" refresh > "$T/out" 2>&1
check "no urls file: exit 2" [ $? -eq 2 ]
check "no urls file: said so" grep -q 'no urls file' "$T/out"
printf '# nothing\n' > "$T/empty"
"$GAZETTE" -u "$T/empty" -d "$DB" refresh > "$T/out" 2>&1
check "no feeds: exit 2" [ $? -eq 2 ]
printf 'this is not a database, just some text that is long enough\n%.0s' \
    1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 > "$T/corrupt.db"
"$GAZETTE" -u "$U" -d "$T/corrupt.db" refresh > "$T/out" 2>&1
check "a corrupt database: exit 2" [ $? -eq 2 ]

# The lock: a second refresh while one runs exits 3 at once.
printf '%s @low-speed=0/0 @timeout=30\n' "$BASE/slow/a.xml" > "$T/slowurls"
: > "$HTTPD_LOG"
"$GAZETTE" -u "$T/slowurls" -d "$DB" refresh --quiet > "$T/slow.out" 2>&1 &
SLOWPID=$!
i=0
while [ "$(requests /slow/a.xml)" -eq 0 ] && [ $i -lt 200 ]; do
	i=$((i + 1))
	sleep 0.05
done
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2>&1
check "a second refresh exits 3" [ $? -eq 3 ]
check "a second refresh says why" grep -q 'another refresh' "$T/out"
kill $SLOWPID 2>/dev/null
wait $SLOWPID 2>/dev/null
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "the lock is released when the holder dies" [ $? -eq 0 ]

tap_done
