#!/bin/sh
# ui_flags.sh: newsboat's ^E (edit-flags): the letters a-z and A-Z,
# stored ordered and once, shown in the article view, flagging the
# article ('!') while it has any, and matched by the filter language
# (flags =~, flags #) in query feeds and list --query.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
cat > "$T/a.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha feed</title>
<item><guid>a1</guid><title>First story</title><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><guid>a2</guid><title>Second story</title><pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
printf 'file://%s/a.xml\n"query:With b:flags =~ \\"b\\""\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

stored_flags() {
	python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
r = db.execute("SELECT coalesce(group_concat(i.guid || \"=\" || g.flags), \"\") FROM item_flags g JOIN items i ON i.id = g.item_id").fetchone()
print(r[0])' "$DB"
}

ui_start 100 30 -- -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "First story" >/dev/null
keys C-e
check "^E asks for the flags" wait_for "Flags:"
keys -l "b a1b"
keys Enter
check "^E: letters kept, ordered, once; the rest named" \
    wait_for "flags: ab (only the letters"
check "^E: stored" [ "$(stored_flags)" = "a1=ab" ]
check "^E: the article is flagged" sh -c \
    "'$GAZETTE' -d '$DB' list --json | grep '\"guid\":\"a1\"' | grep -q '\"flagged\":true'"
check "filter: flags =~ finds it" sh -c \
    "'$GAZETTE' -d '$DB' list --query 'flags =~ \"b\"' | grep -q 'First story'"
check "filter: flags # \"ab\" finds it" sh -c \
    "'$GAZETTE' -d '$DB' list --query 'flags # \"ab\"' | grep -q 'First story'"
check "filter: not the other" sh -c \
    "! '$GAZETTE' -d '$DB' list --query 'flags =~ \"b\"' | grep -q 'Second story'"

# Shown in the article view; the query feed holds it.
keys Enter
check "the article view lists the flags" wait_for "Flags: ab"
keys q
keys q
check "the query feed on flags counts it (read by now)" wait_re "(0/1) With b"

# ^E again offers them; emptied, the article is unflagged.
keys Enter
wait_for "First story" >/dev/null
keys C-e
check "^E offers the flags it has" wait_for "Flags: ab"
keys C-u Enter
check "^E: cleared" wait_for "flags: none"
check "cleared: no row" [ "$(stored_flags)" = "" ]
check "cleared: unflagged" sh -c \
    "'$GAZETTE' -d '$DB' list --json | grep '\"guid\":\"a1\"' | grep -q '\"flagged\":false'"

# ! (gazette's flag) is the flag s; unflagging drops every letter.
keys '!'
sleep 0.5
keys C-e
check "a flagged article has the flag s" wait_for "Flags: s"
keys -l "Zx"
keys Enter
wait_for "flags: Zsx" >/dev/null
check "letters added to s" [ "$(stored_flags)" = "a1=Zsx" ]
keys '!'
check "unflagging (!) drops the letters" wait_until 10 sh -c "[ \"\$(python3 -c 'import sqlite3; print(sqlite3.connect(\"$DB\").execute(\"SELECT count(*) FROM item_flags\").fetchone()[0])')\" = 0 ]"
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
tap_done
