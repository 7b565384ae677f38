#!/bin/sh
# list-sort.sh: article-sort-order and feed-sort-order.  `gazette list
# --sort ORDER` is checked against an independent reading of the order
# (Python, over the rows of the default listing); the interface's
# article list, in an order from the config and after g/G, must show at
# every position (top, End, paging up, a jump into the middle, paging
# down) the article `gazette list --sort` has there; the feed list
# follows feed-sort-order and g/G with newsboat's meaning.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
trap 'kill $HTTPD_PID 2>/dev/null; tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

N=900
DB="$T/g.db"
# Titles in two cases, four authors (one missing), dates shared by many
# articles (ties), a third without a date.
awk -v n=$N 'BEGIN {
	split("alice Bob carol", au, " ")
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<rss version=\"2.0\"><channel><title>Sorting</title>"
	for (i = 1; i <= n; i++) {
		printf "<item><guid>g%04d</guid><link>http://x.test/%d</link>",
		    (i * 37) % 1000, i
		printf "<title>%s item %d</title>", i % 4 ? "Sort" : "sort", i
		if (i % 4 != 3)
			printf "<author>%s</author>", au[1 + i % 3]
		if (i % 3 != 0)
			printf "<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>", 1 + i % 5
		print "</item>"
	}
	print "</channel></rss>"
}' > "$DOCS/sorting.xml"
printf '%s\n' "$BASE/feed/sorting.xml" > "$T/urls"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "the feed is stored" [ $? -eq 0 ]
cp "$DB" "$T/fresh.db"
# Flag every seventh article (the flags order needs some).
python3 - "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET flagged = 1 WHERE id % 7 = 0")
db.commit()
EOF

# is_sorted ORDER: gazette list --sort ORDER holds every article of the
# default listing once, in ORDER (ties by date, same direction).
is_sorted() {
	"$GAZETTE" -d "$DB" list --json > "$T/all.json" &&
	"$GAZETTE" -d "$DB" list --json --sort "$1" > "$T/sorted.json" &&
	python3 - "$1" "$T/all.json" "$T/sorted.json" <<'EOF'
import json, sys
order, all_f, sorted_f = sys.argv[1:]
field, _, d = order.partition("-")
asc = d == "asc" if d else field != "date"
rows = [json.loads(l) for l in open(sorted_f)]
every = [json.loads(l) for l in open(all_f)]
key = lambda r: r["guid"]
if sorted(map(key, rows)) != sorted(map(key, every)):
    sys.exit("not the same articles")
def value(r):
    if field == "date":
        return None
    if field == "flags":
        return int(r["flagged"])
    v = r[field] or ""
    return v.lower() if field in ("title", "author") else v
for a, b in zip(rows, rows[1:]):
    va, vb = value(a), value(b)
    if va != vb:
        if (va < vb) != asc:
            sys.exit("out of order: %r then %r" % (va, vb))
    elif a["published"] is not None and b["published"] is not None:
        if a["published"] != b["published"] and \
                (a["published"] < b["published"]) != asc:
            sys.exit("a tie out of date order: %s %s" % (a["guid"], b["guid"]))
EOF
}

for o in date date-asc title title-desc author author-desc flags \
    flags-desc link-desc guid; do
	check "gazette list --sort $o" is_sorted $o
done
"$GAZETTE" -d "$DB" list --sort colour > /dev/null 2> "$T/err"
check "an unknown order is a usage error" [ $? -eq 2 ]
check "and says which orders there are" grep -q "title, flags" "$T/err"
query_sorted() {
	"$GAZETTE" -d "$DB" list --json > "$T/all.json" &&
	"$GAZETTE" -d "$DB" list --json --sort title-desc \
	    --query 'author = "Bob"' > "$T/q.json" &&
	python3 - "$T/all.json" "$T/q.json" <<'EOF2'
import json, sys
every = [json.loads(l) for l in open(sys.argv[1])]
rows = [json.loads(l) for l in open(sys.argv[2])]
want = sorted(r["guid"] for r in every if r["author"] == "Bob")
t = [r["title"].lower() for r in rows]
sys.exit(not (want and sorted(r["guid"] for r in rows) == want and
    t == sorted(t, reverse=True)))
EOF2
}
check "--sort with --query: the query's articles, in the order" query_sorted

# same_as_list ARGS...: a --query every article meets lists exactly what
# the listing without it does, line for line, with ARGS (over the
# 512-row windows, ties by date included), in a copy where every fifth
# article is read.
cp "$DB" "$T/r.db"
python3 - "$T/r.db" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET read = 1 WHERE id % 5 = 0")
db.commit()
EOF2
same_as_list() {
	"$GAZETTE" -d "$T/r.db" list --json "$@" > "$T/l.json" &&
	"$GAZETTE" -d "$T/r.db" list --json --query 'guid != "-"' "$@" \
	    > "$T/lq.json" &&
	[ "$(wc -l < "$T/l.json")" -gt 512 -o "$1" = --unread ] &&
	cmp -s "$T/l.json" "$T/lq.json"
}
for o in date date-asc title author-desc flags link; do
	check "--query over every article, --sort $o: the same list" \
	    same_as_list --sort $o
	check "--query over every article, --unread --sort $o: the same" \
	    same_as_list --unread --sort $o
done

# titles ORDER: the titles in ORDER, one a line (line n: row n).
titles() {
	"$GAZETTE" -d "$DB" list --json --sort "$1" |
	    sed -n 's/.*"title":"\([Ss]ort item [0-9]*\)".*/\1/p' > "$T/titles"
}

rows_match() {
	sed -n 's/^ *\([0-9][0-9]*\) .*\([Ss]ort item [0-9]*\) *$/\1 \2/p' \
	    "$T/screen" > "$T/rows"
	awk 'NR == FNR { t[NR] = $0; next }
	    { n = $1; sub(/^[0-9]+ /, ""); if (t[n] != $0) bad++; c++ }
	    END { if (bad > 0 || c < 20) exit 1; print c }' \
	    "$T/titles" "$T/rows" > /dev/null
}

wait_rows() {
	deadline=$(( $(date +%s) + 20 ))
	while :; do
		screen > "$T/screen"
		if grep -q "^ *$1 " "$T/screen" && rows_match; then
			return 0
		fi
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

# pages ORDER: the article list, open, in ORDER at every position.
pages() {
	titles "$1"
	keys Home
	check "$1: the top" wait_rows 1
	keys End
	check "$1: End" wait_rows $N
	keys PPage PPage PPage
	check "$1: paging up from the end" wait_rows $((N - 3 * 26))
	keys 4 5 0 End
	check "$1: a jump into the middle" wait_rows 450
	keys NPage NPage NPage
	check "$1: paging down" wait_rows $((450 + 3 * 26))
}

# open_sorting DB ORDER: the interface on DB with article-sort-order
# ORDER, the feed's article list open.
open_sorting() {
	printf 'article-sort-order %s\n' "$2" > "$T/config"
	ui_start 100 30 -- -d "$1" -u "$T/urls" -c "$T/config"
	wait_for "Sorting" || { show; echo "Bail out! no feed list"; exit 1; }
	keys Enter
	wait_for "Articles in 'Sorting'" ||
	    { show; echo "Bail out! no list"; exit 1; }
}

open_sorting "$DB" author-desc
pages author-desc
keys g
check "g asks for the field as newsboat does" \
    wait_for "Sort by (d)ate/(t)itle/(f)lags/(a)uthor/(l)ink/(g)uid?"
keys t
pages title-asc
keys G f
pages flags-desc
keys G x
check "another key leaves the order" wait_for "order unchanged"
titles flags-desc
keys Home
check "still flags-desc" wait_rows 1
keys G d
pages date-desc
keys q q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]

# nindexes DB: the store's indexes.  The interface sorts a feed's
# articles without building an index for the order: at a million
# articles that took 13 to 21 s with the store's write lock held.
nindexes() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM"
    " sqlite_master WHERE type = \x27index\x27").fetchone()[0])' "$1"
}
before=$(nindexes "$T/fresh.db")
open_sorting "$T/fresh.db" title
titles author-desc
keys G a End
check "G a End, no index for the order: the last article" wait_rows $N
keys q q
check "gazette exits 0 after sorting" [ "$(wait_exit)" = 0 ]
check "the interface built no index to sort" \
    [ "$(nindexes "$T/fresh.db")" = "$before" ]

# The feed list: four feeds, their counts, tags and last dates differ.
mkfeed_n() {	# NAME TITLE COUNT DAY
	awk -v t="$2" -v n="$3" -v d="$4" 'BEGIN {
		printf "<rss version=\"2.0\"><channel><title>%s</title>\n", t
		for (i = 1; i <= n; i++)
			printf "<item><guid>%s%d</guid><title>%s %d</title>" \
			    "<pubDate>Mon, %02d Jan 2024 10:00:00 GMT</pubDate>" \
			    "</item>\n", t, i, t, i, d - i % 2
		print "</channel></rss>"
	}' > "$DOCS/$1.xml"
}
mkfeed_n fa Alfa 3 10
mkfeed_n fb Bravo 1 20
mkfeed_n fc Charlie 2 5
mkfeed_n fd Delta 5 15
{
	printf '%s zeta\n' "$BASE/feed/fa.xml"
	printf '%s alpha\n' "$BASE/feed/fb.xml"
	printf '%s\n' "$BASE/feed/fc.xml"
	printf '%s mid\n' "$BASE/feed/fd.xml"
} > "$T/urls2"
DB2="$T/f.db"
"$GAZETTE" -u "$T/urls2" -d "$DB2" refresh --quiet > "$T/out" 2>&1
check "four feeds stored" [ $? -eq 0 ]

# feeds_are A B C D: the feed list shows these, in this order.
feeds_are() {
	want="$*"
	deadline=$(( $(date +%s) + 15 ))
	while :; do
		got=$(screen | sed -n 's/^ *[0-9][0-9]* .*) \(Alfa\|Bravo\|Charlie\|Delta\).*/\1/p' |
		    tr '\n' ' ' | sed 's/ $//')
		[ "$got" = "$want" ] && return 0
		[ "$(date +%s)" -ge "$deadline" ] && { echo "# got: $got"; return 1; }
		sleep 0.1
	done
}

printf 'feed-sort-order firsttag\n' > "$T/config2"
ui_start 100 30 -- -d "$DB2" -u "$T/urls2" -c "$T/config2"
check "firsttag: by first tag, untagged feeds last" \
    feeds_are Bravo Delta Alfa Charlie
keys G a
check "G a (articlecount-desc): the fewest articles first" \
    feeds_are Bravo Charlie Alfa Delta
keys g a
check "g a (articlecount-asc): the most first" \
    feeds_are Delta Alfa Charlie Bravo
keys G t
check "G t (title-desc): A to Z" feeds_are Alfa Bravo Charlie Delta
keys g t
check "g t (title-asc): Z to A" feeds_are Delta Charlie Bravo Alfa
keys G l
check "G l (lastupdated-desc): the newest article first" \
    feeds_are Bravo Delta Alfa Charlie
keys Enter
check "Enter opens the selected feed" wait_for "Articles in 'Bravo'"
keys q
keys G u
check "G u (unreadarticlecount-desc)" feeds_are Bravo Charlie Alfa Delta
keys g n
check "g n (none-asc): the urls file's order reversed" \
    feeds_are Delta Charlie Bravo Alfa
keys G n
check "G n (none-desc): the urls file's order" \
    feeds_are Alfa Bravo Charlie Delta
keys q
check "gazette exits 0 again" [ "$(wait_exit)" = 0 ]

tap_done
