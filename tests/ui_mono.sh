#!/bin/sh
# ui_mono.sh: without colour (NO_COLOR, or a terminal that has none) the
# focused row is drawn in reverse video, whatever attributes the config
# gives it: "color listfocus yellow blue bold" alone would leave only
# bold, which hardly shows where the cursor is.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
"$FILL" "$DB" 3 30 || { echo "Bail out! ui_fill failed"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/gazette"
cat > "$XDG_CONFIG_HOME/gazette/config" <<'CONF'
color listfocus yellow blue bold
color listfocus_unread yellow blue bold
CONF
ESC=$(printf '\033')

# reversed N: row N of the list (numbered "   N " on screen) is drawn
# in reverse video.  capture-pane -e writes an SGR sequence only where
# the attributes change, carried over from line to line, so the state
# is followed from the top of the pane to the row's first cell.
reversed() {
	tm capture-pane -p > "$T/plain"
	tm capture-pane -p -e > "$T/esc"
	at=$(grep -n "^ *$1 " "$T/plain" | head -n 1 | cut -d: -f1)
	[ -n "$at" ] || return 1
	sed -n "${at}p" "$T/esc" > "$T/row"
	awk -v row="$at" -v esc="$ESC" '
	{
		s = $0
		while (s != "" && !seen) {
			if (substr(s, 1, 2) == esc "[") {
				j = 3
				while (substr(s, j, 1) ~ /[0-9;]/)
					j++
				if (substr(s, j, 1) == "m") {
					n = split(substr(s, 3, j - 3), p, ";")
					if (n == 0)
						rev = 0
					for (i = 1; i <= n; i++) {
						if (p[i] == "" || p[i] + 0 == 0)
							rev = 0
						else if (p[i] == 7)
							rev = 1
						else if (p[i] == 27)
							rev = 0
						else if (p[i] == 38 || p[i] == 48)
							i += p[i + 1] == 5 ? 2 : 4
					}
				}
				s = substr(s, j + 1)
				continue
			}
			if (NR == row) {
				seen = 1
				got = rev
			}
			s = substr(s, 2)
		}
	}
	END { exit got ? 0 : 1 }' "$T/esc"
}

# wait_reversed N: poll until row N is reversed, with a deadline.
wait_reversed() {
	deadline=$(( $(date +%s) + 15 ))
	until reversed "$1"; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

showrow() {
	cat -v "$T/row" | sed 's/^/# /'
}

for env in NO_COLOR=1 TERM=vt100 TERM=xterm-mono; do
	case $env in
	TERM=*)
		if ! infocmp "${env#TERM=}" >/dev/null 2>&1; then
			ok "# SKIP no terminfo for ${env#TERM=}"
			continue
		fi
		;;
	esac
	ui_start 80 24 "$env" -- -d "$DB" -u /dev/null
	wait_for "Your feeds" >/dev/null
	if wait_reversed 1; then ok "$env: the focused feed is reversed"
	else showrow; fail "$env: the focused feed is reversed"; fi
	if reversed 2; then showrow; fail "$env: the other feeds are not"
	else ok "$env: the other feeds are not"; fi
	keys Enter
	wait_for "Articles in 'Feed 1'" >/dev/null
	if wait_reversed 1; then ok "$env: the focused article is reversed"
	else showrow; fail "$env: the focused article is reversed"; fi
	keys j
	if wait_reversed 2; then ok "$env: the focus moves, still reversed"
	else showrow; fail "$env: the focus moves, still reversed"; fi
	keys Q
	st=$(wait_exit)
	check "$env: exits 0 ($st)" [ "$st" = 0 ]
done

tap_done
