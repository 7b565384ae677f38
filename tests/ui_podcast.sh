#!/bin/sh
# ui_podcast.sh: e queues the article's podcast; V shows the queue with
# podboat's keys: d downloads it (a gazette podboat of its own), p plays
# it with the player, which gets the file as one argument and the
# terminal, P purges it (and its file, with delete-played-files).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
# Both libraries' clean-ups (each sets its own trap).
trap 'kill $HTTPD_PID 2>/dev/null; tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

DB="$T/g.db"
U="$T/urls"
Q="$T/queue"
head -c 30000 /dev/urandom > "$DOCS/ep.mp3"
# A title a shell would run, were it ever shell text.
cat > "$DOCS/pod.xml" <<EOF
<?xml version="1.0"?><rss version="2.0"><channel><title>Pod feed</title>
<item><guid>p1</guid><title>\`touch pwned\`\$(touch pwned) -x</title><pubDate>Thu, 01 Jan 2026 10:00:00 +0000</pubDate><description>An episode.</description>
<enclosure url="$BASE/media/ep.mp3" type="audio/mpeg"/></item>
<item><guid>p2</guid><title>No audio here</title><pubDate>Sun, 01 Feb 2026 10:00:00 +0000</pubDate><description>Text only.</description></item>
</channel></rss>
EOF
printf '%s\n' "$BASE/feed/pod.xml" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

# The player records its arguments, its directory and whether it had
# the terminal.
cat > "$T/player" <<PL
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$T/player-argv"
pwd > "$T/player-pwd"
if [ -t 0 ] && [ -t 1 ]; then echo tty > "$T/player-tty"; else echo notty > "$T/player-tty"; fi
PL
chmod +x "$T/player"
cat > "$T/conf" <<CONF
download-path "$T/dl"
download-filename-format "%t.%e"
player "'$T/player' --flag"
delete-played-files yes
CONF

ui_start 120 30 -- -u "$U" -c "$T/conf" -d "$DB"
wait_for "Pod feed" > /dev/null
keys Enter
wait_for "No audio here" > /dev/null
keys Home
keys e
check "e: an article without one says so" \
    wait_for "the article has no podcast to queue"
keys End
keys e
check "e: the podcast is queued" wait_for "1 podcast queued for download"
P="$T/dl/\`touch pwned\`\$(touch pwned) -x.mp3"
check "e: the queue has it in podboat's format" \
    grep -qxF "$BASE/media/ep.mp3 \"$P\"" "$Q"
keys e
check "e: twice queues once" wait_for "already in the download queue"
check "e: one line" [ "$(wc -l < "$Q")" -eq 1 ]

# The article view has e too.
keys Enter
wait_for "An episode." > /dev/null
keys e
check "e in the article view" wait_for "already in the download queue"

keys V
check "V: the downloads view" wait_for "Downloads (1)"
check "V: podlist-format's status and URL" wait_re "queued .*ep.mp3"
keys p
check "p before the download says so" wait_for "not downloaded yet"
keys d
check "d: downloaded, the view follows" wait_re "ready .*ep.mp3"
check "d: the file is whole" cmp -s "$DOCS/ep.mp3" "$P"
check "d: the queue says downloaded" grep -q '" downloaded$' "$Q"

keys p
check "p: the player ran" wait_until 15 test -s "$T/player-argv"
printf '%s\n' --flag "$P" > "$T/expect"
if cmp -s "$T/expect" "$T/player-argv"; then ok "p: its own words, then the file as one argument"
else sed 's/^/# got: /' "$T/player-argv"; fail "p: its own words, then the file as one argument"; fi
check "p: the title was never shell text" \
    sh -c "[ ! -e '$T/pwned' ] && [ ! -e \"\$(cat '$T/player-pwd')/pwned\" ]"
check "p: the player had the terminal" grep -q '^tty' "$T/player-tty"
check "p: marked played, the screen back" wait_re "played .*ep.mp3"
check "p: the queue says played" grep -q '" played$' "$Q"

keys P
check "P: the played entry is purged" wait_for "Downloads (0)"
check "P: delete-played-files deletes its file" [ ! -e "$P" ]
check "P: the queue is empty" [ ! -s "$Q" ]
keys q
wait_for "No audio here" > /dev/null
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
tap_done
