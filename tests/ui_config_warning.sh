#!/bin/sh
# ui_config_warning.sh: the one start-up warning about a newsboat config.
# The status line counts the lines gazette does not apply and those it
# applies unlike newsboat, and names the key that lists them; the help
# view lists each, with what gazette does instead or what differs; the
# same list goes to standard error.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
URLS="$T/urls"
CONF="$T/conf"
cat > "$T/f.xml" <<'XML'
<rss version="2.0"><channel><title>Warn Feed</title>
<item><title>the story</title><guid>s1</guid></item>
</channel></rss>
XML
printf 'file://%s/f.xml\n' "$T" > "$URLS"
"$GAZETTE" -d "$DB" -u "$URLS" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }

cat > "$CONF" <<'CFG'
ssl-verifypeer no
ignore-article "*" "title =~ \"sponsored\""
delete-read-articles-on-quit yes
feed-sort-order title
show-read-feeds yes
CFG
ui_start 120 40 -- -c "$CONF" -u "$URLS" -d "$DB"
if wait_for "1 config line not applied, 3 applied unlike newsboat: ? (help) lists them"
then ok "one warning counts both kinds and names the key"
else show; fail "one warning counts both kinds and names the key"; fi
keys ?
check "the help lists the lines not applied" \
    wait_for "Config lines not applied, and what gazette does instead:"
check "each with its line and what gazette does instead" \
    grep -q "^  ssl-verifypeer ($CONF:1): certificates are always checked" "$T/screen"
check "the help lists the lines applied unlike newsboat" \
    grep -q "^Config lines applied unlike newsboat, and what differs:" "$T/screen"
check "the killfile: stored articles hidden too" \
    grep -q "^  ignore-article ($CONF:2): also hides the articles already stored" "$T/screen"
check "delete-read-articles-on-quit: flagged ones kept" \
    grep -q "^  delete-read-articles-on-quit ($CONF:3): flagged articles are kept" "$T/screen"
check "feed-sort-order" grep -q "^  feed-sort-order ($CONF:4): " "$T/screen"
check "a line applied as newsboat means it is not named" \
    sh -c "! grep -q 'show-read-feeds' '$T/screen'"
check "the keys follow" grep -qE ' quit +go back' "$T/screen"
keys q Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]
check "stderr: the lines not applied" \
    grep -qx "gazette: 1 config line not applied (what gazette does instead):" "$T/stderr"
check "stderr: the lines applied unlike newsboat" \
    grep -qx "gazette: 3 config lines applied unlike newsboat (what differs):" "$T/stderr"
check "stderr: each named" \
    grep -q "^gazette:   ignore-article ($CONF:2): also hides" "$T/stderr"

# gazette check-config lists the same lines, the differences as applied.
cat > "$CONF" <<'CFG'
ssl-verifypeer no
ignore-article "*" "title =~ \"sponsored\""
CFG
"$GAZETTE" check-config "$CONF" > "$T/out" 2>&1
check "check-config: the difference listed" \
    grep -q "^  applied unlike newsboat: ignore-article ($CONF:2): also hides" "$T/out"
check "check-config: and counted as applied" \
    grep -qx "$CONF: 2 lines: 1 applied, 1 not applied, 0 not understood" "$T/out"

# Only differences: the warning says so alone.
printf 'feed-sort-order title\n' > "$CONF"
ui_start 120 40 -- -c "$CONF" -u "$URLS" -d "$DB"
if wait_for "1 config line applied unlike newsboat: ? (help) lists them"
then ok "differences alone are warned about"
else show; fail "differences alone are warned about"; fi
keys Q
wait_exit >/dev/null

# A config gazette applies as newsboat would: no warning.
printf 'show-read-feeds yes\nfeed-sort-order none\n' > "$CONF"
ui_start 120 40 -- -c "$CONF" -u "$URLS" -d "$DB"
wait_for "Warn Feed" >/dev/null
sleep 1
screen > "$T/screen"
if ! grep -q "config\|lists them" "$T/screen"; then ok "no warning when nothing differs"
else show; fail "no warning when nothing differs"; fi
keys Q
wait_exit >/dev/null

tap_done
