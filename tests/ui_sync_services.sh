#!/bin/sh
# ui_sync_services.sh: the interface in sync mode with urls-source
# "oldreader" (The Old Reader's API in tests/greader.py): the server's
# feeds are listed, oldreader-show-special-feeds heads the list with
# "Starred items" (the articles with the oldreader-flag-star letter),
# and oldreader-show-special-feeds no leaves it out.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"
GR_SERVICE=oldreader
. "$srcdir/tests/greader-lib.sh"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; kill $GR_PID 2>/dev/null; rm -rf "$T"' EXIT
CONF="$XDG_CONFIG_HOME/gazette/config"

ctl feed '{"url": "http://a.example/feed", "title": "Old Reader feed"}' > /dev/null
ctl items '{"feed": "http://a.example/feed", "count": 3, "prefix": "O", "ago": 600}' > /dev/null
id=$(ctl dump | python3 -c '
import json, sys
print(json.dumps([i["id"] for i in json.load(sys.stdin)["items"] if i["title"] == "O 2"]))')
ctl state "{\"ids\": $id, \"starred\": true}" > /dev/null
mkdir -p "$XDG_CONFIG_HOME/gazette"
printf '%s\n' "$GR_PASSWORD" > "$T/pw"
cat > "$CONF" <<CFG
urls-source "oldreader"
oldreader-url "$GR_API"
oldreader-login "alice"
oldreader-passwordfile "$T/pw"
oldreader-flag-star "k"
CFG
"$GAZETTE" refresh --quiet
check "synced" [ "$("$GAZETTE" list --json | wc -l)" -eq 3 ]

ui_start 80 24 --
check "the server's feed is listed" wait_for "Old Reader feed" || show
check "oldreader-show-special-feeds (default yes): Starred items listed" \
    wait_for "Starred items" || show
keys Enter
check "it holds the article starred on the server" wait_for "O 2" || show
check "and only it" sh -c "! grep -q 'O [13]' '$T/screen'" || show
keys q
keys q
wait_exit > /dev/null

echo 'oldreader-show-special-feeds no' >> "$CONF"
ui_start 80 24 --
wait_for "Old Reader feed" > /dev/null
check "oldreader-show-special-feeds no: no Starred items" \
    sh -c "! grep -q 'Starred items' '$T/screen'" || show
keys q
wait_exit > /dev/null
tap_done
