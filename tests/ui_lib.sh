# ui_lib.sh: drive the interface in a private tmux server.  Source after
# lib.sh.  Every test gets its own server (-L gz$$, sockets under $T), a
# clean environment (env -i), and the servers are killed on exit.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

SOCK=gz$$
SOCKS=$SOCK
# UI_DIR: the files of the session driven (status, stderr, screen, run.sh).
UI_DIR=$T
export TMUX_TMPDIR="$T"
unset TMUX
trap 'for s in $SOCKS; do tmux -L "$s" kill-server >/dev/null 2>&1; done
rm -rf "$T"' EXIT

# ui_session [NAME]: drive session NAME from here on, a second interface
# in its own tmux server with its files under $T/NAME; no NAME, the
# first one again (files in $T).  A test can leave one interface waiting
# on a timer (auto-reload) and go on with another meanwhile.
ui_session() {
	if [ -z "$1" ]; then
		SOCK=gz$$
		UI_DIR=$T
		return
	fi
	SOCK=gz$$$1
	UI_DIR=$T/$1
	mkdir -p "$UI_DIR"
	case " $SOCKS " in
	*" $SOCK "*) ;;
	*) SOCKS="$SOCKS $SOCK" ;;
	esac
}
FILL="${builddir:-.}/bench/ui_fill"

tm() {
	tmux -L "$SOCK" "$@"
}

# ui_start WIDTH HEIGHT [VAR=VALUE...] -- ARGS...: run gazette ARGS in a
# fresh session; its exit status lands in $UI_DIR/status, its stderr in
# $UI_DIR/stderr (that is $T, or $T/NAME in a session ui_session named).
ui_start() {
	w=$1
	h=$2
	shift 2
	rm -f "$UI_DIR/status"
	{
		echo '#!/bin/sh'
		printf 'exec env -i PATH=%s LC_ALL=C.UTF-8 TERM=screen' "'$PATH'"
		printf ' HOME=%s XDG_CONFIG_HOME=%s XDG_DATA_HOME=%s' \
		    "'$HOME'" "'$XDG_CONFIG_HOME'" "'$XDG_DATA_HOME'"
		while [ $# -gt 0 ] && [ "$1" != "--" ]; do
			printf " '%s'" "$1"
			shift
		done
		[ "$1" = "--" ] && shift
		printf " sh -c '\"\$0\" \"\$@\" 2>%s; echo \$? >%s'" \
		    "$UI_DIR/stderr" "$UI_DIR/status"
		printf " '%s'" "$GAZETTE"
		for a in "$@"; do
			printf " '%s'" "$a"
		done
		echo
	} > "$UI_DIR/run.sh"
	chmod +x "$UI_DIR/run.sh"
	tm kill-server >/dev/null 2>&1
	env -i PATH="$PATH" LC_ALL=C.UTF-8 TERM=screen HOME="$HOME" \
	    TMUX_TMPDIR="$T" tmux -L "$SOCK" -f /dev/null new-session -d \
	    -x "$w" -y "$h" "$UI_DIR/run.sh"
	tm set-option -g set-clipboard on >/dev/null 2>&1
}

screen() {
	tm capture-pane -p 2>/dev/null
}

# ui_poll SECONDS TEST...: capture the pane into $UI_DIR/screen until
# TEST succeeds (0), or 1 once SECONDS have passed since the first
# capture that missed.  The clock is read only after a miss: most checks
# pass on the first capture, and under load every process start counts.
ui_poll() {
	_up_secs=$1
	_up_end=
	shift
	while :; do
		screen > "$UI_DIR/screen"
		"$@" && return 0
		_up_now=$(date +%s)
		: "${_up_end:=$((_up_now + _up_secs))}"
		[ "$_up_now" -ge "$_up_end" ] && return 1
		sleep 0.1
	done
}

# ui_not COMMAND...: the opposite of COMMAND's success.
ui_not() {
	! "$@"
}

# wait_for TEXT [SECONDS]: poll the pane until it shows TEXT (fixed
# string); 0 when it does, 1 at the deadline.
wait_for() {
	ui_poll "${2:-15}" grep -qF -- "$1" "$UI_DIR/screen"
}

# wait_re REGEX [SECONDS]: wait_for with a grep (basic) regular expression.
# Checks of what a screen shows poll too: a terminal update is not atomic,
# so the pane can be caught with the new header drawn and the body not yet.
wait_re() {
	ui_poll "${2:-15}" grep -q -- "$1" "$UI_DIR/screen"
}

# wait_gone TEXT [SECONDS]: the opposite.
wait_gone() {
	ui_poll "${2:-15}" ui_not grep -qF -- "$1" "$UI_DIR/screen"
}

# wait_exit [SECONDS]: wait for gazette to end; prints its status.
wait_exit() {
	deadline=$(( $(date +%s) + ${1:-15} ))
	while [ ! -s "$UI_DIR/status" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && { echo timeout; return 1; }
		sleep 0.1
	done
	cat "$UI_DIR/status"
}

keys() {
	tm send-keys "$@"
}

# ui_feed NAME TITLE N [full]: $T/NAME.xml, an RSS file with N items
# "TITLE story I", story N the newest (a minute apart from 10:01 on 1
# September 2025), guid NAME-I, link http://NAME.example/I, description
# "Story I of TITLE."; with full, the description is "Summary I of
# TITLE." and a full text (content:encoded) "Full text I of TITLE.".
ui_feed() {
	{
		echo '<?xml version="1.0" encoding="utf-8"?>'
		echo '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
		echo "<channel><title>$2</title><link>http://$1.example/</link>"
		_uf_i=1
		while [ "$_uf_i" -le "$3" ]; do
			echo "<item><title>$2 story $_uf_i</title>"
			echo "<link>http://$1.example/$_uf_i</link><guid>$1-$_uf_i</guid>"
			echo "<pubDate>Mon, 01 Sep 2025 $((_uf_i / 60 + 10)):$((_uf_i % 60 / 10))$((_uf_i % 10)):00 GMT</pubDate>"
			if [ "$4" = full ]; then
				echo "<description>Summary $_uf_i of $2.</description>"
				echo "<content:encoded>Full text $_uf_i of $2.</content:encoded>"
			else
				echo "<description>Story $_uf_i of $2.</description>"
			fi
			echo '</item>'
			_uf_i=$((_uf_i + 1))
		done
		echo '</channel></rss>'
	} > "$T/$1.xml"
}

# ui_run WIDTH HEIGHT READY [CONFIG-LINE...]: the interface on $URLS and
# $DB, these lines its config ($CONF); bails out unless the pane comes
# to show READY (a grep regular expression), the feed list drawn.
ui_run() {
	_ur_w=$1
	_ur_h=$2
	_ur_ready=$3
	shift 3
	: > "$CONF"
	[ $# -eq 0 ] || printf '%s\n' "$@" > "$CONF"
	ui_start "$_ur_w" "$_ur_h" -- -u "$URLS" -d "$DB" -c "$CONF"
	wait_re "$_ur_ready" >/dev/null ||
	    { show; echo "Bail out! no feed list"; exit 1; }
}

# ui_quit WHAT: Q, and the check that the interface ended with status 0.
ui_quit() {
	keys Q
	_uq_st=$(wait_exit)
	check "$1: quits cleanly ($_uq_st)" [ "$_uq_st" = 0 ]
}

# Show the pane in the log when a check fails.
show() {
	[ ! -f "$UI_DIR/screen" ] || sed 's/^/# /' "$UI_DIR/screen"
}

# check DESCRIPTION COMMAND...: tap.sh's, and the pane in the log when
# it fails.
check() {
	_ck_desc=$1
	shift
	if "$@"; then ok "$_ck_desc"; else show; fail "$_ck_desc"; fi
}
