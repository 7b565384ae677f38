#!/bin/sh
# ui_scroll.sh: newsboat's list and screen settings in a real terminal
# (tmux): wrap-scroll, scrolloff, show-title-bar, swap-title-and-hints
# and show-keymap-hint.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
CONF="$T/conf"

ui_feed alpha "Alpha News" 40
ui_feed beta "Beta Daily" 3
printf 'file://%s/alpha.xml\nfile://%s/beta.xml\n' "$T" "$T" > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }

# run CONFIG-LINES...: the interface (80x12) with these lines as config.
run() {
	ui_run 80 12 '/40) Alpha News' "$@"
}

# wrap-scroll: up from the first feed is the last one, down from the
# last is the first; off (the default), lists stop at their ends.
run "wrap-scroll yes"
keys k Enter
check "wrap-scroll: up from the first entry selects the last" \
    wait_for "Articles in 'Beta Daily'"
keys q j Enter
check "wrap-scroll: down from the last entry selects the first" \
    wait_for "Articles in 'Alpha News'"
ui_quit "wrap-scroll"
run "wrap-scroll no"
keys k Enter
check "wrap-scroll no: up from the first entry stays there" \
    wait_for "Articles in 'Alpha News'"
ui_quit "wrap-scroll no"

# scrolloff: 12 rows leave 9 for the list; with scrolloff 3 the 7th
# entry selected keeps 3 below it on screen, so the list scrolls by one
# (without it, the 9th would be the first to scroll).
run "scrolloff 3"
keys Enter
wait_for "Articles in 'Alpha News'" >/dev/null
keys j j j j j j
if wait_re '^  10 .*story 31' && ! grep -q '^   1 ' "$T/screen"; then
	ok "scrolloff: the list scrolls to keep 3 entries below the cursor"
else show; fail "scrolloff: the list scrolls to keep 3 entries below the cursor"; fi
keys Enter
check "scrolloff: the cursor is on the 7th entry" \
    wait_for "Title: Alpha News story 34"
keys q End
# At the end of the list there is nothing more to keep below.
check "scrolloff: G still reaches the last" wait_re '^  40 .*story 1$'
keys k k k k
check "scrolloff: moving up near the end keeps the end on screen" \
    wait_re '^  40 .*story 1$'
ui_quit "scrolloff"
# A large value keeps the cursor in the middle.
run "scrolloff 100"
keys Enter
wait_for "Articles in 'Alpha News'" >/dev/null
keys 1 0 j
if wait_re '^   7 .*story 34' && sed -n 6p "$T/screen" | grep -q '^  11 '; then
	ok "scrolloff 100: the cursor stays in the middle row"
else show; fail "scrolloff 100: the cursor stays in the middle row"; fi
ui_quit "scrolloff 100"

# show-title-bar no: the list starts on the first row.
run "show-title-bar no"
if head -n 1 "$T/screen" | grep -q 'Alpha News' &&
    ! grep -q 'Your feeds' "$T/screen"; then
	ok "show-title-bar no: no title line"
else show; fail "show-title-bar no: no title line"; fi
check "show-title-bar no: the hints stay" grep -q 'q:Quit' "$T/screen"
ui_quit "show-title-bar"

# swap-title-and-hints: the hints on top, the title above the status.
run "swap-title-and-hints yes"
if head -n 1 "$T/screen" | grep -q '^q:Quit' &&
    sed -n 11p "$T/screen" | grep -q 'Your feeds'; then
	ok "swap-title-and-hints: hints at the top, title at the bottom"
else show; fail "swap-title-and-hints: hints at the top, title at the bottom"; fi
check "swap-title-and-hints: the list below the hints" \
    sh -c "sed -n 2p '$T/screen' | grep -q 'Alpha News'"
ui_quit "swap-title-and-hints"

# show-keymap-hint no: no hint line; the list takes its row.
run "show-keymap-hint no"
if ! grep -q 'q:Quit' "$T/screen" && head -n 1 "$T/screen" |
    grep -q 'Your feeds'; then
	ok "show-keymap-hint no: no hint line"
else show; fail "show-keymap-hint no: no hint line"; fi
ui_quit "show-keymap-hint"

tap_done
