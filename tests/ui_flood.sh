#!/bin/sh
# ui_flood.sh: a title of 10,000 characters, or a letter with thousands
# of combining marks (U+0301), is cut to the screen by display width: the
# title bar and the list rows still show the text around it, in the feed
# list, the article list and the search view.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

# Fetched by refresh from a file:// URL, as any feed.
python3 - "$T" <<'EOF' || { echo "Bail out! cannot write the feeds"; exit 1; }
import sys
d = sys.argv[1]
flood = "a" + "\u0301" * 5000
long = "L" * 10000
rss = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>%s</title><link>http://x.example/</link>
<item><guid>%s-1</guid><title>Zebra %s tail</title>
<description>zebra first</description></item>
<item><guid>%s-2</guid><title>Yak %s tail</title>
<description>zebra second</description></item>
</channel></rss>
"""
with open(d + "/flood.xml", "w", encoding="utf-8") as f:
    f.write(rss % ("Flood " + flood + " feed end", "f", flood, "f", long))
with open(d + "/long.xml", "w", encoding="utf-8") as f:
    f.write(rss % ("Long " + long + " feed end", "l", long, "l", flood))
EOF
printf 'file://%s/flood.xml\nfile://%s/long.xml\n' "$T" "$T" > "$T/urls"
DB="$T/g.db"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }

# f searches the feed in the article list too (there it is select-filter).
mkdir -p "$XDG_CONFIG_HOME/gazette"
echo 'bind-key f open-search-feed articlelist' > "$XDG_CONFIG_HOME/gazette/config"
ui_start 100 30 -- -d "$DB" -u "$T/urls"
check "the feed list" wait_for "Your feeds"
check "the flooded feed title keeps the text after the flood" \
    wait_re 'Flood a.* feed end'
check "the long feed title is cut with an ellipsis" wait_re 'Long LLLL*…'

# The flood feed (first in the list): the title bar quotes its title.
keys Enter
if wait_re "^gazette [0-9.]* - Articles in 'Flood a.* feed end' (2 unread, 2 total)"
then ok "flood: the title bar shows the feed title and the counts"
else show; fail "flood: the title bar shows the feed title and the counts"; fi
check "flood: the first row shows a title" \
    wait_re '^   1 N .*\(Zebra a.* tail\|Yak LLLL*…\)$'
check "flood: the flooded title keeps the text after the flood" \
    wait_re '^   [12] N .*Zebra a.* tail'
check "flood: the long title is cut" wait_re '^   [12] N .*Yak LLLL*…'

# Search in this feed (f): the title bar quotes the feed title too.
keys f
wait_for "Search in " > /dev/null
keys zebra Enter
if wait_re "^gazette [0-9.]* - Search 'zebra' in 'Flood a.* feed end' (2 results)"
then ok "flood: the search title bar shows the feed title"
else show; fail "flood: the search title bar shows the feed title"; fi
check "flood: the first result shows feed and title" \
    wait_re '^   1 N .*Flood a.* feed end .*\(Zebra a.* tail\|Yak LLLL*…\)$'
check "flood: the first result's snippet" wait_re '^ *zebra \(first\|second\)$'

# The 10,000-character feed title: cut in the title bar, not dropped.
keys q
wait_for "Articles in" > /dev/null
keys q
wait_for "Your feeds" > /dev/null
keys j Enter
if wait_re "^gazette [0-9.]* - Articles in 'Long LLLL*…"
then ok "long: the title bar shows the start of the feed title"
else show; fail "long: the title bar shows the start of the feed title"; fi
check "long: the first row shows a title" \
    wait_re '^   1 N .*\(Zebra LLLL*…\|Yak a.* tail\)$'
check "long: the flooded title keeps the text after the flood" \
    wait_re '^   [12] N .*Yak a.* tail'
keys f
wait_for "Search in " > /dev/null
keys zebra Enter
if wait_re "^gazette [0-9.]* - Search 'zebra' in 'Long LLLL*…"
then ok "long: the search title bar shows the start of the feed title"
else show; fail "long: the search title bar shows the start of the feed title"; fi
check "long: the first result shows feed and title" \
    wait_re '^   1 N .*Long LLLL*….*\(Zebra LLLL*…\|Yak a.* tail\)$'
keys q q Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]

tap_done
