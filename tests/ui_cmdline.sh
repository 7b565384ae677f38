#!/bin/sh
# ui_cmdline.sh: newsboat's command line (':'): set in its forms, applied
# at once; quit and q; source; dumpconfig (read back, it gives the same
# configuration); tag; goto; save; exec; a bare number; Tab completion;
# the history (Up), kept between runs in gazette's data directory up to
# history-limit lines; run-on-startup; errors on one status line.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
for f in "Alpha News:a" "Beta Blog:b" "Gamma Journal:c"; do
	title=${f%:*}
	k=${f#*:}
	cat > "$T/$k.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>$title</title>
<item><title>$title story one</title><guid>${k}1</guid><description>text one</description></item>
<item><title>$title story two</title><guid>${k}2</guid><description>text two</description></item>
</channel></rss>
XML
done
printf 'file://%s/a.xml news\nfile://%s/b.xml blog\nfile://%s/c.xml\n' \
    "$T" "$T" "$T" > "$URLS"
"$GAZETTE" -d "$DB" -u "$URLS" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }
: > "$T/config"
HINT="ENTER:Open"

# cmd TEXT: type ':' TEXT ENTER.
cmd() {
	keys :
	keys -l "$1"
	keys Enter
}

# status_is TEXT DESC: the last line shows TEXT.
status_is() {
	if wait_for "$1" 10; then ok "$2"; else show; fail "$2"; fi
}

start() {
	ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
	wait_for "Gamma Journal" >/dev/null || { show; fail "starts"; }
}

start
# set NAME: the value, as newsboat shows it.
cmd "set show-keymap-hint"
status_is "show-keymap-hint=yes" "set NAME shows the value"
cmd "set show-keymap-hint?"
status_is "show-keymap-hint=yes" "set NAME? shows the value"
# set NAME VALUE: applied to the screen at once.
cmd "set show-keymap-hint no"
check "set NAME VALUE: the hint line goes at once" wait_gone "$HINT" 10
check "set NAME VALUE: says the new value" grep -q "show-keymap-hint=no" "$T/screen"
cmd "set show-keymap-hint!"
status_is "$HINT" "set NAME!: a yes/no setting toggled"
cmd "set show-keymap-hint=no"
check "set NAME=VALUE" wait_gone "$HINT" 10
cmd "set show-keymap-hint&"
status_is "$HINT" "set NAME&: back to the default"
cmd 'set browser "my browser %u"'
status_is 'browser="my browser %u"' "set NAME \"QUOTED VALUE\""
cmd 'set datetime-format %Y/%m'
status_is 'datetime-format=%Y/%m' "set datetime-format"
keys Enter
check "datetime-format applies at once" \
    wait_re "[0-9][0-9][0-9][0-9]/[0-9][0-9] " 10
keys q
wait_for "Your feeds" >/dev/null
cmd "set reload-threads 4"
status_is "reload-threads=4 (refreshes read it from the config file)" \
    "a setting the interface cannot change says so"
cmd "set refresh-on-startup yes"
status_is "refresh-on-startup=yes (at the next start)" \
    "a start-up setting says when it applies"
# Errors: one line.
cmd "set no-such-thing 3"
status_is "set: unknown setting 'no-such-thing'" "set: an unknown setting"
cmd "set max-items lots"
status_is "set max-items: expected a number from 0" "set: a bad value"
cmd "set notify-xterm yes"
status_is "set notify-xterm: newsboat's setting, not applied by gazette" \
    "set: newsboat's setting gazette lacks"
cmd "set max-items!"
status_is "set max-items!: not a yes/no setting" "set NAME! on a number"
cmd "fly away"
status_is "fly: not a command" "an unknown command"
cmd "exec fly-away"
status_is "exec: unknown operation 'fly-away'" "exec: an unknown operation"
cmd "goto zzz"
status_is "goto: no feed title contains 'zzz'" "goto: no such feed"

# goto: case aside, from the selection on, round from the top.
cmd "goto gamma"
keys Enter
status_is "Articles in 'Gamma Journal'" "goto TEXT selects the feed"
keys q
wait_for "Your feeds" >/dev/null
cmd "goto NEWS"
keys Enter
status_is "Articles in 'Alpha News'" "goto goes round from the top"
cmd "goto beta"
status_is "goto: in the feed list" "goto elsewhere says where it works"
# save FILE: the article, as save writes it.
cmd "save $T/saved.txt"
status_is "saved to $T/saved.txt" "save FILE from the article list"
check "save: the selected article in the file" \
    grep -q "^Title: Alpha News story two" "$T/saved.txt"
keys Down Enter
wait_for "text one" >/dev/null
cmd "save ~/from-view.txt"
status_is "saved to $HOME/from-view.txt" "save ~/FILE from the article view"
check "save: the article viewed" \
    grep -q "^Title: Alpha News story one" "$HOME/from-view.txt"
cmd "5"
status_is "5: line numbers are for lists" "a number in the article view"
keys q
wait_for "Articles in 'Alpha News'" >/dev/null
# A setting the list keeps a copy of: the order changes at once.
cmd "set article-sort-order title-asc"
check "set article-sort-order: the list reordered at once" \
    wait_re "^ *1 .*Alpha News story one" 10
cmd "set article-sort-order title-desc"
check "set article-sort-order again" wait_re "^ *1 .*Alpha News story two" 10
keys q
wait_for "Your feeds" >/dev/null
# tag NAME, tag.
cmd "tag blog"
check "tag NAME: only its feeds" wait_gone "Alpha News" 10
check "tag NAME: the tagged feed still listed" grep -q "Beta Blog" "$T/screen"
cmd "tag"
status_is "Tag:" "tag alone asks for the tag"
keys Enter
status_is "Alpha News" "tag: an empty answer shows every feed"
# A bare number: that line of the list.
cmd "3"
keys Enter
status_is "Articles in 'Gamma Journal'" "NUMBER goes to that line"
keys q
wait_for "Your feeds" >/dev/null
# exec OPERATION: the action, as its key runs it.
cmd "exec open"
status_is "Articles in 'Gamma Journal'" "exec OPERATION runs it"
cmd "exec quit"
status_is "Your feeds" "exec quit goes back, as q"

# Tab completes commands, settings, actions; Tab again cycles.
keys : s o u
keys Tab
status_is ":source" "Tab completes a command"
keys C-u
keys -l "set confirm-"
keys Tab
status_is ":set confirm-mark-all-feeds-read" "Tab completes a setting after set"
keys Tab
status_is ":set confirm-exit" "Tab again: the next completion"
keys C-u
keys -l "exec toggle-show-read-f"
keys Tab
status_is ":exec toggle-show-read-feeds" "Tab completes an action after exec"
keys Escape
# History: Up brings back the commands typed.
keys :
keys Up
status_is ":exec quit" "Up: the last command"
keys Up
status_is ":exec open" "Up again: the one before"
keys Escape
# source FILE: read as the config is.
printf 'show-keymap-hint no\nbind-key x open\n' > "$T/extra"
cmd "source $T/extra"
check "source FILE applies a setting" wait_gone "$HINT" 10
check "source: says how many lines" grep -q "source: 2 lines applied" "$T/screen"
keys x
status_is "Articles in 'Gamma Journal'" "source: a binding applies"
keys q
printf 'show-keymap-hint yes\nfly-me 1\n' > "$T/bad"
cmd "source $T/bad"
status_is "source: $T/bad:2: unknown option 'fly-me'" \
    "source: a bad line named with file and line"
status_is "$HINT" "source: the good lines still applied"
cmd "source $T/missing"
status_is "source: $T/missing" "source: a missing file"
check "source: a missing file said so" grep -q "No such file" "$T/screen"
# dumpconfig FILE.
cmd "set max-items 7"
cmd "dumpconfig $T/dump"
status_is "configuration written to $T/dump" "dumpconfig FILE"
check "dumpconfig: the value set" grep -qx "max-items 7" "$T/dump"
check "dumpconfig: the sourced binding" grep -qx "bind-key x open all" "$T/dump"
check "dumpconfig: gazette reads every line back" \
    sh -c '"$1" check-config "$2" >/dev/null' sh "$GAZETTE" "$T/dump"
cmd "dumpconfig $T/nodir/dump"
status_is "dumpconfig: $T/nodir/dump: No such file" "dumpconfig: a bad path"
# quit and q.
cmd "q"
st=$(wait_exit 30)
check "q quits" [ "$st" = 0 ]
check "the command history is kept in gazette's data directory" \
    grep -qx "dumpconfig $T/dump" "$XDG_DATA_HOME/gazette/history.cmdline"
check "in the order typed" \
    [ "$(tail -n 1 "$XDG_DATA_HOME/gazette/history.cmdline")" = q ]
check "newsboat's own history file untouched" \
    [ ! -e "$XDG_DATA_HOME/newsboat/history.cmdline" ]

# The history of the run before, and the search history.
start
keys :
keys Up
status_is ":q" "history: the last run's commands come back"
keys Escape
keys /
keys -l "story two"
keys Enter
wait_for "Search" >/dev/null
keys q
wait_for "Your feeds" >/dev/null
cmd "quit"
st=$(wait_exit 30)
check "quit quits" [ "$st" = 0 ]
check "the search history is kept" \
    grep -qx "story two" "$XDG_DATA_HOME/gazette/history.search"

# history-limit: the lines kept; 0 keeps none.
printf 'history-limit 2\n' > "$T/config"
start
cmd "set max-items 1"
cmd "set max-items 0"
cmd "q"
wait_exit 30 >/dev/null
check "history-limit 2: two lines kept" \
    [ "$(wc -l < "$XDG_DATA_HOME/gazette/history.cmdline")" -eq 2 ]
check "history-limit 2: the newest" \
    [ "$(head -n 1 "$XDG_DATA_HOME/gazette/history.cmdline")" = "set max-items 0" ]
rm -rf "$XDG_DATA_HOME/gazette/history.cmdline"
printf 'history-limit 0\n' > "$T/config"
start
cmd "set max-items 1"
cmd "quit"
wait_exit 30 >/dev/null
check "history-limit 0: no history written" \
    [ ! -e "$XDG_DATA_HOME/gazette/history.cmdline" ]

# dumpconfig of a config with everything: read back, the same dump.
cat > "$T/config" <<'CFG'
keymap vi
bind-key x open articlelist
unbind-key J
bind-key ^X toggle-show-read-feeds
color listfocus yellow blue bold
color info color123 default
highlight articlelist "story (one|two)" red default underline
highlight-article "title =~ \"two\"" green default
define-filter "two only" "title =~ \"two\""
macro z set browser "echo %u" ; open-in-browser -- "echo it"
browser "firefox --new-tab %u"
run-on-startup next ; open
CFG
ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
status_is "Articles in 'Beta Blog'" "run-on-startup: the operations ran at start"
cmd "dumpconfig $T/dump1"
status_is "configuration written to $T/dump1" "dumpconfig of a full config"
cmd "q"
wait_exit 30 >/dev/null
check "the full dump reads back without a problem" \
    sh -c '"$1" check-config "$2" >/dev/null' sh "$GAZETTE" "$T/dump1"
cp "$T/dump1" "$T/config"
ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "Articles in 'Beta Blog'" >/dev/null
cmd "dumpconfig $T/dump2"
wait_for "configuration written" >/dev/null
cmd "q"
wait_exit 30 >/dev/null
if cmp -s "$T/dump1" "$T/dump2"; then ok "read back, the dump gives the same configuration"
else diff "$T/dump1" "$T/dump2" | sed 's/^/# /'; fail "read back, the dump gives the same configuration"; fi
for l in "keymap vi" "bind-key x open articlelist" "unbind-key J all" \
    "bind-key ^X toggle-show-read-feeds all" \
    "color listfocus yellow blue bold" "color info color123 default" \
    'highlight articlelist "story (one|two)" red default underline' \
    'macro z set browser "echo %u" ; open-in-browser -- "echo it"' \
    'browser "firefox --new-tab %u"' 'run-on-startup "next ; open"'; do
	check "dump: $l" grep -qxF -- "$l" "$T/dump1"
done

# A bad run-on-startup: one line, the interface still up.
printf 'run-on-startup next ; fly-away\n' > "$T/config"
ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
status_is "run-on-startup: unknown command 'fly-away'" \
    "run-on-startup: a bad operation said on the status line"
cmd "q"
wait_exit 30 >/dev/null
# A set among them.
printf 'run-on-startup set show-keymap-hint no ; next\n' > "$T/config"
ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "Gamma Journal" >/dev/null
check "run-on-startup: set OPTION VALUE applied" wait_gone "$HINT" 10
keys Enter
status_is "Articles in 'Beta Blog'" "run-on-startup: then the next operation"
keys Q
wait_exit 30 >/dev/null

tap_done
