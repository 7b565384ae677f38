# damage-lib.sh: a real database to damage (source after lib.sh).
# Makes $GOOD from two file:// feeds of 150 articles each (a and b, urls
# file $U), closed cleanly; feed NAME N rewrites $T/NAME.xml; sum prints
# a file's checksum; said FILE checks that FILE names the damaged
# database $D once.
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute(
    "CREATE VIRTUAL TABLE t USING dbstat")' 2>/dev/null ||
    skip_all "python3's SQLite lacks dbstat"

GOOD="$T/good.db"
D="$T/d.db"
U="$T/urls"

# feed NAME N: an RSS file of N articles with longish bodies, dated in
# the order of their numbers.
feed() {
	python3 - "$T/$1.xml" "$1" "$2" <<'PY'
import sys
path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel>'
            "<title>Feed %s</title>\n" % name)
    for i in range(n):
        f.write("<item><guid>%s-%d</guid><title>%s story %d</title>"
                "<pubDate>01 Sep 2025 %02d:%02d:00 GMT</pubDate>"
                "<description>%s</description></item>\n"
                % (name, i, name, i, i // 60, i % 60,
                   ("words of story %d " % i) * 40))
    f.write("</channel></rss>\n")
PY
}

sum() {
	cksum < "$1"
}

said() {
	[ "$(grep -c "database $D is damaged: .*; gazette will not write to it" \
	    "$1")" -eq 1 ]
}

feed a 150
feed b 150
printf 'file://%s/a.xml\nfile://%s/b.xml\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$GOOD" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }
[ ! -e "$GOOD-wal" ] || { echo "Bail out! a WAL was left behind"; exit 1; }

# damage_pages N: $D is $GOOD with N pages of feed a's newest articles
# overwritten (tests/damage.py).
damage_pages() {
	cp "$GOOD" "$D"
	python3 "$srcdir/tests/damage.py" "$D" "file://$T/a.xml" "$1" \
	    > "$T/pages" || { echo "Bail out! damage.py failed"; exit 1; }
}
