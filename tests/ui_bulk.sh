#!/bin/sh
# ui_bulk.sh: newsboat's mark-all-above-as-read, open-all-unread-in-
# browser (at most max-browser-tabs, each link one argument of the
# browser, never shell text), open-all-unread-in-browser-and-mark-read,
# save-all (every article of the feed, as s saves one, into a directory)
# and ^U (toggle-source-view: the article's source, sanitised).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
U="$T/urls"
cat > "$T/a.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha feed</title>
<item><guid>a1</guid><title>First story</title><link>http://a.example/1?q=\$(touch%20$T/pwned)</link><description>&lt;p&gt;Hello &lt;b&gt;bold&lt;/b&gt; world&lt;/p&gt;</description><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><guid>a2</guid><title>Same title</title><link>http://a.example/2</link><pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate></item>
<item><guid>a3</guid><title>Same title</title><link>http://a.example/3</link><pubDate>Sat, 30 Dec 2023 10:00:00 GMT</pubDate></item>
<item><guid>a4</guid><title>Fourth story</title><link>http://a.example/4</link><pubDate>Fri, 29 Dec 2023 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
printf 'file://%s/a.xml\n' "$T" > "$U"
"$GAZETTE" -u "$U" -d "$DB" refresh --quiet
# A raw escape in the stored source (no XML feed can carry one).
python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET content = content || ? WHERE guid = ?", ("<p>x\x1b[31mred</p>", "a1"))
db.commit()' "$DB"

cat > "$T/fakebrowser" <<FAKE
#!/bin/sh
printf '%s\n' "\$1" >> "$T/opened"
FAKE
chmod +x "$T/fakebrowser"
mkdir "$T/saved"
cat > "$T/conf" <<CONF
browser "$T/fakebrowser %u"
max-browser-tabs 2
save-path "$T/saved"
bind-key M mark-all-above-as-read
bind-key X open-all-unread-in-browser
bind-key Y open-all-unread-in-browser-and-mark-read
bind-key S save-all
CONF

read_state() {
	"$GAZETTE" -d "$DB" list --json | python3 -c 'import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(" ".join(o["guid"] + ("r" if o["read"] else "u") for o in sorted(rows, key=lambda o: o["guid"])))'
}

ui_start 100 30 -- -u "$U" -d "$DB" -c "$T/conf"
wait_for "Alpha feed" >/dev/null

# From the feed list: the selected feed's unread articles, at most 2.
keys X
check "X: the browser ran twice (max-browser-tabs 2)" \
    wait_until 15 sh -c "[ \"\$(wc -l < '$T/opened' 2>/dev/null)\" -eq 2 ]"
printf '%s\n' "http://a.example/1?q=\$(touch%20$T/pwned)" \
    http://a.example/2 > "$T/expect"
check "X: the first two unread links, each whole as one argument" \
    cmp -s "$T/expect" "$T/opened"
check "X: no shell ran the link" [ ! -e "$T/pwned" ]
check "X: nothing marked read" [ "$(read_state)" = "a1u a2u a3u a4u" ]

# mark-all-above-as-read: the rows above the selected one.
keys Enter
wait_for "Fourth story" >/dev/null
keys j j M
check "mark-all-above-as-read says how many" \
    wait_for "2 articles above marked read"
check "mark-all-above-as-read: the two above, not the selected one" \
    [ "$(read_state)" = "a1r a2r a3u a4u" ]

# -and-mark-read, from the list: the next unread ones, marked read.
rm -f "$T/opened"
keys Y
check "Y: the browser ran for the two unread articles" \
    wait_until 15 sh -c "[ \"\$(wc -l < '$T/opened' 2>/dev/null)\" -eq 2 ]"
printf '%s\n' http://a.example/3 http://a.example/4 > "$T/expect"
check "Y: their links" cmp -s "$T/expect" "$T/opened"
check "Y: marked read" [ "$(read_state)" = "a1r a2r a3r a4r" ]

# save-all: every article, one file each, named as s names them.
keys S
check "save-all offers save-path" \
    wait_for "Save all articles to directory: $T/saved"
keys Enter
check "save-all saves every article" wait_for "4 articles saved to $T/saved"
(cd "$T/saved" && ls) > "$T/files"
printf '%s\n' First_story.txt Fourth_story.txt Same_title-2.txt \
    Same_title.txt > "$T/expect"
check "save-all: one file an article, the same title twice kept apart" \
    cmp -s "$T/expect" "$T/files"
check "save-all: the text as s writes it" \
    grep -q '^Title: Fourth story' "$T/saved/Fourth_story.txt"
echo mine > "$T/saved/Fourth_story.txt"
keys S
wait_for "Save all articles to directory:" >/dev/null
keys Enter
check "save-all asks before replacing files" \
    wait_for "4 of the 4 files exist: overwrite them? (y/n)"
keys n
check "save-all, n: existing files kept" wait_for "existing files kept"
check "save-all, n: the file is untouched" \
    [ "$(cat "$T/saved/Fourth_story.txt")" = mine ]

# ^U: the source, sanitised; ^U again: the article.
keys Home Enter
wait_for "Hello bold world" >/dev/null
keys C-u
check "^U shows the article's source" wait_for "<p>Hello <b>bold</b> world</p>"
check "^U: the title says so" grep -q "Source of 'First story'" "$T/screen"
check "^U: the escape's text is dropped" grep -qF '<p>xred</p>' "$T/screen"
tm capture-pane -p -e > "$T/styled"
check "^U: and nothing turned red" \
    sh -c "! grep -F 'Hello' '$T/styled' | grep -qF \"\$(printf '\\033[31m')\""
keys C-u
check "^U again: back to the article" wait_gone "<b>bold</b>"
check "^U again: rendered" grep -q "Hello bold world" "$T/screen"
keys Q
check "gazette exits 0" [ "$(wait_exit)" = 0 ]
tap_done
