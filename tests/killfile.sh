#!/bin/sh
# killfile.sh: newsboat's ignore-article and ignore-mode.  With download
# (the default) gazette refresh does not store what a rule matches and
# counts it as ignored; with display it is stored; either way what is
# stored and matches is hidden from gazette list and gazette search, as
# soon as a rule names it and until the rule goes.  A bad expression is
# named with its file, line and position; the other lines still apply.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
CONF="$T/config"
mkfeed "$DOCS/a.xml" a 3
mkfeed "$DOCS/b.xml" b 3
cat > "$T/urls" <<URLS
$BASE/feed/a.xml
$BASE/feed/b.xml
URLS
stored() {
	sqlite3 "$DB" "SELECT count(*) FROM items WHERE title = '$1'"
}
listed() {
	"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" list "$@" 2>/dev/null |
	    grep -c '"guid"'
}

# download: a rule for every feed, one for feed b alone.
cat > "$CONF" <<CFG
ignore-article * "title =~ \"item 2\$\""
ignore-article "$BASE/feed/b.xml" "title = \"b item 3\""
CFG
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "download: exit 0" [ $? -eq 0 ]
check "download: the summary counts the ignored" \
    grep -q 'refresh: 2 feeds: 2 fetched, 3 new articles, 3 ignored, 0 not modified' "$T/err"
check "download: a matching article is not stored" [ "$(stored 'a item 2')" -eq 0 ]
check "download: a feed's rule keeps its article out" [ "$(stored 'b item 3')" -eq 0 ]
check "download: a feed's rule leaves other feeds alone" [ "$(stored 'a item 3')" -eq 1 ]
check "download: the rest is stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM items')" -eq 3 ]

# A changed feed brings its ignored article again: still not stored.
mkfeed "$DOCS/a.xml" a 4
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh --force > "$T/out" 2> "$T/err"
check "download, again: the new article stored" [ "$(stored 'a item 4')" -eq 1 ]
check "download, again: the ignored one still out" [ "$(stored 'a item 2')" -eq 0 ]

# A rule added later hides what is stored, everywhere; removed, it shows.
: > "$CONF"
mkfeed "$DOCS/a.xml" a 5
mkfeed "$DOCS/b.xml" b 4
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "no rule: everything stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM items')" -eq 9 ]
check "no rule: list shows all" [ "$(listed --json)" -eq 9 ]
echo 'ignore-article * "author = \"\" and title =~ \"^a item [13]\""' > "$CONF"
check "later rule: list hides what it matches" [ "$(listed --json)" -eq 7 ]
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" list > "$T/out" 2>&1
check "later rule: not in the table" sh -c "! grep -q 'a item 1' '$T/out'"
check "later rule: list --query too" [ "$(listed --json --query 'title =~ "item"')" -eq 7 ]
check "later rule: list --unread too" [ "$(listed --json --unread)" -eq 7 ]
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" search --json 'item' > "$T/out" 2>&1
check "later rule: search hides it" [ "$(grep -c '"guid"' "$T/out")" -eq 7 ]
check "later rule: search names no hidden article" sh -c "! grep -q '\"a-1\"' '$T/out'"
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" search --json 'is:unread' > "$T/out" 2>&1
check "later rule: a filter-only search hides it" [ "$(grep -c '"guid"' "$T/out")" -eq 7 ]
check "later rule: still stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM items')" -eq 9 ]
: > "$CONF"
check "rule removed: shown again" [ "$(listed --json)" -eq 9 ]

# display: stored, but hidden.
rm -f "$DB"
cat > "$CONF" <<'CFG'
ignore-mode display
ignore-article * "title =~ \"item 2\""
CFG
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" refresh > "$T/out" 2> "$T/err"
check "display: exit 0" [ $? -eq 0 ]
check "display: nothing counted as ignored" \
    grep -q 'refresh: 2 feeds: 2 fetched, 9 new articles, 0 not modified' "$T/err"
check "display: the matching article is stored" [ "$(stored 'a item 2')" -eq 1 ]
check "display: but hidden" [ "$(listed --json)" -eq 7 ]

# A bad expression: file, line and position; the other lines apply.
cat > "$CONF" <<'CFG'
ignore-mode display
ignore-article * "title =~ \"item 4\" and"
ignore-article * "titel = \"a item 1\""
ignore-article * "title = \"b item 1\""
CFG
"$GAZETTE" -c "$CONF" check-config > "$T/out" 2>&1
check "bad expression: file and line named" grep -q "config:2: .*ignore-article" "$T/out"
check "bad expression: position named" grep -q "config:2: .*position 22: expected an attribute or '(', found the end" "$T/out"
check "bad attribute: its position" grep -q "config:3: .*position 1: expected an attribute" "$T/out"
check "bad expression: the good rule applies" [ "$(listed --json)" -eq 8 ]
"$GAZETTE" -c "$CONF" -u "$T/urls" -d "$DB" list > "$T/out" 2>&1
check "bad expression: list still works" grep -q 'a item 4' "$T/out"
check "bad expression: the good rule hides" sh -c "! grep -q 'b item 1' '$T/out'"
echo 'ignore-article "title = \"x\""' > "$CONF"
"$GAZETTE" -c "$CONF" check-config > "$T/out" 2>&1
check "one word short: usage" grep -q "config:1: .*usage: ignore-article FEED-URL|\\* EXPRESSION" "$T/out"
echo 'ignore-mode sometimes' > "$CONF"
"$GAZETTE" -c "$CONF" check-config > "$T/out" 2>&1
check "ignore-mode: a bad value named" grep -q "config:1: .*ignore-mode: unknown value 'sometimes'" "$T/out"

# The other filter lines are applied, not merely accepted.
cat > "$CONF" <<'CFG'
ignore-mode download
ignore-article * "title = \"x\""
define-filter "unread" "unread = \"yes\""
prepopulate-query-feeds yes
CFG
"$GAZETTE" -c "$CONF" check-config > "$T/out" 2>&1
check "filter lines: all four applied" \
    grep -q "config: 4 lines: 4 applied, 0 not applied, 0 not understood" "$T/out"
echo 'define-filter "bad" "title =~"' > "$CONF"
"$GAZETTE" -c "$CONF" check-config > "$T/out" 2>&1
check "define-filter: a bad expression named with its position" \
    grep -q "config:1: define-filter: filter: position 9: expected a quoted string" "$T/out"

tap_done
