# faults.py RUNS GAZETTE ARGS...: the fewest minor page faults of RUNS
# first screens (GAZETTE_EXIT_AFTER_DRAW=1) in a fresh 100x30 terminal,
# or "not drawn".  posix_spawn (vfork) leaves Python's own pages out.
import fcntl, os, struct, sys, termios
runs = int(sys.argv[1])
best = None
for _ in range(runs):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(os.environ, TERM="screen", LC_ALL="C.UTF-8",
               GAZETTE_EXIT_AFTER_DRAW="1")
    pid = os.posix_spawn(sys.argv[2], sys.argv[2:], env, setsid=True,
        file_actions=[(os.POSIX_SPAWN_DUP2, slave, 0),
                      (os.POSIX_SPAWN_DUP2, slave, 1),
                      (os.POSIX_SPAWN_DUP2, slave, 2)])
    os.close(slave)
    out = b""
    while True:
        try:
            b = os.read(master, 65536)
        except OSError:
            break
        if not b:
            break
        out += b
    os.close(master)
    _, status, ru = os.wait4(pid, 0)
    if b"Your feeds" not in out:
        print("not drawn")
        sys.exit(0)
    if best is None or ru.ru_minflt < best:
        best = ru.ru_minflt
print(best)
