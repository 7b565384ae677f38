#!/bin/sh
# sync-http.sh: the fetch settings apply to the requests of a sync:
# use-proxy/proxy/proxy-type/proxy-auth, proxy-auth-method, cookie-cache,
# user-agent, download-timeout, download-retries (tests/greader.py
# serves as the proxy too).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/greader-lib.sh"
stat_of() {
	ctl stats | python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$1"
}

ctl feed '{"url": "http://a.example/feed", "title": "Feed A"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 3, "prefix": "A"}' > /dev/null
gr_config 'user-agent "SyncTester/1.0"' 'use-proxy yes' \
    "proxy 127.0.0.1:$GR_PORT" 'proxy-type http' 'proxy-auth "pu:pp"' \
    'proxy-auth-method basic'
# The server is named by a host that does not resolve: only the proxy
# reaches it.
sed -i 's#^freshrss-url .*#freshrss-url "http://sync.invalid/api/greader.php"#' \
    "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "through the proxy: exit 0" [ $? -eq 0 ]
check "every article" [ "$("$GAZETTE" list --json | wc -l)" -eq 3 ]
check "the requests went to the proxy" [ "$(stat_of proxied)" -ge 3 ]
check "with proxy-auth, sent at once with proxy-auth-method basic" [ "$(stat_of proxy_auth)" = "Basic $(printf pu:pp | base64)" ]
check "user-agent" [ "$(stat_of agent)" = "SyncTester/1.0" ]

# proxy-auth-method: the proxy asks for Digest.
ctl mode '{"mode": "proxy_digest"}' > /dev/null
gr_config 'use-proxy yes' "proxy 127.0.0.1:$GR_PORT" 'proxy-type http' \
    'proxy-auth "proxyuser:proxypass"' 'proxy-auth-method basic'
sed -i 's#^freshrss-url .*#freshrss-url "http://sync.invalid/api/greader.php"#' \
    "$XDG_CONFIG_HOME/gazette/config"
rm -f "$T/data/gazette/greader-token"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "proxy-auth-method basic: a Digest proxy refuses it: exit 1" [ $? -eq 1 ]
check "says HTTP 407" grep -q "HTTP 407" "$T/err"
sed -i 's/^proxy-auth-method basic/proxy-auth-method digest/' \
    "$XDG_CONFIG_HOME/gazette/config"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "proxy-auth-method digest: through the proxy, exit 0" [ $? -eq 0 ]
check "Proxy-Authorization: Digest" [ "$(stat_of proxy_auth | cut -d' ' -f1)" = Digest ]
ctl mode '{"mode": "up"}' > /dev/null

# cookie-cache: the cookie the server sets at login is kept in the file
# and sent back.
ctl mode '{"mode": "cookie"}' > /dev/null
gr_config "cookie-cache \"$T/cookies.txt\""
rm -f "$T/data/gazette/greader-token"
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "cookie-cache: exit 0" [ $? -eq 0 ]
check "the server's cookie is sent back" [ "$(stat_of cookie)" = "grsession=abc123" ]
check "and kept in the file" grep -q "grsession" "$T/cookies.txt"
ctl mode '{"mode": "up"}' > /dev/null

# max-download-speed: a first sync of about 40 KB at 4 KiB/s takes
# seconds (a lower bound only: a loaded machine makes it slower, never
# faster).
ctl items '{"feed": "http://a.example/feed", "count": 60, "prefix": "S"}' > /dev/null
gr_config 'max-download-speed 4'
export XDG_DATA_HOME="$T/data-speed"
b0=$(stat_of bytes_out)
start=$(date +%s)
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
rc=$?
took=$(( $(date +%s) - start ))
kb=$(( ($(stat_of bytes_out) - b0) / 1024 ))
check "max-download-speed: exit 0" [ $rc -eq 0 ]
check "every article" [ "$("$GAZETTE" list --json | wc -l)" -eq 63 ]
check "$kb KiB at 4 KiB/s took $took s" \
    sh -c "[ $kb -ge 30 ] && [ $took -ge $(( kb / 4 - 3 )) ]"
export XDG_DATA_HOME="$T/data"

# download-timeout: a server that never answers.
gr_config 'download-timeout 2' 'download-retries 1'
"$GAZETTE" refresh --quiet
ctl mode '{"mode": "stall"}' > /dev/null
start=$(date +%s)
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
rc=$?
took=$(( $(date +%s) - start ))
ctl mode '{"mode": "up"}' > /dev/null
check "download-timeout: exit 1" [ $rc -eq 1 ]
check "says it timed out" grep -q "server $GR_API: .*[Tt]imeout\|timed out" "$T/err"
check "within the timeout, not libcurl's 120 s ($took s)" [ "$took" -lt 60 ]

# download-retries: a GET with no answer is sent again.
gr_config 'download-retries 3'
ctl mode '{"mode": "down"}' > /dev/null
n0=$(stat_of requests)
"$GAZETTE" refresh > "$T/out" 2> "$T/err"
check "no answer: exit 1" [ $? -eq 1 ]
n1=$(stat_of requests)
ctl mode '{"mode": "up"}' > /dev/null
check "download-retries 3: three attempts" [ $((n1 - n0)) -eq 3 ]
tap_done
