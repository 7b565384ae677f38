#!/bin/sh
# ui_nav.sh: the interface in a real terminal (tmux): feed list, article
# list, article view, counts before keys, help, search, config warnings,
# resize, NO_COLOR, outside writes, and several TERMs.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
"$FILL" "$DB" 3 30 || { echo "Bail out! ui_fill failed"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/gazette"
CONF="$XDG_CONFIG_HOME/gazette/config"
cat > "$CONF" <<'CONF'
# a test config
bind-key h help
bogus-option 1
color listfocus yellow blue bold
# f searches the feed in the article list too (there it is select-filter)
bind-key f open-search-feed articlelist
CONF

ui_start 100 30 -- -d "$DB" -u /dev/null
check "feed list with counts" wait_for "Your feeds (60 unread, 90 total)"
check "three feeds listed" wait_re '^   3 N .*(20/30) Feed 3'
check "a config warning names file and line" \
    wait_for "config: $CONF:3: unknown option 'bogus-option'"
check "tags are shown" wait_re 'Feed 2 .*\[even\]'

keys Enter
check "Enter opens the article list" \
    wait_for "Articles in 'Feed 1' (20 unread, 30 total)"
check "read and unread rows differ" wait_re '^   2 N '
check "read rows have no N" wait_re '^   1    '

# A count before j moves that many rows; Enter opens the article.
keys 3 j Enter
check "3j then Enter opens the 4th" wait_for "Title: Article 4 of feed 1"
check "article header: link" wait_re '^Link: http://feeds.example/1/4.html'
check "numbered links in the body" wait_re 'a first link\[1\]'
check "the link list" wait_re '^\[1\]: http://a.example/4'

keys J
check "J: next article" wait_for "Title: Article 5 of feed 1"
keys K
check "K: previous article" wait_for "Title: Article 4 of feed 1"
keys q
check "reading an article marks it read" \
    wait_for "Articles in 'Feed 1' (19 unread, 30 total)"

# 17 then o... here: 7 then Enter selects entry 7.
keys 7 Enter
check "7 Enter opens entry 7" wait_for "Title: Article 7 of feed 1"
keys q q

# The help view lists the bindings in force, the config's included.
keys h
check "a rebound key opens help" wait_for "Help: keys in the feedlist"
check "help lists the rebound key" grep -qE '^\?, h +help ' "$T/screen"
check "help lists hard-quit" grep -qE '^Q +hard-quit ' "$T/screen"
keys q

# Search from the feed list; Enter opens a hit with its matches.
keys /
check "/ opens the search prompt" wait_for "Search:"
keys "article 9 of feed 2" Enter
check "search results" wait_for "Search 'article 9 of feed 2'"
check "the best hit first" grep -q '^   1 .*Feed 2 .*Article 9 of feed 2' \
    "$T/screen"
keys Enter
check "Enter opens the hit" wait_for "Title: Article 9 of feed 2"
check "the article counts its matches" wait_re 'matches'
keys n
check "n: the next match" wait_for "match 2 of"
keys N
check "N: the previous match" wait_for "match 1 of"
keys q q

# f searches the current feed only.
keys j Enter
wait_for "Articles in 'Feed 2'" >/dev/null
keys f
check "f: search this feed" wait_for "Search in Feed 2:"
keys "article" Enter
check "f: only this feed's articles" \
    wait_for "Search 'article' in 'Feed 2' (30 results)"
check "f: no other feed in the hits" sh -c "! grep -q 'Feed [13] ' '$T/screen'"
keys q q k

# Tags: t shows one tag's feeds, ^T all of them again.
keys t
wait_for "Tag:" >/dev/null
keys even Enter
check "t: filter by tag" wait_for "tag even"
check "t: only the tagged feed" sh -c "grep -q 'Feed 2' '$T/screen' && ! grep -q 'Feed 1 ' '$T/screen'"
keys C-t
check "^T: every tag again" wait_for "Feed 3"

# A marks a feed read (^T kept Feed 2 selected); l hides read feeds; C
# asks before marking all.
keys A
check "A marks the feed read" wait_for "(0/30) Feed 2"
keys k l
check "l hides read feeds" wait_gone "Feed 2 "
keys l
wait_for "Feed 2 " >/dev/null
keys C
check "C asks first" wait_for "Mark every article read? (y/n)"
keys n
if wait_for "nothing marked"; then ok "C: no means no (one key)"
else show; fail "C: no means no"; fi
check "C: counts unchanged" wait_re '(19/30) Feed 1'
# History: UP brings earlier queries back.
keys / Up Up
check "search history" wait_for "Search: article 9 of feed 2"
keys C-u "zzzqqqnothing" Enter
check "no hits, said so" wait_for "No articles match."
keys q

# Resize down to 40x10 and back: no crash, redrawn.
tm resize-window -x 40 -y 10 2>/dev/null
check "redrawn at 40x10" wait_for "(20/30)"
lines=$(wc -l < "$T/screen")
check "40x10 fits (10 lines)" [ "$lines" -le 10 ]
tm resize-window -x 20 -y 5 2>/dev/null
tm resize-window -x 100 -y 30 2>/dev/null
check "survives 20x5 and comes back" wait_for "Your feeds"

# An outside writer adds a feed: the open interface notices.
"$FILL" "$DB" 4 30
check "an outside write shows up without a restart" wait_for "Feed 4"
check "the counts follow" wait_re '120 total'

keys Q
st=$(wait_exit)
check "Q quits with status 0 ($st)" [ "$st" = 0 ]

# Colour: used when configured, never with NO_COLOR.
ui_start 80 24 -- -d "$DB" -u /dev/null
wait_for "Your feeds" >/dev/null
tm capture-pane -p -e > "$T/esc"
check "the configured colour is used" grep -q '3[0-7]m\|3[0-7];' "$T/esc"
keys Q
wait_exit >/dev/null
ui_start 80 24 NO_COLOR=1 -- -d "$DB" -u /dev/null
wait_for "Your feeds" >/dev/null
tm capture-pane -p -e > "$T/esc"
if grep -q '\[3[0-7]m\|\[4[0-7]m\|;3[0-7]m\|;4[0-7]m\|38;5\|48;5' "$T/esc"; then
	fail "NO_COLOR: no colour"
else
	ok "NO_COLOR: no colour"
fi
check "NO_COLOR: the selection is still visible (reverse)" \
    grep -q '7m' "$T/esc"
keys Q
wait_exit >/dev/null

# osc8-links: the links of the article view become OSC 8 hyperlinks
# (tmux 3.3 drops them, so read what gazette writes with pipe-pane).
printf 'osc8-links yes\n' > "$CONF"
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Your feeds" >/dev/null
tm pipe-pane -o "cat >> '$T/raw'"
keys Enter
wait_for "Articles in" >/dev/null
keys 4 Enter
wait_for "Title: Article 4 of feed 1" >/dev/null
esc=$(printf '\033')
deadline=$(( $(date +%s) + 10 ))
while ! grep -aqF "${esc}]8;;http://a.example/4${esc}\\" "$T/raw" 2>/dev/null &&
    [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
check "osc8-links: an OSC 8 hyperlink for link 1" \
    grep -aqF "${esc}]8;;http://a.example/4${esc}\\" "$T/raw"
check "osc8-links: the pane still reads right" grep -q 'a first link\[1\]' \
    "$T/screen"
keys Q
wait_exit >/dev/null
: > "$CONF"
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Your feeds" >/dev/null
tm pipe-pane -o "cat >> '$T/raw2'"
keys Enter 4 Enter
wait_for "Title: Article 4 of feed 1" >/dev/null
keys Q
wait_exit >/dev/null
check "pipe-pane saw the article" grep -aq 'Article 4 of feed 1' "$T/raw2"
if grep -aqF "${esc}]8;" "$T/raw2"; then fail "OSC 8 is off by default"
else ok "OSC 8 is off by default"; fi

# keymap vi (g/G, ^D), max-items, text-width.
printf 'keymap vi\nmax-items 12\ntext-width 40\n' > "$CONF"
ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Your feeds" >/dev/null
keys Enter
wait_for "Articles in" >/dev/null
check "max-items: 12 rows" sh -c "grep -q '^  12 ' '$T/screen' && ! grep -q '^  13 ' '$T/screen'"
keys G
if wait_for "Articles in" && grep -q '^  12 .*$' "$T/screen"; then
	keys Enter
	check "vi: G goes to the last entry" \
	    wait_for "Title: Article 12 of feed 1"
else show; fail "vi: G goes to the last entry"; fi
long=$(awk 'length > 45 && !/^(Title|Link|Feed|Author|Date|Categories|Enclosure):/' "$T/screen" | grep -cv 'q:Quit\|gazette ')
check "text-width 40 wraps the body at 40 columns" [ "$long" -eq 0 ]
keys q g Enter
check "vi: g goes to the first entry" wait_for "Title: Article 1 of feed 1"
keys Q
wait_exit >/dev/null
: > "$CONF"

# Several terminal types.
for term in xterm screen tmux-256color linux vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		ok "# SKIP no terminfo for $term"
		continue
	fi
	ui_start 80 24 TERM=$term -- -d "$DB" -u /dev/null
	check "TERM=$term: first screen" wait_for "Your feeds"
	keys Enter
	check "TERM=$term: keys work" wait_for "Articles in 'Feed 1'"
	keys Q
	st=$(wait_exit)
	check "TERM=$term: exits 0" [ "$st" = 0 ]
done

# Not a terminal: a clear error, status 2.
"$GAZETTE" -d "$DB" -u /dev/null > "$T/out" 2>&1 < /dev/null
check "not a tty: exit 2" [ $? -eq 2 ]
check "not a tty: says so" grep -q 'needs a terminal' "$T/out"

tap_done
