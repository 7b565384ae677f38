#!/bin/sh
# ui_lock.sh: marking articles in the interface while a refresh waits on
# a slow server.  The refresh (from cron, or R from inside) holds the
# database's write lock only while it writes, so N lands at once, while
# the slow feed is still downloading: no frozen screen, no lost change.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"
. "$srcdir/tests/ui_lib.sh"
# ui_lib.sh's trap replaced httpd-lib.sh's: stop both.
trap 'tm kill-server >/dev/null 2>&1; kill $HTTPD_PID 2>/dev/null; rm -rf "$T"' \
    EXIT

DB="$T/g.db"
mkfeed "$T/alpha.xml" alpha 3 60	# a ttl: listed, not fetched again
mkfeed "$DOCS/drip.xml" drip 20
printf 'file://%s/alpha.xml\n' "$T" > "$T/urls-alpha"
"$GAZETTE" -u "$T/urls-alpha" -d "$DB" refresh --quiet > "$T/out" 2>&1 ||
    { cat "$T/out" >&2; echo "Bail out! the first refresh failed"; exit 1; }
# The drip: headers at once, then two bytes a second (minutes).
DRIP="$BASE/drip/drip.xml @low-speed=0/0 @timeout=600"
printf 'file://%s/alpha.xml\n%s\n' "$T" "$DRIP" > "$T/urls-drip"


# drip_started N: wait until the server has seen N requests for the drip.
drip_started() {
	i=0
	while [ "$(requests /drip/drip.xml)" -lt "$1" ] && [ $i -lt 300 ]; do
		i=$((i + 1))
		sleep 0.05
	done
	[ "$(requests /drip/drip.xml)" -ge "$1" ]
}

# read_state GUID: "read" or "unread", as stored.
read_state() {
	"$GAZETTE" -d "$DB" list --json | grep "\"$1\"" |
	    grep -q '"read":true' && echo read || echo unread
}

ui_start 100 30 -- -u "$T/urls-drip" -d "$DB"
check "first screen" wait_for "Your feeds (3 unread, 3 total)"
keys Enter
check "the articles of alpha" wait_for "alpha item 1"

# cron: a refresh from outside, stuck on the drip.
"$GAZETTE" -u "$T/urls-drip" -d "$DB" refresh --quiet > "$T/drip.out" 2>&1 &
pid=$!
check "the outside refresh fetches the drip" drip_started 1
keys N
# Well under the 30 s the interface used to freeze for (generous for a
# loaded machine: a mark lands in milliseconds).
check "N marks the article read at once" wait_for "(2 unread" 20
check "while the outside refresh still downloads" kill -0 $pid
check "the mark is stored" [ "$(read_state alpha-3)" = read ]
check "no error on the status line" sh -c '! grep -qi "locked\|busy" "$1"' \
    sh "$T/screen"
kill $pid 2>/dev/null
wait $pid 2>/dev/null

# R from inside: the refresh child waits on the drip too.
keys q R
check "R fetches the drip" drip_started 2
keys Enter
wait_for "alpha item 1" >/dev/null
keys j N
check "N lands during R as well" wait_for "(1 unread" 20
check "no error on the status line then" sh -c '! grep -qi "locked\|busy" "$1"' \
    sh "$T/screen"
check "that mark is stored too" [ "$(read_state alpha-2)" = read ]
keys Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]

tap_done
