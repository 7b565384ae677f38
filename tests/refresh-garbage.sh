#!/bin/sh
# refresh-garbage.sh: servers that do not speak HTTP get a truthful
# reason, not "a scheme gazette will not fetch": an HTTP/0.9 answer (no
# status line), binary garbage, a status code below 100.  A redirect to
# file:// still gets the scheme message.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
U="$T/urls"
mkfeed "$DOCS/a.xml" a 2
cat > "$U" <<URLS
$BASE/raw/http09/a.xml
$BASE/raw/garbage/a.xml
$BASE/raw/099/a.xml
$BASE/tofile/a.xml
$BASE/feed/a.xml
URLS

"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "exit 1" [ $? -eq 1 ]
named() {
	grep -q "refresh: $BASE$1: $2" "$T/err"
}
check "HTTP/0.9: not an HTTP response" \
    named /raw/http09/a.xml 'not an HTTP response (no HTTP status line)$'
check "garbage: not an HTTP response" \
    named /raw/garbage/a.xml 'not an HTTP response (no HTTP status line)$'
check "status 099: an invalid HTTP response" \
    named /raw/099/a.xml 'invalid HTTP response ('
check "no scheme is blamed for them" \
    [ "$(grep -c 'scheme gazette will not fetch' "$T/err")" -eq 1 ]
check "a redirect to file:// still blames the scheme" \
    named /tofile/a.xml 'redirect or URL to a scheme gazette will not fetch'
check "the good feed is stored" [ "$(count_items "$DB" "$BASE/feed/a.xml")" -eq 2 ]
check "no raw control byte reaches stderr" \
    sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$T/err'"

tap_done
