#!/bin/sh
# ui_hostile.sh: escape sequences in feed titles, authors, article titles,
# bodies and errors never reach the terminal: the pane stays intact, its
# title unchanged, and tmux's paste buffers empty (set-clipboard is on,
# so a leaked OSC 52 would fill one).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
"$FILL" "$DB" hostile || { echo "Bail out! ui_fill failed"; exit 1; }
"$FILL" "$DB" 1 5 || { echo "Bail out! ui_fill failed"; exit 1; }

no_buffers() {
	[ -z "$(tm list-buffers 2>/dev/null)" ]
}

intact() {
	# The title line is the first line, the hint line is where it
	# belongs, and nothing cleared or scrolled the screen.
	head -1 "$T/screen" | grep -q '^gazette [0-9.]* - ' &&
	    [ "$(wc -l < "$T/screen")" -eq 30 ] &&
	    sed -n 29p "$T/screen" | grep -q 'q:Quit'
}

ui_start 100 30 -- -d "$DB" -u /dev/null
before=$(tm display-message -p '#{pane_title}')
check "the hostile feed is listed, sanitised" wait_for "Hostile feed"
check "feed list intact" intact
check "failed feed marked with !" wait_re '^   1 N! .*Hostile feed'
check "no paste buffer after the feed list" no_buffers
keys e
check "the error is viewable, sanitised" wait_for "with an escape"
check "no paste buffer after the error" no_buffers

keys Enter
check "article list" wait_for "Articles in 'Hostile feed'"
check "article list intact" intact
check "titles sanitised" wait_re 'Evil title.* end'
check "authors sanitised" wait_re 'Mallory Red'
check "no paste buffer after the list" no_buffers

for n in 1 2 3; do
	keys Enter
	check "article $n opens" wait_for "Title: "
	check "article $n intact" intact
	check "article $n: no paste buffer" no_buffers
	keys q j
done
keys 1 Enter
wait_for "Link: http://x.example/a;b" >/dev/null
check "the body's escapes are gone" wait_re '^Before .* after\.$'
check "nothing cleared the screen" wait_re '^Feed: Hostile feed'
after=$(tm display-message -p '#{pane_title}')
check "the pane title is untouched" [ "$before" = "$after" ]
check "no paste buffer at the end" no_buffers
keys Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]

tap_done
