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

# attrs TEXT [N]: the attributes on screen at TEXT's first character.
attrs() {
	tm capture-pane -p -e > "$T/esc"
	python3 "$srcdir/tests/sgr_at.py" "$T/esc" "$@"
}
# wait_attrs TEXT WANT [N]: until attrs TEXT [N] is exactly WANT.
wait_attrs() {
	deadline=$(( $(date +%s) + 15 ))
	while :; do
		got=$(attrs "$1" ${3:-1})
		[ "$got" = "$2" ] && return 0
		[ "$(date +%s)" -ge "$deadline" ] && { echo "# $1: $got"; return 1; }
		sleep 0.1
	done
}

ui_start 100 24 -- -d "$DB" -u "$T/urls" -c "$T/config"
wait_for "Colours" || { show; echo "Bail out! no feed list"; exit 1; }
check "highlight feedlist: the match coloured (the selection stays reversed)" \
    wait_attrs "Colours" "fg=5 bg=default reverse underline"
check "highlight feedlist: the rest of the name is not" \
    wait_attrs "(5/5)" "fg=default bg=default bold reverse"
keys Enter
wait_for "Plain again" || { show; echo "Bail out! no list"; exit 1; }
check "a title matching the first rule: red, bold" \
    wait_attrs "Rust is fast" "fg=1 bg=default bold"
check "the regex is case-insensitive, the first rule wins" \
    wait_attrs "more RUST" "fg=1 bg=default bold"
check "an author rule: green on blue, the whole row" \
    wait_attrs "Go is simple" "fg=2 bg=4"
check "highlight articlelist: the match over the row's colours" \
    wait_attrs "simple" "fg=3 bg=default"
check "highlight all, case-insensitive: in the article list" \
    wait_attrs "Plain again" "fg=7 bg=1"
check "the rest of that row keeps the list's colours" \
    wait_attrs "again" "fg=default bg=default bold"
check "the date of that row too" wait_attrs "Bob" "fg=2 bg=4"
check "a row matching no rule keeps the list's colours" \
    wait_attrs "Carol" "fg=default bg=default bold"
check "the selected row keeps the focus colours" \
    wait_attrs "Nothing here" "fg=default bg=default bold reverse"
keys j
check "selected, a highlighted row shows the focus" \
    wait_attrs "Rust is fast" "fg=default bg=default bold reverse"
check "and the row left goes back to its colours" \
    wait_attrs "Nothing here" "fg=default bg=default bold"
keys k Enter
wait_for "An evolution" || { show; echo "Bail out! no article"; exit 1; }
check "highlight article: a header line" \
    wait_attrs "Title:" "fg=6 bg=default bold"
check "highlight article: the title itself is not matched" \
    wait_attrs "Nothing here" "fg=default bg=default bold" 2
check "highlight article: in the body" \
    wait_attrs "evolution" "fg=4 bg=default"
check "highlight article: every match of the line" \
    wait_attrs "evolution" "fg=4 bg=default" 2
check "highlight all: in the article view too" \
    wait_attrs "plain text" "fg=7 bg=1"
check "the text between matches keeps the article's colours" \
    wait_attrs "text, and" "fg=default bg=default"
check "color end-of-text-marker: the ~ filler lines below the text" \
    wait_attrs "~" "fg=4 bg=default bold"
check "color hint-key: the keys of the hint line" \
    wait_attrs "q:Quit" "fg=3 bg=default bold"
check "color hint-description: their descriptions" \
    wait_attrs "Quit" "fg=2 bg=default"
check "hint-keys-delimiter unset: the hint colour" \
    wait_attrs ":Quit" "fg=default bg=default"
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
check "feedlist-format: highlight feedlist" \
    wait_attrs "Colours" "fg=5 bg=default reverse underline"
keys Enter
check "articlelist-format: highlight-article" \
    wait_attrs "Rust is fast" "fg=1 bg=default bold"
check "articlelist-format: highlight articlelist" \
    wait_attrs "simple" "fg=3 bg=default"
keys q q
check "gazette exits 0 (formats)" [ "$(wait_exit)" = 0 ]

tap_done
