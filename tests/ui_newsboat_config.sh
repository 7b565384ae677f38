#!/bin/sh
# ui_newsboat_config.sh: a newsboat config in the interface.  The lines
# gazette accepts without applying are named in ONE warning on stderr
# (with what gazette does instead) and counted in the status line;
# confirm-exit asks before quitting; auto-reload refreshes in the
# background at start-up (unless suppress-first-reload) and every
# reload-time minutes, the cursor staying on its article.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"

# feed FILE N: a local feed with N articles, story N the newest.
feed() {
	{
		echo '<rss version="2.0"><channel><title>Auto Feed</title>'
		i=1
		while [ "$i" -le "$2" ]; do
			echo "<item><title>story $i</title><guid>a-$i</guid>"
			echo "<pubDate>Mon, 01 Sep 2025 10:0$i:00 GMT</pubDate></item>"
			i=$((i + 1))
		done
		echo '</channel></rss>'
	} > "$1"
}
feed "$T/auto.xml" 2
printf 'file://%s/auto.xml\n' "$T" > "$URLS"

# auto-reload: a refresh at start-up, then one every reload-time minutes
# (a minute at the least).  That minute is spent on the other checks, in
# a second interface (ui_session): this one has its own feed file and
# database, which nothing else refreshes.
feed "$T/reload.xml" 2
printf 'file://%s/reload.xml\n' "$T" > "$T/reload-urls"
printf 'auto-reload yes\nreload-time 1\n' > "$T/reload-config"
ui_session reload
ui_start 100 30 -- -c "$T/reload-config" -u "$T/reload-urls" \
    -d "$T/reload.db"
if wait_re "Auto Feed.*(2/2)\|2 unread" 30; then ok "auto-reload: refreshed at start-up"
else show; fail "auto-reload: refreshed at start-up"; fi
keys Enter
wait_for "Articles in 'Auto Feed' (2 unread" >/dev/null
keys j	# story 1, below the articles the next refresh brings
feed "$T/reload.xml" 5
ui_session

# Lines not applied: one warning, and the status line says so.
cat > "$T/config" <<'CFG'
confirm-mark-feed-read yes
ssl-verifyhost no
download-full-page yes
download-full-page yes
show-read-feeds yes
bind-key s view-dialogs
CFG
ui_start 100 30 -- -c "$T/config" -u "$URLS" -d "$DB"
if wait_for "5 config lines not applied: ? (help) lists them"
then ok "not applied: counted in the status line"
else show; fail "not applied: counted in the status line"; fi
keys q
st=$(wait_exit 30)
check "not applied: exit 0" [ "$st" = 0 ]
check "not applied: one warning heads the list" \
    grep -qx "gazette: 5 config lines not applied (what gazette does instead):" "$T/stderr"
check "not applied: each command once, with its lines and what instead" \
    grep -qx "gazette:   download-full-page ($T/config:3, $T/config:4): the feed's own text is shown" "$T/stderr"
check "not applied: a bind-key action gazette lacks" \
    grep -q "gazette:   bind-key view-dialogs ($T/config:6): " "$T/stderr"
check "not applied: nothing else on stderr" [ "$(wc -l < "$T/stderr")" -eq 5 ]

# confirm-exit.
printf 'confirm-exit yes\n' > "$T/config"
ui_start 100 30 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "Your feeds" 15 || { show; fail "confirm-exit: starts"; }
keys q
check "confirm-exit: q asks" wait_for "Do you really want to quit? (y/n)"
keys Escape	# no (a line prompt or a one-key one)
check "confirm-exit: Escape stays" wait_gone "Do you really want to quit"
sleep 0.5
check "confirm-exit: still running" [ ! -s "$T/status" ]
keys Q
wait_for "Do you really want to quit? (y/n)" || { show; fail "confirm-exit: Q asks"; }
keys y
[ -s "$T/status" ] || wait_for "quit? (y/n) y" 2 && keys Enter
st=$(wait_exit 30)
check "confirm-exit: y quits" [ "$st" = 0 ]

# suppress-first-reload: no refresh at start-up.
printf 'auto-reload yes\nsuppress-first-reload yes\n' > "$T/config"
rm -f "$DB"
ui_start 100 30 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "q:Quit" 15 >/dev/null
sleep 3	# time for a refresh, were one started
screen > "$T/screen"
check "suppress-first-reload: nothing fetched at start-up" \
    sh -c "! grep -q 'unread' '$T/screen' || grep -q '(0 unread' '$T/screen'"
keys q
wait_exit 30 > /dev/null

# Back to the first interface: when its minute is up, auto-reload brings
# stories 3 to 5 above the cursor.
ui_session reload
check "auto-reload: refreshed again within reload-time" wait_re "5 unread" 150
check "auto-reload brings the new articles" \
    wait_for "Articles in 'Auto Feed' (5 unread, 5 total)"
keys Enter
check "auto-reload: the cursor stays on the same article" \
    wait_for "Title: story 1"
keys Q
st=$(wait_exit 30)
check "quits cleanly after auto-reload ($st)" [ "$st" = 0 ]

tap_done
