#!/bin/sh
# sync-fail.sh: sync in bad weather against tests/greader.py: a kill -9
# in the middle of a push, a server that stops answering or is stopped,
# a server error, a wrong password, missing settings; the password in
# no message.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/greader-lib.sh"
DB="$T/data/gazette/gazette.db"

queued() { sql "$DB" 'SELECT count(*) FROM sync_queue'; }
server_read() { gr_items "$1" | awk '$3 == 1' | wc -l; }

ctl feed '{"url": "http://a.example/feed", "title": "Feed A"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 600, "prefix": "K"}' > /dev/null
gr_config
"$GAZETTE" refresh --quiet
check "first sync of 600 articles" [ "$("$GAZETTE" list --json | wc -l)" -eq 600 ]

# kill -9 in the middle of a push: 600 reads go in 3 edit-tag calls; the
# server takes the first, applies the second and holds it.
"$GAZETTE" list --json | sed -n 's/.*"guid":"\([^"]*\)".*/\1/p' |
	"$GAZETTE" mark --read -
check "600 changes queued" [ "$(queued)" -eq 600 ]
ctl mode '{"mode": "up", "hold_edit_tag": 1}' > /dev/null
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err" &
pid=$!
edit_tags() { ctl dump | python3 -c 'import json,sys; print(json.load(sys.stdin)["edit_tags"])'; }
i=0
while [ "$(edit_tags)" -lt 2 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
check "the push is under way, held by the server" [ "$(edit_tags)" -ge 2 ]
kill -9 $pid
wait $pid 2>/dev/null
ctl mode '{"mode": "up"}' > /dev/null
check "killed mid-push: the server has part of it" [ "$(server_read K)" -gt 0 ] && [ "$(server_read K)" -lt 600 ]
check "the queue is whole" [ "$(queued)" -eq 600 ]
check "the local state is whole" [ "$("$GAZETTE" list --unread --json | wc -l)" -eq 0 ]
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "the next sync exits 0" [ $? -eq 0 ]
check "pushes it all again" grep -q "600 changes pushed" "$T/err"
check "the server has every read" [ "$(server_read K)" -eq 600 ]
check "the queue is empty" [ "$(queued)" -eq 0 ]
check "still all read here" [ "$("$GAZETTE" list --unread --json | wc -l)" -eq 0 ]

# A server that closes every connection unanswered.
"$GAZETTE" mark --unread "$(guid_of 'K 1')"
ctl mode '{"mode": "down"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "server not answering: exit 1" [ $? -eq 1 ]
check "names the server and the reason" grep -q "refresh: server $GR_API: .*\(Empty reply\|closed\|reset\)" "$T/err"
check "says the local change is kept" grep -q "1 local change kept for the next sync" "$T/err"
check "the queue is kept" [ "$(queued)" -eq 1 ]

ctl mode '{"mode": "500"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "server error: exit 1" [ $? -eq 1 ]
check "names the HTTP status" grep -q "server $GR_API: .*HTTP 500" "$T/err"
ctl mode '{"mode": "junk"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "hostile answers: exit 1" [ $? -eq 1 ]
check "says it is not the JSON expected" grep -q "server $GR_API: subscription/list: not the JSON expected" "$T/err"
check "no raw escape from the server on stderr" sh -c "! grep -q \"$(printf '\033')\" '$T/err'"
ctl mode '{"mode": "up"}' > /dev/null
ctl feed '{"url": "http://evil.example/feed", "title": "Evil \u001b[2J feed"}' > /dev/null
ctl items '{"feed": "http://evil.example/feed", "items": [{"title": "Evil \u001b]52;c;aGk=\u0007 title", "link": "javascript:alert(1)"}]}' > /dev/null
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "a hostile title is stored" [ $? -eq 0 ]
"$GAZETTE" list > "$T/list"
check "list prints it" grep -q 'Evil.*title' "$T/list"
check "without a raw escape" sh -c "! grep -q \"$(printf '\033')\" '$T/list'"

# A server that is stopped: marks still work offline; nothing lost.
kill $GR_PID
wait $GR_PID 2>/dev/null
"$GAZETTE" mark --flag "$(guid_of 'K 2')"
check "marking works offline" [ "$(local_state 'K 2')" = "1 1" ]
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "server stopped: exit 1" [ $? -eq 1 ]
check "names the server and why" grep -q "refresh: server $GR_API: .*\(refused\|connect\)" "$T/err"
check "the local change is kept" grep -q "1 local change kept" "$T/err"
check "every article still there" [ "$("$GAZETTE" list --json | wc -l)" -eq 601 ]

# A new server (its state is lost, as after a reinstall): a wrong
# password.
gr_start
gr_config
ctl password '{"password": "another"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "wrong password: exit 2" [ $? -eq 2 ]
check "a clear message" grep -q "refused the login of alice (HTTP 401): wrong freshrss-login or API password" "$T/err"
check "without the password" sh -c "! grep -q '$GR_PASSWORD' '$T/err'"
check "the queue is kept" [ "$(queued)" -eq 1 ]
check "the articles are kept" [ "$("$GAZETTE" list --json | wc -l)" -eq 601 ]

# freshrss-passwordeval; a token the server no longer takes is renewed.
GR_PASSWORD=another
printf '#!/bin/sh\nenv > "%s/child-env"\necho another\n' "$T" > "$T/pass.sh"
chmod +x "$T/pass.sh"
gr_config
sed -i '/passwordfile/d' "$XDG_CONFIG_HOME/gazette/config"
echo "freshrss-passwordeval \"$T/pass.sh\"" >> "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "passwordeval: login and sync" [ $? -eq 0 ]
check "the child's environment holds no password" sh -c "! grep -q another '$T/child-env'"
ctl password '{"password": "third"}' > /dev/null
sed -i 's/echo another/echo third/' "$T/pass.sh"
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "a refused token: login again, exit 0" [ $? -eq 0 ]
check "the token file is renewed, 0600" [ "$(stat -c %a "$T/data/gazette/greader-token")" = 600 ]
check "the queue is pushed and emptied" [ "$(queued)" -eq 0 ]

# A login answer whose Auth= line is empty ("Auth=\r\n"): no token, said
# as such (not taken as an empty token the server then refuses).
rm -f "$T/data/gazette/greader-token"
ctl mode '{"mode": "blank_auth"}' > /dev/null
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "an empty Auth=: exit 1" [ $? -eq 1 ]
check "says there is no Auth=" grep -q "login: no Auth= in the answer" "$T/err"
ctl mode '{"mode": "up"}' > /dev/null

# Missing settings.
printf 'urls-source "freshrss"\nfreshrss-url "%s"\n' "$GR_API" > "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "no login: exit 2" [ $? -eq 2 ]
check "names what is missing" grep -q "needs freshrss-url and freshrss-login" "$T/err"
printf 'urls-source "freshrss"\nfreshrss-url "%s"\nfreshrss-login "bob"\n' "$GR_API" > "$XDG_CONFIG_HOME/gazette/config"
rm -f "$T/data/gazette/greader-token"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "no password: exit 2" [ $? -eq 2 ]
check "says where to put it" grep -q "no password: set freshrss-password" "$T/err"

tap_done
