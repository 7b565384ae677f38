#!/bin/sh
# ui_search.sh: the interface's search view in a real terminal (tmux)
# when more articles match than search ranks (20000): the title says
# that only the newest were ranked, and says nothing when all were.
# The number of hits is known at once, and End or a count jump lands
# on that hit however deep it is (one window read, not all before it).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
printf 'gen\thttp://cap.example/\t20001\tyak\ngen\thttp://few.example/\t5\tgnu\nsync\n' |
    "$builddir/tests/search_fill" "$DB" > "$T/fill.out" 2>&1 ||
    { echo "Bail out! search_fill failed"; exit 1; }

ui_start 100 30 -- -d "$DB" -u /dev/null
check "the feed list" wait_for "Your feeds"

keys /
check "/ opens the search prompt" wait_for "Search:"
keys yak Enter
if wait_for "Search 'yak' (20000 results, newest 20000 ranked)"; then
	ok "more matches than the cap: the title says the newest were ranked"
else show; fail "more matches than the cap: the title says so"; fi
check "the newest hits listed" wait_re '^   1 N .*yak 20000'
keys End
check "End lands on the last of 20000 hits" wait_re '^20000 N .*yak'
keys 1 2 3 4 End
check "1234 End lands on hit 1234" wait_re '^1234 N .*yak'
keys Home
check "Home: back to the first hit" wait_re '^   1 N .*yak 20000'

keys q /
wait_for "Search:" > /dev/null
keys gnu Enter
check "a small search: 5 results" wait_for "Search 'gnu' (5 results)"
check "a small search: nothing about ranking" \
    sh -c "! grep -q 'ranked' '$T/screen'"

# one match excluded: exactly 20000, nothing was cut
keys q /
wait_for "Search:" > /dev/null
keys "yak -7" Enter
check "20000 matches exactly: no word about ranking" \
    wait_for "Search 'yak -7' (20000 results)"
check "20000 matches: the title has no notice" \
    sh -c "! grep -q 'ranked' '$T/screen'"

# A query of filters only (no words): counted, End lands on the last.
keys q /
wait_for "Search:" > /dev/null
keys "is:unread" Enter
check "filters only: the title counts every hit" \
    wait_for "Search 'is:unread' (20006 results)"
keys End
check "filters only: End lands on the last" wait_re '^20006 N '
keys q Q
st=$(wait_exit)
check "exits 0" [ "$st" = 0 ]

tap_done
