#!/bin/sh
# ui_viewer.sh: newsboat's external-url-viewer (u hands the terminal to
# it, the links on its standard input), pager (the article as text in a
# file, %f or the last argument, and on standard input) and
# html-renderer (the HTML on its standard input, its sanitised output in
# the article view; gazette's own renderer when it fails).  Nothing
# from the feed is ever in a command line.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
C="$T/config"
# A hostile link and title: were they shell text, $T/pwned would exist.
cat > "$T/a.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha feed</title>
<item><guid>a1</guid><title>Alpha \$(touch $T/pwned) story</title><link>http://a.example/1</link>
<description>&lt;p&gt;Body of the alpha story, see &lt;a href="http://one.example/x?a=1&amp;amp;b='\$(touch $T/pwned)'"&gt;one&lt;/a&gt; and &lt;a href="http://two.example/"&gt;two&lt;/a&gt;.&lt;/p&gt;</description></item>
</channel></rss>
XML
printf 'file://%s/a.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

# Each program records its arguments and standard input.
cat > "$T/rec" <<REC
#!/bin/sh
name=\$1; shift
printf '%s\n' "\$@" > "$T/\$name-argv"
cat > "$T/\$name-stdin"
[ -n "\$2" ] && [ -f "\$2" ] && cp "\$2" "$T/\$name-file"
[ -n "\$1" ] && [ -f "\$1" ] && cp "\$1" "$T/\$name-file"
exit 0
REC
chmod +x "$T/rec"

# external-url-viewer: u gives it the links, one a line.
printf 'external-url-viewer "%s urlview"\n' "$T/rec" > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
wait_for "Body of the alpha story" >/dev/null
keys u
check "external-url-viewer: it ran" wait_until 15 test -f "$T/urlview-stdin"
check "external-url-viewer: the first link on its standard input" \
    grep -qxF "http://one.example/x?a=1&b='\$(touch $T/pwned)'" "$T/urlview-stdin"
check "external-url-viewer: the second" \
    grep -qxF "http://two.example/" "$T/urlview-stdin"
check "external-url-viewer: no argument" [ -z "$(cat "$T/urlview-argv")" ]
check "external-url-viewer: the article view is back" \
    wait_for "Body of the alpha story"
keys Q
wait_exit >/dev/null

# pager with %f: the article as text, the file as "$1" and stdin.
"$GAZETTE" -d "$DB" mark --unread --all > /dev/null 2>&1
printf 'pager "%s pager --flag %%f"\n' "$T/rec" > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
check "pager: it ran" wait_until 15 test -f "$T/pager-stdin"
check "pager: its own words, then the file" \
    [ "$(sed -n 1p "$T/pager-argv")" = --flag ]
check "pager: two arguments" [ "$(wc -l < "$T/pager-argv")" -eq 2 ]
check "pager: the file held the article" \
    grep -q 'Body of the alpha story' "$T/pager-file"
check "pager: the header too" grep -q '^Title: Alpha' "$T/pager-file"
check "pager: the text on standard input as well" \
    grep -q 'Body of the alpha story' "$T/pager-stdin"
check "pager: the file is removed afterwards" \
    wait_until 15 test ! -e "$(sed -n 2p "$T/pager-argv")"
check "pager: the article list is back" wait_re "Articles in .Alpha feed"
check "pager: the article is read" \
    sh -c "'$GAZETTE' -d '$DB' list --json | grep -q '\"read\":true'"
keys Q
wait_exit >/dev/null

# pager without %f: the file name is the last argument.
rm -f "$T"/pager-*
printf 'pager "%s pager"\n' "$T/rec" > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
check "pager without %f: it ran" wait_until 15 test -f "$T/pager-stdin"
check "pager without %f: the file as its one argument" \
    [ "$(wc -l < "$T/pager-argv")" -eq 1 ]
check "pager without %f: the article" \
    grep -q 'Body of the alpha story' "$T/pager-file"
keys Q
wait_exit >/dev/null

# html-renderer: its output in the article view, escapes removed; it
# has no terminal to write on.
cat > "$T/render" <<REN
#!/bin/sh
cat > "$T/render-stdin"
echo TTYLEAK > /dev/tty 2>/dev/null
printf 'RENDERED BY THE USER   spaced\n\033]2;pwned\007\033[31mRED\033[0m <b>&amp;\n'
REN
chmod +x "$T/render"
printf 'html-renderer "%s --dump"\n' "$T/render" > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
check "html-renderer: its output is shown, spaces kept" \
    wait_for "RENDERED BY THE USER   spaced"
check "html-renderer: the HTML on its standard input" \
    grep -q '<p>Body of the alpha story' "$T/render-stdin"
check "html-renderer: escapes removed, text kept" \
    grep -qF 'RED <b>&amp;' "$T/screen"
check "html-renderer: gazette's numbered links follow its text" \
    grep -qF "[2]: http://two.example/" "$T/screen"
check "html-renderer: not gazette's own rendering" \
    sh -c "! grep -q 'Body of the alpha story' '$T/screen'"
check "html-renderer: nothing written on the terminal" \
    sh -c "! grep -q TTYLEAK '$T/screen'"
check "html-renderer: no title set by its output" \
    [ "$(tm display-message -p '#{pane_title}')" != pwned ]
keys Q
wait_exit >/dev/null

# Both: the pager gets the renderer's text, as in newsboat.
rm -f "$T"/pager-*
printf 'html-renderer "%s"\npager "%s pager"\n' "$T/render" "$T/rec" > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
check "pager and html-renderer: the pager ran" \
    wait_until 15 test -f "$T/pager-stdin"
check "pager and html-renderer: the renderer's text in the file" \
    grep -q "RENDERED BY THE USER   spaced" "$T/pager-file"
check "pager and html-renderer: no escape in the file" \
    sh -c "! LC_ALL=C grep -q \"\$(printf '\\033')\" '$T/pager-file'"
keys Q
wait_exit >/dev/null

# A failing renderer: gazette's own, and the status line says why.
printf 'html-renderer "echo broken >&2; exit 3"\n' > "$C"
ui_start 100 30 -- -c "$C" -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha \$(touch" >/dev/null
keys Enter
check "html-renderer failing: gazette's own renderer" \
    wait_for "Body of the alpha story"
check "html-renderer failing: the status line says why" \
    wait_for "html-renderer: command exited with status 3: broken"
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
check "nothing from the feed ran as shell text" [ ! -e "$T/pwned" ]

tap_done
