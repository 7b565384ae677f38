#!/bin/sh
# ui_article.sh: the article view and its link list in a real terminal
# (tmux): long pre lines wrapped with a mark, long URLs wrapped in the
# article's link list and in the link view (u), y copying a link whole
# however long, embedded media and enclosures numbered and listed.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

PUT="$builddir/tests/show_put"
H="$srcdir/tests/html"
DB="$T/g.db"
"$PUT" "$DB" http://feed.example/rss "Reading feed" long "Long lines" \
	https://feed.example/long.html "A. Writer" 1700000000 html \
	"$H/longlines.html" ||
	{ echo "Bail out! show_put failed"; exit 1; }
"$PUT" "$DB" http://feed.example/rss "Reading feed" media "Media" \
	https://example.org/2024/talk.html "A. Writer" 1700000100 html \
	"$H/media.html" https://cdn.example/talk-episode.mp3 audio/mpeg \
	12345678 ||
	{ echo "Bail out! show_put failed"; exit 1; }
# A link of 13000 characters: y must copy all of it.
huge="https://huge.example/$(head -c 12980 /dev/zero | tr '\0' 'x')/end"
printf '<p><a href="%s">huge</a></p>\n' "$huge" > "$T/huge.html"
"$PUT" "$DB" http://feed.example/rss "Reading feed" huge "Huge link" \
	https://feed.example/huge.html "A. Writer" 1700000200 html \
	"$T/huge.html" ||
	{ echo "Bail out! show_put failed"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/gazette"
printf 'osc52 yes\n' > "$XDG_CONFIG_HOME/gazette/config"

url=$(sed -n 's/.*<a href="\([^"]*\)">archive.*/\1/p' "$H/longlines.html" |
	sed 's/&amp;/\&/g')

# open TITLE: from the feed list, open the article with that title.
open_article() {
	keys Enter
	wait_for "Articles in 'Reading feed'" >/dev/null
	keys "$1" Enter
	wait_for "Title: $2"
}

ui_start 80 60 -- -d "$DB" -u /dev/null
wait_for "Reading feed" >/dev/null
check "the article opens" open_article 3 "Long lines"

# The pre line of 122 columns: cut at 79 with a mark, the rest below.
if wait_for '| less -R'; then ok "pre: the end of a long line is shown"
else show; fail "pre: the end of a long line is shown"; fi
check "pre: the cut line ends with the mark at the edge" \
	grep -q '^\$ gazette render --width 60 .*↩$' "$T/screen"
check "pre: nothing past 80 columns" [ "$(wc -L < "$T/screen")" -le 80 ]
# Joined again, the screen's pieces are the source line.
sed -n '/^\$ gazette/,/less -R/p' "$T/screen" |
	sed -e ':a' -e '/↩$/{N;s/↩\n//;ba' -e '}' > "$T/pre.got"
sed -n 's/^<pre>//p' "$H/longlines.html" > "$T/pre.want"
check "pre: no character lost on screen" cmp -s "$T/pre.want" "$T/pre.got"

# The link list: the 288-character URL in pieces, all of it readable
# (up to a blank line or newsboat's ~ filler below the text).
got=$(sed -n '/^\[1\]: /,/^~*$/p' "$T/screen" | sed '/^~$/d; s/^\[1\]: //; s/^     //' |
	tr -d '\n' | sed 's/ *$//')
if [ "$got" = "$url" ]; then ok "link list: the long URL is shown whole"
else printf '# got %s\n' "$got"; show; fail "link list: the long URL is shown whole"; fi

# u: the selected link whole, wrapped; y copies all of it.
keys u
check "u lists the links" wait_for "Links (1)"
check "u: the selected URL's end is shown" wait_for "section-3"
got=$(grep -A10 '^   1  ' "$T/screen" | sed 's/^   1  //; s/^      //' |
	tr -d '\n' | sed 's/ *$//')
check "u: the selected URL reads whole" [ "$got" = "$url" ]
keys y
wait_for "copied" >/dev/null
deadline=$(( $(date +%s) + 10 ))
while [ -z "$(tm list-buffers 2>/dev/null)" ] &&
    [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
tm show-buffer > "$T/buffer" 2>/dev/null
printf '%s' "$url" > "$T/expect"
check "y in the link view copies the whole URL" cmp -s "$T/expect" "$T/buffer"
keys q q q
wait_for "Your feeds" >/dev/null

# Media: numbered with their kind, listed with what they are.
check "the media article opens" open_article 2 "Media"
check "an iframe is a numbered link" \
	wait_for "[iframe 1: YouTube video player]"
check "a video with its sources" grep -qF "[video 2, 3]" "$T/screen"
check "the video's fallback text" \
	grep -qF "Your browser does not play video: download the MP4[3]." \
	"$T/screen"
check "an image is numbered" grep -qF "[image 7: Figure 1: throughput]" \
	"$T/screen"
keys u
wait_for "Links (" >/dev/null
check "u: the iframe, noted" wait_re '^   1  https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=abc (iframe)'
check "u: the video source with its type" \
	grep -qF 'https://example.org/media/talk.mp4 (video, video/mp4)' \
	"$T/screen"
check "u: the enclosure with its type and size" grep -qF \
	'https://cdn.example/talk-episode.mp3 (enclosure, audio/mpeg, 12.3 MB)' \
	"$T/screen"
keys q q q
wait_for "Your feeds" >/dev/null

# A 13000-character link: y copies every character.
check "the huge link article opens" open_article 1 "Huge link"
keys u
wait_for "Links (1)" >/dev/null
tm delete-buffer >/dev/null 2>&1
keys y
wait_for "copied" >/dev/null
deadline=$(( $(date +%s) + 10 ))
while [ -z "$(tm list-buffers 2>/dev/null)" ] &&
    [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.1
done
tm show-buffer > "$T/buffer" 2>/dev/null
printf '%s' "$huge" > "$T/expect"
if cmp -s "$T/expect" "$T/buffer"; then ok "y copies a 13000-character link whole"
else echo "# copied $(wc -c < "$T/buffer") of ${#huge} bytes"
	fail "y copies a 13000-character link whole"; fi
keys Q
st=$(wait_exit)
check "quits with status 0 ($st)" [ "$st" = 0 ]

# Outside a UTF-8 locale the mark is an ASCII backslash.
ui_start 80 60 LC_ALL=C -- -d "$DB" -u /dev/null
wait_for "Reading feed" >/dev/null
check "LC_ALL=C: the article opens" open_article 3 "Long lines"
check "LC_ALL=C: the end of the long pre line is shown" wait_for '| less -R'
check "LC_ALL=C: the cut line ends with a backslash" \
	grep -q '^\$ gazette render --width 60 .*\\$' "$T/screen"
keys Q
wait_exit >/dev/null

tap_done
