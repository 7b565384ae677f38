#!/bin/sh
# ui_macro.sh: newsboat's macros.  The ',' key (macro-prefix) then a key
# runs that key's macro: "set browser ...; open-in-browser; set browser
# ..." opens the link with another browser once, and an action runs as
# its key would.  A browser with shell syntax set by a macro still gets
# the link as an argument: shell text in a feed's link runs nothing.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
# The link carries shell syntax that would create $T/pwned if a shell
# ever read it as code.
LINK="http://h.example/q?a=\$(touch\${IFS}$T/pwned)&b=1;touch\${IFS}$T/pwned;\`touch\${IFS}$T/pwned\`"
XLINK=$(printf '%s' "$LINK" | sed 's/&/\&amp;/g')
cat > "$T/f.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Macro Feed</title>
<item><title>the story</title><guid>s1</guid><link>$XLINK</link></item>
</channel></rss>
XML
printf 'file://%s/f.xml\n' "$T" > "$URLS"
"$GAZETTE" -d "$DB" -u "$URLS" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }

for b in one two; do
	cat > "$T/$b" <<FAKE
#!/bin/sh
printf '%s\n' "\$1" > "$T/$b.tmp"
mv "$T/$b.tmp" "$T/$b.url"
FAKE
	chmod +x "$T/$b"
done

# wait_file FILE: until it exists (15 s).
wait_file() {
	deadline=$(( $(date +%s) + 15 ))
	while [ ! -f "$1" ] && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.1
	done
	[ -f "$1" ]
}

cat > "$T/config" <<CFG
browser "$T/one %u"
macro b set browser "$T/two %u" ; open-in-browser ; set browser "$T/one %u" -- "open with two"
macro s set browser "printf '%s\\\\n' %u > $T/sh.tmp && mv $T/sh.tmp $T/sh.url"; open-in-browser; set browser "$T/one %u"
macro r toggle-article-read
macro m toggle-article-read "read"
macro u toggle-article-read "unread"
CFG
ui_start 100 20 -- -c "$T/config" -u "$URLS" -d "$DB"
wait_for "Macro Feed" >/dev/null || { show; fail "starts"; }
check "no warning about the config" [ ! -s "$T/stderr" ]
keys Enter
wait_for "the story" >/dev/null
keys , b
check ",b: the macro's browser opened the link" wait_file "$T/two.url"
check ",b: the link as one argument, unchanged" \
    [ "$(cat "$T/two.url")" = "$LINK" ]
check ",b: not the configured browser" [ ! -f "$T/one.url" ]
keys o
check "then o: the browser set back by the macro" wait_file "$T/one.url"
rm -f "$T/two.url"
keys , s
check ",s: a browser with shell syntax ran" wait_file "$T/sh.url"
check ",s: it got the link as \$1, unchanged" \
    [ "$(cat "$T/sh.url")" = "$LINK" ]
sleep 1
check ",s: the shell text in the link ran nothing" [ ! -e "$T/pwned" ]
screen > "$T/screen"
check "the article is unread before ,r" grep -q '^ *1 N' "$T/screen"
keys , r
check ",r: an action (toggle-article-read)" wait_re '^ *1  ' 10
keys , u
if wait_re '^ *1 N' 10; then ok ',u: toggle-article-read "unread" on a read one'
else show; fail ',u: toggle-article-read "unread" on a read one'; fi
keys , u
sleep 1
check ',u again: still unread (set, not toggled)' wait_re '^ *1 N' 5
keys , m
if wait_re '^ *1  ' 10; then ok ',m: toggle-article-read "read"'
else show; fail ',m: toggle-article-read "read"'; fi
keys , m
sleep 1
check ',m again: still read' wait_re '^ *1  ' 5
keys , x
check ",x: no such macro, said so" wait_for "no macro on x"
rm -f "$T/one.url"
keys , Escape
sleep 0.5
keys o
check ", Escape: cancelled, the next key is a key again" wait_file "$T/one.url"
keys '?'
wait_for 'Help: keys' >/dev/null
keys End
check "help: the macros listed" wait_for "Macros (macro-prefix, then the key):"
check "help: a macro with its description" \
    grep -Eq '^, b +macro +open with two' "$T/screen"
check "help: a macro without one shows its commands" \
    grep -Eq '^, r +macro +toggle-article-read' "$T/screen"
keys Q
st=$(wait_exit 30)
check "quits" [ "$st" = 0 ]

# A bad macro: warned about at start-up with its line, the others kept.
printf 'macro x fly-away\nmacro y open-in-browser\n' > "$T/bad"
ui_start 100 20 -- -c "$T/bad" -u "$URLS" -d "$DB"
wait_for "Macro Feed" >/dev/null
keys Q
wait_exit 30 >/dev/null
check "bad macro: named with its line" \
    grep -q "bad:1: macro: unknown command 'fly-away'" "$T/stderr"

tap_done
