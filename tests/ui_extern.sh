#!/bin/sh
# ui_extern.sh: newsboat's E (edit-urls: $EDITOR on the urls file, then
# read again), ^R (reload-urls: read again now, changed or not) and |
# (pipe-to: the article's text on a typed command's stdin) and ^B
# (bookmark: bookmark-cmd with the article as arguments).  The screen
# is given up while the program runs and comes back whole.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
cat > "$T/a.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha feed</title>
<item><guid>a1</guid><title>Alpha story</title><link>http://a.example/1</link><description>Body of the alpha story.</description></item>
</channel></rss>
XML
printf 'file://%s/a.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

# The editor: records its arguments, adds a feed, exits with $EDIT_RC.
cat > "$T/edit" <<EDIT
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$T/edit-argv"
for last in "\$@"; do :; done
printf '%s\n' 'file:///nowhere/b.xml "~Bravo feed"' >> "\$last"
exit \${EDIT_RC:-0}
EDIT
chmod +x "$T/edit"

ui_start 100 30 "EDITOR=$T/edit --wait" -- -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null

# E: the editor gets the urls file as one argument; the new feed is
# listed as soon as it returns, before any refresh.
keys E
check "E: the edited urls file is read again" wait_for "Bravo feed"
printf '%s\n' --wait "$U" > "$T/expect"
check "E: \$EDITOR ran with its own words and the urls file" \
    cmp -s "$T/expect" "$T/edit-argv"
check "E: the screen is back" grep -q "Alpha feed" "$T/screen"

# ^R: a change the file's size and time do not show is read on ^R.
sed 's/Bravo feed/Bravo fiid/' "$U" > "$T/u.new"
cat "$T/u.new" > "$U.tmp"
touch -r "$U" "$U.tmp"
cat "$U.tmp" > "$U"
touch -r "$U.tmp" "$U"
keys C-r
check "^R: the urls file is read again" wait_for "Bravo fiid"

# |: the article's text on the command's standard input.
keys Enter
wait_for "Alpha story" >/dev/null
keys '|'
check "|: asks for a command" wait_for "Pipe article to command:"
keys -l "cat > '$T/piped'; echo \$# > '$T/piped-argc'"
keys Enter
check "|: the command ran" wait_until 15 test -s "$T/piped-argc"
check "|: the article's header reached it" grep -q '^Title: Alpha story' "$T/piped"
check "|: and its text" grep -q 'Body of the alpha story' "$T/piped"
check "|: nothing from the article on its command line" \
    [ "$(cat "$T/piped-argc")" = 0 ]
check "|: the screen is back" wait_re "Articles in .Alpha feed"

# In the article view too; a failing command is named.
keys Enter
wait_for "Body of the alpha story" >/dev/null
keys '|'
wait_for "Pipe article to command:" >/dev/null
keys -l "exit 5"
keys Enter
check "|: a failing command is named" wait_for "exited with status 5"

keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]

# ^B: bookmark-cmd gets URL, title, description and feed title as its
# arguments, never in its text; its first line of output is shown.
cat > "$T/bm" <<BM
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$T/bm-argv"
if [ -t 0 ]; then echo tty > "$T/bm-tty"; else echo notty > "$T/bm-tty"; fi
echo "saved as bookmark"
BM
chmod +x "$T/bm"
mkdir -p "$XDG_CONFIG_HOME/gazette"
CONF="$XDG_CONFIG_HOME/gazette/config"
printf 'bookmark-cmd "%s"\nbookmark-autopilot yes\n' "$T/bm" > "$CONF"
ui_start 100 30 -- -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha story" >/dev/null
keys C-b
check "^B autopilot: bookmark-cmd ran" wait_until 15 test -s "$T/bm-argv"
printf '%s\n' "http://a.example/1" "Alpha story" "" "Alpha feed" > "$T/expect"
if cmp -s "$T/expect" "$T/bm-argv"; then ok "^B: url, title, empty description, feed title"
else sed 's/^/# got: /' "$T/bm-argv"; fail "^B: url, title, empty description, feed title"; fi
check "^B: not interactive: no terminal" grep -q notty "$T/bm-tty"
check "^B: its first line on the status line" wait_for "saved as bookmark"
keys Q
wait_exit > /dev/null

# Without autopilot: asked for each, offered; interactive: the terminal.
rm -f "$T/bm-argv" "$T/bm-tty"
printf 'bookmark-cmd "%s"\nbookmark-interactive yes\n' "$T/bm" > "$CONF"
ui_start 100 30 -- -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "Alpha story" >/dev/null
keys Enter
wait_for "Body of the alpha story" >/dev/null
keys C-b
check "^B: asks for the URL, offering the link" \
    wait_for "URL: http://a.example/1"
keys Enter
wait_for "Title: Alpha story" >/dev/null
keys Enter
check "^B: then the title, then a description" wait_for "Description:"
keys -l 'a "quoted" $(note)'
keys Enter
wait_for "Feed title: Alpha feed" >/dev/null
keys Enter
check "^B: bookmark-cmd ran" wait_until 15 test -s "$T/bm-argv"
printf '%s\n' "http://a.example/1" "Alpha story" 'a "quoted" $(note)' "Alpha feed" > "$T/expect"
if cmp -s "$T/expect" "$T/bm-argv"; then ok "^B: the typed description as one argument"
else sed 's/^/# got: /' "$T/bm-argv"; fail "^B: the typed description as one argument"; fi
check "^B: bookmark-interactive: it had the terminal" grep -q '^tty' "$T/bm-tty"
check "^B: the screen is back" wait_for "Body of the alpha story"
keys Q
check "gazette exits 0 again" [ "$(wait_exit)" = 0 ]
tap_done
