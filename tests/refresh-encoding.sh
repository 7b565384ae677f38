#!/bin/sh
# refresh-encoding.sh: @encoding= in the urls file is a true override.  It
# wins over the XML declaration and the HTTP charset (what it exists to
# correct) and loses only to a byte order mark.  Each case has a twin
# without @encoding, to show what the document would otherwise read as.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
# windows-1252 bytes (e with grave, u with circumflex, curly quotes, euro)
# whose prolog lies: it says ISO-8859-2, where 0xE8 is c with caron.
printf '<?xml version="1.0" encoding="ISO-8859-2"?>\n<rss version="2.0"><channel><title>Lie</title>\n<item><guid>w1</guid><title>Cr\350me br\373l\351e \223maison\224 \2005</title></item>\n</channel></rss>\n' > "$DOCS/lie.xml"
cp "$DOCS/lie.xml" "$DOCS/lie-twin.xml"
# windows-1251 bytes, no declaration, served as "charset=utf-8".
printf '<rss version="2.0"><channel><title>Cyr</title>\n<item><guid>c1</guid><title>\317\360\350\342\345\362, \354\350\360</title></item>\n</channel></rss>\n' > "$DOCS/cyr.xml"
cp "$DOCS/cyr.xml" "$DOCS/cyr-twin.xml"
# A UTF-8 BOM, then UTF-8 text and a prolog that says koi8-r.
printf '\357\273\277<?xml version="1.0" encoding="koi8-r"?>\n<rss version="2.0"><channel><title>Bom</title>\n<item><guid>b1</guid><title>Cr\303\250me br\303\273l\303\251e</title></item>\n</channel></rss>\n' > "$DOCS/bom.xml"
# A label iconv does not know.
mkfeed "$DOCS/bad.xml" bad 2

cat > "$T/urls" <<URLS
$BASE/feed/lie.xml @encoding=windows-1252
$BASE/feed/lie-twin.xml
$BASE/charset/cyr.xml @encoding=windows-1251
$BASE/charset/cyr-twin.xml
$BASE/feed/bom.xml @encoding=windows-1252
$BASE/feed/bad.xml @encoding=no-such-charset-42
URLS
"$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "exit 1 (the unknown charset fails)" [ $? -eq 1 ]
title() {
	"$GAZETTE" -d "$DB" list --json --feed "$BASE$1" 2>/dev/null |
	    sed -n 's/.*"title":"\([^"]*\)".*/\1/p'
}
check "the HTTP server sent charset=utf-8 for cyr.xml" \
    grep -q '"path": "/charset/cyr.xml".*"status": 200' "$HTTPD_LOG"
check "@encoding beats a lying XML prolog" \
    [ "$(title /feed/lie.xml)" = 'Crème brûlée “maison” €5' ]
check "without it the prolog is believed" \
    sh -c "'$GAZETTE' -d '$DB' list --json --feed '$BASE/feed/lie-twin.xml' | grep -q 'Crčme'"
check "@encoding beats the HTTP charset" \
    [ "$(title /charset/cyr.xml)" = 'Привет, мир' ]
check "without it the bytes are not read as windows-1251" \
    [ "$(title /charset/cyr-twin.xml)" != 'Привет, мир' ]
check "a BOM beats @encoding" \
    [ "$(title /feed/bom.xml)" = 'Crème brûlée' ]
check "an unknown @encoding names the feed and the charset" \
    grep -q "refresh: $BASE/feed/bad.xml: .*no-such-charset-42" "$T/err"
check "an unknown @encoding stores nothing" \
    [ "$(count_items "$DB" "$BASE/feed/bad.xml")" -eq 0 ]
check "the other five feeds are stored" \
    grep -q 'refresh: 6 feeds: 5 fetched, 5 new articles' "$T/err"

tap_done
