#!/bin/sh
# store_damage.sh: a real database, damaged.  gazette names the damaged
# file, exits 2 and writes nothing more to it (its bytes stay the same):
# pages overwritten in the middle (refresh, list, search), a file cut
# short inside a page and at a page boundary, bytes inserted (caught at
# open by the size: before, a refresh stored into it and exited 0).  A
# sound file that merely grew is still used.  Damage that nothing reads
# goes unnoticed: quick_check reads the whole file, too slow for every
# open (src/store_damage.c).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/damage-lib.sh"

# Four pages of feed a's newest articles overwritten.
damage_pages 4
before=$(sum "$D")
# Feed b has news; a comes first (one transfer at a time) and meets the
# damage before b is stored.
feed b 153
"$GAZETTE" -u "$U" -d "$D" refresh --jobs 1 > "$T/out" 2> "$T/err"
check "refresh of a damaged database exits 2" [ $? -eq 2 ]
check "refresh says once which file is damaged" said "$T/err"
check "refresh writes nothing to it" [ "$(sum "$D")" = "$before" ]
check "refresh prints no summary" sh -c "! grep -q 'new article' '$T/err'"
"$GAZETTE" -d "$D" list > "$T/out" 2> "$T/err"
check "list of a damaged database exits 2" [ $? -eq 2 ]
check "list says which file is damaged" said "$T/err"
check "list leaves it alone" [ "$(sum "$D")" = "$before" ]
"$GAZETTE" -d "$D" search story > "$T/out" 2> "$T/err"
check "search of a damaged database exits 2" [ $? -eq 2 ]
check "search says which file is damaged" said "$T/err"
check "search leaves it alone" [ "$(sum "$D")" = "$before" ]

# Cut short, inside a page and at a page boundary.
size=$(wc -c < "$GOOD")
for cut in $((size / 2 + 100)) $((size / 2 / 8192 * 8192)); do
	cp "$GOOD" "$D"
	truncate -s "$cut" "$D"
	before=$(sum "$D")
	"$GAZETTE" -u "$U" -d "$D" refresh > "$T/out" 2> "$T/err"
	check "refresh, cut at $cut: exit 2" [ $? -eq 2 ]
	check "refresh, cut at $cut: said" said "$T/err"
	"$GAZETTE" -d "$D" list > "$T/out" 2> "$T/err"
	check "list, cut at $cut: exit 2" [ $? -eq 2 ]
	check "list, cut at $cut: said" said "$T/err"
	"$GAZETTE" -d "$D" search story > "$T/out" 2> "$T/err"
	check "search, cut at $cut: exit 2" [ $? -eq 2 ]
	check "search, cut at $cut: said" said "$T/err"
	check "cut at $cut: left as it was" [ "$(sum "$D")" = "$before" ]
done

# 1000 bytes inserted two pages before the end, where the search index
# lives: those pages are shifted.  A refresh of a new feed alone stores
# its articles before it reads any of them (then indexing fails); the
# size gives the damage away at open.
python3 - "$GOOD" "$D" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
at = len(data) - 2 * 8192
open(sys.argv[2], "wb").write(data[:at] + b"\xde\xad" * 500 + data[at:])
EOF
before=$(sum "$D")
feed c 5
printf 'file://%s/c.xml\n' "$T" > "$T/curls"
"$GAZETTE" -u "$T/curls" -d "$D" refresh > "$T/out" 2> "$T/err"
check "refresh, bytes inserted: exit 2" [ $? -eq 2 ]
check "refresh, bytes inserted: said" said "$T/err"
check "refresh, bytes inserted: left as it was" [ "$(sum "$D")" = "$before" ]

# A sound file that grew by half a page is checked, found sound, used.
cp "$GOOD" "$D"
head -c 4096 /dev/zero >> "$D"
"$GAZETTE" -d "$D" list > "$T/out" 2> "$T/err"
check "a sound file that grew: list exits 0" [ $? -eq 0 ]
check "a sound file that grew: every article listed" \
    [ "$(wc -l < "$T/out")" -eq 300 ]
"$GAZETTE" -u "$T/curls" -d "$D" refresh --quiet > "$T/out" 2> "$T/err"
check "a sound file that grew: refresh exits 0" [ $? -eq 0 ]

tap_done
