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

# wait_until SECONDS COMMAND...: poll COMMAND every 0.1 s until it
# succeeds (0) or SECONDS run out (1).  A deadline, never a bare sleep.
wait_until() {
	_wu_end=$(( $(date +%s) + $1 ))
	shift
	until "$@"; do
		[ "$(date +%s)" -ge "$_wu_end" ] && return 1
		sleep 0.1
	done
	return 0
}

# run_deadline SECONDS COMMAND...: run COMMAND; its exit status, or 124
# when it had to be killed at the deadline.
run_deadline() {
	_rd_secs=$1
	shift
	"$@" &
	_rd_pid=$!
	if wait_until "$_rd_secs" sh -c "! kill -0 $_rd_pid 2>/dev/null"; then
		wait $_rd_pid
		return $?
	fi
	kill -9 $_rd_pid 2>/dev/null
	wait $_rd_pid 2>/dev/null
	return 124
}
