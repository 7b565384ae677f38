#!/bin/sh
# ui_config.sh: the config file named by -c.  Only a regular file of at
# most 4 MiB is read: a device or a FIFO is refused at once with a clear
# message (it used to read /dev/zero into gigabytes, and print warnings
# from /dev/urandom without end); a damaged file gives 20 warnings and a
# count, and the interface still starts.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui_lib.sh"

# Should the check regress, fail rather than eat the machine's memory
# (not under the sanitizers: they reserve terabytes of address space).
case $(ldd "$GAZETTE" 2>/dev/null) in
*libasan*|*libtsan*) ;;
*) ulimit -v 1000000 2>/dev/null || : ;;
esac

DB="$T/g.db"
: > "$T/urls"
mkfifo "$T/fifo"
for f in /dev/zero /dev/urandom "$T/fifo"; do
	ui_start 80 24 -- -c "$f" -u "$T/urls" -d "$DB"
	st=$(wait_exit 30)
	check "-c $f: exit 2" [ "$st" = 2 ]
	check "-c $f: not a regular file" \
	    grep -q "^gazette: $f: not a regular file (a \(character device\|FIFO\))\$" "$T/stderr"
	check "-c $f: one line on stderr" [ "$(wc -l < "$T/stderr")" -eq 1 ]
done

head -c 5000000 /dev/zero | tr '\0' '#' > "$T/huge"
ui_start 80 24 -- -c "$T/huge" -u "$T/urls" -d "$DB"
st=$(wait_exit 30)
check "a 5 MB config: exit 2" [ "$st" = 2 ]
check "a 5 MB config: larger than 4 MiB" \
    grep -q 'huge: larger than 4 MiB, the limit' "$T/stderr"

# 100 bad lines, a line over 64 KiB, and a good line at the end.
{
	i=0
	while [ $i -lt 100 ]; do
		echo "no-such-option-$i yes"
		i=$((i + 1))
	done
	awk 'BEGIN { printf "browser"; for (i = 0; i < 20000; i++) printf " w%d", i; print "" }'
	echo 'show-keymap-hint no'
} > "$T/bad"
ui_start 80 24 -- -c "$T/bad" -u "$T/urls" -d "$DB"
check "a damaged config: the interface starts and names the first problem" \
    wait_for "config: $T/bad:1: unknown option" 30
check "a damaged config: the good line after the bad ones applies" \
    sh -c "! grep -q 'q:Quit' '$T/screen'"
keys q
st=$(wait_exit 30)
check "a damaged config: exit 0" [ "$st" = 0 ]
check "a damaged config: 21 lines on stderr" [ "$(wc -l < "$T/stderr")" -eq 21 ]
check "a damaged config: the 20th problem is named" \
    grep -q "bad:20: unknown option 'no-such-option-19'" "$T/stderr"
check "a damaged config: then a count" \
    grep -qx "gazette: $T/bad: \.\.\. and 81 more problems" "$T/stderr"

tap_done
