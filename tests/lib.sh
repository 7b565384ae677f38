# lib.sh: common setup for shell tests.  Every test gets a private
# scratch directory and private XDG directories, removed on exit.
: "${GAZETTE:?GAZETTE must name the binary under test}"
: "${srcdir:=.}"
. "$srcdir/tests/tap.sh"

T=$(mktemp -d "${TMPDIR:-/tmp}/gazette-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
mkdir -p "$HOME"
export LC_ALL=C.UTF-8
unset BROWSER
