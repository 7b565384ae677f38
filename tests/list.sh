#!/bin/sh
# list.sh: `gazette list` over a database filled through the store API
# (tests/store_fill), and the database's error paths.
. "$srcdir/tests/lib.sh"

FILL="$builddir/tests/store_fill"
[ -x "$FILL" ] || skip_all "tests/store_fill not built"
DB="$T/data/gazette/gazette.db"
A=http://a.example/feed
B=http://b.example/feed
ESC=$(printf '\033')

# No database yet: nothing listed, nothing created.
"$GAZETTE" list > "$T/out" 2> "$T/err"
check "list without a database exits 0" [ $? -eq 0 ]
check "list without a database prints nothing" [ ! -s "$T/out" ]
check "list without a database creates none" [ ! -e "$DB" ]


printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
	"$A" a1 "Premier article" 1700000100 0 0 \
	"$A" a2 "Deuxième « article »" 1700000300 1 0 \
	"$B" b1 "Evil ${ESC}]52;c;aGVsbG8=${ESC}\\title ${ESC}[2J" 1700000200 0 1 \
	"$B" b2 "No date" - 0 0 |
	"$FILL" "$DB"
check "store_fill filled the database" [ $? -eq 0 ]
check "the database is mode 0600" \
	[ "$(stat -c %a "$DB")" = 600 ]
check "its directory is mode 0700" \
	[ "$(stat -c %a "$T/data/gazette")" = 700 ]

"$GAZETTE" list --json > "$T/out" 2> "$T/err"
check "list --json exits 0" [ $? -eq 0 ]
check "list --json prints 4 lines" [ "$(wc -l < "$T/out")" -eq 4 ]
# Newest first: a2 (…300), b1 (…200), a1 (…100), then b2 (first seen
# 1700000000).
check "newest first" [ "$(sed -n 's/.*"guid":"\([^"]*\)".*/\1/p' "$T/out" |
	tr '\n' ' ')" = "a2 b1 a1 b2 " ]
check "fields and booleans" grep -q \
	'^{"feed":"http://a.example/feed","guid":"a2","title":"Deuxième « article »","link":"http://a.example/feed","author":null,"published":1700000300,"updated":null,"read":true,"flagged":false,' \
	"$T/out"
check "published null when absent" grep -q '"guid":"b2".*"published":null' "$T/out"
check "flagged true" grep -q '"guid":"b1".*"read":false,"flagged":true' "$T/out"
check "escapes are JSON-escaped" grep -q 'Evil \\u001b]52' "$T/out"
check "no raw ESC in JSON" sh -c "! grep -q '$ESC' '$T/out'"
if command -v python3 > /dev/null 2>&1; then
	check "every line is JSON" python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    json.loads(l)' "$T/out"
fi

"$GAZETTE" list --unread --json > "$T/out"
check "--unread leaves read ones out" [ "$(wc -l < "$T/out")" -eq 3 ]
check "--unread has no read item" sh -c "! grep -q '\"read\":true' '$T/out'"

"$GAZETTE" list --feed "$A" --json > "$T/out"
check "--feed lists that feed only" [ "$(grep -c "\"feed\":\"$A\"" "$T/out")" -eq 2 ]
check "--feed lists 2" [ "$(wc -l < "$T/out")" -eq 2 ]

"$GAZETTE" list --feed http://nope.example/ > "$T/out" 2> "$T/err"
check "an unknown feed exits 1" [ $? -eq 1 ]
check "an unknown feed is named" grep -q 'nope.example' "$T/err"

"$GAZETTE" list > "$T/out" 2> "$T/err"
check "table exits 0" [ $? -eq 0 ]
check "table has 4 lines" [ "$(wc -l < "$T/out")" -eq 4 ]
check "table: no raw ESC" sh -c "! grep -q '$ESC' '$T/out'"
check "table: accents intact" grep -q 'Deuxième « article »' "$T/out"
check "table: date and unread mark" grep -q '^2023-11-14 22:15 N  Premier article' "$T/out"
check "table: flagged mark" grep -q '^2023-11-14 22:16 N! Evil' "$T/out"

"$GAZETTE" list --bogus > "$T/out" 2>&1
check "a bad option is a usage error" [ $? -eq 2 ]

# -d names another file; a corrupt one is refused and left alone.
head -c 4096 /dev/urandom > "$T/bad.db"
cp "$T/bad.db" "$T/bad.copy"
"$GAZETTE" -d "$T/bad.db" list > "$T/out" 2> "$T/err"
check "a corrupt database exits 2" [ $? -eq 2 ]
check "a corrupt database is named" grep -q "$T/bad.db" "$T/err"
check "a corrupt database is left untouched" cmp -s "$T/bad.db" "$T/bad.copy"

cp "$DB" "$T/ro.db"
chmod 0444 "$T/ro.db"
"$GAZETTE" -d "$T/ro.db" list > "$T/out" 2> "$T/err"
check "a read-only database exits 2" [ $? -eq 2 ]
check "a read-only database says so" grep -q 'read-only' "$T/err"

tap_done
