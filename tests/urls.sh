#!/bin/sh
# urls.sh: `gazette add` and the urls file it writes.
. "$srcdir/tests/lib.sh"

U="$XDG_CONFIG_HOME/gazette/urls"

"$GAZETTE" add http://a.example/feed.xml tech "two words" "~My Feed" \
    @timeout=20 > "$T/out" 2>&1
check "add exits 0" [ $? -eq 0 ]
check "add creates the urls file" [ -f "$U" ]
check "the urls file is mode 0600" \
    [ "$(stat -c %a "$U")" = 600 ]
check "its directory is mode 0700" \
    [ "$(stat -c %a "$XDG_CONFIG_HOME/gazette")" = 700 ]
check "the line is written with quoting" grep -qx \
    'http://a.example/feed.xml "~My Feed" tech "two words" @timeout=20' "$U"

"$GAZETTE" add http://a.example/feed.xml other > "$T/out" 2>&1
check "a duplicate exits 1" [ $? -eq 1 ]
check "a duplicate is named" grep -q 'already in' "$T/out"
check "a duplicate writes nothing" [ "$(wc -l < "$U")" -eq 1 ]

"$GAZETTE" add notaurl > "$T/out" 2>&1
check "a bad URL is a usage error" [ $? -eq 2 ]
"$GAZETTE" add http://b.example/ @timeout=abc > "$T/out" 2>&1
check "a bad setting is a usage error" [ $? -eq 2 ]
check "a bad setting is named" grep -q '@timeout' "$T/out"
"$GAZETTE" add > "$T/out" 2>&1
check "no URL is a usage error" [ $? -eq 2 ]

# A file without a final newline gets one before the new line.
printf 'http://c.example/' > "$T/u2"
"$GAZETTE" -u "$T/u2" add http://d.example/ x > "$T/out" 2>&1
check "add -u appends to the named file" [ $? -eq 0 ]
check "the previous last line is kept intact" grep -qx 'http://c.example/' "$T/u2"
check "the new line is on its own line" grep -qx 'http://d.example/ x' "$T/u2"

# A newsboat file with an unreadable line: add still works, the bad line is
# reported with file:line by the commands that read it.
printf '"http://e.example/ broken\nhttp://f.example/\n' > "$T/u3"
"$GAZETTE" -u "$T/u3" add http://f.example/ > "$T/out" 2>&1
check "duplicate detection reads past a bad line" [ $? -eq 1 ]

# One feed is one line: a URL or tag holding a newline (or any other
# control character) is refused, and nothing is written.
U4="$T/u4"
"$GAZETTE" -u "$U4" add http://g.example/ "$(printf 'tag\nexec:touch %s/pwned' "$T")" > "$T/out" 2>&1
check "a tag with a newline is a usage error" [ $? -eq 2 ]
check "a tag with a newline is refused by name" \
    grep -q 'tag 1 holds a control character' "$T/out"
check "a tag with a newline writes nothing" [ ! -e "$U4" ]
"$GAZETTE" -u "$U4" add "$(printf 'exec:true\nhttp://h.example/ @proxy=http://127.0.0.1:9/')" > "$T/out" 2>&1
check "a URL with a newline is a usage error" [ $? -eq 2 ]
check "a URL with a newline is refused" \
    grep -q 'the URL holds a control character' "$T/out"
"$GAZETTE" -u "$U4" add http://g.example/ "$(printf 'a\tb')" > "$T/out" 2>&1
check "a tag with a tab is a usage error" [ $? -eq 2 ]
"$GAZETTE" -u "$U4" add http://g.example/ "$(printf '~T\302\233itle')" > "$T/out" 2>&1
check "a title with a C1 control is a usage error" [ $? -eq 2 ]
"$GAZETTE" -u "$U4" add http://g.example/ "@user-agent=$(printf 'x\ry')" > "$T/out" 2>&1
check "a setting with a carriage return is a usage error" [ $? -eq 2 ]
check "nothing was written by the refused adds" [ ! -e "$U4" ]
check "no command ran" [ ! -e "$T/pwned" ]

# Tags that look like syntax stay tags: written quoted, read back alike.
"$GAZETTE" -u "$U4" add http://g.example/ '~He said "hi" there' '#not-a-comment' \
    'back\slash' 'exec:x' > "$T/out" 2>&1
check "syntax-like tags are accepted" [ $? -eq 0 ]
check "they are quoted on one line" grep -qxF \
    'http://g.example/ "~He said \"hi\" there" "#not-a-comment" "back\\slash" exec:x' "$U4"
"$GAZETTE" -u "$U4" export > "$T/g.opml" 2> "$T/out"
check "the title and tags come back in the export" grep -qF \
    'title="He said &quot;hi&quot; there"' "$T/g.opml"
"$GAZETTE" -u "$T/u5" import "$T/g.opml" > "$T/out" 2>&1
check "add, export, import: the same line" cmp "$U4" "$T/u5"

# Only regular files are read: a device or a FIFO named by -u is refused
# at once, with a clear message.
mkfifo "$T/fifo"
for f in /dev/zero /dev/urandom "$T/fifo"; do
	timeout 60 "$GAZETTE" -u "$f" -d "$T/db" refresh > "$T/out" 2>&1
	check "refresh -u $f: exit 2" [ $? -eq 2 ]
	check "refresh -u $f: not a regular file" \
	    grep -q ": not a regular file (a \(character device\|FIFO\))" "$T/out"
	check "refresh -u $f: one line of output" [ "$(wc -l < "$T/out")" -eq 1 ]
done
timeout 60 "$GAZETTE" -u "$T/fifo" add http://g.example/ > "$T/out" 2>&1
check "add -u FIFO: exit 2, not a regular file" \
    grep -q 'not a regular file (a FIFO)' "$T/out"

# Size caps: a urls file over 4 MiB is refused whole; a line over 64 KiB
# is skipped unread (the lines around it are read), so that a long line
# of many tags costs no more than its length.
head -c 10000000 /dev/zero | tr '\0' 'x' > "$T/huge"
timeout 60 "$GAZETTE" -u "$T/huge" export > "$T/out" 2> "$T/err"
check "a 10 MB urls line: exit 2" [ $? -eq 2 ]
check "a 10 MB urls line: the file is larger than 4 MiB" \
    grep -q 'huge: larger than 4 MiB' "$T/err"
awk 'BEGIN {
	print "http://before.example/"
	printf "http://long.example/"
	for (i = 0; i < 400000; i++)
		printf " t%d", i
	print ""
	print "http://after.example/"
}' > "$T/longline"
timeout 60 "$GAZETTE" -u "$T/longline" export > "$T/out" 2> "$T/err"
check "a 3 MB line: export exits 0" [ $? -eq 0 ]
check "a 3 MB line: skipped as too long" \
    grep -q 'longline:2: line longer than 64 KiB; line skipped' "$T/err"
check "a 3 MB line: the lines around it are read" \
    [ "$(grep -c 'xmlUrl="http://\(before\|after\).example/"' "$T/out")" -eq 2 ]
check "a 3 MB line: its feed is not" sh -c "! grep -q long.example '$T/out'"

# Warnings are bounded: 20, then a count.
i=0
while [ $i -lt 100 ]; do
	echo "ftp://bad$i.example/"
	i=$((i + 1))
done > "$T/bad"
echo http://good.example/ >> "$T/bad"
"$GAZETTE" -u "$T/bad" export > "$T/out" 2> "$T/err"
check "100 bad lines: export exits 0" [ $? -eq 0 ]
check "100 bad lines: 21 lines on stderr" [ "$(wc -l < "$T/err")" -eq 21 ]
check "100 bad lines: the first 20 are named" \
    grep -q 'bad:20: not a URL gazette can read' "$T/err"
check "100 bad lines: then a count" \
    grep -qx 'gazette: .*/bad: \.\.\. and 80 more problems' "$T/err"
check "100 bad lines: the good line is read" grep -q good.example "$T/out"

tap_done
