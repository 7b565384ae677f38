#!/bin/sh
# messages.sh: no message on any stream carries a raw control character.
# Feeds, servers and files put terminal escapes (OSC 0 window title, OSC
# 52 clipboard, CSI), C1 controls (as UTF-8 and as raw bytes), bidi
# overrides and DEL into what gazette echoes: an XML encoding label, an
# HTTP reason phrase, a Content-Type charset, an OPML xmlUrl, a urls file,
# a file name.  Every message must still say what went wrong, and what
# reaches stdout and stderr must be valid UTF-8 with no control character
# but the newline, no DEL, no C1 and no bidi control.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

# clean FILE: the file holds something, and only clean text.
clean() {
	[ -s "$1" ] && python3 -c '
import sys
try:
    s = open(sys.argv[1], "rb").read().decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit("invalid UTF-8: %s" % e)
for c in s:
    o = ord(c)
    if (o < 0x20 and c != "\n") or 0x7f <= o <= 0x9f or \
       0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069:
        sys.exit("control U+%04X in %r" % (o, s[:200]))
' "$1"
}

# The escapes: OSC 0 and OSC 52 ended by BEL, CSI as UTF-8 U+009B and as
# the raw byte 0x9b, NEL (U+0085), a bidi override (U+202E) and DEL.
OSC=$(printf '\033]0;pwn\007\033]52;c;aGFja2Vk\007')
C1=$(printf '\302\2332J\2332J\302\205\342\200\256\177')
# The same without C0, DEL and invalid UTF-8, which the urls file and XML
# refuse outright: what is left gets through them and must be cleaned.
C1U=$(printf '\302\2332J\302\205\342\200\256')

# gazette parse: the XML prolog's encoding label.
printf '<?xml version="1.0" encoding="%s"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>\n' \
    "x${OSC}y" > "$T/osc.xml"
printf '<?xml version="1.0" encoding="%s"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>\n' \
    "x${C1}y" > "$T/c1.xml"
for f in osc c1; do
	"$GAZETTE" parse "$T/$f.xml" > "$T/$f.out" 2> "$T/$f.err"
	check "parse, $f encoding label: the label is named" \
	    grep -q 'unknown encoding' "$T/$f.err"
	check "parse, $f encoding label: stderr is clean" clean "$T/$f.err"
	if [ -s "$T/$f.out" ]; then
		check "parse, $f encoding label: stdout is clean" \
		    clean "$T/$f.out"
	fi
done
"$GAZETTE" parse --charset "x${C1}y" "$T/osc.xml" > /dev/null 2> "$T/cs.err"
check "parse --charset: stderr is clean" clean "$T/cs.err"
"$GAZETTE" parse "$T/no${OSC}such${C1}.xml" > /dev/null 2> "$T/name.err"
check "parse of a file name with escapes: named" \
    grep -q 'parse: .*no.*such' "$T/name.err"
check "parse of a file name with escapes: stderr is clean" \
    clean "$T/name.err"

# gazette refresh: a reason phrase, a Content-Type charset, an XML
# encoding label, a urls line and a redirect target.
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Plain</title><item><guid>p1</guid><title>p</title></item></channel></rss>\n' \
    > "$DOCS/plain.xml"
cp "$T/c1.xml" "$DOCS/label.xml"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Evil %s title %s</title><item><guid>e1</guid><title>Zebra %s in %s a title</title><description>zebra %s body %s</description></item></channel></rss>\n' \
    "$OSC" "$C1" "$OSC" "$C1" "$OSC" "$C1" > "$DOCS/evil.xml"
cat > "$T/urls" <<URLS
$BASE/evil/reason/x.xml
$BASE/evil/charset/plain.xml
$BASE/feed/label.xml
$BASE/feed/evil.xml
$BASE/feed/plain.xml "@x${C1U}=1"
http://127.0.0.1:1/${C1U} @connect-timeout=5
URLS
"$GAZETTE" -u "$T/urls" -d "$T/g.db" refresh > "$T/r.out" 2> "$T/r.err"
check "refresh: some feeds failed: exit 1" [ $? -eq 1 ]
check "refresh: the hostile reason phrase is named" \
    grep -q "refresh: $BASE/evil/reason/x.xml: HTTP 500 " "$T/r.err"
check "refresh: the hostile charset is named" \
    grep -q "refresh: $BASE/evil/charset/plain.xml: .*encoding" "$T/r.err"
check "refresh: the hostile encoding label is named" \
    grep -q "refresh: $BASE/feed/label.xml: .*encoding" "$T/r.err"
check "refresh: the urls line is warned about" \
    grep -q "unknown setting" "$T/r.err"
check "refresh: a URL with C1 controls is named and skipped" \
    grep -q "not a URL gazette can read: 'http://127.0.0.1:1/" "$T/r.err"
check "refresh: the summary is there" grep -q '5 feeds: ' "$T/r.err"
check "refresh: stderr is clean" clean "$T/r.err"
check "refresh: stdout is empty" [ ! -s "$T/r.out" ]

# Tables and JSON Lines of what was stored (JSON escapes C1 and bidi
# controls: the same data, nothing a terminal acts on).
"$GAZETTE" -d "$T/g.db" list > "$T/l.out" 2> "$T/l.err"
check "list: the table is clean" clean "$T/l.out"
"$GAZETTE" -d "$T/g.db" search zebra > "$T/s.out" 2> "$T/s.err"
check "search: the table is clean" clean "$T/s.out"
"$GAZETTE" -d "$T/g.db" list --json > "$T/lj.out" 2> "$T/lj.err"
check "list --json: the hostile title is there" grep -q 'Zebra' "$T/lj.out"
check "list --json is clean" clean "$T/lj.out"
"$GAZETTE" -d "$T/g.db" search --json zebra > "$T/sj.out" 2> "$T/sj.err"
check "search --json is clean" clean "$T/sj.out"
"$GAZETTE" parse "$DOCS/evil.xml" > "$T/pj.out" 2> "$T/pj.err"
check "parse of a hostile feed: JSON is clean" clean "$T/pj.out"
"$GAZETTE" -d "$T/g.db" list --feed "x${OSC}${C1}" > /dev/null 2> "$T/lf.err"
check "list --feed with escapes: stderr is clean" clean "$T/lf.err"

# gazette import: OPML xmlUrls with C1 controls, as UTF-8 and as
# character references (XML allows no C0 control, even as a reference).
printf '<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline text="a" xmlUrl="%shttp://a.example/"/>\n<outline text="b" xmlUrl="&#x9b;2J&#x85;&#x202e;http://b.example/"/>\n<outline text="ok" xmlUrl="http://ok.example/feed"/>\n</body></opml>\n' \
    "$C1U" > "$T/in.opml"
"$GAZETTE" -u "$T/u2" import "$T/in.opml" > "$T/i.out" 2> "$T/i.err"
check "import: the good feed is added" grep -q 'ok.example' "$T/u2"
check "import: the bad URLs are named" \
    grep -q "outline 'b' (http://b.example/): not a URL gazette can read; skipped" "$T/i.err"
check "import: stderr is clean" clean "$T/i.err"

# gazette add: a URL and a tag with C1 controls.
"$GAZETTE" -u "$T/u3" add "http://x.example/${C1}" > /dev/null 2> "$T/a.err"
check "add: stderr is clean" clean "$T/a.err"

tap_done
