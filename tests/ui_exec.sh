#!/bin/sh
# ui_exec.sh: exec: feeds in the interface: R and r run the command (in
# the refresh the interface starts), its feed is listed with its
# articles, and a failing command is named as a failed feed, the screen
# untouched by what the command writes on its stderr.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
cat > "$T/gen" <<GEN
#!/bin/sh
n=\$(cat "$T/count" 2>/dev/null || echo 0)
n=\$((n + 1))
echo \$n > "$T/count"
echo '<rss version="2.0"><channel><title>Generated feed</title>'
i=1
while [ \$i -le \$n ]; do
	echo "<item><guid>g\$i</guid><title>Generated story \$i</title></item>"
	i=\$((i + 1))
done
echo '</channel></rss>'
GEN
chmod +x "$T/gen"
cat > "$U" <<URLS
"exec:$T/gen"
"exec:echo SCREEN-NOISE >&2; exit 9" "~Broken command"
URLS

ui_start 100 30 -- -u "$U" -d "$DB"
wait_for "Broken command" >/dev/null
keys R
check "R runs the exec: feed's command" wait_re "(1/1) Generated feed" 30
if wait_re "!.*Broken command" 30; then ok "the failing command's feed is marked failed"
else show; fail "the failing command's feed is marked failed"; fi
check "its stderr never reached the screen" sh -c "! grep -q SCREEN-NOISE '$T/screen'"
# The refresh's summary comes once the lists are read again: a key typed
# while that takes long (ASan) is dropped, as any key during a stall.
wait_for "2 feeds: 1 fetched" >/dev/null
keys Down
keys e
check "e shows the exit status and stderr" \
    wait_for "command exited with status 9: SCREEN-NOISE"
keys Home
keys r
check "r runs it again" wait_re "(2/2) Generated feed" 30
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
tap_done
