#!/bin/sh
# ui_highlight.sh: highlight-article colours the rows of the article
# list that meet a filter expression, as newsboat does (the colours read
# back from tmux with capture-pane -e, followed by tests/sgr_at.py).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
trap 'kill $HTTPD_PID 2>/dev/null; tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

DB="$T/g.db"
cat > "$DOCS/hl.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Colours</title>
<item><guid>a</guid><title>Nothing here</title><author>Alice</author>
<description>An evolution of plain text, and more evolution.</description>
<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate></item>
<item><guid>b</guid><title>Rust is fast</title><author>Alice</author>
<pubDate>Mon, 04 Feb 2024 10:00:00 GMT</pubDate></item>
<item><guid>c</guid><title>Go is simple</title><author>Bob</author>
<pubDate>Mon, 03 Feb 2024 10:00:00 GMT</pubDate></item>
<item><guid>d</guid><title>more RUST, and Bob</title><author>Bob</author>
<pubDate>Mon, 02 Feb 2024 10:00:00 GMT</pubDate></item>
<item><guid>e</guid><title>Plain again</title><author>Carol</author>
<pubDate>Mon, 01 Feb 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
printf '%s\n' "$BASE/feed/hl.xml" > "$T/urls"
"$GAZETTE" -u "$T/urls" -d "$DB" refresh --quiet > "$T/out" 2>&1
check "the feed is stored" [ $? -eq 0 ]

cat > "$T/config" <<'CONF'
highlight-article "title =~ \"rust\"" red default bold
highlight-article "author = \"Bob\"" green blue
highlight articlelist "simple" yellow default
highlight feedlist "colou?rs" magenta default underline
highlight article "^Title:" cyan default bold
highlight all "plain" white red
highlight article "evolution" blue
color end-of-text-marker blue default bold
color hint-key yellow default bold
color hint-description green default
CONF
"$GAZETTE" check-config "$T/config" > "$T/out" 2>&1
check "check-config: highlight-article, highlight, color are applied" \
    grep -q ': 10 lines: 10 applied, 0 not applied, 0 not understood' "$T/out"
printf 'highlight article "(unclosed" red\nhighlight nowhere "x" red\n' > "$T/bad2"
"$GAZETTE" check-config "$T/bad2" > "$T/out" 2>&1
check "check-config: a bad regular expression is named" \
    grep -q 'bad2:1: highlight: (unclosed: ' "$T/out"
check "check-config: a bad location is named" \
    grep -q "bad2:2: highlight: unknown location 'nowhere'" "$T/out"
printf 'highlight-article "title =~" red default\n' > "$T/bad"
"$GAZETTE" check-config "$T/bad" > "$T/out" 2>&1
check "check-config: a bad expression is named" \
    grep -q 'highlight-article: .*expected' "$T/out"

# expect DESC TEXT WANT [N]: a check that the attributes at TEXT's first
# (Nth) character on the screen shown now are exactly WANT, queued for
# expect_all.
: > "$T/q"
: > "$T/want"
expect() {
	printf '%s\t%s\n' "$2" "${4:-1}" >> "$T/q"
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$T/want"
}
# expect_all: poll the pane until every queued check holds or 15 s pass
# (one tests/sgr_at.py a poll for them all), then ok or fail each.
expect_all() {
	deadline=$(( $(date +%s) + 15 ))
	cut -f3 "$T/want" > "$T/wanted"
	while :; do
		tm capture-pane -p -e > "$T/esc"
		python3 "$srcdir/tests/sgr_at.py" "$T/esc" --each < "$T/q" \
		    > "$T/got"
		cmp -s "$T/wanted" "$T/got" && break
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.1
	done
	paste "$T/want" "$T/got" > "$T/res"
	while IFS='	' read -r desc text want got; do
		if [ "$got" = "$want" ]; then
			ok "$desc"
		else
			echo "# $text: $got"
			fail "$desc"
		fi
	done < "$T/res"
	: > "$T/q"
	: > "$T/want"
}

ui_start 100 24 -- -d "$DB" -u "$T/urls" -c "$T/config"
wait_for "Colours" || { show; echo "Bail out! no feed list"; exit 1; }
expect "highlight feedlist: the match coloured (the selection stays reversed)" \
    "Colours" "fg=5 bg=default reverse underline"
expect "highlight feedlist: the rest of the name is not" \
    "(5/5)" "fg=default bg=default bold reverse"
expect_all
keys Enter
wait_for "Plain again" || { show; echo "Bail out! no list"; exit 1; }
expect "a title matching the first rule: red, bold" \
    "Rust is fast" "fg=1 bg=default bold"
expect "the regex is case-insensitive, the first rule wins" \
    "more RUST" "fg=1 bg=default bold"
expect "an author rule: green on blue, the whole row" \
    "Go is simple" "fg=2 bg=4"
expect "highlight articlelist: the match over the row's colours" \
    "simple" "fg=3 bg=default"
expect "highlight all, case-insensitive: in the article list" \
    "Plain again" "fg=7 bg=1"
expect "the rest of that row keeps the list's colours" \
    "again" "fg=default bg=default bold"
expect "the date of that row too" "Bob" "fg=2 bg=4"
expect "a row matching no rule keeps the list's colours" \
    "Carol" "fg=default bg=default bold"
expect "the selected row keeps the focus colours" \
    "Nothing here" "fg=default bg=default bold reverse"
expect_all
keys j
expect "selected, a highlighted row shows the focus" \
    "Rust is fast" "fg=default bg=default bold reverse"
expect "and the row left goes back to its colours" \
    "Nothing here" "fg=default bg=default bold"
expect_all
keys k Enter
wait_for "An evolution" || { show; echo "Bail out! no article"; exit 1; }
expect "highlight article: a header line" "Title:" "fg=6 bg=default bold"
expect "highlight article: the title itself is not matched" \
    "Nothing here" "fg=default bg=default bold" 2
expect "highlight article: in the body" "evolution" "fg=4 bg=default"
expect "highlight article: every match of the line" \
    "evolution" "fg=4 bg=default" 2
expect "highlight all: in the article view too" "plain text" "fg=7 bg=1"
expect "the text between matches keeps the article's colours" \
    "text, and" "fg=default bg=default"
expect "color end-of-text-marker: the ~ filler lines below the text" \
    "~" "fg=4 bg=default bold"
expect "color hint-key: the keys of the hint line" \
    "q:Quit" "fg=3 bg=default bold"
expect "color hint-description: their descriptions" "Quit" "fg=2 bg=default"
expect "hint-keys-delimiter unset: the hint colour" \
    ":Quit" "fg=default bg=default"
expect_all
keys q q q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]

# newsboat's list formats: the same colours.
cat > "$T/config" <<'CONF'
feedlist-format "%4i %t"
articlelist-format "%4i %f %t"
highlight-article "title =~ \"rust\"" red default bold
highlight feedlist "colou?rs" magenta default underline
highlight articlelist "simple" yellow default
CONF
ui_start 100 24 -- -d "$DB" -u "$T/urls" -c "$T/config"
expect "feedlist-format: highlight feedlist" \
    "Colours" "fg=5 bg=default reverse underline"
expect_all
keys Enter
expect "articlelist-format: highlight-article" \
    "Rust is fast" "fg=1 bg=default bold"
expect "articlelist-format: highlight articlelist" "simple" "fg=3 bg=default"
expect_all
keys q q
check "gazette exits 0 (formats)" [ "$(wait_exit)" = 0 ]

tap_done
