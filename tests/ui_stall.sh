#!/bin/sh
# ui_stall.sh: keys typed while the interface was kept busy (here: N
# waiting for a write lock another process holds for two seconds) are
# dropped, not replayed once it is free: they were aimed at a screen
# that had not changed yet.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

DB="$T/g.db"
"$FILL" "$DB" 1 5 || { echo "Bail out! ui_fill failed"; exit 1; }

ui_start 100 30 -- -d "$DB" -u /dev/null
wait_for "Your feeds" > /dev/null
keys Enter
check "the article list" wait_for "Article 1 of feed 1"

# Another process takes the write lock for two seconds.
python3 - "$DB" "$T/locked" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(2)
c.execute("ROLLBACK")
PY
lock=$!
i=0
while [ ! -f "$T/locked" ] && [ $i -lt 200 ]; do i=$((i + 1)); sleep 0.05; done
check "the lock is taken" [ -f "$T/locked" ]
# N waits for the lock; / is typed during that wait.
keys N
sleep 0.3
keys /
wait $lock
check "N lands once the lock is free" wait_for "(4 unread"
sleep 1
screen > "$T/screen"
check "the / typed during the wait is not replayed" \
    sh -c '! grep -q "Search:" "$1"' sh "$T/screen"
keys /
check "a key typed after it works" wait_for "Search:"
keys Escape Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]
tap_done
