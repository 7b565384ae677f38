#!/bin/sh
# ui_sync_flags.sh: freshrss-flag-star is one flag letter, as in
# newsboat: the articles with that letter (^E) are the server's starred
# ones, both ways; other letters stay local and star nothing, and taking
# the letter away (other letters kept) unstars.  With
# freshrss-show-special-feeds, the starred articles are a feed.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"
. "$srcdir/tests/greader-lib.sh"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; kill $GR_PID 2>/dev/null; rm -rf "$T"' EXIT
DB="$T/data/gazette/gazette.db"

ctl feed '{"url": "http://a.example/feed", "title": "Server feed"}' > /dev/null
for k in 1 2 3 4; do
	ctl items "{\"feed\": \"http://a.example/feed\", \"items\": [{\"title\": \"S $k\"}], \"ago\": $((600 - k * 100))}" > /dev/null
done
star() { # star TITLE true|false: on the server
	id=$(ctl dump | python3 -c '
import json, sys
print(json.dumps([i["id"] for i in json.load(sys.stdin)["items"] if i["title"] == sys.argv[1]]))' "$1")
	ctl state "{\"ids\": $id, \"starred\": $2}" > /dev/null
}
starred() { gr_items S | awk '$4 == 1 { printf "%s%s ", $1, $2 }'; }
# flags_of TITLE: the article's letters here (none: "").
flags_of() {
	sql "$DB" "SELECT coalesce((SELECT flags FROM item_flags WHERE item_id = i.id), CASE WHEN flagged THEN 's' ELSE '' END) FROM items i WHERE title = '$1'"
}
star 'S 1' true
gr_config
sed -i 's/^freshrss-flag-star .*/freshrss-flag-star "b"/' "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh --quiet
check "synced" [ "$("$GAZETTE" list --json | wc -l)" -eq 4 ]
check "starred on the server: the letter b here" [ "$(flags_of 'S 1')" = b ]

ui_start 100 24 --
wait_for "Server feed" > /dev/null
check "show-special-feeds: the starred articles are listed as a feed" \
	wait_for "Starred items"
keys Down
keys Enter
wait_for "S 4" > /dev/null
edit_flags() { # the selected article's letters become $1
	keys C-e
	wait_for "Flags:" > /dev/null
	keys C-u
	[ -n "$1" ] && keys -l "$1"
	keys Enter
	wait_for "flags: " > /dev/null
}
edit_flags c
keys Down
edit_flags ab
keys Down
edit_flags a
check "^E stored the letters" [ "$(flags_of 'S 4') $(flags_of 'S 3') $(flags_of 'S 2')" = "c ab a" ]
"$GAZETTE" refresh --quiet
check "only the article with b is starred on the server" [ "$(starred)" = "S1 S3 " ]

keys Up
edit_flags a
check "b taken away, a kept" [ "$(flags_of 'S 3')" = a ]
"$GAZETTE" refresh --quiet
check "b taken away: unstarred on the server" [ "$(starred)" = "S1 " ]
check "the other letter stays here" [ "$(flags_of 'S 3')" = a ]
keys q q
wait_exit > /dev/null

star 'S 4' true
star 'S 1' false
"$GAZETTE" refresh --quiet
check "starred on the server: b added to the letters it had" [ "$(flags_of 'S 4')" = bc ]
check "unstarred on the server: b taken away" [ "$(flags_of 'S 1')" = "" ]
star 'S 4' false
"$GAZETTE" refresh --quiet
check "unstarred on the server: its other letter kept" [ "$(flags_of 'S 4')" = c ]
check "nothing queued by the server's changes" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]

"$GAZETTE" mark --flag "$(guid_of 'S 2')"
check "mark --flag in sync gives the letter b" [ "$(flags_of 'S 2')" = ab ]
"$GAZETTE" refresh --quiet
check "and stars on the server" [ "$(starred)" = "S2 " ]

echo 'freshrss-show-special-feeds no' >> "$XDG_CONFIG_HOME/gazette/config"
ui_start 100 24 --
wait_for "Server feed" > /dev/null
check "show-special-feeds no: not listed" sh -c "! grep -q 'Starred items' '$T/screen'" || show
keys q
wait_exit > /dev/null

sed -i 's/^freshrss-flag-star .*/freshrss-flag-star "bb"/' "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "freshrss-flag-star of two letters: exit 2" [ $? -eq 2 ]
check "says it is one letter" grep -q "freshrss-flag-star must be one flag letter" "$T/err"

tap_done
