#!/bin/sh
# sync-items.sh: freshrss-min-items N, as in newsboat the articles loaded
# of each feed: a feed new to the sync brings its newest N, from its own
# stream; after that every article added since comes (none missed).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/greader-lib.sh"

ctl feed '{"url": "http://a.example/feed", "title": "Feed A"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 30, "prefix": "A", "ago": 900}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "items": [{"title": "A newest"}], "ago": 800}' > /dev/null
gr_config 'freshrss-min-items 5'
"$GAZETTE" refresh --quiet
check "min-items 5: the first sync pulls 5 articles of the feed" \
	[ "$("$GAZETTE" list --json | wc -l)" -eq 5 ]
check "the newest ones" [ "$(local_state 'A newest')" = "0 0" ]
ctl items '{"feed": "http://a.example/feed", "count": 7, "prefix": "N"}' > /dev/null
"$GAZETTE" refresh --quiet
check "then every article added since, past the limit" \
	[ "$("$GAZETTE" list --json | wc -l)" -eq 12 ]
ctl feed '{"url": "http://b.example/feed", "title": "Feed B"}' > /dev/null
ctl items '{"feed": "http://b.example/feed", "count": 9, "prefix": "B", "ago": 86400}' > /dev/null
"$GAZETTE" refresh --quiet
check "a feed new on the server brings its newest 5, old as they are" \
	[ "$("$GAZETTE" list --json --feed http://b.example/feed | wc -l)" -eq 5 ]
n=$(ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("stream/contents/feed/2", 0))')
check "from its own stream" [ "$n" -eq 1 ]
"$GAZETTE" refresh --quiet
n2=$(ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("stream/contents/feed/2", 0))')
check "once, the rest of it left out" sh -c "[ $n2 -eq 1 ] && [ $("$GAZETTE" list --json | wc -l) -eq 17 ]"
tap_done
