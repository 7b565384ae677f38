#!/bin/sh
# i18n.sh: the French catalogue is built and used.
. "$srcdir/tests/lib.sh"

gmo=""
for d in "$builddir/po" "$srcdir/po"; do
	[ -f "$d/fr.gmo" ] && gmo="$d/fr.gmo" && break
done
[ -n "$gmo" ] || skip_all "no fr.gmo (built with --disable-nls?)"

mkdir -p "$T/locale/fr/LC_MESSAGES"
cp "$gmo" "$T/locale/fr/LC_MESSAGES/gazette.mo"

LANGUAGE=fr TEXTDOMAINDIR="$T/locale" "$GAZETTE" --help > "$T/out" 2>&1
check "--help in French says « usage : »" grep -q '^usage : gazette' "$T/out"
check "command help is translated" grep -q 'récupérer tous les flux' "$T/out"

LANGUAGE=fr TEXTDOMAINDIR="$T/locale" "$GAZETTE" frobnicate > "$T/out" 2>&1
check "errors are translated" grep -q 'commande inconnue « frobnicate »' "$T/out"

LANGUAGE= TEXTDOMAINDIR="$T/locale" "$GAZETTE" --help > "$T/out" 2>&1
check "without LANGUAGE=fr the messages stay English" grep -q '^usage: gazette' "$T/out"

tap_done
