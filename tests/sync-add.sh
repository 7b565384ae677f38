#!/bin/sh
# sync-add.sh: in sync mode, `gazette add` subscribes on the server (which
# fetches the feed from tests/httpd.py), and a whole feed or everything
# marked read goes up as one mark-all-as-read.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/greader-lib.sh"
DB="$T/data/gazette/gazette.db"
URLS="$XDG_CONFIG_HOME/gazette/urls"

mkfeed "$DOCS/one.xml" one 3
mkfeed "$DOCS/two.xml" two 4
gr_config

"$GAZETTE" add "$BASE/feed/one.xml" News "~First feed" > "$T/out" 2> "$T/err"
check "add in sync mode exits 0" [ $? -eq 0 ]
ctl dump > "$T/dump"
check "the server subscribed" grep -q "\"url\": \"$BASE/feed/one.xml\"" "$T/dump"
check "with the first tag as its label" grep -q '"label": "News"' "$T/dump"
check "and the ~title as its title" grep -q '"title": "First feed"' "$T/dump"
check "and fetched its articles" [ "$(grep -o '"title": "one item' "$T/dump" | wc -l)" -eq 3 ]
check "the urls file is left alone" [ ! -e "$URLS" ]
"$GAZETTE" add "$BASE/feed/two.xml" > /dev/null 2>&1
"$GAZETTE" refresh --quiet
check "the next sync brings its articles" [ "$("$GAZETTE" list --json --feed "$BASE/feed/one.xml" | wc -l)" -eq 3 ]
check "and its label as a tag" [ "$(sql "$DB" "SELECT tag FROM feed_tags JOIN feeds ON feeds.id = feed_id
	WHERE url = '$BASE/feed/one.xml'")" = News ]

"$GAZETTE" add "$BASE/feed/one.xml" > "$T/out" 2> "$T/err"
check "already subscribed: exit 1" [ $? -eq 1 ]
check "says the server could not subscribe" grep -q "could not subscribe to $BASE/feed/one.xml" "$T/err"
"$GAZETTE" add "$BASE/status/404/none.xml" > "$T/out" 2> "$T/err"
check "an unreachable feed: exit 1" [ $? -eq 1 ]

# A whole feed marked read: one mark-all-as-read, no edit-tag.
calls() { ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get(sys.argv[1], 0))' "$1"; }
e0=$(calls edit-tag)
"$GAZETTE" mark --read --all --feed "$BASE/feed/one.xml"
check "the feed is read here" [ "$("$GAZETTE" list --unread --json --feed "$BASE/feed/one.xml" | wc -l)" -eq 0 ]
check "one queued change for it" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 1 ]
"$GAZETTE" refresh --quiet
check "pushed as mark-all-as-read" [ "$(calls mark-all-as-read)" -eq 1 ]
check "not as edit-tag" [ "$(calls edit-tag)" -eq "$e0" ]
check "the server has the feed read" [ "$(gr_items one | awk '$4 == 0' | wc -l)" -eq 0 ]
check "the other feed untouched" [ "$(gr_items two | awk '$4 == 1' | wc -l)" -eq 0 ]
check "and stays unread here" [ "$("$GAZETTE" list --unread --json --feed "$BASE/feed/two.xml" | wc -l)" -eq 4 ]

# One article marked unread after the feed: the later change wins.
"$GAZETTE" mark --unread "$(guid_of 'one item 2')"
"$GAZETTE" mark --read --all
"$GAZETTE" mark --unread "$(guid_of 'two item 1')"
"$GAZETTE" refresh --quiet
check "everything read, then one unread: on the server" \
	[ "$(ctl dump | python3 -c '
import json, sys
print(" ".join(i["title"] for i in json.load(sys.stdin)["items"] if not i["read"]))')" = "two item 1" ]
check "and here" [ "$("$GAZETTE" list --unread --json | sed -n 's/.*"title":"\([^"]*\)".*/\1/p')" = "two item 1" ]

# Articles the server got after the last sync stay unread.
mkfeed "$DOCS/one.xml" one 5
python3 - "$GR_PORT" "$BASE/feed/one.xml" <<'PY'
import json, sys, urllib.request
urllib.request.urlopen(urllib.request.Request(
    "http://127.0.0.1:%s/control/items" % sys.argv[1],
    data=json.dumps({"feed": sys.argv[2], "items": [
        {"title": "late one", "link": "http://example.org/late"}]}).encode()))
PY
"$GAZETTE" mark --read --all
"$GAZETTE" refresh --quiet
check "an article newer than the last sync stays unread" \
	[ "$("$GAZETTE" list --unread --json | sed -n 's/.*"title":"\([^"]*\)".*/\1/p')" = "late one" ]

# Articles pulled in the same second as the pull, after its start: the
# server's time of the pull is whole seconds, articles' ids microseconds.
now=$(python3 -c 'import time; print(int(time.time()) + 0.9)')
ctl clock "{\"now\": $now}" > /dev/null
ctl items "{\"feed\": \"$BASE/feed/two.xml\", \"prefix\": \"same second\", \"count\": 2}" > /dev/null
"$GAZETTE" refresh --quiet
"$GAZETTE" mark --read --all
"$GAZETTE" refresh --quiet
check "articles pulled late in the pull's second: read on the server" \
	[ "$(gr_items 'same second' | awk '$4 == 0' | wc -l)" -eq 0 ]
ctl clock '{"now": null}' > /dev/null

tap_done
