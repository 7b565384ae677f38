#!/bin/sh
# refresh-exec.sh: newsboat's exec: and filter: feeds.  exec:CMD runs the
# user's shell command and reads its output as the feed; filter:CMD:URL
# fetches URL (tests/httpd.py) and pipes it through CMD.  Limits as for
# HTTP (time, size), failures named with the exit status and stderr, the
# whole process group killed on a timeout, no zombie, no descriptor of
# gazette's in the command, commands run in parallel.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
U="$T/urls"
mkfeed "$T/local.xml" local 2
cat > "$DOCS/orig.xml" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Original feed</title>
<item><guid>o1</guid><title>Original item</title><link>rel/1</link></item>
</channel></rss>
EOF
mkfeed "$DOCS/big.xml" big 20000

# lines URL: the titles stored for one feed, one a line.
titles() {
	"$GAZETTE" -d "$DB" list --json --feed "$1" 2>/dev/null |
	    sed -n 's/.*"title":"\([^"]*\)".*/\1/p'
}

# 1. exec: the command's output is the feed; shell syntax works.
cat > "$U" <<EOF
"exec:cat '$T/local.xml' | sed 's/local item/exec item/'" mine
"exec:printf '<rss version=\"2.0\"><channel><title>fds</title><item><guid>f</guid><title>'; ls /proc/\$\$/fd; readlink /proc/\$\$/fd/0; printf '</title></item></channel></rss>'"
"exec:echo something went wrong >&2; exit 3"
"exec:true"
EOF
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "a failing command: exit 1" [ $? -eq 1 ]
check "exec: feed stored from the command's output" \
    [ "$(titles "exec:cat '$T/local.xml' | sed 's/local item/exec item/'" | grep -c 'exec item')" -eq 2 ]
FDS=$(titles "exec:printf '<rss version=\"2.0\"><channel><title>fds</title><item><guid>f</guid><title>'; ls /proc/\$\$/fd; readlink /proc/\$\$/fd/0; printf '</title></item></channel></rss>'")
check "the command holds only its stdin, stdout and stderr ($FDS)" \
    [ "$FDS" = "0 1 2 /dev/null" ]
check "exit status and stderr named" grep -q \
    'refresh: exec:echo something went wrong >&2; exit 3: command exited with status 3: something went wrong' "$T/err"
check "no output: not a feed, named" grep -q 'refresh: exec:true: .*not a feed' "$T/err"
check "summary counts the commands" grep -q \
    'refresh: 4 feeds: 2 fetched, 3 new articles, 0 not modified, 0 skipped, 2 failed' "$T/err"

# 2. A command that never ends is killed at @timeout, with everything it
# started (its process group); one that writes without end at the size
# cap.  Neither holds the refresh longer.
cat > "$U" <<EOF
"exec:echo \$\$ > '$T/pg1'; sleep 300 & sleep 300" @timeout=2
"exec:echo \$\$ > '$T/pg2'; echo '<rss version=\"2.0\"><channel>'; yes '<!-- more -->'" @max-size=1M
EOF
run_deadline 30 "$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "commands that do not end: exit 1, no hang" [ $? -eq 1 ]
check "timeout named" grep -q 'refresh: exec:echo .*pg1.*: timed out: the command ran for more than 2 seconds; killed' "$T/err"
check "size cap named" grep -q 'refresh: exec:echo .*pg2.*: larger than 1048576 bytes' "$T/err"
# group_gone FILE: the process group whose number FILE holds has no
# process left (FILE must have been written).
group_gone() {
	[ -s "$1" ] && wait_until 10 sh -c "! kill -0 -$(cat "$1") 2>/dev/null"
}
check "the timed-out command's process group is gone" group_gone "$T/pg1"
check "the endless writer's process group is gone" group_gone "$T/pg2"

# 3. No zombie: a command that ended is reaped while others still run.
cat > "$U" <<EOF
"exec:echo \$\$ > '$T/quick'; cat '$T/local.xml'"
"exec:sleep 6; cat '$T/local.xml'; : slow"
EOF
"$GAZETTE" -u "$U" -d "$T/z.db" refresh --quiet > "$T/out" 2> "$T/err" &
RPID=$!
wait_until 20 test -s "$T/quick"
QPID=$(cat "$T/quick")
reaped() {
	! ps -o stat= -p "$QPID" > /dev/null 2>&1
}
quick_reaped() {
	[ -n "$QPID" ] && wait_until 4 reaped
}
check "a finished command is reaped at once (no zombie)" quick_reaped
check "the refresh was still running then" kill -0 $RPID
wait $RPID
check "the slow one was stored too" [ $? -eq 0 ]
check "both stored" [ "$("$GAZETTE" -d "$T/z.db" list | wc -l)" -eq 4 ]

# 4. Parallel: eight commands of 2 seconds take far less than 16.
: > "$U"
for i in 1 2 3 4 5 6 7 8; do
	echo "\"exec:sleep 2; cat '$T/local.xml'; : $i\"" >> "$U"
done
START=$(date +%s)
"$GAZETTE" -u "$U" -d "$T/p.db" refresh --quiet > "$T/out" 2> "$T/err"
RC=$?
END=$(date +%s)
check "eight commands fetched" [ $RC -eq 0 ]
check "eight commands stored" [ "$("$GAZETTE" -d "$T/p.db" list | wc -l)" -eq 16 ]
check "they ran at once ($((END - START)) s for 8 x 2 s)" [ $((END - START)) -lt 10 ]

# 5. filter: the URL's document through the command; relative links
# resolve against the URL; the next run is a conditional GET.
F="filter:sed s/Original/Filtered/g:$BASE/feed/orig.xml"
cat > "$U" <<EOF
"$F"
"filter:exit 4:$BASE/feed/orig.xml"
"filter:cat:$BASE/status/404/x.xml"
"filter:cat '$T/local.xml':$BASE/feed/big.xml"
EOF
"$GAZETTE" -u "$U" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "filter: some failed: exit 1" [ $? -eq 1 ]
check "filter: feed stored from the command's output" \
    [ "$(titles "$F")" = "Filtered item" ]
check "filter: relative link resolved against the URL" sh -c \
    "'$GAZETTE' -d '$DB' list --json --feed '$F' | grep -q '\"link\":\"$BASE/feed/rel/1\"'"
check "filter: failing command named" grep -q \
    "refresh: filter:exit 4:$BASE/feed/orig.xml: command exited with status 4" "$T/err"
check "filter: HTTP error named" grep -q \
    "refresh: filter:cat:$BASE/status/404/x.xml: HTTP 404" "$T/err"
check "filter: a command that does not read its input: stored, no SIGPIPE" \
    [ "$(count_items "$DB" "filter:cat '$T/local.xml':$BASE/feed/big.xml")" -eq 2 ]
"$GAZETTE" -u "$U" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "filter: second run is a conditional GET (304)" \
    grep -q "\"path\": \"/feed/orig.xml\", \"if_none_match\": \"[^n]" "$HTTPD_LOG"
check "filter: not modified counted" grep -q '[1-9][0-9]* not modified' "$T/err"
check "filter: nothing lost on a 304" [ "$(titles "$F")" = "Filtered item" ]

# 6. One feed on the command line, as the interface's r does.
"$GAZETTE" -u "$U" -d "$T/one.db" refresh --force -- "$F" > "$T/out" 2>&1
check "refresh one filter: feed by its URL" \
    sh -c "'$GAZETTE' -d '$T/one.db' list | grep -q 'Filtered item'"

# 7. OPML never makes command feeds (the urls file is the user's own).
cat > "$T/in.opml" <<EOF
<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Cmd" xmlUrl="exec:touch $T/pwned"/>
<outline text="Filter" xmlUrl="filter:touch $T/pwned:$BASE/feed/orig.xml"/>
</body></opml>
EOF
"$GAZETTE" -u "$T/urls-opml" -d "$T/o.db" import "$T/in.opml" > "$T/out" 2>&1
"$GAZETTE" -u "$T/urls-opml" -d "$T/o.db" refresh > "$T/out" 2>&1
check "OPML import adds no exec:/filter: feed" \
    sh -c "! grep -qs 'exec:\|filter:' '$T/urls-opml'"
check "and nothing ran" [ ! -e "$T/pwned" ]

tap_done
