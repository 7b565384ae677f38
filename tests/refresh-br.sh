#!/bin/sh
# refresh-br.sh: brotli (Content-Encoding: br) bodies.  The standard library
# behind tests/httpd.py cannot write brotli, so the bodies are compressed
# here with Debian's `brotli` tool and served as they are.
. "$srcdir/tests/lib.sh"
command -v brotli >/dev/null 2>&1 ||
    skip_all "brotli (Debian package brotli) is not installed"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
U="$T/urls"
mkfeed "$DOCS/plain.xml" plain 3
mkfeed "$DOCS/br.xml" br 250
# Non-ASCII text survives decompression byte for byte.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Br</title>\n<item><guid>u1</guid><title>Caf\303\251 cr\303\250me br\303\273l\303\251e</title></item>\n</channel></rss>\n' > "$DOCS/utf.xml"
mkfeed "$DOCS/cut.xml" cut 400
brotli -c "$DOCS/br.xml" > "$DOCS/br.xml.br"
brotli -c "$DOCS/utf.xml" > "$DOCS/utf.xml.br"
brotli -c "$DOCS/cut.xml" > "$DOCS/cut.xml.br"
# A bomb: about 100 bytes that decode to more than 40 MiB.
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>bomb</title>'
	head -c 41943040 /dev/zero | tr '\0' ' '
	printf '</channel></rss>'
} | brotli -c -q 5 > "$DOCS/bomb.xml.br"
check "the bomb is small on the wire" \
    [ "$(wc -c < "$DOCS/bomb.xml.br")" -lt 4096 ]

cat > "$U" <<URLS
$BASE/feed/plain.xml
$BASE/br/br.xml
$BASE/br/utf.xml
$BASE/truncbr/cut.xml
$BASE/br/bomb.xml
URLS
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "a br feed failed: exit 1" [ $? -eq 1 ]
named() {
	grep -q "refresh: $BASE$1: .*$2" "$T/err"
}
check "br is offered in Accept-Encoding" \
    grep -q '"path": "/br/br.xml".*"accept_encoding": "[^"]*br' "$HTTPD_LOG"
check "the server really sent br" \
    grep -q '"path": "/br/br.xml".*"status": 200' "$HTTPD_LOG"
check "br body: every article stored" \
    [ "$(count_items "$DB" "$BASE/br/br.xml")" -eq 250 ]
"$GAZETTE" -d "$DB" list --json --feed "$BASE/br/br.xml" > "$T/list" 2>&1
check "br body: the first and last articles intact" \
    sh -c "grep -q '\"title\":\"br item 250\"' '$T/list' && grep -q '\"guid\":\"br-1\"' '$T/list'"
check "br body: UTF-8 text intact" \
    sh -c "'$GAZETTE' -d '$DB' list --json --feed '$BASE/br/utf.xml' | grep -q 'Café crème brûlée'"
check "truncated br stream named with its reason" \
    named /truncbr/cut.xml 'document cut short'
check "truncated br stream: no item after the cut" \
    [ "$(count_items "$DB" "$BASE/truncbr/cut.xml")" -lt 400 ]
check "br bomb trips the cap on decoded bytes" \
    named /br/bomb.xml 'larger than 33554432 bytes (decoded)'
check "br bomb: nothing stored from it" \
    [ "$(count_items "$DB" "$BASE/br/bomb.xml")" -eq 0 ]
check "the plain feed next to them is stored" \
    [ "$(count_items "$DB" "$BASE/feed/plain.xml")" -eq 3 ]
check "summary counts two failures" grep -q ' 3 fetched, .* 2 failed' "$T/err"
check "nothing unreadable on stderr" sh -c "! grep -q '[[:cntrl:]]' '$T/err'"

# A smaller cap set per feed also counts decoded bytes, not wire bytes.
printf '%s @max-size=8k\n' "$BASE/br/br.xml" > "$T/u2"
"$GAZETTE" -u "$T/u2" -d "$T/db2" refresh > "$T/out" 2> "$T/err"
check "@max-size counts decoded br bytes (wire is under the cap)" \
    [ "$(wc -c < "$DOCS/br.xml.br")" -lt 8192 ]
check "@max-size on a br body: named" \
    named /br/br.xml 'larger than 8192 bytes'

tap_done
