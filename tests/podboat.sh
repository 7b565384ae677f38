#!/bin/sh
# podboat.sh: gazette podboat downloads the queue against tests/httpd.py:
# http(s) only, NAME.part renamed when whole, resumed after a dropped
# connection, max-downloads at once, the queue's states as podboat's.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

DB="$T/gazette.db"
Q="$T/queue"
# media FILE KB: that many KiB of random bytes, which differ from place
# to place (a resume from the wrong offset cannot match); head, not a
# Python start per file.
media() {
	head -c $(($2 * 1024)) /dev/urandom > "$DOCS/$1"
}
media a.mp3 300
media b.mp3 20
media c.mp3 200
media d.mp3 200
media e.mp3 50
media f.mp3 50
media old.mp3 1
printf 'user-agent "PodTest/1.0"\n' > "$T/conf"
cat > "$Q" <<EOF
$BASE/media/a.mp3 "$T/dl/a.mp3"
$BASE/media/b.mp3 "$T/dl/sub dir/b.mp3"
ftp://127.0.0.1/x.mp3 "$T/dl/x.mp3"
$BASE/tofile/x "$T/dl/passwd"
$BASE/status/404/n.mp3 "$T/dl/n.mp3"
$BASE/media/old.mp3 "$T/dl/old.mp3" played
EOF
"$GAZETTE" -c "$T/conf" -d "$DB" podboat > "$T/out" 2> "$T/err"
check "some failed: exit 1" [ $? -eq 1 ]
check "a file is downloaded whole" cmp -s "$DOCS/a.mp3" "$T/dl/a.mp3"
check "into a directory made for it" cmp -s "$DOCS/b.mp3" "$T/dl/sub dir/b.mp3"
check "no .part is left of them" [ ! -e "$T/dl/a.mp3.part" ]
check "the queue says downloaded, in podboat's words" \
    grep -qxF "$BASE/media/a.mp3 \"$T/dl/a.mp3\" downloaded" "$Q"
check "a quoted path is written back quoted" \
    grep -qxF "$BASE/media/b.mp3 \"$T/dl/sub dir/b.mp3\" downloaded" "$Q"
check "an ftp URL is refused" grep -q "ftp://127.0.0.1/x.mp3: not an http or https URL" "$T/err"
check "a redirect to file: is refused" grep -q "tofile/x: .*[Pp]rotocol" "$T/err"
check "and nothing was copied" [ ! -e "$T/dl/passwd" ]
check "an HTTP error is named" grep -q "status/404/n.mp3: HTTP 404" "$T/err"
check "failed entries stay queued" grep -qxF "$BASE/status/404/n.mp3 \"$T/dl/n.mp3\"" "$Q"
check "a played entry is left alone" \
    grep -qxF "$BASE/media/old.mp3 \"$T/dl/old.mp3\" played" "$Q"
check "and not fetched" [ "$(requests /media/old.mp3)" -eq 0 ]
check "user-agent is sent" grep -q '"path": "/media/a.mp3".*"user_agent": "PodTest/1.0"' "$HTTPD_LOG"
check "the summary line" grep -q "podboat: 5 queued: 2 downloaded, 0 already there, 3 failed" "$T/err"

# --list and --purge (delete-played-files).
"$GAZETTE" -d "$DB" podboat --list > "$T/list"
check "--list shows states and paths" grep -qxF "downloaded $T/dl/a.mp3 $BASE/media/a.mp3" "$T/list"
: > "$T/dl/old.mp3"
printf 'delete-played-files yes\n' > "$T/conf2"
"$GAZETTE" -c "$T/conf2" -d "$DB" podboat --purge 2> "$T/err"
check "--purge: exit 0" [ $? -eq 0 ]
check "--purge removes the played entry" sh -c "! grep -q old.mp3 '$Q'"
check "with delete-played-files, its file too" [ ! -e "$T/dl/old.mp3" ]
check "--purge keeps the rest" [ "$(wc -l < "$Q")" -eq 5 ]
check "a second run downloads nothing again" sh -c \
    "'$GAZETTE' -d '$DB' podboat 2>&1 | grep -q '3 queued: 0 downloaded'"
check "and asks for nothing downloaded" [ "$(requests /media/a.mp3)" -eq 1 ]

# A dropped connection: the .part keeps the half, the next run resumes.
cat > "$Q" <<EOF
$BASE/cutmedia/c.mp3 "$T/dl/c.mp3"
EOF
"$GAZETTE" -d "$DB" podboat 2> "$T/err"
check "cut short: exit 1" [ $? -eq 1 ]
check "cut short: no file yet" [ ! -e "$T/dl/c.mp3" ]
check "cut short: the .part keeps what came" \
    [ "$(wc -c < "$T/dl/c.mp3.part")" -eq 102400 ]
check "cut short: still queued" grep -qxF "$BASE/cutmedia/c.mp3 \"$T/dl/c.mp3\"" "$Q"
"$GAZETTE" -d "$DB" podboat 2> "$T/err"
check "resumed: exit 0" [ $? -eq 0 ]
check "resumed with a Range from the .part's end" \
    grep -q '"path": "/cutmedia/c.mp3".*"range": "bytes=102400-"' "$HTTPD_LOG"
check "resumed: the file is whole and right" cmp -s "$DOCS/c.mp3" "$T/dl/c.mp3"
check "resumed: no .part left" [ ! -e "$T/dl/c.mp3.part" ]

# download-retries: the second attempt of the same run resumes.
printf 'download-retries 2\n' > "$T/conf"
printf '%s "%s"\n' "$BASE/cutmedia/d.mp3" "$T/dl/d.mp3" > "$Q"
"$GAZETTE" -c "$T/conf" -d "$DB" podboat 2> "$T/err"
check "download-retries: exit 0" [ $? -eq 0 ]
check "download-retries: resumed in the same run" cmp -s "$DOCS/d.mp3" "$T/dl/d.mp3"
check "download-retries: two requests" [ "$(requests /cutmedia/d.mp3)" -eq 2 ]

# A .part that does not fit the file: fetched again from the start; one
# that is the whole file already: kept.
head -c 80000 /dev/urandom > "$T/dl/e.mp3.part"
cp "$DOCS/f.mp3" "$T/dl/f.mp3.part"
printf '%s "%s"\n%s "%s"\n' "$BASE/media/e.mp3" "$T/dl/e.mp3" \
    "$BASE/media/f.mp3" "$T/dl/f.mp3" > "$Q"
"$GAZETTE" -d "$DB" podboat 2> "$T/err"
check "bad .part: exit 0" [ $? -eq 0 ]
check "a .part longer than the file is fetched again" cmp -s "$DOCS/e.mp3" "$T/dl/e.mp3"
check "a whole .part is renamed" cmp -s "$DOCS/f.mp3" "$T/dl/f.mp3"

# max-downloads: two at once, or one.
media h1.mp3 10
media h2.mp3 10
media h3.mp3 10
media h4.mp3 10
printf 'max-downloads 2\n' > "$T/conf"
printf '%s "%s"\n%s "%s"\n' "$BASE/hold/h1.mp3" "$T/dl/h1.mp3" \
    "$BASE/hold/h2.mp3" "$T/dl/h2.mp3" > "$Q"
"$GAZETTE" -c "$T/conf" -d "$DB" podboat 2> "$T/err" &
pid=$!
check "max-downloads 2: both start before either ends" \
    wait_until 30 sh -c "[ \$(grep -c '/hold/h[12]' '$HTTPD_LOG') -eq 2 ]"
"$GAZETTE" -d "$DB" podboat 2> "$T/err2"
check "a second podboat meanwhile: exit 3" [ $? -eq 3 ]
check "and it says why" grep -q "another gazette podboat is downloading" "$T/err2"
touch "$DOCS/h1.mp3.go" "$DOCS/h2.mp3.go"
wait $pid
check "max-downloads 2: exit 0" [ $? -eq 0 ]
check "max-downloads 2: both whole" sh -c "cmp -s '$DOCS/h1.mp3' '$T/dl/h1.mp3' && cmp -s '$DOCS/h2.mp3' '$T/dl/h2.mp3'"
printf 'max-downloads 1\n' > "$T/conf"
printf '%s "%s"\n%s "%s"\n' "$BASE/hold/h3.mp3" "$T/dl/h3.mp3" \
    "$BASE/hold/h4.mp3" "$T/dl/h4.mp3" > "$Q"
"$GAZETTE" -c "$T/conf" -d "$DB" podboat 2> "$T/err" &
pid=$!
wait_until 30 sh -c "grep -q '/hold/h3' '$HTTPD_LOG'"
sleep 1
check "max-downloads 1: the second waits for the first" [ "$(requests /hold/h4.mp3)" -eq 0 ]
touch "$DOCS/h3.mp3.go" "$DOCS/h4.mp3.go"
wait $pid
check "max-downloads 1: exit 0, both whole" sh -c "cmp -s '$DOCS/h3.mp3' '$T/dl/h3.mp3' && cmp -s '$DOCS/h4.mp3' '$T/dl/h4.mp3'"

# http-auth-method (default any): a URL's USER:PASSWORD@ by Digest.
media dg.mp3 5
HOSTPORT=${BASE#http://}
printf '%s "%s"\n' "http://feeduser:feedpass@$HOSTPORT/digest/dg.mp3" "$T/dl/dg.mp3" > "$Q"
"$GAZETTE" -d "$DB" podboat 2> "$T/err"
check "http-auth-method any: a Digest-protected file is fetched" [ $? -eq 0 ]
check "http-auth-method any: whole" cmp -s "$DOCS/dg.mp3" "$T/dl/dg.mp3"

# Usage.
"$GAZETTE" -d "$DB" podboat --jobs 0 2> /dev/null
check "--jobs 0: usage, exit 2" [ $? -eq 2 ]

tap_done
