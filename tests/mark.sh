#!/bin/sh
# mark.sh: `gazette mark` over a database filled through the store API
# (tests/store_fill), and the queue of local changes sync keeps in it.
. "$srcdir/tests/lib.sh"

FILL="$builddir/tests/store_fill"
[ -x "$FILL" ] || skip_all "tests/store_fill not built"
command -v python3 > /dev/null 2>&1 || skip_all "python3 is not installed"
# sql DB QUERY: the rows of QUERY, fields joined by "|" (python3's
# sqlite3 module: the sqlite3 tool is not needed).
sql() {
	python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))
db.commit()' "$1" "$2"
}
DB="$T/data/gazette/gazette.db"
A=http://a.example/feed
B=http://b.example/feed
ESC=$(printf '\033')

# state GUID [FEED]: "read flagged" of the (newest) article with GUID.
state() {
	"$GAZETTE" list --json ${2:+--feed "$2"} |
	    grep "\"guid\":\"$1\"" | head -n 1 |
	    sed 's/.*"read":\([a-z]*\),"flagged":\([a-z]*\).*/\1 \2/'
}

"$GAZETTE" mark --read x > "$T/out" 2> "$T/err"
check "mark without a database exits 2" [ $? -eq 2 ]
check "mark without a database creates none" [ ! -e "$DB" ]

printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
	"$A" a1 "One" 1700000100 0 0 \
	"$A" a2 "Two" 1700000300 1 0 \
	"$A" same "Same in A" 1700000400 0 0 \
	"$B" b1 "Three" 1700000200 0 1 \
	"$B" same "Same in B" 1700000500 0 0 |
	"$FILL" "$DB"
check "store_fill filled the database" [ $? -eq 0 ]

"$GAZETTE" mark > /dev/null 2> "$T/err"
check "mark with nothing exits 2" [ $? -eq 2 ]
check "mark with nothing says the usage" grep -q 'usage: gazette mark' "$T/err"
"$GAZETTE" mark a1 > /dev/null 2>&1
check "mark without a state exits 2" [ $? -eq 2 ]
"$GAZETTE" mark --read --unread a1 > /dev/null 2>&1
check "--read with --unread exits 2" [ $? -eq 2 ]
"$GAZETTE" mark --flag --unflag a1 > /dev/null 2>&1
check "--flag with --unflag exits 2" [ $? -eq 2 ]
check "nothing changed by usage errors" [ "$(state a1)" = "false false" ]

"$GAZETTE" mark --read a1 > "$T/out" 2> "$T/err"
check "--read exits 0" [ $? -eq 0 ]
check "--read marks read" [ "$(state a1)" = "true false" ]
check "--read prints nothing" [ ! -s "$T/out" ] && [ ! -s "$T/err" ]
"$GAZETTE" mark --unread a2
check "--unread marks unread" [ "$(state a2)" = "false false" ]
"$GAZETTE" mark --flag a1
check "--flag flags" [ "$(state a1)" = "true true" ]
"$GAZETTE" mark --unflag b1
check "--unflag unflags" [ "$(state b1)" = "false false" ]
"$GAZETTE" mark --read --flag b1
check "--read --flag together" [ "$(state b1)" = "true true" ]
"$GAZETTE" mark --unread --unflag a1 b1
check "several guids" [ "$(state a1) $(state b1)" = "false false false false" ]
check "unread counts kept" [ "$(sql "$DB" \
	'SELECT group_concat(unread) FROM (SELECT unread FROM feeds ORDER BY id)')" = \
	"$(sql "$DB" 'SELECT group_concat(n) FROM (SELECT (SELECT count(*)
	FROM items WHERE feed_id = feeds.id AND read = 0) n FROM feeds ORDER BY id)')" ]

"$GAZETTE" mark --read same
check "a guid in two feeds marks both" \
	[ "$(state same "$A") $(state same "$B")" = "true false true false" ]
"$GAZETTE" mark --unread --feed "$B" same
check "--feed marks that feed only" \
	[ "$(state same "$A") $(state same "$B")" = "true false false false" ]
"$GAZETTE" mark --read --feed http://none.example/ same 2> "$T/err"
check "--feed of an unknown feed exits 2" [ $? -eq 2 ]
check "and names it" grep -q 'no feed http://none.example/' "$T/err"

"$GAZETTE" mark --read a2 "nope${ESC}[2J" b1 > "$T/out" 2> "$T/err"
check "an unknown guid exits 1" [ $? -eq 1 ]
check "the others are marked" [ "$(state a2) $(state b1)" = "true false true false" ]
check "the unknown guid is named" grep -q 'no article with guid nope' "$T/err"
check "without its escape" sh -c "! grep -q '$ESC' '$T/err'"

printf 'a1\n\nb1\r\n' | "$GAZETTE" mark --flag - > "$T/out" 2> "$T/err"
check "- reads guids from stdin" [ $? -eq 0 ]
check "every stdin guid flagged" [ "$(state a1) $(state b1)" = "false true true true" ]
"$GAZETTE" list --json | sed -n 's/.*"guid":"\([^"]*\)".*/\1/p' |
	"$GAZETTE" mark --read -
check "list --json guids piped to mark" [ $? -eq 0 ]
check "all read" [ "$("$GAZETTE" list --unread --json | wc -l)" -eq 0 ]

# The queue: nothing while sync is off.
check "no queue without sync" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]
sql "$DB" "INSERT INTO sync_state VALUES ('on', 1)"
# As a sync with freshrss-flag-star "s" leaves it (without one, flags
# stay local and are not queued).
sql "$DB" "INSERT INTO sync_state VALUES ('flag_star', 's')"
before=$(( $(date +%s) * 1000 ))
"$GAZETTE" mark --unread a1 b1
"$GAZETTE" mark --unflag a1
"$GAZETTE" mark --unflag a2
after=$(( ($(date +%s) + 1) * 1000 ))
check "sync on: each change queued" \
	[ "$(sql "$DB" 'SELECT group_concat(guid || what || value, " ") FROM sync_queue ORDER BY id')" = "a100 b100 a110" ]
check "with its time" [ "$(sql "$DB" "SELECT count(*) FROM sync_queue
	WHERE at BETWEEN $before AND $after")" -eq 3 ]

# Leaving sync mode (no urls-source "freshrss" any more): the next
# refresh turns queueing off and drops the queue, so a later return to
# sync never pushes these months-old changes as new ones.
mkdir -p "$XDG_CONFIG_HOME/gazette"
printf '<rss version="2.0"><channel><title>L</title><item><guid>l1</guid><title>L1</title></item></channel></rss>\n' > "$T/local.xml"
echo "file://$T/local.xml" > "$XDG_CONFIG_HOME/gazette/urls"
"$GAZETTE" refresh --quiet > "$T/out" 2> "$T/err"
check "a refresh without sync runs" [ $? -eq 0 ]
check "and drops the queue" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]
check "and turns queueing off" [ "$(sql "$DB" "SELECT count(*) FROM sync_state WHERE key = 'on'")" -eq 0 ]
"$GAZETTE" mark --read a1
check "a change after it is not queued" [ "$(sql "$DB" 'SELECT count(*) FROM sync_queue')" -eq 0 ]

tap_done
