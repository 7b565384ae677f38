#!/bin/sh
# opml.sh: gazette import / export, and export then import is lossless.
. "$srcdir/tests/lib.sh"

U="$XDG_CONFIG_HOME/gazette/urls"

"$GAZETTE" import "$srcdir/tests/data/nested.opml" > "$T/out" 2>&1
check "import exits 0" [ $? -eq 0 ]
check "import reports the count" grep -q '4 feeds added' "$T/out"
check "import creates the urls file 0600" [ "$(stat -c %a "$U")" = 600 ]
check "nested outlines become tags, titles kept" grep -qx \
    'https://lwn.example/headlines/rss ~LWN.net Tech Linux' "$U"
check "a title that is just the URL is not kept" grep -qx \
    'https://kernel.example/feed Tech Linux' "$U"
check "entities decoded, categories become tags" grep -qx \
    'https://lemonde.example/pixels/rss.xml?a=1&b=2 "~Le Monde & «Pixels»" Tech fr presse' "$U"
check "a duplicate outline is imported once" \
    [ "$(grep -c 'top.example' "$U")" -eq 1 ]
check "an unusable URL is reported" grep -q 'javascript:' "$T/out"
check "an unusable URL is not imported" sh -c "! grep -q javascript '$U'"

"$GAZETTE" import "$srcdir/tests/data/nested.opml" > "$T/out" 2>&1
check "re-import exits 0" [ $? -eq 0 ]
check "re-import skips every duplicate" grep -q '0 feeds added, 4 already' "$T/out"
check "re-import writes nothing" [ "$(wc -l < "$U")" -eq 4 ]

# Round trip: a urls file with everything the format can hold, written the
# way gazette writes it (so the files can be compared byte for byte).
cat > "$T/urls" <<'URLS'
# comment
http://a.example/feed.xml
http://b.example/feed.xml "~B & <b> \"quoted\"" ! tech "two words" comma,tag @home
http://c.example/?x=1&y=2 "~Émile Zola — 日本語" "@user-agent=Mozilla/5.0 (X11; \"x\")" @timeout=20 @connect-timeout=3 @low-speed=10/5 @max-size=1048576 @reload=30 @max-items=100 @encoding=windows-1252 @proxy= @ignore-cache
file:///tmp/local%20feed.xml local
"query:Unread:unread = \"yes\""
URLS
"$GAZETTE" -u "$T/urls" export > "$T/export.opml" 2> "$T/err"
check "export exits 0" [ $? -eq 0 ]
check "export says nothing on stderr" [ ! -s "$T/err" ]
check "export is well-formed XML" xmlwf "$T/export.opml"
check "export is OPML 2.0" grep -q '<opml version="2.0"' "$T/export.opml"
check "export escapes attributes" grep -q \
    'title="B &amp; &lt;b&gt; &quot;quoted&quot;"' "$T/export.opml"
check "export lists file:// and query: feeds too" \
    [ "$(grep -c 'xmlUrl="\(file\|query\):' "$T/export.opml")" -eq 2 ]
"$GAZETTE" -u "$T/urls2" import "$T/export.opml" > "$T/out" 2>&1
check "import of the export exits 0" [ $? -eq 0 ]
# OPML import takes http(s) feeds only: the rest is named and skipped.
grep '^http' "$T/urls" > "$T/expect"
check "export then import is lossless for http(s) feeds" \
    cmp "$T/expect" "$T/urls2"
check "import names the file:// feed it skips" grep -q \
    "'file:///tmp/local%20feed.xml': only http and https feeds are imported; skipped" "$T/out"
check "import names the query: feed it skips" grep -q \
    "'query:Unread:unread = \"yes\"': only http and https feeds are imported; skipped" "$T/out"
grep '^http' "$T/urls" > "$T/urls-http"
"$GAZETTE" -u "$T/urls-http" export > "$T/export-http.opml" 2>&1
"$GAZETTE" -u "$T/urls2" export > "$T/export2.opml" 2>&1
check "a second export is identical" cmp "$T/export-http.opml" "$T/export2.opml"

printf 'this is not xml' > "$T/bad.opml"
"$GAZETTE" -u "$T/urls3" import "$T/bad.opml" > "$T/out" 2>&1
check "not OPML: exit 2" [ $? -eq 2 ]
check "not OPML: no urls file created" [ ! -e "$T/urls3" ]
printf '<opml><body><outline xmlUrl="http://x.example/"/><outline' > "$T/cut.opml"
"$GAZETTE" -u "$T/urls3" import "$T/cut.opml" > "$T/out" 2>&1
check "a truncated OPML: exit 1" [ $? -eq 1 ]
check "a truncated OPML: the feeds before the error are imported" \
    grep -qx 'http://x.example/' "$T/urls3"
"$GAZETTE" import "$T/nonexistent.opml" > "$T/out" 2>&1
check "a missing file: exit 2" [ $? -eq 2 ]
"$GAZETTE" -u "$T/nonexistent" export > "$T/out" 2>&1
check "export without a urls file: exit 2" [ $? -eq 2 ]

tap_done
