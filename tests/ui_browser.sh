#!/bin/sh
# ui_browser.sh: links go to the browser as one argv element, never
# through a shell; text browsers get the terminal and give it back; y
# copies the link with OSC 52 (into tmux's buffer, set-clipboard on).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
"$FILL" "$DB" hostile || { echo "Bail out! ui_fill failed"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/gazette" "$T/work"
CONF="$XDG_CONFIG_HOME/gazette/config"

# The fake browser writes each argument on its own line.
cat > "$T/fakebrowser" <<FAKE
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$T/argv.tmp"
mv "$T/argv.tmp" "$T/argv"
FAKE
chmod +x "$T/fakebrowser"
cat > "$CONF" <<CONF
browser "$T/fakebrowser --flag %u"
CONF

wait_file() {
	deadline=$(( $(date +%s) + 15 ))
	while [ ! -f "$1" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

cd "$T/work" || exit 1
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Hostile feed" >/dev/null
keys Enter
wait_for "Articles in 'Hostile feed'" >/dev/null
keys Enter
check "the article opens" wait_for "Title: Evil"

# 1 opens link 1 exactly as the link list shows it.
link1=$(sed -n 's/^\[1\]: //p' "$T/screen")
check "link 1 is listed" [ -n "$link1" ]
keys 1
if wait_file "$T/argv"; then ok "1 starts the browser"
else fail "1 starts the browser"; fi
printf '%s\n' --flag "$link1" > "$T/expect"
if cmp -s "$T/expect" "$T/argv"; then ok "argv is exactly: --flag, link 1"
else sed 's/^/# got: /' "$T/argv"; fail "argv is exactly: --flag, link 1"; fi
rm -f "$T/argv"

# o opens the article's own link, shell characters and all.
keys o
wait_file "$T/argv"
printf '%s\n' --flag "http://x.example/a;b&c=\$(touch\${IFS}PWNED)'q\"|\`id\`" \
    > "$T/expect"
if cmp -s "$T/expect" "$T/argv"; then ok "o: the link as one argument"
else sed 's/^/# got: /' "$T/argv"; fail "o: the link as one argument"; fi
check "no shell ran the link" [ ! -e "$T/work/PWNED" ]
rm -f "$T/argv"

# Refused links: the browser never starts.
keys 2
if wait_for "no link 2" 5 || wait_for "refusing" 5 || wait_for "opened" 5; then
	:
fi
keys '#'
check "# asks for a link number" wait_for "Link number:"
keys 9 9 Enter
check "# with a link that does not exist" wait_for "no link 99"

# u lists the links; Enter opens the selected one.
keys u
check "u lists the links" wait_for "Links ("
keys Enter
if wait_file "$T/argv"; then ok "Enter in the link list opens it"
else fail "Enter in the link list opens it"; fi
rm -f "$T/argv"

# y copies the selected link with OSC 52.
keys y
check "y says it copied" wait_for "copied"
deadline=$(( $(date +%s) + 10 ))
while [ -z "$(tm list-buffers 2>/dev/null)" ] &&
    [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
tm show-buffer > "$T/buffer" 2>/dev/null
printf '%s' "$link1" > "$T/expect"
if cmp -s "$T/expect" "$T/buffer"; then ok "y: OSC 52 put the link in the clipboard"
else sed 's/^/# buffer: /' "$T/buffer"; fail "y: OSC 52 put the link in the clipboard"; fi
keys Q
wait_exit >/dev/null

# Shell syntax in the user's own command (newsboat runs it through sh):
# it runs, and the link is still one argument that no shell reads.
# Browsers of their own, so that no late write from above is read.
sed 's|/argv|/argv2|g' "$T/fakebrowser" > "$T/fake2"
sed 's|/argv|/argv3|g' "$T/fakebrowser" > "$T/fake3"
chmod +x "$T/fake2" "$T/fake3"
cat > "$CONF" <<CONF
browser "$T/fake2 --sh '%u' >/dev/null 2>&1 &"
CONF
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Hostile feed" >/dev/null
keys Enter
wait_for "Articles in" >/dev/null
keys Enter
wait_for "Title: Evil" >/dev/null
keys o
wait_file "$T/argv2"
printf '%s\n' --sh "http://x.example/a;b&c=\$(touch\${IFS}PWNED)'q\"|\`id\`" \
    > "$T/expect"
if cmp -s "$T/expect" "$T/argv2"; then ok "shell syntax: the link as one argument"
else sed 's/^/# got: /' "$T/argv2"; fail "shell syntax: the link as one argument"; fi
check "shell syntax: no shell ran the link" [ ! -e "$T/work/PWNED" ]
keys Q
wait_exit >/dev/null

# No setting: $BROWSER, entry by entry, %s standing for the link.
: > "$CONF"
ui_start 100 30 "BROWSER=/nonexistent/browser:$T/fake3 --env %s" \
    -- -d "$DB" -u /dev/null
wait_for "Hostile feed" >/dev/null
keys Enter
wait_for "Articles in" >/dev/null
keys Enter
wait_for "Title: Evil" >/dev/null
keys 1
wait_file "$T/argv3"
printf '%s\n' --env "$link1" > "$T/expect"
if cmp -s "$T/expect" "$T/argv3"; then ok "BROWSER: the next entry, %s replaced"
else sed 's/^/# got: /' "$T/argv3"; fail "BROWSER: the next entry, %s replaced"; fi
keys Q
wait_exit >/dev/null

# A text browser gets the terminal and gives it back.
cat > "$T/textbrowser" <<FAKE
#!/bin/sh
printf 'FAKE TEXT BROWSER %s\n' "\$1"
read answer
printf '%s\n' "\$answer" > "$T/answer"
FAKE
chmod +x "$T/textbrowser"
cat > "$CONF" <<CONF
browser "$T/textbrowser %u"
text-browsers "lynx textbrowser"
osc52 no
CONF
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Hostile feed" >/dev/null
keys Enter
wait_for "Articles in" >/dev/null
keys Enter
wait_for "Title: Evil" >/dev/null
keys 1
check "a text browser runs in the terminal" \
    wait_for "FAKE TEXT BROWSER http://x.example/b"
keys "typed" Enter
check "the interface comes back after it" wait_for "Title: Evil"
check "the browser had the keyboard" grep -qx typed "$T/answer"
keys y
check "osc52 no: y refuses" wait_for "copying is off"
keys Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]

tap_done
