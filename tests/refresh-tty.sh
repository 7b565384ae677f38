#!/bin/sh
# refresh-tty.sh: on a terminal (a private tmux server) gazette refresh
# shows one live progress line, then the summary in its place.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

SOCK=gz$$
export TMUX_TMPDIR="$T"
unset TMUX
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; kill $HTTPD_PID 2>/dev/null; rm -rf "$T"' EXIT

mkfeed "$DOCS/a.xml" a 3
mkfeed "$DOCS/s.xml" s 3
cat > "$T/urls" <<URLS
$BASE/feed/a.xml
$BASE/slow/s.xml @low-speed=0/0 @timeout=6
$BASE/status/404/x.xml
URLS
cat > "$T/run.sh" <<RUN
#!/bin/sh
'$GAZETTE' -u '$T/urls' -d '$T/db' refresh
echo "exit=\$?"
sleep 30
RUN
chmod +x "$T/run.sh"
env -i PATH="$PATH" LC_ALL=C.UTF-8 TERM=screen HOME="$HOME" \
    TMUX_TMPDIR="$T" tmux -L "$SOCK" -f /dev/null new-session -d \
    -x 120 -y 20 "$T/run.sh"

# wait_for TEXT SECONDS: poll the pane (no bare sleeps as synchronisation).
wait_for() {
	deadline=$(( $(date +%s) + $2 ))
	while :; do
		tmux -L "$SOCK" capture-pane -p > "$T/screen" 2>/dev/null
		grep -qF -- "$1" "$T/screen" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

check "a live progress line while the slow feed runs" \
    wait_for "refresh: 2/3 feeds, 3 new articles, 1 failed" 10
check "the failing feed is named above the progress line" \
    grep -q "status/404/x.xml: HTTP 404" "$T/screen"
check "the summary replaces the progress line at the end" \
    wait_for "refresh: 3 feeds: 1 fetched, 3 new articles, 0 not modified, 0 skipped, 2 failed" 15
check "no progress line is left behind" \
    sh -c "! grep -q '2/3 feeds' '$T/screen'"
check "exit 1 (feeds failed)" wait_for "exit=1" 10

# Eight feeds stored one right after another, the updates after the
# first less than 100 ms apart: while the slow feed runs, the line must
# count every feed done, not stop at the last one the limit let through.
tmux -L "$SOCK" kill-server >/dev/null 2>&1
{
	printf '%s\n' "$BASE/slow/s.xml @low-speed=0/0 @timeout=6"
	printf '%s\n' "$BASE/status/404/x.xml"
	for i in 1 2 3 4 5 6 7 8; do
		mkfeed "$DOCS/b$i.xml" b$i 3
		printf '%s\n' "$BASE/feed/b$i.xml"
	done
} > "$T/urls"
rm -f "$T/db" "$T/db-wal" "$T/db-shm" "$T/db-search"*
env -i PATH="$PATH" LC_ALL=C.UTF-8 TERM=screen HOME="$HOME" \
    TMUX_TMPDIR="$T" tmux -L "$SOCK" -f /dev/null new-session -d \
    -x 120 -y 20 "$T/run.sh"
check "the line counts every feed done while the slow one runs" \
    wait_for "refresh: 9/10 feeds, 24 new articles, 1 failed" 10
check "then the summary" \
    wait_for "refresh: 10 feeds: 8 fetched, 24 new articles, 0 not modified, 0 skipped, 2 failed" 15

tap_done
