#!/bin/sh
# ui_demo.sh: gazette --demo on the bundled feeds: every feed listed in a
# throwaway directory (removed on exit), the French editorial read with
# its accents and typographic quotes intact, CJK and Cyrillic titles.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

mkdir -p "$T/tmp"
ui_start 100 30 TMPDIR="$T/tmp" GAZETTE_DEMO_DIR="$srcdir/contrib/demo" \
    -- --demo
check "the demo starts" wait_for "Le Gazetier"
n=$(ls "$srcdir/contrib/demo" | grep -cE '\.(xml|atom|json|rss|rdf)$')
check "every demo feed listed ($n)" wait_re "^ *$n N"
check "a Japanese title" wait_re '端末ニュース'
check "a Russian title" wait_re 'Новости терминала'
check "a throwaway directory" [ -n "$(ls "$T/tmp")" ]

# Open the French editorials and read the first one.
line=$(grep -n 'Le Gazetier' "$T/screen" | head -1 | cut -d: -f1)
keys "$((line - 1))" Enter
check "the French feed opens" wait_for "Articles in 'Le Gazetier — éditoriaux'"
keys Enter
check "the editorial's title, accents and apostrophes intact" \
    wait_for "Title: L’évolution de la concurrence : de l’espace à l’IA"
# The body may be drawn a moment after the header: poll for it too.
check "typographic quotes intact" \
    wait_for '« C’est un petit pas pour l’homme'
check "accented capitals intact" wait_for 'Les États-Unis'
# End scrolls to the bottom; the title line says so.
keys End
check "End: the end of the article" wait_for "(100%)"
keys q q

# A podcast: its enclosure and categories in the header.
wait_for "Terminal Times" >/dev/null
line=$(grep -n 'Terminal Times' "$T/screen" | head -1 | cut -d: -f1)
keys "$((line - 1))" Enter
wait_for "Articles in 'Terminal Times'" >/dev/null
line=$(grep -n 'Podcast: the terminal renaissance' "$T/screen" | cut -d: -f1)
keys "$((line - 1))" Enter
if wait_for "Enclosure: https://terminal-times.example/media/ep1.mp3 (audio/mpeg)"
then ok "a podcast's enclosure is shown"
else show; fail "a podcast's enclosure is shown"; fi
keys q q
keys Q
st=$(wait_exit)
check "quits cleanly ($st)" [ "$st" = 0 ]
check "the throwaway directory is gone" [ -z "$(ls "$T/tmp")" ]

tap_done
