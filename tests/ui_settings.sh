#!/bin/sh
# ui_settings.sh: newsboat's article list settings in a real terminal
# (tmux): goto-first-unread, mark-as-read-on-hover,
# openbrowser-and-mark-jumps-to-next-unread, reload-only-visible-feeds
# and always-display-description.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
CONF="$T/conf"

# Each item has a full text (content:encoded) and a description.
ui_feed alpha "Alpha News" 6 full
ui_feed beta "Beta Daily" 2 full
printf 'file://%s/alpha.xml one\nfile://%s/beta.xml two\n' "$T" "$T" > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }
# The two newest of Alpha read, and the 4th newest (story 3).
"$GAZETTE" -d "$DB" mark --read alpha-6 alpha-5 alpha-3 ||
    { echo "Bail out! mark failed"; exit 1; }

# run CONFIG-LINES...: the interface with these lines as config.
run() {
	ui_run 100 20 ') Alpha News' "$@"
}

# goto-first-unread: a feed opens on its first unread article (newsboat's
# default is yes, gazette's no: the newest article).
run "goto-first-unread yes"
keys Enter
wait_for "Articles in 'Alpha News'" >/dev/null
keys Enter
check "goto-first-unread: the feed opens on its first unread article" \
    wait_for "Title: Alpha News story 4"
ui_quit "goto-first-unread"
"$GAZETTE" -d "$DB" mark --unread alpha-4 >/dev/null
run "goto-first-unread no"
keys Enter
wait_for "Articles in 'Alpha News'" >/dev/null
keys Enter
check "goto-first-unread no: the feed opens on its first article" \
    wait_for "Title: Alpha News story 6"
ui_quit "goto-first-unread no"
"$GAZETTE" -d "$DB" mark --read alpha-6 >/dev/null

# openbrowser-and-mark-jumps-to-next-unread: O opens, marks read, and
# the next unread article is selected (story 3, read, is skipped).
run "openbrowser-and-mark-jumps-to-next-unread yes" "browser true"
keys Enter
wait_for "Articles in 'Alpha News' (3 unread" >/dev/null
keys j j O
check "openbrowser-and-mark: O marks the article read" \
    wait_for "Articles in 'Alpha News' (2 unread"
keys Enter
check "openbrowser-and-mark-jumps-to-next-unread: on to the next unread" \
    wait_for "Title: Alpha News story 2"
ui_quit "openbrowser-and-mark"
"$GAZETTE" -d "$DB" mark --unread alpha-4 alpha-2 >/dev/null

# mark-as-read-on-hover: every article selected is marked read, the one
# selected when the list opens too.
run "mark-as-read-on-hover yes"
keys Enter
check "mark-as-read-on-hover: a read article selected stays as it was" \
    wait_for "Articles in 'Alpha News' (3 unread, 6 total)"
keys j j
check "mark-as-read-on-hover: selecting an unread article marks it read" \
    wait_for "Articles in 'Alpha News' (2 unread, 6 total)"
keys j j j
check "mark-as-read-on-hover: each one passed over" \
    wait_for "Articles in 'Alpha News' (0 unread, 6 total)"
keys q
check "mark-as-read-on-hover: the feed list counts follow" \
    wait_re '(0/6) Alpha News'
ui_quit "mark-as-read-on-hover"
"$GAZETTE" -d "$DB" mark --unread alpha-4 alpha-2 alpha-1 >/dev/null
# Hiding read articles, the list does not slide from under the cursor.
run "mark-as-read-on-hover yes" "show-read-articles no"
keys Enter
wait_for "Articles in 'Alpha News'" >/dev/null
keys j
if wait_for "Articles in 'Alpha News' (1 unread, 6 total)" &&
    grep -q 'story 2' "$T/screen"; then
	ok "mark-as-read-on-hover: with read articles hidden, one step marks one"
else show; fail "mark-as-read-on-hover: with read articles hidden, one step marks one"; fi
ui_quit "mark-as-read-on-hover, hidden"

# reload-only-visible-feeds: with a tag chosen, R refreshes the feeds
# listed only.
ui_feed alpha "Alpha News" 8 full
ui_feed beta "Beta Daily" 4 full
run "reload-only-visible-feeds yes"
keys t
wait_for "Tag:" >/dev/null
keys two Enter
wait_gone "Alpha News" >/dev/null
keys R
check "reload-only-visible-feeds: R refreshes the feed listed" \
    wait_re '(4/4) Beta Daily' 30
wait_gone "refreshing" 30 >/dev/null
keys C-t
check "reload-only-visible-feeds: not the feeds the tag hides" \
    wait_re '/6) Alpha News'
keys R
check "reload-only-visible-feeds: with every feed listed, R refreshes all" \
    wait_re '/8) Alpha News' 30
wait_gone "refreshing" 30 >/dev/null
ui_quit "reload-only-visible-feeds"

# always-display-description: the description over the full text, as
# articles are fetched (gazette refresh reads the same config).
printf 'always-display-description yes\n' > "$CONF"
ui_feed gamma "Gamma Post" 1 full
printf 'file://%s/gamma.xml\n' "$T" > "$T/urls2"
"$GAZETTE" -u "$T/urls2" -d "$T/d.db" -c "$CONF" refresh --quiet
ui_start 100 20 -- -u "$T/urls2" -d "$T/d.db" -c "$CONF"
wait_re ') Gamma Post' >/dev/null
keys Enter
wait_for "Articles in 'Gamma Post'" >/dev/null
keys Enter
if wait_for "Summary 1 of Gamma Post." && ! grep -q 'Full text' "$T/screen"
then ok "always-display-description: the description is shown"
else show; fail "always-display-description: the description is shown"; fi
ui_quit "always-display-description"
"$GAZETTE" -u "$T/urls2" -d "$T/e.db" refresh --quiet
ui_start 100 20 -- -u "$T/urls2" -d "$T/e.db"
wait_re ') Gamma Post' >/dev/null
keys Enter
wait_for "Articles in 'Gamma Post'" >/dev/null
keys Enter
check "always-display-description no: the full text is shown" \
    wait_for "Full text 1 of Gamma Post."
ui_quit "always-display-description no"

tap_done
