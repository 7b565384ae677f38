#!/bin/sh
# banned.sh: functions the project does not use (see STYLE.md): unbounded
# string copies, locale- or global-state-dependent conversions, and
# anything that hands a string to a shell.
. "$srcdir/tests/lib.sh"

banned='strcpy strcat sprintf vsprintf gets strtok atoi atol system popen localtime gmtime'
for f in $banned; do
	# A call is the name followed by "(", not part of a longer name.
	hits=$(grep -nE "(^|[^A-Za-z0-9_.>])$f[[:space:]]*\\(" \
	    "$srcdir"/src/*.c "$srcdir"/src/*.h 2>/dev/null |
	    grep -v '^[^:]*:[0-9]*:[[:space:]]*\(/\*\|\*\)')
	if [ -z "$hits" ]; then
		ok "no $f() in src/"
	else
		fail "no $f() in src/"
		printf '%s\n' "$hits" | sed 's/^/# /'
	fi
done

tap_done
