#!/bin/sh
# newsboat.sh: moving in from newsboat.  Debian's newsboat fetches feeds
# from tests/httpd.py into a cache of its own and sets read state with
# its -I; gazette import-newsboat takes urls, config and cache (twice:
# nothing twice), export-read writes what newsboat -E writes, and
# import-read reads newsboat's read lists.  Flags and the deleted mark
# have no newsboat command line: the test sets them in newsboat's cache
# with python's sqlite3, as newsboat itself writes them.
. "$srcdir/tests/lib.sh"
command -v newsboat >/dev/null 2>&1 ||
    skip_all "newsboat is not installed (Debian package newsboat)"
. "$srcdir/tests/httpd-lib.sh"

NB="$T/nb"
mkdir -p "$NB"
mkfeed "$DOCS/a.xml" a 5
mkfeed "$DOCS/b.xml" b 3
cat > "$DOCS/c.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Cé</title><link>http://example.org/c</link>
<item><title>Évolution du café</title><link>http://example.org/c/1</link>
<description>&lt;p&gt;Un article &lt;b&gt;sans&lt;/b&gt; guid, gardé par son lien.&lt;/p&gt;</description>
<enclosure url="http://example.org/c/1.mp3" type="audio/mpeg" length="10"/>
</item></channel></rss>
EOF
cat > "$NB/urls" <<URLS
# my feeds
$BASE/feed/a.xml news "~Feed A renamed"
$BASE/feed/b.xml tech
"query:Unread:unread = \"yes\""
$BASE/feed/c.xml
URLS
cat > "$NB/config" <<'CONF'
# newsboat config
browser "w3m %u"
show-read-feeds no
CONF

nb() {
	HOME="$T/nbhome" newsboat -u "$NB/urls" -c "$NB/cache.db" \
	    -C "$NB/config" "$@" >> "$T/nb.out" 2>&1
}
mkdir -p "$T/nbhome"
nb -x reload
check "newsboat stored the articles" \
    [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT count(*) FROM rss_item").fetchone()[0])' "$NB/cache.db")" = 9 ]
printf 'a-1\na-2\nb-3\nhttp://example.org/c/1\n' > "$T/readlist"
nb -I "$T/readlist"
python3 - "$NB/cache.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE rss_item SET flags = 'sA' WHERE guid = 'a-3'")
db.execute("UPDATE rss_item SET deleted = 1 WHERE guid = 'b-1'")
db.commit()
PY

G="$T/g.db"
"$GAZETTE" -d "$G" import-newsboat "$NB" > "$T/out" 2> "$T/err"
check "import-newsboat exits 0" [ $? -eq 0 ]
check "the urls file is copied as it is" \
    cmp -s "$NB/urls" "$XDG_CONFIG_HOME/gazette/urls"
check "the config is copied as it is" \
    cmp -s "$NB/config" "$XDG_CONFIG_HOME/gazette/config"
check "the summary counts feeds and articles" \
    grep -q 'import-newsboat: .*: 3 feeds, 8 articles (8 new, 4 read, 1 flagged)' "$T/err"
check "deleted articles are named as deleted here too" \
    grep -q '1 articles deleted in newsboat are deleted here too' "$T/err"
check "a deleted article is not stored, its guid is" [ "$(python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM items WHERE guid = \"b-1\"").fetchone()[0],
      db.execute("SELECT count(*) FROM item_deleted WHERE guid = \"b-1\"").fetchone()[0])' \
    "$G")" = '0 1' ]

"$GAZETTE" -d "$G" list --json > "$T/list" 2>> "$T/err"
python3 - "$T/list" > "$T/state" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    print(o["guid"], "read" if o["read"] else "unread",
          "flagged" if o["flagged"] else "-", o["title"])
PY
sort "$T/state" > "$T/state.sorted"
cat > "$T/expect" <<'EOF'
a-1 read - a item 1
a-2 read - a item 2
a-3 unread flagged a item 3
a-4 unread - a item 4
a-5 unread - a item 5
b-2 unread - b item 2
b-3 read - b item 3
http://example.org/c/1 read - Évolution du café
EOF
if cmp -s "$T/expect" "$T/state.sorted"; then ok "every article with its read and flagged state"
else diff "$T/expect" "$T/state.sorted" | sed 's/^/# /'; fail "every article with its read and flagged state"; fi

"$GAZETTE" -d "$G" show --width 70 http://example.org/c/1 > "$T/show" 2>&1
check "the content came along" grep -q "Un article sans guid" "$T/show"
check "the enclosure came along" [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT enclosures FROM items WHERE enclosures IS NOT NULL").fetchone()[0])' \
    "$G")" = '[{"url":"http://example.org/c/1.mp3","type":"audio/mpeg","length":null}]' ]
"$GAZETTE" -d "$G" search --json evolution > "$T/search" 2>&1
check "imported articles are searchable (accents folded)" \
    grep -q '"guid":"http://example.org/c/1"' "$T/search"
"$GAZETTE" -d "$G" list --json --feed "$BASE/feed/a.xml" > "$T/a" 2>&1
check "the feed keeps its URL" [ "$(wc -l < "$T/a")" -eq 5 ]
check "newsboat's flag letters came along (sA: As)" [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT i.guid || \" \" || g.flags FROM item_flags g JOIN items i ON i.id = g.item_id").fetchone()[0])' \
    "$G")" = 'a-3 As' ]
"$GAZETTE" -d "$G" list --query 'flags =~ "A"' > "$T/q" 2>&1
check "and the filter language sees them" grep -q 'a item 3' "$T/q"

# Again: nothing twice, nothing lost.
"$GAZETTE" -d "$G" import-newsboat "$NB" > "$T/out" 2> "$T/err"
check "again: exits 0" [ $? -eq 0 ]
check "again: no article twice" \
    grep -q '8 articles (0 new, 4 read, 1 flagged)' "$T/err"
check "again: the existing config is kept and named" \
    grep -q 'config: .* kept as it is' "$T/err"
check "again: the urls file gains no line" \
    grep -q 'urls: 0 feeds added to .*, 4 already listed' "$T/err"
check "again: still 8 articles" \
    [ "$("$GAZETTE" -d "$G" list --json | wc -l)" -eq 8 ]

# A refresh after the move brings nothing twice and keeps read state.
"$GAZETTE" -d "$G" -u "$NB/urls" refresh --quiet > "$T/out" 2> "$T/err"
check "refresh after the import exits 0" [ $? -eq 0 ]
"$GAZETTE" -d "$G" list --json > "$T/list2" 2>&1
check "refresh: the articles of feeds with guids are not doubled" \
    [ "$(grep -c '"guid":"[ab]-' "$T/list2")" -eq 7 ]
check "refresh: the article deleted in newsboat does not come back" \
    sh -c "! grep -q '\"guid\":\"b-1\"' '$T/list2'"
check "refresh: read state kept" \
    [ "$(grep '"guid":"a-1"' "$T/list2" | grep -c '"read":true')" -eq 1 ]

# export-read writes what newsboat -E writes (order aside).
"$GAZETTE" -d "$G" export-read "$T/gz.read" 2> "$T/err"
check "export-read exits 0" [ $? -eq 0 ]
nb -E "$T/nb.read"
sort "$T/nb.read" > "$T/nb.sorted"
sort "$T/gz.read" | grep -v '^b-1$' > "$T/gz.sorted"
if cmp -s "$T/nb.sorted" "$T/gz.sorted"; then ok "export-read: newsboat's -E list (the deleted one aside)"
else diff "$T/nb.sorted" "$T/gz.sorted" | sed 's/^/# /'; fail "export-read: newsboat's -E list (the deleted one aside)"; fi

# Deleted in newsboat after an earlier import: deleted here too, and
# kept away from counts and search.
python3 - "$NB/cache.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE rss_item SET deleted = 1 WHERE guid = 'a-5'")
db.commit()
PY
"$GAZETTE" -d "$G" import-newsboat "$NB" > "$T/out" 2> "$T/err"
check "deleted later: named" \
    grep -q '2 articles deleted in newsboat are deleted here too' "$T/err"
"$GAZETTE" -d "$G" list --json > "$T/list3" 2>&1
check "deleted later: gone from the list" \
    sh -c "! grep -q '\"guid\":\"a-5\"' '$T/list3'"
"$GAZETTE" -d "$G" search --json "a item 5" > "$T/search3" 2>&1
check "deleted later: gone from search" \
    sh -c "! grep -q '\"guid\":\"a-5\"' '$T/search3'"

# import-read: a list from newsboat marks the same articles here; a
# line that names a link marks the article without a guid.
G2="$T/g2.db"
"$GAZETTE" -d "$G2" -u "$NB/urls" refresh --quiet 2> "$T/err"
printf 'a-4\nb-2\r\nhttp://example.org/c/1\nnot-there\n\n' > "$T/list.in"
"$GAZETTE" -d "$G2" import-read "$T/list.in" 2> "$T/err"
check "import-read exits 0" [ $? -eq 0 ]
check "import-read counts what it marked and what it did not find" \
    grep -q 'import-read: 3 articles marked read; 1 of 4 lines match no article' "$T/err"
"$GAZETTE" -d "$G2" list --json > "$T/l" 2>&1
check "import-read: exactly those three are read" \
    [ "$(grep -c '"read":true' "$T/l")" -eq 3 ]
check "import-read: the unread counts follow" \
    [ "$("$GAZETTE" -d "$G2" list --unread --json | wc -l)" -eq 6 ]

# Bad input: a clear message, no hang, nothing written.
"$GAZETTE" -d "$G2" import-read /dev/zero 2> "$T/err"
check "import-read /dev/zero: exit 2" [ $? -eq 2 ]
check "import-read /dev/zero: says why" grep -q 'not a regular file' "$T/err"
mkdir -p "$T/empty"
"$GAZETTE" -d "$T/g3.db" import-newsboat "$T/empty" 2> "$T/err"
check "import-newsboat of an empty directory: exit 2" [ $? -eq 2 ]
check "import-newsboat of an empty directory: names the files" \
    grep -q 'no newsboat files' "$T/err"
printf 'not a database' > "$T/bad/cache.db" 2>/dev/null ||
    { mkdir -p "$T/bad"; printf 'not a database at all, no' > "$T/bad/cache.db"; }
"$GAZETTE" -d "$T/g3.db" import-newsboat "$T/bad" 2> "$T/err"
check "a broken cache: exit 2 with a message" \
    [ $? -eq 2 ] && grep -q 'import-newsboat: .*' "$T/err"

tap_done
