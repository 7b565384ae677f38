#!/bin/sh
# podcast.sh: podcast-auto-enqueue puts the podcasts of new articles in
# the download queue beside the database, in podboat's format, with safe
# names whatever the feed says.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

export TZ=UTC
DB="$T/gazette.db"
Q="$T/queue"
cat > "$DOCS/pod.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pod cast</title><link>http://example.org/</link>
<item><guid>ep1</guid><title>Episode 1</title><pubDate>Tue, 03 Mar 2026 10:20:30 +0000</pubDate>
<enclosure url="$BASE/media/ep1.mp3" type="audio/mpeg" length="3000"/></item>
<item><guid>img</guid><title>A picture</title>
<enclosure url="$BASE/media/pic.jpg" type="image/jpeg" length="10"/></item>
<item><guid>file</guid><title>Local</title>
<enclosure url="file:///etc/passwd" type="audio/mpeg" length="10"/></item>
</channel></rss>
EOF
# JSON Feed carries what XML cannot: control bytes in a title.
cat > "$DOCS/evil.json" <<EOF
{"version":"https://jsonfeed.org/version/1.1","title":"../../up",
 "items":[{"id":"h1","title":"-rf /../\u001b[31mred\u0007",
  "attachments":[{"url":"$BASE/media/evil.mp3","mime_type":"audio/mpeg"}]},
  {"id":"h2","title":"..",
  "attachments":[{"url":"$BASE/media/","mime_type":"audio/mpeg"}]}]}
EOF
cat > "$T/urls" <<URLS
$BASE/feed/pod.xml
$BASE/feed/evil.json
URLS

# Off by default: no queue.
"$GAZETTE" -u "$T/urls" -d "$DB" refresh 2> "$T/err"
check "refresh without podcast-auto-enqueue: exit 0" [ $? -eq 0 ]
check "without podcast-auto-enqueue nothing is queued" [ ! -e "$Q" ]

rm -f "$DB"*
cat > "$T/config" <<CONF
podcast-auto-enqueue yes
download-path "$T/pods/%n"
download-filename-format "%t_%u"
CONF
"$GAZETTE" -u "$T/urls" -c "$T/config" -d "$DB" refresh 2> "$T/err"
check "refresh with podcast-auto-enqueue: exit 0" [ $? -eq 0 ]
check "the queue is beside the database" [ -f "$Q" ]
check "an audio enclosure is queued with download-path, %t and %u" \
    grep -qxF "$BASE/media/ep1.mp3 \"$T/pods/Pod cast/Episode 1_ep1.mp3\"" "$Q"
check "an image enclosure is not queued" sh -c "! grep -q pic.jpg '$Q'"
check "a file: enclosure is not queued" sh -c "! grep -q 'file:' '$Q'"
check "and the refusal is named" grep -q "file:///etc/passwd: not an http or https URL" "$T/err"
check "the hostile article is queued" grep -q "^$BASE/media/evil.mp3 " "$Q"
evil=$(sed -n "s|^$BASE/media/evil.mp3 \"\(.*\)\"\$|\1|p" "$Q")
check "its path stays under download-path" sh -c "case '$evil' in '$T/pods/'*) exit 0;; esac; exit 1"
check "no .. component in it" sh -c "! printf '%s\n' '$evil' | grep -q -e '/\.\./' -e '/\.\.\$'"
check "no component starts with a dot or a dash" \
    sh -c "! printf '%s\n' '${evil#$T/}' | grep -q -e '/[.-]'"
check "the feed's / does not make directories" \
    [ "$(printf '%s\n' "${evil#$T/pods/}" | tr -cd / | wc -c)" -eq 1 ]
check "no control byte in the queue" sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$Q'"
check "the hostile title is in the name, made harmless" \
    [ "$evil" = "$T/pods/___.._up/_rf _.._red_evil.mp3" ]
check "a title '..' is no path component" \
    grep -qxF "$BASE/media/ \"$T/pods/___.._up/___\"" "$Q"
check "three entries" [ "$(wc -l < "$Q")" -eq 3 ]

# A second refresh finds nothing new: nothing queued twice.
touch "$DOCS/pod.xml"
"$GAZETTE" -u "$T/urls" -c "$T/config" -d "$DB" refresh --force 2> "$T/err"
check "a second refresh queues nothing again" [ "$(wc -l < "$Q")" -eq 3 ]

# A new episode later: appended, the others untouched.
sed -i "s|</channel>|<item><guid>ep2</guid><title>Episode 2</title><pubDate>Wed, 04 Mar 2026 10:00:00 +0000</pubDate><enclosure url=\"$BASE/media/ep2.ogg\" type=\"audio/ogg\"/></item></channel>|" "$DOCS/pod.xml"
cat >> "$T/config" <<CONF
download-filename-format "%F-%t.%e"
CONF
"$GAZETTE" -u "$T/urls" -c "$T/config" -d "$DB" refresh --force 2> "$T/err"
check "a new episode is appended" [ "$(wc -l < "$Q")" -eq 4 ]
check "download-filename-format's %F, %t and %e" \
    grep -qxF "$BASE/media/ep2.ogg \"$T/pods/Pod cast/2026-03-04-Episode 2.ogg\"" "$Q"
check "the earlier lines are kept" \
    grep -qxF "$BASE/media/ep1.mp3 \"$T/pods/Pod cast/Episode 1_ep1.mp3\"" "$Q"

# The default name: the URL's file name, else the date.
rm -f "$DB"* "$Q"
printf 'podcast-auto-enqueue yes\ndownload-path %s\n' "$T/dl" > "$T/config"
"$GAZETTE" -u "$T/urls" -c "$T/config" -d "$DB" refresh 2> "$T/err"
check "the default name is the URL's" \
    grep -qxF "$BASE/media/ep1.mp3 \"$T/dl/ep1.mp3\"" "$Q"
check "a URL without a file name gets the dated .unknown name" \
    grep -q "^$BASE/media/ \"$T/dl/20[0-9][0-9]-[A-Z][a-z][a-z]-[0-9][0-9]-[0-9]\{6\}.unknown\"\$" "$Q"

tap_done
