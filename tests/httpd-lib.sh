# httpd-lib.sh: start tests/httpd.py for a shell test (source after lib.sh).
# Sets DOCS (serve files from here), HTTPD_LOG, PORT and BASE
# (http://127.0.0.1:PORT); the server is killed when the test exits.
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
DOCS="$T/docs"
HTTPD_LOG="$T/httpd.log"
mkdir -p "$DOCS"
python3 "$srcdir/tests/httpd.py" --docs "$DOCS" --port-file "$T/port" \
    --log "$HTTPD_LOG" 2> "$T/httpd.err" &
HTTPD_PID=$!
trap 'kill $HTTPD_PID 2>/dev/null; rm -rf "$T"' EXIT
# Wait for the port file, with a deadline (no bare sleeps).
i=0
while [ ! -s "$T/port" ]; do
	i=$((i + 1))
	if [ $i -gt 200 ] || ! kill -0 $HTTPD_PID 2>/dev/null; then
		cat "$T/httpd.err" >&2
		echo "Bail out! tests/httpd.py did not start"
		exit 1
	fi
	sleep 0.05
done
PORT=$(cat "$T/port")
BASE="http://127.0.0.1:$PORT"

# mkfeed FILE NAME N [TTL]: an RSS 2.0 document with N items NAME-1..NAME-N.
mkfeed() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<rss version="2.0"><channel>'
		echo "<title>Feed $2</title><link>http://example.org/$2</link>"
		[ -n "$4" ] && echo "<ttl>$4</ttl>"
		n=1
		while [ $n -le "$3" ]; do
			echo "<item><guid>$2-$n</guid><title>$2 item $n</title>"
			echo "<link>http://example.org/$2/$n</link>"
			echo "<description>Text of $2 number $n, with some words to make it longer than a line.</description></item>"
			n=$((n + 1))
		done
		echo '</channel></rss>'
	} > "$1"
}

# count_items DB URL: articles stored for one feed.
count_items() {
	"$GAZETTE" -d "$1" list --json --feed "$2" 2>/dev/null | grep -c '"guid"'
}

# requests PATH: how many times the server saw PATH.
requests() {
	grep -c "\"path\": \"$1\"" "$HTTPD_LOG"
}
