#!/bin/sh
# opml-hostile.sh: an OPML document cannot write lines of its choosing
# into the urls file: one outline is exactly one line, titles and tags
# hold no control character, and only http(s) feeds come in (never
# exec:, filter:, query: or file:), each skipped outline named once.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

U="$T/urls"
DB="$T/gazette.db"
mkfeed "$DOCS/real.xml" real 2
mkfeed "$DOCS/evil.xml" evil 2

# The first outline's text smuggles a second urls line that sends a feed
# through a "proxy" (the test server, which logs the absolute URL a proxy
# is asked for); the trailing # comments out the closing quote.
cat > "$T/hostile.opml" <<OPML
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <body>
    <outline text="Real&#10;$BASE/feed/evil.xml @proxy=$BASE/ #" xmlUrl="$BASE/feed/real.xml"/>
    <outline text="Tabs&#9;and&#13;returns" title="C1&#133;x and bidi&#x202E;y" xmlUrl="http://c1.example/feed" category="a&#10;b,c&#10;exec:x,t&#9;u"/>
    <outline text="Cmd" xmlUrl="exec:touch $T/pwned"/>
    <outline text="Filter" xmlUrl="filter:/bin/sh:http://x.example/"/>
    <outline text="Query" xmlUrl="query:All:unread = &quot;yes&quot;"/>
    <outline text="Local" xmlUrl="file:///dev/tty"/>
    <outline text="UPPER" xmlUrl="EXEC:id"/>
    <outline text="Folder&#10;exec:y">
      <outline text="Nested" xmlUrl="https://nested.example/feed"/>
    </outline>
  </body>
</opml>
OPML
"$GAZETTE" -u "$U" import "$T/hostile.opml" > "$T/out" 2>&1
check "import exits 0" [ $? -eq 0 ]
check "three feeds added" grep -q '3 feeds added' "$T/out"
check "one line per imported outline" [ "$(wc -l < "$U")" -eq 3 ]
cut -d' ' -f1 "$U" > "$T/firsts"
printf '%s\n' "$BASE/feed/real.xml" http://c1.example/feed \
    https://nested.example/feed > "$T/expect"
check "every line is an imported feed's URL, in order" cmp "$T/firsts" "$T/expect"
check "the smuggled line stays inside the title" grep -qxF \
    "$BASE/feed/real.xml \"~Real $BASE/feed/evil.xml @proxy=$BASE/ #\"" "$U"
check "tabs and returns become spaces, C1 and bidi controls go" grep -qxF \
    'http://c1.example/feed "~C1x and bidiy" "a b" "c exec:x" "t u"' "$U"
check "a folder name with a newline is one tag" grep -qxF \
    'https://nested.example/feed ~Nested "Folder exec:y"' "$U"
check "no control character in the urls file" \
    sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$U'"
check "no C1 control in the urls file" \
    sh -c "! LC_ALL=C grep -qP '\\xc2[\\x80-\\x9f]' '$U'"
for o in Cmd Filter Query Local UPPER; do
	check "skipped outline '$o' is named" \
	    grep -q "outline '$o' (.*): only http and https feeds are imported; skipped" "$T/out"
done
check "no command ran" [ ! -e "$T/pwned" ]

# Refresh reads what was written: the real feed, straight, no proxy.
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "refresh fetches the real feed" [ "$(count_items "$DB" "$BASE/feed/real.xml")" -eq 2 ]
check "the real feed was asked for directly" [ "$(requests /feed/real.xml)" -eq 1 ]
check "no request went through a proxy" \
    sh -c "! grep -q '\"path\": \"http' '$HTTPD_LOG'"
check "the smuggled feed was never fetched" \
    sh -c "! grep -q 'evil.xml' '$HTTPD_LOG'"

# A document's own @proxy (gazette:tags) is not taken either; other
# settings are.
cat > "$T/proxy.opml" <<OPML
<opml version="2.0" xmlns:gazette="urn:x-gazette:opml"><body>
<outline text="P" xmlUrl="http://p.example/" gazette:tags="@proxy=http://127.0.0.1:9/ @timeout=20 t"/>
</body></opml>
OPML
"$GAZETTE" -u "$T/u2" import "$T/proxy.opml" > "$T/out" 2>&1
check "gazette:tags: the feed is imported" [ $? -eq 0 ]
check "gazette:tags: @proxy is dropped, the rest kept" \
    grep -qxF 'http://p.example/ ~P t @timeout=20' "$T/u2"
check "gazette:tags: the dropped @proxy is named" \
    grep -q "outline 'P' (http://p.example/): its @proxy setting is not imported" "$T/out"

# A title holding a quote and spaces survives import, export, import.
cat > "$T/quote.opml" <<'OPML'
<opml version="2.0"><body>
<outline text="He said &quot;hi&quot; \ there" xmlUrl="http://q.example/"/>
</body></opml>
OPML
"$GAZETTE" -u "$T/u3" import "$T/quote.opml" > "$T/out" 2>&1
check "quoted title: written quoted and escaped" grep -qxF \
    'http://q.example/ "~He said \"hi\" \\ there"' "$T/u3"
"$GAZETTE" -u "$T/u3" export > "$T/q.opml" 2> "$T/out"
"$GAZETTE" -u "$T/u4" import "$T/q.opml" > "$T/out" 2>&1
check "quoted title: export then import gives the same line" cmp "$T/u3" "$T/u4"
if command -v newsboat > /dev/null 2>&1; then
	# newsboat reads the same title from the same file.
	HOME="$T/nb" newsboat -u "$T/u3" -c "$T/nb.db" -e > "$T/nb.opml" 2>&1
	check "quoted title: newsboat reads the same title" grep -qF \
	    'title="He said &quot;hi&quot; \ there"' "$T/nb.opml"
	HOME="$T/nb" newsboat -u "$U" -c "$T/nb.db" -e > "$T/nb.opml" 2>&1
	check "newsboat sees the same three feeds" \
	    [ "$(grep -c 'xmlUrl=' "$T/nb.opml")" -eq 3 ]
fi

# Problems are bounded: a document of 500 bad outlines gives 20 warnings
# and a count.
{
	echo '<opml version="2.0"><body>'
	i=0
	while [ $i -lt 500 ]; do
		echo "<outline text=\"x$i\" xmlUrl=\"exec:x$i\"/>"
		i=$((i + 1))
	done
	echo '</body></opml>'
} > "$T/many.opml"
"$GAZETTE" -u "$T/u5" import "$T/many.opml" > "$T/out" 2>&1
check "500 bad outlines: at most 22 lines of output" [ "$(wc -l < "$T/out")" -le 22 ]
check "500 bad outlines: the rest are counted" \
    grep -q '\.\.\. and 480 more problems' "$T/out"

tap_done
