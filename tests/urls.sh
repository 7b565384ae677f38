#!/bin/sh
# urls.sh: `gazette add` and the urls file it writes.
. "$srcdir/tests/lib.sh"

U="$XDG_CONFIG_HOME/gazette/urls"

"$GAZETTE" add http://a.example/feed.xml tech "two words" "~My Feed" \
    @timeout=20 > "$T/out" 2>&1
check "add exits 0" [ $? -eq 0 ]
check "add creates the urls file" [ -f "$U" ]
check "the urls file is mode 0600" \
    [ "$(stat -c %a "$U")" = 600 ]
check "its directory is mode 0700" \
    [ "$(stat -c %a "$XDG_CONFIG_HOME/gazette")" = 700 ]
check "the line is written with quoting" grep -qx \
    'http://a.example/feed.xml "~My Feed" tech "two words" @timeout=20' "$U"

"$GAZETTE" add http://a.example/feed.xml other > "$T/out" 2>&1
check "a duplicate exits 1" [ $? -eq 1 ]
check "a duplicate is named" grep -q 'already in' "$T/out"
check "a duplicate writes nothing" [ "$(wc -l < "$U")" -eq 1 ]

"$GAZETTE" add notaurl > "$T/out" 2>&1
check "a bad URL is a usage error" [ $? -eq 2 ]
"$GAZETTE" add http://b.example/ @timeout=abc > "$T/out" 2>&1
check "a bad setting is a usage error" [ $? -eq 2 ]
check "a bad setting is named" grep -q '@timeout' "$T/out"
"$GAZETTE" add > "$T/out" 2>&1
check "no URL is a usage error" [ $? -eq 2 ]

# A file without a final newline gets one before the new line.
printf 'http://c.example/' > "$T/u2"
"$GAZETTE" -u "$T/u2" add http://d.example/ x > "$T/out" 2>&1
check "add -u appends to the named file" [ $? -eq 0 ]
check "the previous last line is kept intact" grep -qx 'http://c.example/' "$T/u2"
check "the new line is on its own line" grep -qx 'http://d.example/ x' "$T/u2"

# A newsboat file with an unreadable line: add still works, the bad line is
# reported with file:line by the commands that read it.
printf '"http://e.example/ broken\nhttp://f.example/\n' > "$T/u3"
"$GAZETTE" -u "$T/u3" add http://f.example/ > "$T/out" 2>&1
check "duplicate detection reads past a bad line" [ $? -eq 1 ]

tap_done
