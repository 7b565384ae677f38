#!/bin/sh
# filter.sh: `gazette list --query` (newsboat's filter language compiled
# to SQL) against tests/filter_eval.py, an evaluator of the same language
# written separately, over one real database: every example of newsboat's
# documentation and 500 generated expressions must select exactly the
# same articles.  Then parse errors: position and what was expected.
. "$srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"

DB="$T/g.db"
mkdir -p "$T/feeds"
python3 - "$T/feeds" <<'PY'
import random, sys, time
from email.utils import formatdate
rnd = random.Random(7)
words = ["Linux", "FreeBSD", "Gentoo", "newsboat", "Windows", "café",
         "évolution", "über", "terminal", "Rust", "cron", "search", "FUN"]
authors = ["Frank Zappa", "John Smith", "Andreas Krennmair", "", "Zoé"]
now = int(time.time())
for f in range(6):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0"><channel><title>Feed %d %s</title>'
           '<link>https://example.org/f%d</link>' % (f, words[f], f)]
    for i in range(12 + f * 3):
        t = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4)))
        a = rnd.choice(authors)
        # Half a day off the day boundary: age is the same all test long.
        d = now - rnd.randint(0, 40) * 86400 - 43200 - rnd.randint(0, 3600)
        out.append("<item><guid>f%d-%d</guid><title>%s</title>" % (f, i, t))
        out.append("<link>%s://example.org/f%d/%d</link>" %
                   (rnd.choice(["http", "https"]), f, i))
        if a:
            out.append("<author>%s</author>" % a)
        out.append("<pubDate>%s</pubDate>" % formatdate(d))
        if i % 4 == 0:
            out.append('<enclosure url="https://example.org/%d.%s" type="%s"'
                       ' length="5"/>' % (i, *rnd.choice(
                           [("mp3", "audio/mpeg"), ("ogg", "audio/ogg")])))
        out.append("<description>&lt;p&gt;%s %s&lt;/p&gt;</description></item>"
                   % (t, " ".join(rnd.choice(words) for _ in range(5))))
    out.append("</channel></rss>")
    open("%s/f%d.xml" % (sys.argv[1], f), "w").write("\n".join(out))
PY
cat > "$T/urls" <<URLS
file://$T/feeds/f0.xml fun tag1
file://$T/feeds/f1.xml "~My Feed One" tag1
file://$T/feeds/f2.xml news
file://$T/feeds/f3.xml
file://$T/feeds/f4.xml fun "multi word"
file://$T/feeds/f5.xml "~Zeta"
URLS
"$GAZETTE" -d "$DB" -u "$T/urls" refresh --quiet 2> "$T/err"
check "refresh of the test feeds" [ $? -eq 0 ]
# Read state through gazette, flags straight into the database.
printf 'f0-1\nf0-2\nf1-3\nf2-0\nf2-5\nf3-1\nf3-7\nf4-4\nf5-2\nf5-9\n' > "$T/read"
"$GAZETTE" -d "$DB" import-read "$T/read" 2>> "$T/err"
python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET flagged = 1 WHERE guid IN (\"f0-3\", \"f2-2\", \"f4-0\", \"f4-6\")")
db.commit()' "$DB"

python3 "$srcdir/tests/filter_eval.py" "$GAZETTE" "$DB" 500 11 > "$T/tap"
n=$(grep -c '^ok' "$T/tap")
bad=$(grep -c '^not ok' "$T/tap")
agree=no
[ "$bad" -eq 0 ] && [ "$n" -ge 513 ] && agree=yes
check "the filter language: $n expressions agree with tests/filter_eval.py" \
    [ "$agree" = yes ]
grep -A3 '^not ok' "$T/tap" | head -n 40 | sed 's/^/# /'

# Errors: the position and what was expected; exit 2; nothing printed.
err() {
	"$GAZETTE" -d "$DB" list --query "$1" > "$T/out" 2> "$T/err"
	st=$?
	good=no
	[ $st -eq 2 ] && [ ! -s "$T/out" ] && grep -qF "$2" "$T/err" &&
	    good=yes
	check "error: $3" [ "$good" = yes ]
}
err 'title =' 'position 8: expected a quoted string or a number, found the end' \
    'no value'
err 'title ~ "x"' 'position 7: expected an operator' 'no operator'
err '( unread = "yes"' "expected ')', found the end" 'unclosed parenthesis'
err 'colour = "red"' 'position 1: expected an attribute' 'unknown attribute'
err 'title =~ "(("' 'expected a valid regular expression' 'bad regex'
err 'title between 1:2' 'title is not a number' 'between on text'
err 'unread = "yes" xor' "expected 'and', 'or' or the end" 'trailing word'
err 'title = "unterminated' 'position 9: expected a quoted string' \
    'unterminated string'
err "$(printf 'title = \033]0;x\007')" "found '?'" \
    'an escape in the expression is named, not echoed'
check "no escape byte in the message" \
    [ "$(tr -d -c '\033\007' < "$T/err" | wc -c)" -eq 0 ]
deep=$(python3 -c 'print("(" * 100 + "unread = \"yes\"" + ")" * 100)')
err "$deep" 'nested deeper than 64' 'nesting capped'

tap_done
