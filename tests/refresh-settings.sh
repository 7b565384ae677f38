#!/bin/sh
# refresh-settings.sh: per-feed @settings from the urls file reach the
# transfer and the store.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
mkfeed "$DOCS/ua.xml" ua 2
mkfeed "$DOCS/max.xml" max 6
mkfeed "$DOCS/rl.xml" rl 2
mkfeed "$DOCS/big.xml" big 200
# Latin-1 bytes, no XML declaration, no HTTP charset: @encoding says.
printf '<rss version="2.0"><channel><title>L</title><item><guid>l1</guid><title>No\353l \340 P\342ques</title></item></channel></rss>' > "$DOCS/nodecl.xml"
cat > "$T/urls" <<URLS
$BASE/feed/ua.xml "@user-agent=TestAgent/1.0 (bench; +test)"
$BASE/feed/max.xml @max-items=2
$BASE/feed/rl.xml @reload=60
$BASE/feed/big.xml @max-size=4k
$BASE/feed/nodecl.xml @encoding=ISO-8859-1
URLS
"$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "exit 1 (the capped feed fails)" [ $? -eq 1 ]
check "@user-agent is sent" grep -q '"path": "/feed/ua.xml".*"user_agent": "TestAgent/1.0 (bench; +test)"' "$HTTPD_LOG"
check "other feeds keep the default user agent" \
    grep -q '"path": "/feed/rl.xml".*"user_agent": "gazette/' "$HTTPD_LOG"
check "@max-items keeps that many" [ "$(count_items "$DB" "$BASE/feed/max.xml")" -eq 2 ]
check "@max-size caps the body" \
    grep -q "feed/big.xml: larger than 4096 bytes" "$T/err"
check "@encoding decodes a document that declares nothing" \
    sh -c "'$GAZETTE' -d '$DB' list --json --feed '$BASE/feed/nodecl.xml' | grep -q 'Noël à Pâques'"
: > "$HTTPD_LOG"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "@reload: not asked again within the interval" [ "$(requests /feed/rl.xml)" -eq 0 ]
check "@reload: counted as skipped" grep -q ' 1 skipped' "$T/err"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "@reload: --force asks anyway" [ "$(requests /feed/rl.xml)" -eq 1 ]
check "@max-items: still two after another refresh" \
    [ "$(count_items "$DB" "$BASE/feed/max.xml")" -eq 2 ]

tap_done
