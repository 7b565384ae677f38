#!/bin/sh
# sync.sh: gazette refresh in sync mode against tests/greader.py (a
# Google Reader API server as FreshRSS 1.25 behaves): login, pull of
# subscriptions, articles and state, push of local changes, the conflict
# rule, incremental pulls.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/greader-lib.sh"
DB="$T/data/gazette/gazette.db"

ctl feed '{"url": "http://a.example/feed", "title": "Feed A", "label": "News"}' > /dev/null
ctl feed '{"url": "http://b.example/feed", "title": "Feed B", "label": "Tech"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 3, "prefix": "A"}' > /dev/null
ctl items '{"feed": "http://b.example/feed", "count": 2, "prefix": "B"}' > /dev/null
gr_config

"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "first sync exits 0" [ $? -eq 0 ]
check "and says what it did" grep -q "synced with $GR_API: 2 feeds, 5 new articles" "$T/err"
check "every article pulled" [ "$("$GAZETTE" list --json | wc -l)" -eq 5 ]
check "articles keep the server's long ids as guids" \
	[ "$("$GAZETTE" list --json | grep -c '"guid":"tag:google.com,2005:reader/item/[0-9a-f]\{16\}"')" -eq 5 ]
check "under the feed's URL" [ "$("$GAZETTE" list --json --feed http://b.example/feed | wc -l)" -eq 2 ]
check "feed titles as ~titles" [ "$(sql "$DB" "SELECT user_title FROM feeds WHERE url = 'http://a.example/feed'")" = "Feed A" ]
check "labels as tags" [ "$(sql "$DB" "SELECT tag FROM feed_tags JOIN feeds ON feeds.id = feed_id WHERE url = 'http://b.example/feed'")" = "Tech" ]
check "content and link pulled" [ "$("$GAZETTE" list --json | grep -c '"link":"http://example.org/A/1"')" -eq 1 ]
check "search finds pulled articles" [ "$("$GAZETTE" search --json 'A 2' | grep -c 'A 2')" -ge 1 ]
TOK="$T/data/gazette/greader-token"
check "the auth token is kept" [ -s "$TOK" ]
check "mode 0600" [ "$(stat -c %a "$TOK")" = 600 ]
check "without the password" sh -c "! grep -q '$GR_PASSWORD' '$TOK'"
check "nothing unread was read" [ "$(local_state 'A 1')" = "0 0" ]

# Server-side changes come down.
ids=$(ctl dump | python3 -c '
import json, sys
d = json.load(sys.stdin)["items"]
print(json.dumps([i["id"] for i in d if i["title"] in ("A 1", "B 2")]))')
ctl state "{\"ids\": $ids, \"read\": true}" > /dev/null
ctl state "{\"ids\": $ids, \"starred\": true}" > /dev/null
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "second sync exits 0" [ $? -eq 0 ]
check "--quiet says nothing" [ ! -s "$T/err" ]
check "read and starred on the server: read and flagged here" \
	[ "$(local_state 'A 1') $(local_state 'B 2')" = "1 1 1 1" ]
check "the others untouched" [ "$(local_state 'A 2') $(local_state 'B 1')" = "0 0 0 0" ]
check "the server's state is not queued back" \
	[ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]
check "counts follow" [ "$(sql "$DB" 'SELECT sum(unread) FROM feeds')" -eq 3 ]

# Local changes go up.
"$GAZETTE" mark --read "$(guid_of 'A 2')"
"$GAZETTE" mark --flag "$(guid_of 'B 1')"
"$GAZETTE" mark --unread --unflag "$(guid_of 'A 1')"
check "local changes queued" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 4 ]
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "push exits 0" [ $? -eq 0 ]
check "says 4 changes pushed" grep -q "4 changes pushed" "$T/err"
check "the server has them" [ "$(gr_items 'A ' | tr '\n' ' ')" = "A 1 0 0 A 2 1 0 A 3 0 0 " ]
check "flag as star" [ "$(gr_items 'B 1')" = "B 1 0 1" ]
check "the queue is empty after" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]
check "local state kept" [ "$(local_state 'A 1') $(local_state 'A 2')" = "0 0 1 0" ]
n=$(ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("edit-tag", 0))')
"$GAZETTE" refresh --quiet
n2=$(ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("edit-tag", 0))')
check "nothing pushed twice" [ "$n" -eq "$n2" ]

# Both sides changed the same article since the last sync: the local
# change (queued since) wins; where only the server changed, it wins.
"$GAZETTE" mark --read "$(guid_of 'A 3')"
ids=$(ctl dump | python3 -c '
import json, sys
d = json.load(sys.stdin)["items"]
print(json.dumps([i["id"] for i in d if i["title"] in ("A 3", "B 1")]))')
ctl state "{\"ids\": $ids, \"starred\": true}" > /dev/null
ctl state "{\"ids\": $ids, \"read\": false}" > /dev/null
idb=$(ctl dump | python3 -c '
import json, sys
print(json.dumps([i["id"] for i in json.load(sys.stdin)["items"] if i["title"] == "B 1"]))')
ctl state "{\"ids\": $idb, \"read\": true}" > /dev/null
"$GAZETTE" refresh --quiet
check "conflict: the later (local) read wins on both sides" \
	[ "$(local_state 'A 3') / $(gr_items 'A 3')" = "1 1 / A 3 1 1" ]
check "the server's star of it, no local change, comes down" \
	[ "$(local_state 'A 3' | cut -d' ' -f2)" = 1 ]
check "server-only change comes down" [ "$(local_state 'B 1')" = "1 1" ]

# Incremental: only what is new since the last sync.
ctl items '{"feed": "http://b.example/feed", "count": 2, "prefix": "C"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "incremental sync exits 0" [ $? -eq 0 ]
check "2 new articles" grep -q "2 feeds, 2 new articles" "$T/err"
check "7 articles in all" [ "$("$GAZETTE" list --json | wc -l)" -eq 7 ]

# A feed unsubscribed on the server leaves every view.
python3 - "$GR_API" "$GR_PASSWORD" <<'PY'
import sys, urllib.request, urllib.parse
api, pw = sys.argv[1], sys.argv[2]
def call(path, data=None, auth=None):
    req = urllib.request.Request(api + path, data=data)
    if auth:
        req.add_header("Authorization", "GoogleLogin auth=" + auth)
    return urllib.request.urlopen(req).read().decode()
a = call("/accounts/ClientLogin", urllib.parse.urlencode(
    {"Email": "alice", "Passwd": pw}).encode()).split("Auth=")[1].strip()
t = call("/reader/api/0/token", auth=a).strip()
call("/reader/api/0/subscription/edit", urllib.parse.urlencode(
    {"ac": "unsubscribe", "s": "feed/1", "T": t}).encode(), a)
PY
"$GAZETTE" refresh --quiet
check "an unsubscribed feed is gone" [ "$("$GAZETTE" list --json | wc -l)" -eq 4 ]

tap_done
