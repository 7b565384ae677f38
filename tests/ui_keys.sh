#!/bin/sh
# ui_keys.sh: newsboat's keys with newsboat's meaning, in a real terminal
# (tmux): n/p skip read articles and cross into the next feed with unread
# ones (goto-next-feed), ^N/^P, N toggles and moves on, ^K random unread,
# s saves the article as text (one-key overwrite question), ! flags, and
# bind-key accepts newsboat's actions and dialogs gazette lacks with one
# warning each.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

# Four feeds of three articles, newest first: in each, Article 1 is read
# and Articles 2 and 3 unread; every article of Feed 2 is read.
DB="$T/g.db"
"$FILL" "$DB" 4 3 || { echo "Bail out! ui_fill failed"; exit 1; }
printf 'g:2/1\ng:2/2\n' > "$T/read"
"$GAZETTE" -d "$DB" import-read "$T/read" 2>/dev/null ||
    { echo "Bail out! import-read failed"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/gazette" "$T/saved"
CONF="$XDG_CONFIG_HOME/gazette/config"
cat > "$CONF" <<CONF
save-path "$T/saved"
bind-key D view-dialogs
bind-key ^D view-dialogs articlelist
bind-key d pb-download podboat
bind-key a pb-play podboat
bind-key d open dirbrowser
bind-key x quit dirbrowser
CONF

ui_start 100 30 -- -d "$DB" -u /dev/null
check "feed list" wait_for "Your feeds (6 unread, 12 total)"

# n in the article list skips the read Article 1.
keys Enter
wait_for "Articles in 'Feed 1'" >/dev/null
keys n Enter
check "n skips a read article" wait_for "Title: Article 2 of feed 1"
keys n
check "n in the article view" wait_for "Title: Article 3 of feed 1"
# Article 2 was read here: p does not land on it again.
keys p
check "p skips what the article view just read" \
    wait_for "no previous feed with unread articles"
check "p stayed on Article 3" wait_for "Title: Article 3 of feed 1"
# Past the last unread one: on into Feed 3 (Feed 2 has none).
keys n
check "n crosses into the next feed with unread articles" \
    wait_for "Title: Article 2 of feed 3"
keys q
check "the list below the article is the new feed's" \
    wait_for "Articles in 'Feed 3' (1 unread, 3 total)"
# p: nothing unread before, in this feed or the ones above.
keys p
check "p skips read articles and read feeds" \
    wait_for "no previous feed with unread articles"

# ^N / ^P: the next and previous feeds with unread articles.
keys C-n
check "^N" wait_for "Articles in 'Feed 4' (2 unread, 3 total)"
keys C-p
check "^P" wait_for "Articles in 'Feed 3' (1 unread, 3 total)"
keys Enter
check "^P selected the feed's unread article" \
    wait_for "Title: Article 3 of feed 3"
keys q
wait_for "Articles in 'Feed 3' (0 unread, 3 total)" >/dev/null
keys C-n
wait_for "Articles in 'Feed 4'" >/dev/null

# N toggles and moves on: ^N selected Article 2, N leaves Article 3
# selected.
keys N
check "N marks the article read" \
    wait_for "Articles in 'Feed 4' (1 unread, 3 total)"
keys Enter
check "N moves to the next entry" wait_for "Title: Article 3 of feed 4"
# In the article view N only toggles.
keys N
check "N in the article view toggles" wait_for "marked unread"

# s: the article as text in save-path, named after its title.
SAVED="$T/saved/Article_3_of_feed_4.txt"
keys s
check "s offers save-path and the title" wait_for "Save to: $SAVED"
keys Enter
check "s saves" wait_for "saved to $SAVED"
check "the saved file has the header" grep -q '^Title: Article 3 of feed 4$' \
    "$SAVED"
check "the saved file has the body" grep -q 'Body of article 3, feed 4' \
    "$SAVED"
check "the saved file has the links" grep -q '^\[1\]: http://a.example/3' \
    "$SAVED"
echo mine > "$SAVED"
keys s Enter
check "s asks before overwriting" \
    wait_for "The file exists: overwrite it? (y/n)"
keys n
check "one key answers no" wait_for "not saved"
check "the file is kept" grep -qx mine "$SAVED"
keys s Enter
wait_for "overwrite it?" >/dev/null
keys y
check "y overwrites" wait_for "saved to $SAVED"
check "the file is the article again" grep -q '^Title: Article 3' "$SAVED"

# ! flags (s saves now).
keys q
wait_for "Articles in 'Feed 4'" >/dev/null
keys 3 !
if wait_re '^   3 N! '; then ok "! flags the article"
else show; fail "! flags the article"; fi

# A newsboat action gazette lacks says so.
keys D
check "a missing action's key says so" \
    wait_for "view-dialogs: gazette's views are one stack"

# ^K from the feed list: the only unread article left, opened.
keys q
check "one unread article left" wait_for "Your feeds (1 unread, 12 total)"
keys C-k
check "^K random unread" wait_for "Title: Article 3 of feed 4"
keys Q
wait_exit >/dev/null
check "one warning for view-dialogs, bound twice" \
    test "$(grep -c "bind-key view-dialogs (" "$T/stderr")" = 1
check "one warning for a dialog gazette lacks" \
    test "$(grep -c "bind-key ... dirbrowser (" "$T/stderr")" = 1
check "no warning for podboat's keys in the podboat view" \
    test "$(grep -c "podboat\|pb-download\|pb-play" "$T/stderr")" = 0

# goto-next-feed no: n stops at the end of the feed.
"$FILL" "$T/h.db" 2 3 || { echo "Bail out! ui_fill failed"; exit 1; }
echo "goto-next-feed no" > "$T/nocross"
ui_start 100 30 -- -d "$T/h.db" -u /dev/null -c "$T/nocross"
wait_for "Your feeds" >/dev/null
keys Enter
wait_for "Articles in 'Feed 1'" >/dev/null
keys n n n
check "goto-next-feed no: n stops" wait_for "no more unread articles"
check "still in Feed 1" wait_for "Articles in 'Feed 1'"
keys Q
wait_exit >/dev/null

# Ten links or more: a digit waits for the rest of the number.
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Links</title><link>http://l.example/</link>'
	echo '<item><title>Many links</title><guid>m1</guid>'
	printf '<description>&lt;p&gt;'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		printf '&lt;a href="http://l.example/%s"&gt;l%s&lt;/a&gt; ' $i $i
	done
	echo '&lt;/p&gt;</description></item></channel></rss>'
} > "$T/links.xml"
echo "file://$T/links.xml" > "$T/urls"
"$GAZETTE" -d "$T/l.db" -u "$T/urls" refresh --quiet ||
    { echo "Bail out! refresh failed"; exit 1; }
cat > "$T/fakebrowser" <<FAKE
#!/bin/sh
printf '%s\n' "\$1" > "$T/url.tmp"
mv "$T/url.tmp" "$T/url"
FAKE
chmod +x "$T/fakebrowser"
echo "browser \"$T/fakebrowser %u\"" > "$T/lconf"
ui_start 100 30 -- -d "$T/l.db" -u "$T/urls" -c "$T/lconf"
wait_for "Links" >/dev/null
keys Enter
wait_for "Articles in 'Links'" >/dev/null
keys Enter
wait_for "Title: Many links" >/dev/null
keys 1
check "1 waits for a second digit" wait_for "Link number: 1"
keys 2 Enter
deadline=$(( $(date +%s) + 15 ))
while [ ! -f "$T/url" ] && [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
check "1 2 ENTER opens link 12" grep -qx 'http://l.example/12' "$T/url"
keys Q
wait_exit >/dev/null

tap_done
