#!/bin/sh
# ui_formats.sh: newsboat's format strings in the interface:
# feedlist-format, articlelist-format and the title formats, with
# widths in display cells (CJK titles take two cells a character).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
cat > "$T/f.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>日本語ニュース</title>
<link>http://site.example/</link>
<item><title>first story</title><guid>s1</guid><author>Ann</author>
<pubDate>Mon, 02 Jan 2006 10:00:00 +0000</pubDate></item>
<item><title>世界 second</title><guid>s2</guid><author>Bob Longname-Author</author>
<pubDate>Tue, 03 Jan 2006 10:00:00 +0000</pubDate></item>
</channel></rss>
XML
printf 'file://%s/f.xml news\n' "$T" > "$URLS"
"$GAZETTE" -d "$DB" -u "$URLS" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }

cat > "$T/config" <<'CFG'
feedlist-format "%4i %n %-10t|%u %>.%T"
feedlist-title-format "%N - My feeds %?T?[%T]&(all)? %u/%t"
articlelist-format "%-3i|%f|%-8a|%t%?T? <%T>&?"
articlelist-title-format "In %T: %u of %t (%U)"
itemview-title-format "Reading '%T' %u/%t"
datetime-format "%Y"
CFG
ui_start 60 20 -- -c "$T/config" -u "$URLS" -d "$DB"
check "feedlist-title-format: %N, a conditional, %u/%t" \
    wait_for "gazette - My feeds (all) 2/2"
# 10 cells of the title: five CJK characters; the fill ends the line
# at column 60 with the first tag.
check "feedlist-format: width in cells, (unread/total), %> fill, %T" \
    grep -qx '   1 N 日本語ニュ|(2/2) \.*news' "$T/screen"
w=$(grep 'news$' "$T/screen" | sed 's/[^ -~]/WW/g' | awk '{ print length }')
check "feedlist-format: the line is the window's width ($w)" [ "$w" = 60 ]
check "no config line left out" [ ! -s "$T/stderr" ]
keys Enter
check "articlelist-title-format: %T %u %t %U" \
    wait_for "In 日本語ニュース: 2 of 2 (file:///"
check "articlelist-format: %i %f %-8a %t (newest first)" \
    grep -qx '1  |N |Bob Long|世界 second *' "$T/screen"
check "articlelist-format: %T empty in one feed's list" \
    grep -qx '2  |N |Ann     |first story *' "$T/screen"
keys Enter
check "itemview-title-format: %T and the feed's counts" \
    wait_for "Reading '世界 second' 1/2"
keys Q
st=$(wait_exit 30)
check "quits" [ "$st" = 0 ]

# A query feed: %T names each article's feed.
printf 'file://%s/f.xml news\n"query:All:title =~ \\"s\\""\n' "$T" > "$URLS"
ui_start 60 20 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "My feeds" >/dev/null
keys Down Enter
check "articlelist-format: %T is the feed in a query feed" \
    wait_re "first story <日本語ニュース>"
keys Q
wait_exit 30 >/dev/null

tap_done
