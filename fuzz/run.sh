#!/bin/sh
# fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#
# Builds fuzz/TARGET.c with clang (-fsanitize=fuzzer,address,undefined)
# straight against the library sources, seeds a corpus from tests/feeds,
# and runs libFuzzer for SECONDS.  Everything it writes goes under
# fuzz/corpus-run/ (gitignored): build/ objects, TARGET/ the live corpus,
# crashes/TARGET/ reproducers.  Exit status: 0 no crash, 1 crash or
# build failure.  See fuzz/README.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer options]" >&2
	echo "targets: $(cd "$(dirname "$0")" && ls fuzz_*.c | sed 's/\.c$//' | tr '\n' ' ')" >&2
	exit 2
fi
target=$1
seconds=$2
shift 2

fuzzdir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$fuzzdir/.." && pwd)
work=$fuzzdir/corpus-run
build=$work/build
CC=${CC:-clang}
case $CC in *clang*) ;; *) echo "fuzz/run.sh: needs clang (CC=$CC)" >&2; exit 1 ;; esac
[ -f "$fuzzdir/$target.c" ] || { echo "fuzz/run.sh: no $fuzzdir/$target.c" >&2; exit 2; }

mkdir -p "$build" "$work/$target" "$work/crashes/$target"

# config.h: the one of an in-tree build, else configure out of tree.
if [ -f "$top/config.h" ]; then
	confdir=$top
else
	confdir=$build/conf
	if [ ! -f "$confdir/config.h" ]; then
		[ -x "$top/configure" ] || {
			echo "fuzz/run.sh: run ./bootstrap (or autoreconf -fi) first" >&2
			exit 1
		}
		mkdir -p "$confdir"
		(cd "$confdir" && "$top/configure" CC="$CC" >/dev/null)
	fi
fi

PKGS="libcurl expat sqlite3 gumbo json-c ncursesw"
DEPCFLAGS=$(pkg-config --cflags $PKGS)
# Not libcurl: src/curl_load.c opens it when first used.
DEPLIBS="$(pkg-config --libs expat sqlite3 gumbo json-c ncursesw) -ldl -lm"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 -fno-omit-frame-pointer $SAN -I$confdir -I$top/src -I$fuzzdir"
CFLAGS="$CFLAGS -DLOCALEDIR=\"/nonexistent\" -DDEMODIR=\"/nonexistent\""
CFLAGS="$CFLAGS -DSRCDEMODIR=\"/nonexistent\" -DGAZETTE_FUZZING=1"

# The library: every module but the command glue (main.c, cmd_*.c),
# rebuilt only when its source changed.  Headers are not tracked: a
# header change needs `rm -rf fuzz/corpus-run/build`.
objs=
for src in "$top"/src/*.c; do
	base=$(basename "$src" .c)
	case $base in main|cmd_*) continue ;; esac
	obj=$build/$base.o
	if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
		# shellcheck disable=SC2086
		$CC $CFLAGS -fsanitize=fuzzer-no-link $DEPCFLAGS -c "$src" -o "$obj"
	fi
	objs="$objs $obj"
done
# shellcheck disable=SC2086
$CC $CFLAGS -fsanitize=fuzzer $DEPCFLAGS "$fuzzdir/$target.c" $objs \
    $DEPLIBS -o "$build/$target"

# Seeds, taken from tests/ each run (the live corpus keeps what it learns).
seeds=$work/seeds-$target
rm -rf "$seeds"
mkdir -p "$seeds"
feeds=$top/tests/feeds
case $target in
fuzz_json)
	for f in "$feeds"/jsonfeed-*.in "$feeds"/*.json; do
		[ -f "$f" ] && cp "$f" "$seeds/"
	done
	;;
fuzz_date)
	# Every date-looking element value in the feed corpus, one per file.
	cat "$feeds"/* 2>/dev/null |
	    grep -aoE '(pubDate|updated|published|dc:date|date_published|date_modified|lastBuildDate|modified|issued)("?: *"|>)[^<"]{4,64}' |
	    sed -E 's/^[^>"]*("?: *"|>)//' | sort -u |
	    awk -v d="$seeds" '{ f = d "/d" NR; printf "%s", $0 > f; close(f) }'
	for s in "Mon, 02 Jan 2006 15:04:05 -0700" "2006-01-02T15:04:05.999Z" \
	    "Sun Nov  6 08:49:37 1994" "Monday, 02-Jan-06 15:04:05 PST"; do
		printf '%s' "$s" > "$seeds/builtin-$(printf '%s' "$s" | cksum | cut -d' ' -f1)"
	done
	;;
fuzz_greader)
	# A Google Reader API server's answers (fuzz/greader), then the
	# JSON Feeds of the corpus (more JSON shapes).
	for f in "$fuzzdir"/greader/* "$feeds"/jsonfeed-*.in; do
		[ -f "$f" ] && cp "$f" "$seeds/"
	done
	;;
fuzz_html|fuzz_text|fuzz_store_text)
	# The renderer's test pages, then the feed corpus (HTML in content).
	for f in "$top"/tests/html/*.html "$feeds"/*; do
		case $f in *.out|*.args|*.exit) continue ;; esac
		[ -f "$f" ] && cp "$f" "$seeds/"
	done
	;;
fuzz_format)
	# The format lines of the newsboat configs, then newsboat's defaults.
	n=0
	for l in $(cat "$top"/tests/newsboat-configs/* | grep -a -- '-format' |
	    sed 's/^[a-z-]* *//' | tr ' ' '\001'); do
		n=$((n + 1))
		printf '\000\120%s\nhello\n\346\227\245\346\234\254\n' "$(printf '%s' "$l" | tr '\001' ' ')" > "$seeds/c$n"
	done
	printf '\000\120%%4i %%f %%D %%6L  %%?T?|%%-17T|  ?%%t\na\nb\n' > "$seeds/d1"
	printf '\000\120%%N %%V - %%?F?Feeds&Your feeds? (%%u unread, %%t total)%%> x' > "$seeds/d2"
	;;
*)
	# fuzz_parse, fuzz_entities, and by default: every input in tests/feeds.
	for f in "$feeds"/*; do
		case $f in *.out|*.args|*.exit) continue ;; esac
		[ -f "$f" ] && cp "$f" "$seeds/"
	done
	;;
esac
[ -n "$(ls "$seeds")" ] || printf 'x' > "$seeds/empty"

dict=
[ -f "$fuzzdir/$target.dict" ] && dict="-dict=$fuzzdir/$target.dict"
case $target in
fuzz_date) maxlen=128 ;;
fuzz_entities|fuzz_text|fuzz_store_text|fuzz_format) maxlen=4096 ;;
fuzz_html|fuzz_greader) maxlen=16384 ;;
*) maxlen=262144 ;;
esac

log=$work/$target.log
echo "fuzz/run.sh: $target for ${seconds}s, log in $log"
set +e
# shellcheck disable=SC2086
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
"$build/$target" $dict -max_total_time="$seconds" -max_len=$maxlen \
    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/crashes/$target/" "$@" \
    "$work/$target" "$seeds" > "$log" 2>&1
rc=$?
set -e
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$log" || true
if [ $rc -ne 0 ]; then
	echo "fuzz/run.sh: $target FAILED (status $rc); reproducers:" >&2
	ls "$work/crashes/$target" >&2
	grep -m1 -E 'ERROR: |runtime error|SUMMARY' "$log" >&2 || true
	exit 1
fi
echo "fuzz/run.sh: $target: no crash"
