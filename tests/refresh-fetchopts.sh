#!/bin/sh
# refresh-fetchopts.sh: newsboat's max-download-speed, http-auth-method,
# proxy-auth-method, cookie-cache, always-download,
# reset-unread-on-update and error-log, against tests/httpd.py.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
    no_proxy NO_PROXY

DB="$T/gazette.db"
CONF="$T/config"
HOSTPORT="127.0.0.1:$PORT"
mkfeed "$DOCS/a.xml" a 2
mkfeed "$DOCS/big.xml" big 1000	# about 200 KB
# check-config: newsboat's lines for these, from its documentation's
# examples, are all applied.
cat > "$T/nb.conf" <<'CFG'
max-download-speed 50
http-auth-method digest
proxy-auth-method ntlm
cookie-cache "~/.newsboat/cookies.txt"
always-download "https://www.n-tv.de/23.rss"
reset-unread-on-update "https://blog.fefe.de/rss.xml?html"
error-log "~/.newsboat/error.log"
external-url-viewer "urlview"
pager "less %f"
html-renderer "w3m -dump -T text/html"
CFG
"$GAZETTE" check-config "$T/nb.conf" > "$T/out" 2>&1
check "check-config: every line applied" \
    grep -q ": 10 lines: 10 applied, 0 not applied, 0 not understood" "$T/out"

refresh() {
	"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh "$@" \
	    > "$T/out" 2> "$T/err"
}

# max-download-speed: KiB a second.  200 KB at 20 KiB/s cannot take
# less than about 9 s; without the limit it takes well under one.
size=$(wc -c < "$DOCS/big.xml")
check "the big feed is about 200 KB" [ "$size" -gt 190000 ]
echo "$BASE/feed/big.xml" > "$T/urls"
: > "$CONF"
start=$(date +%s)
DB="$T/speed1.db"
refresh
check "no speed limit: fetched" [ $? -eq 0 ]
echo "# no limit: $(( $(date +%s) - start )) s for $size bytes"
check "no speed limit: under 5 s" [ $(( $(date +%s) - start )) -lt 5 ]
echo "max-download-speed 20" > "$CONF"
start=$(date +%s)
DB="$T/speed2.db"
refresh
check "max-download-speed 20: fetched" [ $? -eq 0 ]
echo "# max-download-speed 20: $(( $(date +%s) - start )) s for $size bytes"
check "max-download-speed 20: at least 5 s for 200 KB" \
    [ $(( $(date +%s) - start )) -ge 5 ]
check "max-download-speed 20: every article" \
    [ "$(count_items "$T/speed2.db" "$BASE/feed/big.xml")" -eq 1000 ]
DB="$T/gazette.db"

# http-auth-method: newsboat's default, any, lets a Digest server in.
mkfeed "$DOCS/d.xml" d 2
echo "http://feeduser:feedpass@$HOSTPORT/digest/d.xml" > "$T/urls"
: > "$CONF"
: > "$HTTPD_LOG"
refresh
check "http-auth-method any (default): digest feed fetched" [ $? -eq 0 ]
check "http-auth-method any: answered by Digest" \
    grep -q '"path": "/digest/d.xml".*"status": 200, "cookie": null, "auth": "Digest"' "$HTTPD_LOG"
check "http-auth-method any: stored" \
    [ "$(count_items "$DB" "http://feeduser:feedpass@$HOSTPORT/digest/d.xml")" -eq 2 ]
echo "http-auth-method basic" > "$CONF"
: > "$HTTPD_LOG"
refresh --force
check "http-auth-method basic: the digest feed fails" [ $? -eq 1 ]
check "http-auth-method basic: Basic sent at once" \
    grep -q '"status": 401, "cookie": null, "auth": "Basic"' "$HTTPD_LOG"
check "http-auth-method basic: never Digest" \
    sh -c "! grep -q '\"auth\": \"Digest\"' '$HTTPD_LOG'"
echo "http-auth-method digest" > "$CONF"
: > "$HTTPD_LOG"
refresh --force
check "http-auth-method digest: fetched" [ $? -eq 0 ]
echo "http-auth-method sometimes" > "$CONF"
"$GAZETTE" check-config "$CONF" > "$T/out" 2>&1
check "http-auth-method: an unknown value is an error" \
    grep -q "http-auth-method: unknown value 'sometimes'" "$T/out"

# proxy-auth-method: this server as a proxy asking for Digest.
echo "http://digestproxy.invalid/feed/a.xml" > "$T/urls"
cat > "$CONF" <<CFG
use-proxy yes
proxy $HOSTPORT
proxy-auth proxyuser:proxypass
proxy-auth-method basic
CFG
: > "$HTTPD_LOG"
refresh --force
check "proxy-auth-method basic: refused by a Digest proxy" [ $? -eq 1 ]
check "proxy-auth-method basic: Basic sent" \
    grep -q '"status": 407, .*"proxy_auth": "Basic"' "$HTTPD_LOG"
sed -i 's/proxy-auth-method basic/proxy-auth-method digest/' "$CONF"
: > "$HTTPD_LOG"
refresh --force
check "proxy-auth-method digest: through the proxy" [ $? -eq 0 ]
check "proxy-auth-method digest: Digest sent" \
    grep -q '"status": 200, .*"proxy_auth": "Digest"' "$HTTPD_LOG"

# cookie-cache: a cookie set by one refresh is sent by the next (another
# process), and the file is Netscape's format.
mkdir -p "$HOME/nb"
echo 'cookie-cache "~/nb/cookies.txt"' > "$CONF"
# A cookie of another site already there is kept.
printf '# Netscape HTTP Cookie File\n.other.example\tTRUE\t/\tFALSE\t4102444800\tkeepme\tyes\n' \
    > "$HOME/nb/cookies.txt"
mkfeed "$DOCS/c.xml" c 2
echo "$BASE/setcookie/c.xml" > "$T/urls"
refresh --force
check "cookie-cache: first refresh passes" [ $? -eq 0 ]
check "cookie-cache: the file is written" [ -s "$HOME/nb/cookies.txt" ]
check "cookie-cache: Netscape format" \
    grep -q "^127.0.0.1	FALSE	/	FALSE	[0-9]*	gz_session	OPEN-SESAME$" "$HOME/nb/cookies.txt"
check "cookie-cache: the cookie read from it is written back" \
    grep -q "^.other.example	TRUE	/	FALSE	4102444800	keepme	yes$" "$HOME/nb/cookies.txt"
check "cookie-cache: no temporary file left" \
    [ "$(ls -A "$HOME/nb" | wc -l)" -eq 1 ]
echo "$BASE/needcookie/c.xml" > "$T/urls"
: > "$HTTPD_LOG"
refresh --force
check "cookie-cache: the next refresh sends the cookie" [ $? -eq 0 ]
check "cookie-cache: the server saw it" \
    grep -q '"path": "/needcookie/c.xml".*"cookie": "gz_session=OPEN-SESAME"' "$HTTPD_LOG"
: > "$CONF"
refresh --force
check "no cookie-cache: no cookie sent" [ $? -eq 1 ]

# cookie-cache with two refreshes at once (cron and the interface's):
# the second is refused by the refresh lock before it reads or writes
# the file; the first writes it whole when it ends.
echo 'cookie-cache "~/nb/jar.txt"' > "$CONF"
printf '%s\n%s\n' "$BASE/setcookie/c.xml" "$BASE/stall/s.xml" > "$T/urls"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$T/jar.db" refresh > "$T/out1" \
    2> "$T/err1" &
APID=$!
check "cookie-cache, two refreshes: the first is under way" \
    wait_until 30 grep -q '"path": "/stall/s.xml"' "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$T/jar.db" refresh > "$T/out2" \
    2> "$T/err2"
check "cookie-cache, two refreshes: the second is refused (locked)" [ $? -eq 3 ]
check "cookie-cache, two refreshes: the file is not written meanwhile" \
    [ ! -e "$HOME/nb/jar.txt" ]
: > "$DOCS/release"
wait $APID
rm -f "$DOCS/release"
check "cookie-cache, two refreshes: the first wrote its cookie" \
    grep -q "	gz_session	OPEN-SESAME$" "$HOME/nb/jar.txt"

# always-download: no conditional request for the feeds it names.
mkfeed "$DOCS/e.xml" e 2
printf '%s\n%s\n' "$BASE/feed/a.xml" "$BASE/feed/e.xml" > "$T/urls"
# Each line adds to the list: the first one's feed is still in it.
printf 'always-download "%s"\nalways-download %s %s\n' "$BASE/feed/e.xml" \
    "$BASE/feed/none.xml" "$BASE/feed/none2.xml" > "$CONF"
refresh
: > "$HTTPD_LOG"
refresh
check "always-download: second refresh passes" [ $? -eq 0 ]
check "always-download: other feeds ask conditionally (304)" \
    grep -q '"path": "/feed/a.xml", "if_none_match": "\\".*"status": 304' "$HTTPD_LOG"
check "always-download: its feed has no If-None-Match" \
    grep -q '"path": "/feed/e.xml", "if_none_match": null, "if_modified_since": null.*"status": 200' "$HTTPD_LOG"

# reset-unread-on-update: a changed article is unread again.
mkfeed "$DOCS/u.xml" u 2
mkfeed "$DOCS/v.xml" v 2
printf '%s\n%s\n' "$BASE/feed/u.xml" "$BASE/feed/v.xml" > "$T/urls"
echo "reset-unread-on-update $BASE/feed/u.xml" > "$CONF"
refresh
"$GAZETTE" -d "$DB" mark --read --all --feed "$BASE/feed/u.xml" > /dev/null 2>&1
"$GAZETTE" -d "$DB" mark --read --all --feed "$BASE/feed/v.xml" > /dev/null 2>&1
unread() {
	"$GAZETTE" -d "$DB" list --json --feed "$1" | grep -c '"read":false'
}
check "reset-unread-on-update: all read before" \
    [ "$(unread "$BASE/feed/u.xml")$(unread "$BASE/feed/v.xml")" = 00 ]
sed -i 's/Text of u number 1,/Changed text of u number 1,/' "$DOCS/u.xml"
sed -i 's/Text of v number 1,/Changed text of v number 1,/' "$DOCS/v.xml"
touch -d '+1 min' "$DOCS/u.xml" "$DOCS/v.xml"
refresh
check "reset-unread-on-update: refresh passes" [ $? -eq 0 ]
check "reset-unread-on-update: the changed article is unread" \
    [ "$(unread "$BASE/feed/u.xml")" -eq 1 ]
check "reset-unread-on-update: only the listed feed" \
    [ "$(unread "$BASE/feed/v.xml")" -eq 0 ]

# error-log: newsboat's lines, appended.
printf 'before\n' > "$HOME/err.log"
echo 'error-log "~/err.log"' > "$CONF"
printf '%s\n%s\n' "$BASE/status/404/gone.xml" "$BASE/feed/a.xml" > "$T/urls"
refresh --force
check "error-log: refresh fails" [ $? -eq 1 ]
check "error-log: earlier lines kept" [ "$(head -n 1 "$HOME/err.log")" = before ]
check "error-log: newsboat's line" \
    grep -Eq "^\[[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\] Error while retrieving $BASE/status/404/gone.xml: HTTP 404" "$HOME/err.log"
check "error-log: only failures" [ "$(wc -l < "$HOME/err.log")" -eq 2 ]
echo "$BASE/evil/reason/x.xml" > "$T/urls"
refresh --force
check "error-log: appended again" [ "$(wc -l < "$HOME/err.log")" -eq 3 ]
check "error-log: no control character reaches it" \
    sh -c "! tr -d '\n' < '$HOME/err.log' | LC_ALL=C grep -q '[[:cntrl:]]'"

tap_done
