#!/bin/sh
# ui_refresh.sh: refreshing while the interface is open.  An outside
# `gazette refresh` (cron) shows up without a restart; R and r refresh
# from inside without freezing it (keys work meanwhile).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"

ui_feed alpha "Alpha News" 2
ui_feed beta "Beta Daily" 1
printf 'file://%s/alpha.xml\nfile://%s/beta.xml tech\n' "$T" "$T" > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }

ui_start 100 30 -- -u "$URLS" -d "$DB"
check "first screen" wait_for "Your feeds (3 unread, 3 total)"

# cron: an outside refresh while the interface is open.
ui_feed alpha "Alpha News" 4
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet --force
check "an outside refresh shows the new articles" \
    wait_for "Your feeds (5 unread, 5 total)"
check "the feed's count too" wait_re '(4/4) Alpha News'
keys Enter
check "the new article is listed" wait_for "Alpha News story 4"
keys q

# R from inside: the status line reports, the counts follow.
ui_feed beta "Beta Daily" 3
keys R
check "R refreshes every feed" wait_for "Your feeds (7 unread, 7 total)"
check "the status line says when it is done" wait_gone "refreshing"
# Keys work while a refresh runs: start one and move at once.
ui_feed beta "Beta Daily" 4
keys j r
keys Enter
check "keys work during a refresh" wait_for "Articles in 'Beta Daily'"
check "r refreshed the selected feed" wait_for "Beta Daily story 4"
keys q
# A feed that fails is marked, with its reason one key away.
rm -f "$T/alpha.xml"
keys k r
if wait_for "   1 N! "; then ok "a failed refresh marks the feed"
else show; fail "a failed refresh marks the feed"; fi
# The marker shows as soon as the child stores the error; wait for the
# child's own summary too, or it would replace what e shows.
wait_for "1 failed" >/dev/null
keys e
wait_for "alpha.xml" >/dev/null
check "e shows the reason" wait_re 'alpha.xml'
ui_quit "refreshes"

# refresh-on-startup: the interface comes up at once, then fills in.
ui_feed alpha "Alpha News" 6
mkdir -p "$XDG_CONFIG_HOME/gazette"
printf 'refresh-on-startup yes\n' > "$XDG_CONFIG_HOME/gazette/config"
ui_start 100 30 -- -u "$URLS" -d "$DB"
check "refresh-on-startup fetches at start" wait_for "(6/6) Alpha News"
ui_quit "refresh-on-startup"

tap_done
