#!/bin/sh
# list-paging.sh: the article list of a long feed, paged by key in a real
# terminal.  A feed of 1500 articles, most of them sharing a handful of
# dates (ties on the sort date) and a third with no date at all, is
# refreshed from tests/httpd.py; `gazette list` gives the order, and every
# row the interface shows (at the top, after a jump to the end, paging up
# from there across window boundaries, after a jump into the middle,
# paging down) must be the article `gazette list` has at that position.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
# ui_lib's trap replaced httpd-lib's: stop both.
trap 'kill $HTTPD_PID 2>/dev/null; tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

N=1500
DB="$T/g.db"
awk -v n=$N 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<rss version=\"2.0\"><channel><title>Paging</title>"
	for (i = 1; i <= n; i++) {
		printf "<item><guid>p%d</guid><title>Paging item %d</title>", i, i
		if (i % 3 != 0)
			printf "<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>", 1 + i % 5
		print "</item>"
	}
	print "</channel></rss>"
}' > "$DOCS/paging.xml"
printf '%s\n' "$BASE/feed/paging.xml" > "$T/urls"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "the feed is stored" [ $? -eq 0 ]
"$GAZETTE" -d "$DB" list --json --feed "$BASE/feed/paging.xml" |
    sed -n 's/.*"title":"\(Paging item [0-9]*\)".*/\1/p' > "$T/titles"
check "gazette list gives every article once" \
    [ "$(sort -u "$T/titles" | wc -l)" -eq $N ]
check "ties: many articles share a sort date" \
    [ "$("$GAZETTE" -d "$DB" list --json --feed "$BASE/feed/paging.xml" |
    sed -n 's/.*"published":\([0-9]*\).*/\1/p' | sort | uniq -c |
    awk '$1 > 100' | wc -l)" -ge 3 ]

# rows_match: every numbered row on the screen is the article gazette
# list has at that number; prints how many rows were compared.
rows_match() {
	sed -n 's/^ *\([0-9][0-9]*\) .*\(Paging item [0-9]*\).*$/\1 \2/p' \
	    "$T/screen" > "$T/rows"
	awk 'NR == FNR { t[NR] = $0; next }
	    { n = $1; sub(/^[0-9]+ /, ""); if (t[n] != $0) bad++; c++ }
	    END { if (bad > 0 || c < 20) exit 1; print c }' \
	    "$T/titles" "$T/rows" > /dev/null
}

# wait_rows ROW: poll until row ROW is on the screen and every row shown
# matches (a terminal update is not atomic).
wait_rows() {
	deadline=$(( $(date +%s) + 15 ))
	while :; do
		screen > "$T/screen"
		if grep -q "^ *$1 " "$T/screen" && rows_match; then
			return 0
		fi
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

ui_start 100 30 -- -d "$DB" -u "$T/urls"
wait_for "Paging" || { show; echo "Bail out! no feed list"; exit 1; }
keys Enter
if wait_for "Articles in 'Paging' ($N unread, $N total)" &&
    wait_rows 1; then ok "the top of the list"
else show; fail "the top of the list"; fi
keys End
check "End: the end of the list, in gazette list's order" wait_rows $N
keys PPage PPage PPage PPage PPage
check "paging up from the end" wait_rows $((N - 5 * 26))
keys 7 0 0 End
check "700 End: a jump into the middle" wait_rows 700
keys NPage NPage NPage NPage
check "paging down from the middle" wait_rows $((700 + 4 * 26))
keys k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k
check "40 rows up, one at a time" wait_rows $((700 + 4 * 26 - 40))
keys Home
check "Home: back to the top" wait_rows 1
keys Enter
check "Enter on the first row opens the newest article" \
    wait_for "Title: $(sed -n 1p "$T/titles")"
keys q End Enter
check "Enter on the last row opens the oldest article" \
    wait_for "Title: $(sed -n ${N}p "$T/titles")"
keys q q q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]

tap_done
