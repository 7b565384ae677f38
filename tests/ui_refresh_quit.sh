#!/bin/sh
# ui_refresh_quit.sh: a refresh started from the interface outlives it.
# Quitting while a feed is still downloading (tests/httpd.py /hold/ keeps
# the transfer open until the test lets it finish) leaves the refresh
# running: it survives the terminal going away and writing to the pipe
# nobody reads any more, stores the feeds, and leaves no temporary file
# in TMPDIR.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
command -v pgrep >/dev/null 2>&1 || skip_all "pgrep is not installed"
trap 'tm kill-server >/dev/null 2>&1; kill $HTTPD_PID 2>/dev/null;
    rm -rf "$T"' EXIT

DB="$T/g.db"
URLS="$T/urls"
TMP="$T/tmp"
mkdir -p "$TMP"
# No stall limit: the transfers wait on the test, not on the network.
SET='@low-speed=0/0 @timeout=300'

# until SECONDS CMD...: run CMD until it succeeds; 1 at the deadline.
until_ok() {
	deadline=$(( $(date +%s) + $1 ))
	shift
	until "$@"; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

has_items() {
	[ "$(count_items "$DB" "$BASE/hold/$1")" -eq "$2" ]
}

seen() {
	[ "$(requests "/hold/$1")" -ge "$2" ]
}

# The refresh child names the database on its command line.
refresh_gone() {
	! pgrep -f -- "-d $DB refresh" >/dev/null
}

tmp_empty() {
	[ -z "$(ls -A "$TMP")" ]
}

feed_failed() {
	python3 - "$DB" "$BASE/hold/$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
row = db.execute("SELECT last_error FROM feeds WHERE url = ?",
                 (sys.argv[2],)).fetchone()
sys.exit(0 if row is not None and row[0] is not None else 1)
EOF
}

mkfeed "$DOCS/a.xml" a 2
mkfeed "$DOCS/b.xml" b 2
touch "$DOCS/a.xml.go" "$DOCS/b.xml.go"
printf '%s/hold/a.xml %s\n%s/hold/b.xml %s\n' "$BASE" "$SET" "$BASE" \
    "$SET" > "$URLS"
"$GAZETTE" -u "$URLS" -d "$DB" refresh --quiet ||
    { echo "Bail out! the first refresh failed"; exit 1; }

# r, then q while the feed is half sent.
rm -f "$DOCS"/*.go
mkfeed "$DOCS/a.xml" a 5
ui_start 100 30 TMPDIR="$TMP" -- -u "$URLS" -d "$DB"
check "first screen" wait_for "Your feeds (4 unread, 4 total)"
keys r
check "r starts fetching the feed" until_ok 30 seen a.xml 2
keys q
st=$(wait_exit)
check "q quits at once ($st)" [ "$st" = 0 ]
touch "$DOCS/a.xml.go"
# Nothing else opens the database until the refresh has ended: a clean
# exit then leaves no WAL (the last connection copies it into the
# database and deletes it), a death on the way out (SIGPIPE at the
# summary line) leaves it behind.
check "the refresh ends" until_ok 60 refresh_gone
check "the refresh closed the database cleanly" [ ! -e "$DB-wal" ]
check "the refresh went on after q and stored the feed" has_items a.xml 5
check "no temporary file is left in TMPDIR" tmp_empty

# R, then q; a feed fails after the interface has gone (its error goes
# to a pipe nobody reads), and the refresh still stores the next one.
rm -f "$DOCS"/*.go
touch "$DOCS/a.xml.go"
mkfeed "$DOCS/b.xml" b 4
printf 'not a feed\n' > "$DOCS/bad.txt"
printf '%s/hold/bad.txt %s\n' "$BASE" "$SET" >> "$URLS"
ui_start 100 30 TMPDIR="$TMP" -- -u "$URLS" -d "$DB"
check "second start" wait_for "Your feeds (7 unread, 7 total)"
keys R
both_started() {
	seen bad.txt 1 && seen b.xml 2
}
check "R starts fetching every feed" until_ok 30 both_started
keys q
st=$(wait_exit)
check "q quits at once again ($st)" [ "$st" = 0 ]
touch "$DOCS/bad.txt.go"
check "the failure after q is recorded" until_ok 60 feed_failed bad.txt
touch "$DOCS/b.xml.go"
check "the refresh ends again" until_ok 60 refresh_gone
check "it closed the database cleanly again" [ ! -e "$DB-wal" ]
check "it outlived the closed pipe and stored the next feed" \
    has_items b.xml 4
check "TMPDIR is still empty" tmp_empty

tap_done
