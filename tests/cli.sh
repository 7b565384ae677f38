#!/bin/sh
# cli.sh: the command-line contract of the dispatcher itself.
. "$srcdir/tests/lib.sh"

"$GAZETTE" --version > "$T/out" 2>&1
check "--version exits 0" [ $? -eq 0 ]
check "--version names the program" grep -q '^gazette [0-9]' "$T/out"

"$GAZETTE" --help > "$T/out" 2>&1
check "--help exits 0" [ $? -eq 0 ]
for c in parse refresh search list import export add; do
	check "--help lists $c" grep -q "gazette $c" "$T/out"
done

"$GAZETTE" frobnicate > "$T/out" 2>&1
check "an unknown command is a usage error (2)" [ $? -eq 2 ]
check "an unknown command is named" grep -q "unknown command 'frobnicate'" "$T/out"

"$GAZETTE" -Z > "$T/out" 2>&1
check "an unknown option is a usage error (2)" [ $? -eq 2 ]

tap_done
