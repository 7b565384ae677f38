#!/usr/bin/env python3
"""firstscreen.py: time to first screen and peak memory of a terminal program.

Usage: firstscreen.py [--cols N] [--rows N] [--quit KEYS] MARKER CMD [ARG...]

Starts CMD in a fresh pseudo-terminal (COLSxROWS, default 100x30), reads
what it writes until the text MARKER has appeared, and takes that instant
as the first screen.  Then it types KEYS (default "q") and waits for the
program to end, and prints one line:

    SECONDS_TO_MARKER MAXRSS_KB

MAXRSS_KB is the peak resident set size of the program, from GNU time
(/usr/bin/time -f %M): the program runs as a child of time, so the size
of this Python process, which forks it, does not count.  The clock starts
just before fork, so exec and dynamic loading count.
"""
import fcntl
import os
import pty
import tempfile
import select
import struct
import sys
import termios
import time


def main():
    args = sys.argv[1:]
    cols, rows, quit_keys = 100, 30, b"q"
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--cols":
            cols = int(args.pop(0))
        elif opt == "--rows":
            rows = int(args.pop(0))
        elif opt == "--quit":
            quit_keys = args.pop(0).encode()
        else:
            sys.exit("firstscreen.py: unknown option " + opt)
    if len(args) < 2:
        sys.exit(__doc__)
    marker = args[0].encode()
    cmd = args[1:]
    rss_fd, rss_file = tempfile.mkstemp(prefix="firstscreen.")
    os.close(rss_fd)
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        os.execv("/usr/bin/time", ["time", "-f", "%M", "-o", rss_file] + cmd)
    seen = b""
    t_marker = None
    deadline = t0 + 600
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 1.0)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen = (seen + chunk)[-65536:]
        if marker in seen:
            t_marker = time.monotonic() - t0
            break
    if t_marker is not None:
        os.write(fd, quit_keys)
    # Drain until the program ends, then collect its rusage.
    end = time.monotonic() + 300
    ru = None
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done == pid:
            ru = usage
            break
    if ru is None:
        os.kill(pid, 9)
        _, _, ru = os.wait4(pid, 0)
    os.close(fd)
    try:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
    except (OSError, ValueError, IndexError):
        rss = -1
    os.unlink(rss_file)
    if t_marker is None:
        sys.exit("firstscreen.py: %r never appeared" % marker.decode())
    print("%.3f %d" % (t_marker, rss))


if __name__ == "__main__":
    main()
