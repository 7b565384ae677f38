#!/bin/sh
# parse_corpus.sh: `gazette parse` over every tests/feeds/NAME.in.
#
# NAME.out holds the expected JSON Lines (compared field by field by
# tests/jsoncmp.py), NAME.args extra arguments (one line, split on
# blanks), NAME.exit the expected exit status (default 0), NAME.err a
# text that stderr must contain.  New cases need no change here.  Inputs
# too big to commit (hostile cases) are generated at the end.
. "$srcdir/tests/lib.sh"
command -v python3 > /dev/null 2>&1 || skip_all "python3 is missing"

D="$srcdir/tests/feeds"
CMP="$srcdir/tests/jsoncmp.py"

# run_case NAME INPUT OUT EXIT ERR ARGS...
run_case() {
	name=$1 input=$2 want=$3 want_exit=$4 want_err=$5
	shift 5
	"$GAZETTE" parse "$@" "$input" > "$T/out" 2> "$T/err"
	rc=$?
	if [ "$rc" -ne "$want_exit" ]; then
		fail "$name: exit $rc, want $want_exit"
		sed 's/^/#   /' "$T/err"
		return
	fi
	if [ -n "$want_err" ] && ! grep -qF -- "$want_err" "$T/err"; then
		fail "$name: stderr lacks '$want_err'"
		sed 's/^/#   /' "$T/err"
		return
	fi
	if [ "$want_exit" -ne 0 ] && [ ! -s "$T/err" ]; then
		fail "$name: exit $rc without a message"
		return
	fi
	if python3 "$CMP" "$want" "$T/out" > "$T/diff" 2>&1; then
		ok "$name"
	else
		fail "$name"
		sed 's/^/#   /' "$T/diff"
	fi
}

for input in "$D"/*.in; do
	name=$(basename "$input" .in)
	args=
	want_exit=0
	want_err=
	[ -f "$D/$name.args" ] && args=$(cat "$D/$name.args")
	[ -f "$D/$name.exit" ] && want_exit=$(cat "$D/$name.exit")
	[ -f "$D/$name.err" ] && want_err=$(cat "$D/$name.err")
	# shellcheck disable=SC2086 # args are split on purpose
	run_case "$name" "$input" "$D/$name.out" "$want_exit" "$want_err" $args
done

# Every corpus file must be in the distribution list.
if [ -f "$srcdir/mk/parse-corpus.mk" ]; then
	missing=
	for f in "$D"/*; do
		b=${f#"$srcdir"/}
		case $b in tests/feeds/jsonfeed-*) continue ;; esac
		grep -qF "	$b" "$srcdir/mk/parse-corpus.mk" || missing="$missing $b"
	done
	check "mk/parse-corpus.mk lists every corpus file${missing:+ (run tests/gen-corpus-list.sh:$missing)}" [ -z "$missing" ]
fi

tap_done
