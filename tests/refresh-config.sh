#!/bin/sh
# refresh-config.sh: newsboat's fetcher settings in the config reach
# gazette refresh: user-agent, download-retries, reload-threads,
# download-timeout, use-proxy/proxy; a feed's @settings still win.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
mkfeed "$DOCS/a.xml" a 2
mkfeed "$DOCS/b.xml" b 2
mkfeed "$DOCS/s.xml" s 2
CONF="$T/config"

# user-agent, and a feed's own @user-agent over it.
cat > "$CONF" <<'CFG'
user-agent "Lynx/2.8.5rel.1 libwww-FM/2.14"
CFG
cat > "$T/urls" <<URLS
$BASE/feed/a.xml
$BASE/feed/b.xml "@user-agent=Own/1.0"
URLS
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "user-agent: exit 0" [ $? -eq 0 ]
check "user-agent: sent" grep -q '"path": "/feed/a.xml".*"user_agent": "Lynx/2.8.5rel.1 libwww-FM/2.14"' "$HTTPD_LOG"
check "user-agent: @user-agent wins" grep -q '"path": "/feed/b.xml".*"user_agent": "Own/1.0"' "$HTTPD_LOG"

# download-retries: a failing feed is asked that many times in all.
echo "$BASE/status/500/x.xml" > "$T/urls"
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "no download-retries: asked once" [ "$(requests /status/500/x.xml)" -eq 1 ]
echo "download-retries 3" > "$CONF"
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "download-retries 3: exit 1" [ $? -eq 1 ]
check "download-retries 3: asked three times" [ "$(requests /status/500/x.xml)" -eq 3 ]
check "download-retries 3: reported once" [ "$(grep -c 'x.xml: HTTP 500' "$T/err")" -eq 1 ]
echo "$BASE/status/404/y.xml" > "$T/urls"
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "download-retries: a 404 is not asked again" [ "$(requests /status/404/y.xml)" -eq 1 ]

# reload-threads 2: with four stalled feeds, two transfers at once.
echo "reload-threads 2" > "$CONF"
: > "$T/urls"
for n in 1 2 3 4; do echo "$BASE/stall/t$n.xml" >> "$T/urls"; done
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err" &
RPID=$!
i=0
while [ "$(grep -c '/stall/' "$HTTPD_LOG")" -lt 2 ] && [ $i -lt 600 ]; do
	i=$((i + 1)); sleep 0.1
done
check "reload-threads 2: two transfers start" [ "$(grep -c '/stall/' "$HTTPD_LOG")" -eq 2 ]
sleep 2	# time for a third, were it allowed
check "reload-threads 2: no third while two run" [ "$(grep -c '/stall/' "$HTTPD_LOG")" -eq 2 ]
: > "$DOCS/release"
wait $RPID
check "reload-threads 2: every feed asked in the end" [ "$(grep -c '/stall/' "$HTTPD_LOG")" -eq 4 ]
rm -f "$DOCS/release"

# download-timeout: a feed dripping a byte a second fails in time.
echo "download-timeout 2" > "$CONF"
echo "$BASE/slow/s.xml" > "$T/urls"
start=$(date +%s)
timeout 50 "$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "download-timeout 2: the feed fails" [ $? -eq 1 ]
check "download-timeout 2: timed out" grep -q 'slow/s.xml: timed out' "$T/err"
check "download-timeout 2: well before gazette's 60 s" [ $(( $(date +%s) - start )) -lt 30 ]

# use-proxy/proxy: the request goes to the proxy with the whole URL.
cat > "$CONF" <<CFG
use-proxy yes
proxy 127.0.0.1:$PORT
proxy-type http
CFG
echo "http://feeds.invalid/feed/a.xml" > "$T/urls"
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "proxy: the request went to the proxy" grep -q '"path": "http://feeds.invalid/feed/a.xml"' "$HTTPD_LOG"
sed -i 's/use-proxy yes/use-proxy no/' "$CONF"
: > "$HTTPD_LOG"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "proxy: not with use-proxy no" [ ! -s "$HTTPD_LOG" ]

tap_done
