#!/bin/sh
# sync-services.sh: urls-source "inoreader", "oldreader" and "feedhq",
# newsboat's settings of each, against tests/greader.py behaving as each
# service documents its API: Inoreader's AppId/AppKey headers (403 when
# refused) and pages of 100, The Old Reader's ClientLogin fields and
# ObjectId item ids, FeedHQ at feedhq-url; the real T= token on every
# POST.  Login, pull, push of read and star, each service's flag-star
# letter, a wrong app key or password (exit 2), one token file each.
. "$srcdir/tests/lib.sh"
GR_SERVICE=inoreader
GR_APP_ID=1000001414
GR_APP_KEY=kk18-gazette-test-key
. "$srcdir/tests/greader-lib.sh"
CONF="$XDG_CONFIG_HOME/gazette/config"

stat_of() {
	ctl stats | python3 -c 'import json,sys; v = json.load(sys.stdin).get(sys.argv[1], ""); print(v if isinstance(v, str) else json.dumps(v, sort_keys=True))' "$1"
}
# svc_config SERVICE URL [EXTRA LINES]: a sync config of that service.
svc_config() {
	svc=$1 url=$2
	shift 2
	mkdir -p "$XDG_CONFIG_HOME/gazette"
	printf '%s\n' "$GR_PASSWORD" > "$T/pw"
	chmod 600 "$T/pw"
	{
		echo "urls-source \"$svc\""
		echo "$svc-url \"$url\""
		echo "$svc-login \"alice\""
		echo "$svc-passwordfile \"$T/pw\""
		echo "$svc-min-items 0"
		# Another service's letter: not this one's.
		echo 'freshrss-flag-star "z"'
		for l in "$@"; do echo "$l"; done
	} > "$CONF"
}
seed() {
	ctl feed '{"url": "http://a.example/feed", "title": "Feed A", "label": "News"}' > /dev/null
	ctl feed '{"url": "http://b.example/feed", "title": "Feed B"}' > /dev/null
	ctl items '{"feed": "http://a.example/feed", "count": 3, "prefix": "A"}' > /dev/null
	ctl items "{\"feed\": \"http://b.example/feed\", \"count\": $1, \"prefix\": \"B\"}" > /dev/null
}
# server_set TITLE FIELD true|false: change an article on the server.
server_set() {
	id=$(ctl dump | python3 -c '
import json, sys
print(json.dumps([i["id"] for i in json.load(sys.stdin)["items"] if i["title"] == sys.argv[1]]))' "$1")
	ctl state "{\"ids\": $id, \"$2\": $3}" > /dev/null
}
letters_of() {
	sql "$XDG_DATA_HOME/gazette/gazette.db" "SELECT coalesce((SELECT flags FROM item_flags WHERE item_id = i.id), CASE WHEN flagged THEN '?' ELSE '' END) FROM items i WHERE title = '$1'"
}

# --- Inoreader ---
seed 150
svc_config inoreader "$GR_API" "inoreader-app-id \"$GR_APP_ID\"" \
    "inoreader-app-key \"$GR_APP_KEY\"" 'inoreader-flag-star "i"' \
    'inoreader-show-special-feeds yes' 'inoreader-flag-share "a"' \
    'inoreader-passwordeval ""' 'inoreader-password ""'
"$GAZETTE" check-config "$CONF" > "$T/out" 2>&1
check "check-config: the inoreader settings are applied" \
    grep -q ": 13 lines: 12 applied, 1 not applied, 0 not understood" "$T/out"
check "check-config: inoreader-flag-share says what gazette does instead" \
    grep -q "not applied: inoreader-flag-share (.*): not applied: sharing (broadcast) is not synced" "$T/out"

# No application id: a configuration error, nothing sent.
sed -i '/inoreader-app-/d' "$CONF"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "inoreader without app id and key: exit 2" [ $? -eq 2 ]
check "names the settings" grep -q "needs inoreader-app-id and inoreader-app-key" "$T/err"
check "nothing was sent" [ "$(stat_of requests)" -eq 0 ]

# A wrong app key: Inoreader's 403, said as such.
echo "inoreader-app-id \"$GR_APP_ID\"" >> "$CONF"
echo 'inoreader-app-key "not-the-key"' >> "$CONF"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "wrong inoreader-app-key: exit 2" [ $? -eq 2 ]
check "a clear message" grep -q "server $GR_API refused the application (HTTP 403): wrong inoreader-app-id or inoreader-app-key" "$T/err"
check "without the key or the password" sh -c "! grep -q 'not-the-key\|$GR_PASSWORD' '$T/err'"

sed -i "s/^inoreader-app-key .*/inoreader-app-key \"$GR_APP_KEY\"/" "$CONF"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "inoreader: first sync exits 0" [ $? -eq 0 ]
check "says what it did" grep -q "synced with $GR_API: 2 feeds, 153 new articles" "$T/err"
check "every article, through pages of 100" [ "$("$GAZETTE" list --json | wc -l)" -eq 153 ]
check "AppId and AppKey sent" [ "$(stat_of app)" = "[\"$GR_APP_ID\", \"$GR_APP_KEY\"]" ]
check "the ClientLogin is at the root" [ "$(stat_of paths | python3 -c 'import json,sys; print(json.load(sys.stdin).get("/accounts/ClientLogin", 0))')" -ge 1 ]
TOK="$XDG_DATA_HOME/gazette/inoreader-token"
check "its own token file, 0600" [ "$(stat -c %a "$TOK" 2>/dev/null)" = 600 ]
check "not the FreshRSS one" [ ! -e "$XDG_DATA_HOME/gazette/greader-token" ]
check "without the password or the key" sh -c "! grep -q '$GR_PASSWORD\|$GR_APP_KEY' '$TOK'"

server_set 'A 1' starred true
server_set 'A 3' read true
"$GAZETTE" mark --read "$(guid_of 'A 2')"
"$GAZETTE" mark --flag "$(guid_of 'B 1')"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "inoreader: push and pull exit 0" [ $? -eq 0 ]
check "two changes pushed (with the real T= token)" grep -q "2 changes pushed" "$T/err"
check "read pushed" [ "$(gr_items 'A 2')" = "A 2 1 0" ]
check "the flag pushed as a star" [ "$(gr_items 'B 1' | grep '^B 1 ')" = "B 1 0 1" ]
check "the server's read pulled" [ "$(local_state 'A 3')" = "1 0" ]
check "inoreader-flag-star: a star is the letter i (not freshrss-flag-star's)" \
    [ "$(letters_of 'A 1')" = i ]
check "mark --flag gave the letter i" [ "$(letters_of 'B 1')" = i ]

cp "$TOK" "$T/inoreader-token.kept"
# A wrong password: the kept token dies with it.
ctl password '{"password": "another"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "inoreader wrong password: exit 2" [ $? -eq 2 ]
check "a clear message" grep -q "refused the login of alice (HTTP 401): wrong inoreader-login or password" "$T/err"
check "without the password" sh -c "! grep -q '$GR_PASSWORD' '$T/err'"
kill $GR_PID
wait $GR_PID 2>/dev/null

# --- The Old Reader ---
GR_SERVICE=oldreader
gr_start
export XDG_DATA_HOME="$T/data-oldreader"
seed 2
svc_config oldreader "$GR_API" 'oldreader-flag-star "o"'
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "oldreader: first sync exits 0" [ $? -eq 0 ]
check "every article" [ "$("$GAZETTE" list --json | wc -l)" -eq 5 ]
check "ClientLogin names the client" \
    [ "$(stat_of login_form)" = '{"Email": "alice", "accountType": "HOSTED_OR_GOOGLE", "client": "gazette", "service": "reader"}' ]
check "ObjectId item ids kept in the long form" \
    [ "$("$GAZETTE" list --json | grep -c '"guid":"tag:google.com,2005:reader/item/[0-9a-f]\{24\}"')" -eq 5 ]
server_set 'A 1' read true
server_set 'B 2' starred true
"$GAZETTE" mark --read "$(guid_of 'A 2')"
"$GAZETTE" mark --flag "$(guid_of 'A 3')"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "oldreader: push and pull exit 0" [ $? -eq 0 ]
check "read pushed by ObjectId" [ "$(gr_items 'A 2')" = "A 2 1 0" ]
check "star pushed by ObjectId" [ "$(gr_items 'A 3')" = "A 3 0 1" ]
check "the server's read pulled (bare ObjectIds)" [ "$(local_state 'A 1')" = "1 0" ]
check "oldreader-flag-star: a star is the letter o" [ "$(letters_of 'B 2')" = o ]
check "its own token file, 0600" \
    [ "$(stat -c %a "$XDG_DATA_HOME/gazette/oldreader-token" 2>/dev/null)" = 600 ]
kill $GR_PID
wait $GR_PID 2>/dev/null

# --- FeedHQ: feedhq-url as newsboat writes it (a trailing slash) ---
GR_SERVICE=feedhq
gr_start
export XDG_DATA_HOME="$T/data-feedhq"
mkdir -p "$XDG_DATA_HOME/gazette"
# Another service's token in the same directory is never sent.
cp "$T/inoreader-token.kept" "$XDG_DATA_HOME/gazette/inoreader-token"
seed 2
svc_config feedhq "$GR_API/" 'feedhq-flag-star "f"'
server_set 'B 1' starred true
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "feedhq: first sync exits 0" [ $? -eq 0 ]
check "every article" [ "$("$GAZETTE" list --json | wc -l)" -eq 5 ]
check "feedhq: logged in itself" [ -s "$XDG_DATA_HOME/gazette/feedhq-token" ]
check "the other service's token left as it was" \
    cmp -s "$T/inoreader-token.kept" "$XDG_DATA_HOME/gazette/inoreader-token"
check "feedhq-flag-star: a star is the letter f" [ "$(letters_of 'B 1')" = f ]
"$GAZETTE" mark --unflag "$(guid_of 'B 1')"
"$GAZETTE" mark --read "$(guid_of 'A 1')"
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "feedhq: push exits 0" [ $? -eq 0 ]
check "unstar and read pushed" [ "$(gr_items 'B 1') $(gr_items 'A 1')" = "B 1 0 0 A 1 1 0" ]

tap_done
