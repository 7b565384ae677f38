# nginx.sh: serve a directory over HTTP on 127.0.0.1 with Debian's nginx,
# for the refresh benchmarks (sourced by bench/refresh, bench/refresh-wait).
#
#   nginx_setup WORK ROOT [gzip]	private config under WORK/nginx serving
#				ROOT on a free port: sets NGINX, port; with
#				"gzip", nginx compresses what it sends to a
#				client that accepts it (gzip on, as most
#				servers do)
#   nginx_start			(re)start it, wait until it answers: nginx_pid
#   nginx_stop
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
nginx_pid=

nginx_setup() {
	nginx_work=$1
	nginx_gzip=
	[ "${3:-}" = gzip ] && nginx_gzip="gzip on; gzip_types application/xml application/json; gzip_min_length 256;"
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$nginx_work/nginx/logs" "$nginx_work/nginx/tmp"
	cat > "$nginx_work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $nginx_work/nginx/nginx.pid;
error_log $nginx_work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $nginx_work/nginx/tmp;
	proxy_temp_path $nginx_work/nginx/tmp;
	fastcgi_temp_path $nginx_work/nginx/tmp;
	uwsgi_temp_path $nginx_work/nginx/tmp;
	scgi_temp_path $nginx_work/nginx/tmp;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	types { application/xml xml; }
	$nginx_gzip
	server {
		listen 127.0.0.1:$port;
		root $2;
		etag on;
	}
}
EOF
}

nginx_stop() {
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
	nginx_pid=
}

# nginx_start PROBE: PROBE is a path under ROOT that must answer.
nginx_start() {
	nginx_stop
	"$NGINX" -c "$nginx_work/nginx/nginx.conf" -p "$nginx_work/nginx" \
	    -g 'daemon off;' &
	nginx_pid=$!
	i=0
	until curl -sf -o /dev/null "http://127.0.0.1:$port/$1"; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "bench: nginx did not start" >&2; exit 1; }
		sleep 0.1
	done
}
