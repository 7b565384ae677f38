#!/bin/sh
# search.sh: `gazette search` and `gazette reindex` end to end, on a real
# database filled through the store API (tests/search_fill).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/lock-lib.sh"

FILL="$builddir/tests/search_fill"
DB="$T/db"
TAB=$(printf '\t')
ESC=$(printf '\033')

# guids QUERY...: the guids found, in rank order, on one line
guids() {
	"$GAZETTE" -d "$DB" search --json "$@" 2>"$T/err" |
	    sed -n 's/.*"guid":"\([^"]*\)".*/\1/p' | tr '\n' ' ' |
	    sed 's/ $//'
}

# expect DESC "WANTED GUIDS" QUERY...
expect() {
	desc=$1
	want=$2
	shift 2
	got=$(guids "$@")
	if [ "$got" = "$want" ]; then
		ok "$desc"
	else
		fail "$desc: search $* gave '$got', wanted '$want'"
	fi
}

# expect_set DESC "WANTED GUIDS (sorted)" QUERY...: order not checked
expect_set() {
	desc=$1
	want=$2
	shift 2
	got=$(guids "$@" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$want" ]; then
		ok "$desc"
	else
		fail "$desc: search $* gave '$got', wanted '$want'"
	fi
}

fill() {
	"$FILL" "$DB" > "$T/fill.out" 2>&1
}

"$GAZETTE" -d "$DB" search anything > "$T/out" 2>&1
check "no database: exit 1" [ $? -eq 1 ]
check "no database: said so" grep -q "no database" "$T/out"

# The corpus.  Dates: 1700000000 = 2023-11-14 22:13 UTC.
cat > "$T/items" <<EOF
item${TAB}http://sci.example/${TAB}evo1${TAB}L’Évolution des espèces${TAB}Charles Darwin${TAB}1700000000${TAB}On the origin of species by means of natural selection.
item${TAB}http://sci.example/${TAB}evo2${TAB}A note${TAB}Alfred Wallace${TAB}1700086400${TAB}The evolution of birds, and the œuvre of a naturalist.
item${TAB}http://sci.example/${TAB}oeuv${TAB}Complete works${TAB}${TAB}1700172800${TAB}His collected oeuvre is large. STRASSE and Straße.
item${TAB}http://tech.example/${TAB}rust1${TAB}Rust in the kernel${TAB}Linus${TAB}1700259200${TAB}Drivers written in a new language.
item${TAB}http://tech.example/${TAB}rust2${TAB}Weekly notes${TAB}Greg${TAB}1700345600${TAB}rust rust rust everywhere, even in the kernel
item${TAB}http://tech.example/${TAB}kern${TAB}Kernel release${TAB}Linus${TAB}1700432000${TAB}A new kernel is out with many fixes.
item${TAB}http://tech.example/${TAB}same1${TAB}Twin story${TAB}${TAB}1700000000${TAB}identical twin text
item${TAB}http://tech.example/${TAB}same2${TAB}Twin story${TAB}${TAB}1700500000${TAB}identical twin text
item${TAB}http://jp.example/${TAB}zh1${TAB}今日新闻${TAB}${TAB}1700600000${TAB}我们找到了答案。
item${TAB}http://jp.example/${TAB}ja1${TAB}東京タワーの話${TAB}${TAB}1700700000${TAB}きょうはとてもいい天気です
item${TAB}http://jp.example/${TAB}th1${TAB}ข่าว${TAB}${TAB}1700800000${TAB}สวัสดีครับ
item${TAB}http://evil.example/${TAB}esc${TAB}Bad ${ESC}[31mred${ESC}[0m title${TAB}${TAB}1700900000${TAB}escape ${ESC}]0;pwned${ESC}\\ sequence
item${TAB}http://w.example/${TAB}w1${TAB}Zeta report${TAB}${TAB}1700000000${TAB}plain words here
item${TAB}http://w.example/${TAB}w2${TAB}Other report${TAB}Zeta Jones${TAB}1700000000${TAB}plain words here
item${TAB}http://w.example/${TAB}w3${TAB}Third report${TAB}${TAB}1700000000${TAB}plain words zeta
feedtitle${TAB}http://sci.example/${TAB}Science Daily
feedtitle${TAB}http://tech.example/${TAB}Tech Weekly
tags${TAB}http://tech.example/${TAB}computing${TAB}news
read${TAB}http://tech.example/${TAB}kern
flag${TAB}http://sci.example/${TAB}evo2
EOF
fill < "$T/items"
check "the corpus is stored" [ $? -eq 0 ]

# Accents, case, ligatures.
expect "evolution finds Évolution (title) before evolution (text)" "evo1 evo2" evolution
expect "évolution finds evolution too" "evo1 evo2" "évolution"
expect "case does not matter" "evo1 evo2" EVOLUTION
expect_set "oeuvre finds œuvre and oeuvre" "evo2 oeuv" oeuvre
expect_set "œuvre finds oeuvre and œuvre" "evo2 oeuv" "œuvre"
expect "strasse finds Straße" "oeuv" strasse
# Phrases, prefixes, OR, exclusions.
expect "a phrase" "evo1" '"natural selection"'
expect "a phrase in the wrong order finds nothing" "" '"selection natural"'
expect_set "a prefix" "evo1 evo2" 'evol*'
expect_set "OR" "evo1 evo2" 'darwin OR wallace'
expect "an exclusion" "kern" 'kernel -rust'
expect "an excluded phrase" "rust2" 'rust -"new language"'
# Fields.
expect "title:" "kern rust1" 'title:kernel'
expect "author:" "evo1" 'author:darwin'
expect_set "feed: (the feed's title)" "evo1 evo2" 'feed:science evol*'
expect_set "tag:" "kern rust1 rust2" 'tag:computing kernel'
# Filters.
expect "is:flagged" "evo2" 'is:flagged'
expect "is:read" "kern" 'is:read kernel'
expect_set "is:unread" "rust1 rust2" 'is:unread kernel'
expect_set "since: a day" "kern rust2" 'kernel since:2023-11-18'
expect "until: a day" "rust1" 'kernel until:2023-11-18'
expect "since: an age (everything is older than a week)" "" 'kernel since:7d'
# Ranking: title over body, then newer first for equal scores.
expect "a title match ranks above body matches" "rust1 rust2" rust
expect "equal scores: newest first" "same2 same1" twin
expect "title above author above text" "w1 w2 w3" zeta
expect "--exact ranks the same here" "w1 w2 w3" --exact zeta
# CJK and Thai: substrings of text written without spaces.
expect "Chinese: a word inside a sentence" "zh1" '找到'
expect "Chinese: one character" "zh1" '答'
expect "Chinese: a longer run" "zh1" '找到了答案'
expect "Chinese: a run that is not there" "" '答找'
expect "Japanese: kanji in a title" "ja1" 'title:東京'
expect "Japanese: kana inside a sentence" "ja1" 'いい天気'
expect "Thai" "th1" 'สวัสดี'
expect "CJK with a Latin word" "zh1" '找到 OR nothing'

# Snippets and output.
"$GAZETTE" -d "$DB" search --json evolution > "$T/out"
check "JSON: one line per hit" [ "$(wc -l < "$T/out")" -eq 2 ]
check "JSON: the snippet marks the match" \
    grep -q '"snippet":"The \\u0001evolution\\u0002 of birds' "$T/out"
check "JSON: score and booleans" \
    grep -q '"read":false,"flagged":true,"score":[0-9.]*,' "$T/out"
check "JSON: every match was ranked (ranked_newest null)" \
    [ "$(grep -c '"ranked_newest":null}$' "$T/out")" -eq 2 ]
"$GAZETTE" -d "$DB" search --limit 1 --json evolution > "$T/out"
check "--limit" [ "$(wc -l < "$T/out")" -eq 1 ]
"$GAZETTE" -d "$DB" search escape > "$T/out" 2>&1
check "table: exit 0" [ $? -eq 0 ]
check "table: title shown" grep -q 'Bad .*red.* title' "$T/out"
check "table: no escape character" [ "$(tr -cd '\033\001\002' < "$T/out" | wc -c)" -eq 0 ]
"$GAZETTE" -d "$DB" search --json escape > "$T/out" 2>&1
check "JSON: no raw escape character" [ "$(tr -cd '\033' < "$T/out" | wc -c)" -eq 0 ]
"$GAZETTE" -d "$DB" search nosuchwordanywhere > "$T/out" 2>&1
check "nothing found: exit 1" [ $? -eq 1 ]

# Hostile queries: never an FTS5 or SQL error, never a crash.
for q in '"' '""' '"a' 'NEAR(kernel rust)' 'kernel NEAR rust' '*' '**' \
    '^kernel' 'kernel^' '(kernel' 'kernel)' 'title:' 'title:*' ':' \
    '{title}:kernel' 'rowid:1' 'search_fts:kernel' 'items:1' \
    "kernel'; DROP TABLE items; --" 'kernel" OR "1"="1' 'AND' 'OR OR' \
    'NOT' '-' '--' '+' 'kernel AND' 'a:b:c' '\' '%' '_' 'ker*nel' \
    'kernel*' '"kernel"*' 'since:' 'is:' 'tag:' ; do
	"$GAZETTE" -d "$DB" search "$q" > "$T/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] || [ $rc -eq 1 ] ||
	    { [ $rc -eq 2 ] && [ "$(wc -l < "$T/out")" -eq 1 ]; }; then
		if grep -qi 'fts5\|syntax\|sqlite\|malformed' "$T/out"; then
			fail "hostile query <$q>: $(cat "$T/out")"
		else
			ok "hostile query <$q> handled (exit $rc)"
		fi
	else
		fail "hostile query <$q>: exit $rc: $(head -3 "$T/out")"
	fi
done
expect_set "the database survived" "kern rust1 rust2" kernel
"$GAZETTE" -d "$DB" search -- -spam > "$T/out" 2>&1
check "only an exclusion: usage error" [ $? -eq 2 ]
check "only an exclusion: one clear line" grep -q "^gazette: search: nothing to search for" "$T/out"
"$GAZETTE" -d "$DB" search 'x*y a*' > "$T/out" 2>&1
check "a one-letter prefix: usage error" [ $? -eq 2 ]
check "a one-letter prefix: explained" grep -q "prefix too short" "$T/out"

# Updates, deletes, renames: the index follows.
cat > "$T/changes" <<EOF
item${TAB}http://sci.example/${TAB}evo1${TAB}L’Évolution des espèces${TAB}Charles Darwin${TAB}1700000000${TAB}Now about pigeons instead.
item${TAB}http://jp.example/${TAB}zh1${TAB}今日新闻${TAB}${TAB}1700600000${TAB}新的内容
EOF
fill < "$T/changes"
expect "after an update the new text is found" "evo1" pigeons
expect "after an update the old text is gone" "" '"natural selection"'
expect "after an update old CJK text is gone" "" '找到'
expect "after an update new CJK text is found" "zh1" '内容'
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "consistent after updates" [ $? -eq 0 ]
printf 'feedtitle\thttp://sci.example/\tNature Letters\n' | fill
expect_set "after a feed rename the new name is found" "evo1 evo2 oeuv" 'feed:nature'
expect "after a feed rename the old name is gone" "" 'feed:science'
printf 'prune\thttp://tech.example/\t2\n' | fill
expect "pruned items are gone" "kern" kernel
printf 'deletefeed\thttp://jp.example/\n' | fill
expect "a deleted feed's items are gone" "" '東京'
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "consistent after renames and deletes" [ $? -eq 0 ]
"$GAZETTE" -d "$DB" reindex > "$T/out" 2>&1
check "reindex exits 0" [ $? -eq 0 ]
expect_set "the same answers after reindex" "evo1 evo2 oeuv" 'feed:nature'
# A rename seen by a search: the store counts renames (a trigger), and
# the index compares the titles when the count moved.
printf 'usertitle\thttp://sci.example/\tBiology Weekly\n' | fill
expect_set "after a ~Title rename the new name is found" "evo1 evo2 oeuv" \
    'feed:biology'
expect "after a ~Title rename the feed's title is gone" "" 'feed:nature'
printf 'usertitle\thttp://sci.example/\tZoology Digest\n' | fill
expect_set "a second rename is found" "evo1 evo2 oeuv" 'feed:zoology'
expect "and the first one's title is gone" "" 'feed:biology'
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "consistent after ~Title renames" [ $? -eq 0 ]

# While another process holds the index's write lock (a refresh
# indexing), search answers at once from what is indexed and says what
# is missing.  The store's write lock (a refresh storing) does not stop
# it from catching up.
if command -v python3 > /dev/null 2>&1; then
	printf 'item\thttp://lag.example/\tlag1\tLate news\t\t-\tquokka\n' | fill
	hold_lock "$DB"
	check "the store is locked by another process" [ $? -eq 0 ]
	expect "the store locked by a writer: the index catches up" "lag1" quokka
	release_lock
	printf 'item\thttp://lag.example/\tlag2\tLater news\t\t-\twombat\n' | fill
	hold_lock "$DB-search"
	check "the index is locked by another process" [ $? -eq 0 ]
	"$GAZETTE" -d "$DB" search wombat > "$T/out" 2> "$T/err"
	rc=$?
	release_lock
	check "busy index: not found yet (exit 1)" [ $rc -eq 1 ]
	check "busy index: says 1 article is not indexed yet" \
	    grep -q "1 article is not indexed yet" "$T/err"
	expect "once the indexer is gone the article is found" "lag2" wombat
fi

# A crash in the middle of indexing: kill -9, then sync again.
printf 'gen\thttp://bulk.example/\t3000\tzebra\n' | fill
check "3000 more items stored" [ $? -eq 0 ]
printf 'sync\n' | "$FILL" "$DB" --slow-sync "$T/progress" > /dev/null 2>&1 &
pid=$!
# synced_rows: at least 50 rows indexed (n: how many)
synced_rows() {
	n=$(cat "$T/progress" 2>/dev/null)
	[ "${n:-0}" -ge 50 ]
}
n=0
wait_until 300 synced_rows
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "the sync was killed in the middle (after $n rows)" [ "${n:-0}" -ge 50 ] && [ "${n:-0}" -lt 3000 ]
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "after kill -9 the index is consistent" [ $? -eq 0 ]
printf 'check\n' | "$FILL" "$DB" > "$T/out" 2>&1
n=$("$GAZETTE" -d "$DB" search --limit 5000 --json zebra 2>"$T/err" | wc -l)
check "after kill -9 a search catches up: all 3000 found" [ "$n" -eq 3000 ]
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "consistent after catching up" [ $? -eq 0 ]

# More matches than the rank cap (20000): the newest 20000 are ranked,
# and the output says so; --exact ranks them all and says nothing.
printf 'gen\thttp://cap.example/\t20001\tyak\n' | fill
check "20001 more items stored" [ $? -eq 0 ]
"$GAZETTE" -d "$DB" search --limit 3 yak > "$T/out" 2> "$T/err"
check "capped: exit 0" [ $? -eq 0 ]
check "capped: 3 hits shown" [ "$(grep -c '^2023-' "$T/out")" -eq 3 ]
check "capped: stderr says only the newest 20000 were ranked" \
    grep -q "^gazette: search: more than 20000 articles match: only the newest 20000 were ranked" "$T/err"
check "capped: the notice is one line" [ "$(wc -l < "$T/err")" -eq 1 ]
"$GAZETTE" -d "$DB" search --limit 3 --json yak > "$T/out" 2> "$T/err"
check "capped JSON: ranked_newest 20000 on every line" \
    [ "$(grep -c '"ranked_newest":20000}$' "$T/out")" -eq 3 ]
check "capped JSON: nothing on stderr" [ ! -s "$T/err" ]
"$GAZETTE" -d "$DB" search --limit 3 --json --exact yak > "$T/out" 2> "$T/err"
check "--exact: ranked_newest null" \
    [ "$(grep -c '"ranked_newest":null}$' "$T/out")" -eq 3 ]
check "--exact: no notice" [ ! -s "$T/err" ]
# exactly 20000 matches (one excluded): nothing was cut
"$GAZETTE" -d "$DB" search --limit 3 "yak -7" > "$T/out" 2> "$T/err"
check "20000 matches: no notice" [ ! -s "$T/err" ]
check "20000 matches: found" [ "$(grep -c '^2023-' "$T/out")" -eq 3 ]
n=$("$GAZETTE" -d "$DB" search --limit 100000 --json --exact yak | wc -l)
check "--exact: all 20001 found" [ "$n" -eq 20001 ]

tap_done
