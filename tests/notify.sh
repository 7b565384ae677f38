#!/bin/sh
# notify.sh: newsboat's notify-program, notify-format and notify-always
# after gazette refresh and after R in the interface: a real program
# gets the message as its last argument, and only after a refresh that
# brought new articles unless notify-always.
. "$srcdir/tests/lib.sh"

DB="$T/g.db"
URLS="$T/urls"
# feed NAME N: a local feed with N articles.
feed() {
	{
		echo "<rss version=\"2.0\"><channel><title>$1</title>"
		i=1
		while [ "$i" -le "$2" ]; do
			echo "<item><title>$1 $i</title><guid>$1-$i</guid></item>"
			i=$((i + 1))
		done
		echo '</channel></rss>'
	} > "$T/$1.xml"
}
feed a 2
feed b 0
printf 'file://%s/a.xml\nfile://%s/b.xml\n' "$T" "$T" > "$URLS"

# The notifier appends its arguments, one a line, then a separator.
cat > "$T/notifier" <<EOF2
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >> "$T/log"
echo -- >> "$T/log"
EOF2
chmod +x "$T/notifier"
# calls: how many times the notifier ran.
calls() {
	grep -c '^--$' "$T/log" 2>/dev/null || echo 0
}

printf 'notify-program "%s"\n' "$T/notifier" > "$T/config"
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet
check "refresh: exit 0" [ $? -eq 0 ]
check "new articles: the program ran" wait_until 15 sh -c "grep -q '^--\$' '$T/log'"
check "new articles: newsboat's message, as one argument" \
    [ "$(head -n 2 "$T/log")" = "gazette: finished reload, 1 unread feeds (2 unread articles total)
--" ]

# Nothing new: no notification; notify-always: one anyway.
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet
printf 'notify-always yes\nnotify-format "always: %%d new"\n' >> "$T/config"
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet
check "notify-always: the program ran" wait_until 15 sh -c "[ \$(grep -c '^--\$' '$T/log') -ge 2 ]"
sleep 1
check "nothing new: no notification (2 calls in 3 refreshes)" [ "$(calls)" -eq 2 ]
check "notify-always: its format" [ "$(sed -n 3p "$T/log")" = "always: 0 new" ]

# notify-format with every key: new articles in two feeds.
feed a 5
feed b 1
cat > "$T/config" <<EOF2
notify-program "$T/notifier"
notify-format "%d new in %D feeds; %n unread in %f feeds; 100%%"
EOF2
: > "$T/log"
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet
check "notify-format: the program ran" wait_until 15 sh -c "grep -q '^--\$' '$T/log'"
check "notify-format: %d %D %n %f %%" \
    [ "$(head -n 1 "$T/log")" = "4 new in 2 feeds; 6 unread in 2 feeds; 100%" ]

# Shell syntax (~/): run by sh -c with the message as "$1".
mkdir -p "$HOME/bin"
cp "$T/notifier" "$HOME/bin/n.sh"
printf 'notify-program "~/bin/n.sh"\nnotify-always yes\n' > "$T/config"
: > "$T/log"
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet
check "~/: the program ran" wait_until 15 sh -c "grep -q '^--\$' '$T/log'"
check "~/: the message as one argument" \
    [ "$(head -n 2 "$T/log")" = "gazette: finished reload, 2 unread feeds (6 unread articles total)
--" ]

# A program that cannot run: said, the refresh still counts as done.
printf 'notify-program "%s/nonexistent"\nnotify-always yes\n' "$T" > "$T/config"
"$GAZETTE" -c "$T/config" -d "$DB" -u "$URLS" refresh --quiet 2> "$T/err"
check "missing program: exit 0" [ $? -eq 0 ]
check "missing program: said" grep -q "notify-program: cannot run $T/nonexistent" "$T/err"

# In the interface: R's refresh notifies too.
if command -v tmux >/dev/null 2>&1; then
	. "$srcdir/tests/ui_lib.sh"
	feed a 7
	printf 'notify-program "%s"\n' "$T/notifier" > "$T/config"
	: > "$T/log"
	ui_start 100 20 -- -c "$T/config" -d "$DB" -u "$URLS"
	wait_for "Your feeds" >/dev/null || { show; fail "ui: starts"; }
	keys R
	check "ui: R with new articles ran the program" \
	    wait_until 30 sh -c "grep -q '^--\$' '$T/log'"
	check "ui: its message" [ "$(head -n 1 "$T/log")" = \
	    "gazette: finished reload, 2 unread feeds (8 unread articles total)" ]
	keys Q
	wait_exit 30 >/dev/null

	# notify-beep: the terminal's bell (tmux's alert-bell hook sees it).
	feed a 9
	printf 'notify-beep yes\n' > "$T/config"
	ui_start 100 20 -- -c "$T/config" -d "$DB" -u "$URLS"
	tm set-option -g bell-action any >/dev/null
	tm set-hook -g alert-bell "run-shell 'touch $T/rang'"
	wait_for "Your feeds" >/dev/null || { show; fail "ui: starts"; }
	check "notify-beep: no bell before" [ ! -e "$T/rang" ]
	keys R
	check "notify-beep: R with new articles rang the bell" \
	    wait_until 30 test -e "$T/rang"
	keys Q
	wait_exit 30 >/dev/null
else
	ok "ui: skipped, no tmux # SKIP"
fi

tap_done
