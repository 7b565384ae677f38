#!/bin/sh
# ui_reload_keep.sh: new articles arriving while the interface is open
# (an outside refresh) keep the cursor on the same article, and on the
# same feed in the feed list, however the rows move.  auto-reload's own
# refresh does the same: tests/ui_newsboat_config.sh checks that while
# it waits for reload-time's minute anyway.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
CONF="$T/conf"

ui_feed alpha "Alpha News" 5
ui_feed beta "Beta Daily" 3
ui_feed gamma "Gamma Post" 1
printf 'file://%s/%s.xml\n' "$T" alpha "$T" beta "$T" gamma > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }

# An outside refresh (cron) brings three articles above the cursor.
ui_run 100 20 '(5/5) Alpha News'
keys Enter
wait_for "Articles in 'Alpha News' (5 unread" >/dev/null
keys j j
ui_feed alpha "Alpha News" 8
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet --force
check "an outside refresh adds articles above the cursor" \
    wait_for "Articles in 'Alpha News' (8 unread, 8 total)"
keys Enter
check "the cursor stays on the same article" \
    wait_for "Title: Alpha News story 3"
ui_quit "an outside refresh"

# The feed list ordered by unread articles: Gamma, the feed selected,
# changes places when new articles make it the one with the most.
ui_run 100 20 '(1/1) Gamma Post' 'feed-sort-order unreadarticlecount'
row=$(grep -n 'Gamma Post' "$T/screen" | cut -d: -f1)
[ "$row" -gt 2 ] && keys -N $((row - 2)) j
ui_feed gamma "Gamma Post" 12
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet --force
if wait_re '(12/12) Gamma Post' && [ "$(grep -n 'Gamma Post' "$T/screen" |
    cut -d: -f1)" != "$row" ]; then
	ok "the feed with new articles moves in the feed list"
else show; fail "the feed with new articles moves in the feed list"; fi
keys Enter
check "the cursor stays on the same feed" wait_for "Articles in 'Gamma Post'"
ui_quit "a feed that moves"

tap_done
