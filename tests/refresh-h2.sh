#!/bin/sh
# refresh-h2.sh: HTTP/2 on 127.0.0.1, served by Debian's nginx-light.
#
# libcurl offers h2 only inside TLS (ALPN), and gazette verifies every
# certificate against the CA bundle libcurl was built with (Debian:
# /etc/ssl/certs/ca-certificates.crt; libcurl reads no environment
# variable for it: SSL_CERT_FILE and CURL_CA_BUNDLE are honoured by the
# curl tool, not the library).  So gazette is left exactly as users run
# it, and the test changes the world around it instead: it makes its own
# CA, and runs gazette in a private mount namespace (unshare) where a
# bundle holding only that CA is bind-mounted over the system's path.
# Nothing outside that one process tree sees the test CA.  A second
# server with a certificate the CA did not sign shows that verification
# is still on.
#
# Skipped when nginx, openssl or a private mount namespace is unavailable.
. "$srcdir/tests/lib.sh"

PATH="$PATH:/usr/sbin:/sbin"
command -v nginx >/dev/null 2>&1 ||
    skip_all "nginx is not installed (Debian package nginx-light)"
command -v openssl >/dev/null 2>&1 ||
    skip_all "openssl is not installed (Debian package openssl)"
command -v unshare >/dev/null 2>&1 || skip_all "unshare is not installed"
BUNDLE=$(curl-config --ca 2>/dev/null)
[ -n "$BUNDLE" ] || BUNDLE=/etc/ssl/certs/ca-certificates.crt
[ -f "$BUNDLE" ] || skip_all "no CA bundle at $BUNDLE"

# private CMD...: CMD with the test CA bind-mounted over $BUNDLE.
if [ "$(id -u)" -eq 0 ]; then
	set -- unshare --mount --propagation private
else
	set -- unshare --user --map-root-user --mount
fi
UNSHARE="$*"
private() {
	$UNSHARE sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' \
	    "$T/ca.pem" "$BUNDLE" "$@"
}

# A CA, a certificate it signs for 127.0.0.1, and one it does not.
cat > "$T/leaf.ext" <<'EOF'
subjectAltName = IP:127.0.0.1
basicConstraints = CA:FALSE
EOF
{
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
	    -subj "/CN=gazette test CA" -keyout "$T/ca.key" -out "$T/ca.pem" &&
	openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
	    -keyout "$T/good.key" -out "$T/good.csr" &&
	openssl x509 -req -in "$T/good.csr" -CA "$T/ca.pem" \
	    -CAkey "$T/ca.key" -CAcreateserial -days 2 \
	    -extfile "$T/leaf.ext" -out "$T/good.pem" &&
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
	    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
	    -keyout "$T/bad.key" -out "$T/bad.pem"
} > "$T/openssl.log" 2>&1 ||
    { cat "$T/openssl.log" >&2; echo "Bail out! openssl failed"; exit 1; }
private true 2> "$T/unshare.err" ||
    skip_all "no private mount namespace here ($(head -1 "$T/unshare.err"))"

DOCS="$T/docs"
mkdir -p "$DOCS" "$T/nginx/tmp"
N=6
i=1
while [ $i -le $N ]; do
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo "<rss version=\"2.0\"><channel><title>H2 $i</title>"
		k=1
		while [ $k -le 40 ]; do
			echo "<item><guid>h$i-$k</guid><title>h2 feed $i item $k</title>"
			echo "<description>Text of item $k, long enough to be worth compressing.</description></item>"
			k=$((k + 1))
		done
		echo '</channel></rss>'
	} > "$DOCS/feed$i.xml"
	i=$((i + 1))
done
cp "$DOCS/feed1.xml" "$DOCS/untrusted.xml"

# nginx cannot bind port 0: take two free ports, retry if one is lost.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
NGINX_PID=
trap '[ -n "$NGINX_PID" ] && kill $NGINX_PID 2>/dev/null; rm -rf "$T"' EXIT
tries=0
while :; do
	P1=$(free_port)
	P2=$(free_port)
	cat > "$T/nginx/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 64; }
http {
	log_format t '\$request_uri \$server_protocol \$connection \$status \$sent_http_content_encoding';
	access_log $T/nginx/access.log t;
	client_body_temp_path $T/nginx/tmp;
	proxy_temp_path $T/nginx/tmp;
	fastcgi_temp_path $T/nginx/tmp;
	uwsgi_temp_path $T/nginx/tmp;
	scgi_temp_path $T/nginx/tmp;
	types { application/xml xml; }
	gzip on;
	gzip_types application/xml;
	server {
		listen 127.0.0.1:$P1 ssl http2;
		ssl_certificate $T/good.pem;
		ssl_certificate_key $T/good.key;
		root $DOCS;
	}
	server {
		listen 127.0.0.1:$P2 ssl http2;
		ssl_certificate $T/bad.pem;
		ssl_certificate_key $T/bad.key;
		root $DOCS;
	}
}
EOF
	nginx -e "$T/nginx/error.log" -c "$T/nginx/nginx.conf" \
	    -p "$T/nginx" -g 'daemon off;' 2>> "$T/nginx/stderr" &
	NGINX_PID=$!
	n=0
	while [ ! -s "$T/nginx/nginx.pid" ] && kill -0 $NGINX_PID 2>/dev/null &&
	    [ $n -lt 100 ]; do
		n=$((n + 1))
		sleep 0.05
	done
	[ -s "$T/nginx/nginx.pid" ] && kill -0 $NGINX_PID 2>/dev/null && break
	tries=$((tries + 1))
	if [ $tries -ge 5 ]; then
		cat "$T/nginx/error.log" "$T/nginx/stderr" >&2
		echo "Bail out! nginx did not start"
		exit 1
	fi
done

DB="$T/g.db"
: > "$T/urls"
i=1
while [ $i -le $N ]; do
	echo "https://127.0.0.1:$P1/feed$i.xml" >> "$T/urls"
	i=$((i + 1))
done
echo "https://127.0.0.1:$P2/untrusted.xml" >> "$T/urls"

private "$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
rc=$?
[ $rc -eq 1 ] || sed 's/^/# /' "$T/err"
check "exit 1: the untrusted server fails" [ $rc -eq 1 ]
check "every feed on the trusted server is stored" \
    grep -q "refresh: 7 feeds: $N fetched, $((N * 40)) new articles, 0 not modified, 0 skipped, 1 failed" "$T/err"
check "the untrusted certificate is named as the reason" \
    grep -q "refresh: https://127.0.0.1:$P2/untrusted.xml: .*certificate" "$T/err"
check "nginx saw every feed asked for" \
    [ "$(grep -c '^/feed[0-9]*\.xml ' "$T/nginx/access.log")" -eq $N ]
check "every request was HTTP/2" \
    sh -c "! grep '^/feed' '$T/nginx/access.log' | grep -qv ' HTTP/2.0 '"
check "the requests shared one connection (multiplexed)" \
    [ "$(grep '^/feed' "$T/nginx/access.log" | cut -d' ' -f3 | sort -u | wc -l)" -eq 1 ]
check "bodies came gzip-compressed over HTTP/2" \
    [ "$(grep -c '^/feed.* 200 gzip$' "$T/nginx/access.log")" -eq $N ]
check "the untrusted server never got a request" \
    sh -c "! grep -q '^/untrusted' '$T/nginx/access.log'"
check "stored text intact" \
    sh -c "'$GAZETTE' -d '$DB' list --feed 'https://127.0.0.1:$P1/feed3.xml' | grep -q 'h2 feed 3 item 40'"

# Warm: conditional GET over HTTP/2, nothing changed.
: > "$T/nginx/access.log"
private "$GAZETTE" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "warm refresh: every feed not modified" \
    grep -q "refresh: 7 feeds: 0 fetched, 0 new articles, $N not modified" "$T/err"
check "warm refresh: 304s over HTTP/2" \
    [ "$(grep -c '^/feed[0-9]*\.xml HTTP/2.0 [0-9]* 304' "$T/nginx/access.log")" -eq $N ]

# Outside the private namespace the test CA is unknown: same failure
# for every feed, as for any user whose CAs did not sign it.
"$GAZETTE" -u "$T/urls" -d "$T/g2.db" refresh --force > "$T/out" 2> "$T/err"
check "without the test CA every feed fails verification" \
    [ "$(grep -c 'certificate' "$T/err")" -eq $((N + 1)) ]

tap_done
