#!/bin/sh
# ui_damage.sh: the interface on a damaged database (tests/damage-lib.sh).
# It quits as soon as it meets the damage, names the file on stderr,
# exits 2 and leaves the file's bytes as they were: opening a feed whose
# pages were overwritten, a file cut short, and damage found by a
# refresh it started (R), in pages the interface itself had not read.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"
. "$srcdir/tests/damage-lib.sh"

# Opening feed a reads its newest articles: the damaged pages.
damage_pages 4
before=$(sum "$D")
ui_start 100 30 -- -u "$U" -d "$D"
check "the feed list shows" wait_for "Your feeds"
keys Enter
st=$(wait_exit)
check "opening a damaged feed quits with status 2 ($st)" [ "$st" = 2 ]
check "and names the damaged file" said "$T/stderr"
check "the file is left as it was" [ "$(sum "$D")" = "$before" ]

# Cut short: refused at start.
cp "$GOOD" "$D"
truncate -s $(($(wc -c < "$GOOD") / 2 + 100)) "$D"
before=$(sum "$D")
ui_start 100 30 -- -u "$U" -d "$D"
st=$(wait_exit)
check "a file cut short: status 2 ($st)" [ "$st" = 2 ]
check "a file cut short: named" said "$T/stderr"
check "a file cut short: left as it was" [ "$(sum "$D")" = "$before" ]

# R: the refresh meets the damage (it looks up feed a's articles); the
# interface checks the file itself, and quits.
damage_pages 4
before=$(sum "$D")
ui_start 100 30 -- -u "$U" -d "$D"
check "the feed list shows again" wait_for "Your feeds"
keys R
st=$(wait_exit 60)
check "damage found by R: status 2 ($st)" [ "$st" = 2 ]
check "damage found by R: named" said "$T/stderr"
check "damage found by R: left as it was" [ "$(sum "$D")" = "$before" ]

tap_done
