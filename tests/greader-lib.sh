# greader-lib.sh: start tests/greader.py for a shell test (source after
# lib.sh).  Sets GR_PORT, GR_API (the freshrss-url, or the service's
# root), GR_PID; ctl PATH
# [JSON] talks to its control endpoint; gr_config writes a sync config.
# The server is killed when the test exits.
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
GR_PASSWORD='s3cret-api'

# sql DB QUERY: the rows of QUERY, fields joined by "|" (python3's
# sqlite3 module: the sqlite3 tool is not needed).
sql() {
	python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))
db.commit()' "$1" "$2"
}

# GR_SERVICE (freshrss by default), GR_APP_ID, GR_APP_KEY: how the
# server behaves (tests/greader.py --service).
gr_start() {
	rm -f "$T/gr.port"
	python3 "$srcdir/tests/greader.py" --port-file "$T/gr.port" \
	    --password "$GR_PASSWORD" --service "${GR_SERVICE:-freshrss}" \
	    --app-id "${GR_APP_ID:-}" --app-key "${GR_APP_KEY:-}" \
	    2> "$T/gr.err" &
	GR_PID=$!
	if ! wait_until 60 test -s "$T/gr.port"; then
		cat "$T/gr.err" >&2
		echo "Bail out! tests/greader.py did not start"
		exit 1
	fi
	GR_PORT=$(cat "$T/gr.port")
	GR_API="http://127.0.0.1:$GR_PORT/api/greader.php"
	[ "${GR_SERVICE:-freshrss}" = freshrss ] ||
		GR_API="http://127.0.0.1:$GR_PORT"
}
gr_start
trap 'kill $GR_PID 2>/dev/null; [ -n "$HTTPD_PID" ] && kill $HTTPD_PID 2>/dev/null; rm -rf "$T"' EXIT

# ctl PATH [JSON]: POST JSON (GET without) to /control/PATH; prints the
# answer.
ctl() {
	python3 - "http://127.0.0.1:$GR_PORT/control/$1" "$2" <<'PY'
import sys, urllib.request
data = sys.argv[2].encode() if sys.argv[2] else None
with urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=data),
                            timeout=30) as r:
    sys.stdout.write(r.read().decode())
PY
}

# gr_items FILTER: the server's articles, one "title read starred" a line,
# of those whose title starts with FILTER.
gr_items() {
	ctl dump | python3 -c '
import json, sys
for it in json.load(sys.stdin)["items"]:
    if it["title"].startswith(sys.argv[1]):
        print(it["title"], int(it["read"]), int(it["starred"]))' "$1"
}

# gr_config [EXTRA LINES]: the config of a sync with this server (every
# article pulled: freshrss-min-items 0).
gr_config() {
	mkdir -p "$XDG_CONFIG_HOME/gazette"
	printf '%s\n' "$GR_PASSWORD" > "$T/pw"
	chmod 600 "$T/pw"
	{
		echo 'urls-source "freshrss"'
		echo "freshrss-url \"$GR_API\""
		echo 'freshrss-login "alice"'
		echo "freshrss-passwordfile \"$T/pw\""
		echo 'freshrss-flag-star "s"'
		echo 'freshrss-min-items 0'
		for l in "$@"; do echo "$l"; done
	} > "$XDG_CONFIG_HOME/gazette/config"
}

# local_state TITLE: "read flagged" of the local article titled TITLE.
local_state() {
	"$GAZETTE" list --json | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if d["title"] == sys.argv[1]:
        print(int(d["read"]), int(d["flagged"]))' "$1"
}

# guid_of TITLE: the guid of the local article titled TITLE.
guid_of() {
	"$GAZETTE" list --json | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if d["title"] == sys.argv[1]:
        print(d["guid"])' "$1"
}
