#!/bin/sh
# ui_sync.sh: the interface in sync mode lists the server's feeds (not
# the urls file's), and C (every article read) is queued as one change,
# pushed by the refresh R starts in the background as mark-all-as-read.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"
. "$srcdir/tests/greader-lib.sh"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; kill $GR_PID 2>/dev/null; rm -rf "$T"' EXIT
DB="$T/data/gazette/gazette.db"

ctl feed '{"url": "http://a.example/feed", "title": "Server feed A"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 3, "prefix": "A", "ago": 600}' > /dev/null
gr_config
echo "http://local.example/only-here.xml \"~Local only\"" > "$XDG_CONFIG_HOME/gazette/urls"
"$GAZETTE" refresh --quiet
check "synced" [ "$("$GAZETTE" list --json | wc -l)" -eq 3 ]

ui_start 80 24 -- 
check "the server's feed is listed" wait_for "Server feed A" || show
check "not the urls file's" sh -c "! grep -q 'Local only' '$T/screen'" || show
check "the synced feed is not made gone" [ "$(sql "$DB" "SELECT gone FROM feeds WHERE url = 'http://a.example/feed'")" = 0 ]
keys C
check "C asks first" wait_for "Mark every article read?" || show
keys y
check "C marks every article read" wait_for "every article marked read" || show
check "one queued change" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue WHERE what = 2')" -eq 1 ]
keys R
calls() { ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("mark-all-as-read", 0))'; }
i=0
while [ "$(calls)" -lt 1 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
check "R syncs in the background: mark-all-as-read reaches the server" [ "$(calls)" -eq 1 ]
unread_there() { gr_items A | awk '$3 == 0' | wc -l; }
i=0
while [ "$(unread_there)" -gt 0 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
check "the server has every article read" [ "$(unread_there)" -eq 0 ]
keys q
wait_exit > /dev/null

# Leaving sync mode: the interface started without it turns queueing
# off and drops the queue (stale changes are never pushed later).
"$GAZETTE" mark --unread "$("$GAZETTE" list --json | head -n 1 |
	sed 's/.*"guid":"\([^"]*\)".*/\1/')"
check "a change queued in sync mode" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 1 ]
: > "$XDG_CONFIG_HOME/gazette/config"
ui_start 80 24 --
check "the interface starts without sync" wait_for "Local only" || show
keys q
wait_exit > /dev/null
check "it dropped the queue" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]
check "and turned queueing off" [ "$(sql "$DB" "SELECT count(*) FROM sync_state WHERE key = 'on'")" -eq 0 ]

tap_done
