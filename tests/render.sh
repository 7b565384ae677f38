#!/bin/sh
# render.sh: `gazette render` on the HTML files under tests/html/ against
# expected output checked by eye, and `gazette show` on a database filled
# through the store API (tests/show_put).
. "$srcdir/tests/lib.sh"

H="$srcdir/tests/html"
ESC=$(printf '\033')
BEL=$(printf '\007')

# same NAME WIDTH [ARGS...]: the rendering equals NAME.WIDTH.txt.
same() {
	name=$1 width=$2
	shift 2
	"$GAZETTE" render --width "$width" "$@" "$H/$name.html" \
		> "$T/$name.$width" 2> "$T/err"
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$T/$name.$width" "$H/$name.$width.txt"
	then
		ok "$name at $width columns"
	else
		fail "$name at $width columns (exit $rc)"
		diff "$H/$name.$width.txt" "$T/$name.$width" | sed 's/^/# /'
	fi
}

same editorial 80
same editorial 40
same kitchen 60 --base https://example.org/news/post.html
same cjk 20
same hostile 60
same media 60 --base https://example.org/2024/talk.html
same tables 60
same tables 40
same longlines 60

# Widths by an independent measure (wc -L counts display cells).
check "editorial at 40: no line wider than 40 cells" \
	[ "$(wc -L < "$T/editorial.40")" -le 40 ]
check "editorial at 40: some line exactly 40 cells" \
	[ "$(wc -L < "$T/editorial.40")" -eq 40 ]
check "cjk at 20: no line wider than 20 cells" \
	[ "$(wc -L < "$T/cjk.20")" -le 20 ]

# Nothing lost or altered: the same words as the seed text, in order
# (the heading's underline left out).
sed -n 's/^<h1>\(.*\)<\/h1>$/\1/p; s/^<p>\(.*\)<\/p>$/\1/p' \
	"$H/editorial.html" | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' |
	tr -s ' \n' '\n\n' > "$T/words.want"
for w in 80 40; do
	sed '/^=\{1,\}$/d' "$T/editorial.$w" | tr -s ' \n' '\n\n' | sed '/^$/d' \
		> "$T/words.$w"
	check "editorial at $w: every word intact, in order" \
		cmp -s "$T/words.want" "$T/words.$w"
done
tr '\n' ' ' < "$T/editorial.40" > "$T/joined"
check "typographic quotes and accents intact" \
	grep -q "« C’est un petit pas pour l’homme, un bond de géant pour l’humanité »" \
	"$T/joined"

# Nothing wider than the width, pre and the link list included.
for f in media.60 tables.60 tables.40 longlines.60; do
	check "$f: no line wider than ${f#*.} cells" \
		[ "$(wc -L < "$T/${f%.*}.${f#*.}")" -le "${f#*.}" ]
done

# pre: the cut lines, joined again without their marks, are the source
# lines with their tabs expanded; not a character lost.
sed -n '/<pre>/,/<\/pre>/p' "$H/longlines.html" |
	sed 's/^.*<pre>//; s/<\/pre>.*$//' | expand > "$T/pre.want"
sed -n '/^\$ gazette/,/^$/p' "$T/longlines.60" | sed '$d' |
	sed -e ':a' -e '/↩$/{N;s/↩\n//;ba' -e '}' > "$T/pre.got"
check "longlines: pre lines cut with a mark, none lost" \
	cmp -s "$T/pre.want" "$T/pre.got"
check "longlines: pre lines were cut" \
	[ "$(grep -c '↩$' "$T/longlines.60")" -ge 4 ]
# The 288-character URL reads whole in the list, in pieces.
url=$(sed -n 's/.*<a href="\([^"]*\)">archive.*/\1/p' "$H/longlines.html" |
	sed 's/&amp;/\&/g')
got=$(sed -n '/^\[1\]: /,$p' "$T/longlines.60" | sed 's/^\[1\]: //; s/^     //' |
	tr -d '\n')
check "longlines: the long URL is listed whole" [ "$got" = "$url" ]
check "longlines: the URL is that long" [ ${#url} -gt 250 ]
# Outside a UTF-8 locale the mark is ASCII.
LC_ALL=C "$GAZETTE" render --width 60 "$H/longlines.html" > "$T/ascii.60"
check "LC_ALL=C: pre lines end with a backslash" \
	[ "$(grep -c '\\$' "$T/ascii.60")" -ge 4 ]
check "LC_ALL=C: no U+21A9" sh -c "! grep -q '↩' '$T/ascii.60'"
LC_ALL=C "$GAZETTE" render --width 60 "$H/tables.html" > "$T/ascii.t"
check "LC_ALL=C: H_2O and mc^2" \
	grep -q 'Water is H_2O, E = mc^2,' "$T/ascii.t"

# Hostile input: no control character of any family reaches the output.
check "hostile: no ESC" sh -c "! LC_ALL=C grep -q '$ESC' '$T/hostile.60'"
check "hostile: no BEL or other C0" \
	sh -c "! LC_ALL=C grep -q '[$(printf '\001-\010\013-\037\177')]' '$T/hostile.60'"
check "hostile: no C1 (UTF-8 encoded)" \
	sh -c "! LC_ALL=C grep -q '$(printf '\302[\200-\237]')' '$T/hostile.60'"
check "hostile: no bidi overrides or isolates" \
	sh -c "! LC_ALL=C grep -q '$(printf '\342\200[\252-\256]')\|$(printf '\342\201[\246-\251]')' '$T/hostile.60'"
check "hostile: text around the sequences kept" \
	grep -q "^OSC 8 link: shown text end\.$" "$T/hostile.60"

# Input from stdin, default width from COLUMNS, then 80.
"$GAZETTE" render --width 40 - < "$H/editorial.html" > "$T/stdin"
check "'-' reads stdin" cmp -s "$T/stdin" "$T/editorial.40"
"$GAZETTE" render --width 40 < "$H/editorial.html" > "$T/stdin2"
check "no FILE reads stdin" cmp -s "$T/stdin2" "$T/editorial.40"
COLUMNS=40 "$GAZETTE" render "$H/editorial.html" > "$T/cols"
check "COLUMNS sets the default width" cmp -s "$T/cols" "$T/editorial.40"
env -u COLUMNS "$GAZETTE" render "$H/editorial.html" > "$T/def"
check "the default width is 80" cmp -s "$T/def" "$T/editorial.80"

# Usage errors.
"$GAZETTE" render --width 0 "$H/cjk.html" > /dev/null 2>&1
check "--width 0 is a usage error" [ $? -eq 2 ]
"$GAZETTE" render --width abc "$H/cjk.html" > /dev/null 2>&1
check "--width abc is a usage error" [ $? -eq 2 ]
"$GAZETTE" render "$T/missing.html" > /dev/null 2> "$T/err"
check "a missing file is an error (2)" [ $? -eq 2 ]
check "the missing file is named" grep -q "missing.html" "$T/err"
"$GAZETTE" render a b > /dev/null 2>&1
check "two files are a usage error" [ $? -eq 2 ]

# gazette show.
PUT="$builddir/tests/show_put"
if [ ! -x "$PUT" ]; then
	fail "tests/show_put not built"
	tap_done
	exit
fi
DB="$T/show.db"
"$GAZETTE" -d "$DB" show some-guid > "$T/out" 2> "$T/err"
check "show without a database exits 1" [ $? -eq 1 ]
check "show without a database creates none" [ ! -e "$DB" ]

"$PUT" "$DB" http://feed.example/rss "Le Blog" g1 \
	"L’évolution de la concurrence" https://feed.example/2025/ia.html \
	"Marie Curie" 1700000000 html "$H/kitchen.html" \
	https://cdn.example/episode-12.mp3 audio/mpeg 12345678
check "show_put stored an article" [ $? -eq 0 ]
printf 'First paragraph.\n\nSecond \033[31mparagraph\033[0m, long enough to wrap.\n' \
	> "$T/plain.txt"
"$PUT" "$DB" http://feed.example/rss "Le Blog" g2 \
	"Evil ${ESC}]52;c;ZXZpbA==${BEL}title ${ESC}[2J" "" \
	"Bad${ESC}]0;x${BEL} Author" - text "$T/plain.txt"
check "show_put stored a text article" [ $? -eq 0 ]

"$GAZETTE" -d "$DB" show --width 60 g1 > "$T/g1" 2> "$T/err"
check "show exits 0" [ $? -eq 0 ]
cat > "$T/g1.head" <<'EOT'
Title:  L’évolution de la concurrence
Feed:   Le Blog
Author: Marie Curie
Date:   2023-11-14 22:13 UTC
Link:   https://feed.example/2025/ia.html

EOT
check "show prints the header" \
	sh -c "head -n 6 '$T/g1' | cmp -s - '$T/g1.head'"
# The body is the renderer's, its links resolved against the article.
sed 's#https://example.org/news/post.html#https://feed.example/2025/ia.html#' \
	"$H/kitchen.html" > "$T/kitchen.html"
"$GAZETTE" render --width 60 --base https://feed.example/2025/ia.html \
	"$T/kitchen.html" > "$T/kitchen.body"
check "show prints the body as render does" \
	sh -c "tail -n +7 '$T/g1' | sed '/^\[7\]: /,\$d' | cmp -s - '$T/kitchen.body'"
check "relative links resolve against the article link" \
	grep -q '^\[2\]: https://feed.example/docs/changes.html$' "$T/g1"
check "the enclosure is listed with its type and size" \
	grep -qx '\[7\]: https://cdn.example/episode-12.mp3' "$T/g1"
check "the enclosure's type and size follow it" \
	grep -qx '     (enclosure, audio/mpeg, 12.3 MB)' "$T/g1"

"$GAZETTE" -d "$DB" show --width 30 g2 > "$T/g2" 2> "$T/err"
check "show of a text article exits 0" [ $? -eq 0 ]
cat > "$T/g2.want" <<'EOT'
Title:  Evil title
Feed:   Le Blog
Author: Bad Author

First paragraph.

Second paragraph, long enough
to wrap.
EOT
check "a text article: sanitised header, wrapped body" \
	cmp -s "$T/g2" "$T/g2.want"
check "no escape reaches the output" \
	sh -c "! LC_ALL=C grep -q '$ESC' '$T/g2'"

"$GAZETTE" -d "$DB" show no-such-guid > "$T/out" 2> "$T/err"
check "an unknown guid exits 1" [ $? -eq 1 ]
check "an unknown guid is named" grep -q "no-such-guid" "$T/err"
"$GAZETTE" -d "$DB" show > /dev/null 2>&1
check "show without a guid is a usage error" [ $? -eq 2 ]

tap_done
