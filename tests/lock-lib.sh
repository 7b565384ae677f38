# lock-lib.sh: another process holds a database's write lock, for the
# tests of what gazette does meanwhile (a refresh indexing or storing).
# Needs lib.sh ($T, wait_until) and python3.

# lock_taken: the holder holds the lock, or could not take it
lock_taken() {
	[ -f "$T/locked" ] || [ -f "$T/locked.failed" ]
}

# hold_lock DBFILE: a python3 process takes DBFILE's write lock and holds
# it until release_lock.  0 once the lock is held, 1 when it could not
# be taken.  Python starting under load can take half a minute: the
# deadline is generous, and the lock is never released on a timer.
hold_lock() {
	rm -f "$T/locked" "$T/locked.failed"
	python3 "$srcdir/tests/hold_lock.py" "$1" "$T/locked" &
	lockpid=$!
	wait_until 600 lock_taken
	[ -f "$T/locked" ]
}

release_lock() {
	rm -f "$T/locked"
	kill "$lockpid" 2>/dev/null
	wait "$lockpid" 2>/dev/null
}
