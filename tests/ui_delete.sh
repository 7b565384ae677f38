#!/bin/sh
# ui_delete.sh: newsboat's D (delete-article), ^D (delete-all-articles)
# and $ (purge-deleted).  D marks the article (D in the list, and read),
# D again unmarks it; $ or leaving the list deletes the marked ones for
# good: gone from the counts, query feeds and search, and a refresh does
# not bring them back.  In the article view D marks and goes on.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
cat > "$T/a.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha feed</title>
<item><guid>a1</guid><title>First zebra story</title><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><guid>a2</guid><title>Second story</title><pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate></item>
<item><guid>a3</guid><title>Third story</title><pubDate>Sat, 30 Dec 2023 10:00:00 GMT</pubDate></item>
<item><guid>a4</guid><title>Fourth story</title><pubDate>Fri, 29 Dec 2023 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
cat > "$T/b.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Bravo feed</title>
<item><guid>b1</guid><title>Bravo one</title></item>
<item><guid>b2</guid><title>Bravo two</title></item>
</channel></rss>
XML
printf 'file://%s/a.xml\nfile://%s/b.xml\n"query:All stories:title =~ \\"story\\""\n' "$T" "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet

stored() {
	python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(" ".join(r[0] for r in db.execute("SELECT guid FROM items ORDER BY guid")))' "$DB"
}
remembered() {
	python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(" ".join(r[0] for r in db.execute("SELECT guid FROM item_deleted ORDER BY guid")))' "$DB"
}

# check-config: newsboat's keys for these are applied; the dialogs' say
# what gazette does instead.
cat > "$T/keys.conf" <<'CONF'
bind-key D delete-article
bind-key ^D delete-all-articles
bind-key $ purge-deleted
bind-key M mark-all-above-as-read
bind-key X open-all-unread-in-browser
bind-key Y open-all-unread-in-browser-and-mark-read
bind-key S save-all
bind-key ^U toggle-source-view article
max-browser-tabs 4
bind-key v view-dialogs
bind-key ^V next-dialog
bind-key TAB switch-focus
CONF
"$GAZETTE" check-config "$T/keys.conf" > "$T/cc" 2>&1
check "check-config: the new actions and max-browser-tabs are applied" \
    grep -q 'keys.conf: 12 lines: 9 applied, 3 not applied, 0 not understood' "$T/cc"
check "check-config: view-dialogs says what gazette does instead" \
    grep -q "bind-key view-dialogs (.*:10): gazette's views are one stack" "$T/cc"
check "check-config: switch-focus too" \
    grep -q "bind-key switch-focus (.*:12): gazette has no file or directory browser" "$T/cc"

"$GAZETTE" -d "$DB" search --json zebra > "$T/search" 2>&1
check "search finds the first article before" grep -q '"guid":"a1"' "$T/search"

ui_start 100 30 -- -u "$U" -d "$DB"
wait_for "Alpha feed" >/dev/null
keys Enter
wait_for "First zebra story" >/dev/null

# D marks the selected article and moves on; D again unmarks.
keys D
check "D marks the article (D in the list)" \
    wait_re "^ *1 D .*First zebra story"
check "D: marked read" sh -c "'$GAZETTE' -d '$DB' list --json | grep '\"guid\":\"a1\"' | grep -q '\"read\":true'"
check "D: still stored until purged" [ "$(stored)" = "a1 a2 a3 a4 b1 b2" ]
keys K D
check "D again unmarks it" wait_re "^ *1    .*First zebra story"

# $ purges: gone from the list and the store, its guid remembered.
keys K D
wait_re "^ *1 D .*First zebra story" >/dev/null
keys '$'
check "\$ purges the marked article" wait_gone "First zebra story"
check "\$: deleted from the store" [ "$(stored)" = "a2 a3 a4 b1 b2" ]
check "\$: its guid kept (the feed will not bring it back)" [ "$(remembered)" = "a1" ]
"$GAZETTE" -d "$DB" search --json zebra > "$T/search" 2>&1
check "\$: gone from search" sh -c "! grep -q zebra '$T/search'"
check "\$: the counts follow" \
    wait_re "Articles in .Alpha feed. (3 unread, 3 total)"

# Leaving the list purges what is marked.
keys Home D
wait_re "^ *1 D .*Second story" >/dev/null
keys q
check "leaving the list purges: the feed list counts follow" \
    wait_re "(2/2) Alpha feed"
check "leaving: deleted from the store" [ "$(stored)" = "a3 a4 b1 b2" ]
check "the query feed loses it" wait_re "(2/2) All stories"

# In the article view D marks and goes on to the next unread article.
keys Enter
wait_re "^ *1 N .*Third story" >/dev/null
keys Enter
wait_re "Third story" >/dev/null
keys D
check "article view: D goes on to the next unread article" \
    wait_for "Fourth story"
keys q
check "article view: D marked it in the list" wait_re "^ *1 D .*Third story"

# ^D asks first; n keeps everything, y marks every article.
keys C-d
check "^D asks first" wait_for "delete all articles? (y/n)"
keys n
check "^D, n: nothing marked" wait_re "^ *2    .*Fourth story"
keys C-d
wait_for "delete all articles? (y/n)" >/dev/null
keys y
check "^D, y: every article marked" wait_re "^ *2 D .*Fourth story"
keys q
check "^D: purged on leaving" wait_re "(0/0) Alpha feed"
check "^D: the feed's articles are deleted" [ "$(stored)" = "b1 b2" ]

# A refresh does not bring them back.
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
check "refresh: the deleted articles stay deleted" [ "$(stored)" = "b1 b2" ]
keys Enter
wait_re "Articles in .Alpha feed" >/dev/null
keys '?'
wait_for "Help: keys in the articlelist" >/dev/null
keys End
check "the help lists purge-deleted" wait_for "purge-deleted"
check "the help lists delete-article on D" grep -q '^D  *delete-article' "$T/screen"
check "the help lists delete-all-articles on ^D" grep -q '^\^D  *delete-all-articles' "$T/screen"
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
tap_done
