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

# run_case NAME INPUT OUT EXIT ERR ARGS...: the exit status and stderr
# are checked here; the output is kept for one jsoncmp.py over them all
# (compare_all): an interpreter's start-up a case was most of the time.
mkdir "$T/cmp"
: > "$T/cmp.list"
run_case() {
	name=$1 input=$2 want=$3 want_exit=$4 want_err=$5
	shift 5
	"$GAZETTE" parse "$@" "$input" > "$T/cmp/$name" 2> "$T/err"
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
	printf '%s\t%s\t%s\n' "$name" "$want" "$T/cmp/$name" >> "$T/cmp.list"
}

# compare_all: an ok or a failure (with the differences) for each output
# run_case kept, and a failure if jsoncmp.py answered for fewer.
compare_all() {
	python3 "$CMP" --list "$T/cmp.list" > "$T/cmp.tap" 2>&1
	answered=0
	while IFS= read -r line; do
		case $line in
		"ok "*) ok "${line#ok }"; answered=$((answered + 1)) ;;
		"not ok "*) fail "${line#not ok }"; answered=$((answered + 1)) ;;
		*) printf '%s\n' "$line" ;;
		esac
	done < "$T/cmp.tap"
	cases=$(wc -l < "$T/cmp.list")
	check "jsoncmp.py compared all $cases outputs ($answered)" \
	    [ "$answered" -eq "$cases" ]
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
# The same document from stdin ('-') and from a file.
"$GAZETTE" parse - < "$D/rss2-basic.in" > "$T/stdin.out" 2>&1
printf '%s\t%s\t%s\n' "parse - reads stdin" "$D/rss2-basic.out" \
    "$T/stdin.out" >> "$T/cmp.list"
compare_all

# Hostile inputs too big to commit, generated here.  Each must end in
# bounded time and memory (max RSS checked) with the stated outcome.
# gen NAME: write $T/NAME.in, parse it into $T/out and $T/err; the exit
# status and the maximum RSS in MB go to $T/rss.  (One interpreter.)
gen() {
	python3 - "$1" "$T/$1.in" "$GAZETTE" "$T/out" "$T/err" > "$T/rss" <<'PY'
import resource, subprocess, sys
name, path = sys.argv[1], sys.argv[2]
head = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>big</title>'
first = '<item><title>first</title><guid isPermaLink="false">g1</guid></item>'
tail = '</channel></rss>\n'
with open(path, "w") as f:
    if name == "deep":
        # 100k nested elements inside an item body.
        f.write(head + first + '<item><title>deep</title><description>')
        f.write("<div>" * 100000 + "x" + "</div>" * 100000)
        f.write('</description></item>' + tail)
    elif name == "deep-root":
        f.write('<rss version="2.0">' + "<a>" * 100000)
    elif name == "huge-text":
        # One 50 MB text node.
        f.write(head + first + '<item><title>huge</title><guid isPermaLink="false">g2</guid><description>')
        chunk = "0123456789abcdef" * 4096
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write('</description></item>' + tail)
    elif name == "huge-attr":
        f.write(head + first + '<item><title>attr</title><guid isPermaLink="false">g2</guid><enclosure url="http://x/')
        f.write("a" * (8 * 1024 * 1024))
        f.write('" type="audio/mpeg"/></item>' + tail)
    elif name == "many-links":
        # 20000 relative links in one Atom body under an xml:base.
        f.write('<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example.org/d/"><title>links</title>')
        f.write('<entry><id>l1</id><content type="html">')
        for i in range(20000):
            f.write('&lt;a href="p%d.html"&gt;%d&lt;/a&gt; ' % (i, i))
        f.write('</content></entry></feed>\n')
    elif name == "many-items":
        f.write(head)
        for i in range(100005):
            f.write('<item><title>%d</title><guid isPermaLink="false">%d</guid></item>' % (i, i))
        f.write(tail)
with open(sys.argv[4], "wb") as o, open(sys.argv[5], "wb") as e:
    rc = subprocess.call([sys.argv[3], "parse", path], stdout=o, stderr=e)
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}

# big NAME EXIT LINES STDERR-TEXT: run gen'd NAME, check the outcome.
big() {
	name=$1 want_exit=$2 want_lines=$3 want_err=$4
	gen "$name"
	read -r rc rss < "$T/rss"
	lines=$(wc -l < "$T/out")
	if [ "$rc" -eq "$want_exit" ] && [ "$lines" -eq "$want_lines" ] &&
	    { [ -z "$want_err" ] || grep -qF -- "$want_err" "$T/err"; } &&
	    [ "$rss" -lt 400 ]; then
		ok "hostile $name: exit $rc, $lines lines, ${rss} MB max RSS"
	else
		fail "hostile $name: exit $rc (want $want_exit), $lines lines (want $want_lines), ${rss} MB max RSS"
		sed 's/^/#   /' "$T/err"
	fi
	rm -f "$T/$name.in"
}

big deep 0 2 "nested deeper"
big deep-root 0 1 "nested deeper"
big huge-text 0 3 ""
python3 -c 'import json,sys; l=open(sys.argv[1]).read().splitlines(); c=json.loads(l[2])["content"]; sys.exit(not (c.startswith("0123456789abcdef") and 1000000 < len(c.encode()) <= 1048576))' "$T/out"
check "hostile huge-text: the body is cut at 1 MiB" [ $? -eq 0 ]
big huge-attr 0 3 ""
big many-items 0 100001 "stopped after 100000 items"
big many-links 0 2 ""
python3 -c 'import json,sys; c=json.loads(open(sys.argv[1]).read().splitlines()[1])["content"]; sys.exit(not ("href=\"https://b.example.org/d/p0.html\"" in c and "href=\"https://b.example.org/d/p4095.html\"" in c and "href=\"p4096.html\"" in c and "href=\"p19999.html\"" in c))' "$T/out"
check "hostile many-links: the first 4096 relative links resolved, the rest left" [ $? -eq 0 ]

# Usage errors exit 2; a missing file exits 1.
"$GAZETTE" parse > /dev/null 2>&1
check "parse without FILE is a usage error (2)" [ $? -eq 2 ]
"$GAZETTE" parse a b > /dev/null 2>&1
check "parse with two FILEs is a usage error (2)" [ $? -eq 2 ]
"$GAZETTE" parse --bogus x > /dev/null 2>&1
check "parse with an unknown option is a usage error (2)" [ $? -eq 2 ]
"$GAZETTE" parse "$T/does-not-exist" > /dev/null 2> "$T/err"
check "parse of a missing file exits 1" [ $? -eq 1 ]
check "... and names the file" grep -q does-not-exist "$T/err"

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
