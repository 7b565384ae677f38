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
if wait_for "Your feeds (6 unread, 12 total)"; then ok "feed list"
else show; fail "feed list"; fi

# n in the article list skips the read Article 1.
keys Enter
wait_for "Articles in 'Feed 1'" >/dev/null
keys n Enter
if wait_for "Title: Article 2 of feed 1"; then ok "n skips a read article"
else show; fail "n skips a read article"; fi
keys n
if wait_for "Title: Article 3 of feed 1"; then ok "n in the article view"
else show; fail "n in the article view"; fi
# Article 2 was read here: p does not land on it again.
keys p
if wait_for "no previous feed with unread articles"; then
	ok "p skips what the article view just read"
else show; fail "p skips what the article view just read"; fi
check "p stayed on Article 3" wait_for "Title: Article 3 of feed 1"
# Past the last unread one: on into Feed 3 (Feed 2 has none).
keys n
if wait_for "Title: Article 2 of feed 3"; then
	ok "n crosses into the next feed with unread articles"
else show; fail "n crosses into the next feed with unread articles"; fi
keys q
if wait_for "Articles in 'Feed 3' (1 unread, 3 total)"; then
	ok "the list below the article is the new feed's"
else show; fail "the list below the article is the new feed's"; fi
# p: nothing unread before, in this feed or the ones above.
keys p
if wait_for "no previous feed with unread articles"; then
	ok "p skips read articles and read feeds"
else show; fail "p skips read articles and read feeds"; fi

# ^N / ^P: the next and previous feeds with unread articles.
keys C-n
if wait_for "Articles in 'Feed 4' (2 unread, 3 total)"; then ok "^N"
else show; fail "^N"; fi
keys C-p
if wait_for "Articles in 'Feed 3' (1 unread, 3 total)"; then ok "^P"
else show; fail "^P"; fi
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
if wait_for "Articles in 'Feed 4' (1 unread, 3 total)"; then
	ok "N marks the article read"
else show; fail "N marks the article read"; fi
keys Enter
if wait_for "Title: Article 3 of feed 4"; then ok "N moves to the next entry"
else show; fail "N moves to the next entry"; fi
# In the article view N only toggles.
keys N
if wait_for "marked unread"; then ok "N in the article view toggles"
else show; fail "N in the article view toggles"; fi

# s: the article as text in save-path, named after its title.
SAVED="$T/saved/Article_3_of_feed_4.txt"
keys s
if wait_for "Save to: $SAVED"; then ok "s offers save-path and the title"
else show; fail "s offers save-path and the title"; fi
keys Enter
if wait_for "saved to $SAVED"; then ok "s saves"
else show; fail "s saves"; fi
check "the saved file has the header" grep -q '^Title: Article 3 of feed 4$' \
    "$SAVED"
check "the saved file has the body" grep -q 'Body of article 3, feed 4' \
    "$SAVED"
check "the saved file has the links" grep -q '^\[1\]: http://a.example/3' \
    "$SAVED"
echo mine > "$SAVED"
keys s Enter
if wait_for "The file exists: overwrite it? (y/n)"; then
	ok "s asks before overwriting"
else show; fail "s asks before overwriting"; fi
keys n
if wait_for "not saved"; then ok "one key answers no"
else show; fail "one key answers no"; fi
check "the file is kept" grep -qx mine "$SAVED"
keys s Enter
wait_for "overwrite it?" >/dev/null
keys y
if wait_for "saved to $SAVED"; then ok "y overwrites"
else show; fail "y overwrites"; fi
check "the file is the article again" grep -q '^Title: Article 3' "$SAVED"

# ! flags (s saves now).
keys q
wait_for "Articles in 'Feed 4'" >/dev/null
keys 3 !
if wait_re '^   3 N! '; then ok "! flags the article"
else show; fail "! flags the article"; fi

# A newsboat action gazette lacks says so.
keys D
if wait_for "view-dialogs: gazette's views are one stack"; then
	ok "a missing action's key says so"
else show; fail "a missing action's key says so"; fi

# ^K from the feed list: the only unread article left, opened.
keys q
check "one unread article left" wait_for "Your feeds (1 unread, 12 total)"
keys C-k
if wait_for "Title: Article 3 of feed 4"; then ok "^K random unread"
else show; fail "^K random unread"; fi
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
if wait_for "no more unread articles"; then
	ok "goto-next-feed no: n stops"
else show; fail "goto-next-feed no: n stops"; fi
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
if wait_for "Link number: 1"; then ok "1 waits for a second digit"
else show; fail "1 waits for a second digit"; fi
keys 2 Enter
deadline=$(( $(date +%s) + 15 ))
while [ ! -f "$T/url" ] && [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
check "1 2 ENTER opens link 12" grep -qx 'http://l.example/12' "$T/url"
keys Q
wait_exit >/dev/null

tap_done
