/*
 * bench/firstscreen: time to first screen and peak memory of a terminal
 * program.
 *
 * Usage: firstscreen [-c COLS] [-r ROWS] [-q KEYS] MARKER CMD [ARG...]
 *
 * Starts CMD in a fresh pseudo-terminal (COLSxROWS, default 100x30), reads
 * what it writes until the text MARKER has appeared, and takes that
 * instant as the first screen.  Then it types KEYS (default "q") and waits
 * for the program to end, and prints one line:
 *
 *     SECONDS_TO_MARKER MAXRSS_KB
 *
 * The clock starts just before fork, so exec and dynamic loading count;
 * the program is exec'd straight from the fork.  MAXRSS_KB is the
 * program's VmHWM from /proc/PID/status, read until it ends, so the
 * memory of this process does not count (-1 when the program ended before
 * it could be read).  Written in C, not Python: forking an interpreter
 * cost about 25 ms of every figure on the bench machine.
 */
#include <sys/select.h>
#include <sys/wait.h>

#include <errno.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static long
hwm(pid_t pid, long last)
{
	char path[64], line[256];
	FILE *fp;
	long kb;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return (last);
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "VmHWM: %ld", &kb) == 1 && kb > last)
			last = kb;
	fclose(fp);
	return (last);
}

/* Reads what fd has within ms milliseconds into the tail of seen. */
static int
drain(int fd, char *seen, size_t size, size_t *len, int ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
	fd_set rd;
	char chunk[65536];
	ssize_t n;
	size_t keep;

	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	if (select(fd + 1, &rd, NULL, NULL, &tv) <= 0)
		return (0);
	if ((n = read(fd, chunk, sizeof(chunk))) <= 0)
		return (-1);
	/* size is more than a chunk: keep the tail of what came before. */
	keep = *len + n < size ? *len : size - 1 - n;
	memmove(seen, seen + *len - keep, keep);
	memcpy(seen + keep, chunk, n);
	*len = keep + n;
	seen[*len] = '\0';
	return (1);
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 30, 100, 0, 0 };
	const char *quit = "q", *marker;
	static char seen[65536 * 2 + 1];
	size_t len = 0;
	double t0, t = -1, end;
	long rss = -1;
	pid_t pid;
	int ch, fd, st;

	while ((ch = getopt(argc, argv, "+c:r:q:")) != -1) {
		switch (ch) {
		case 'c':
			ws.ws_col = atoi(optarg);
			break;
		case 'r':
			ws.ws_row = atoi(optarg);
			break;
		case 'q':
			quit = optarg;
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		goto usage;
	marker = argv[0];
	t0 = now();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("firstscreen: forkpty");
		return (1);
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	end = t0 + 600;
	while (now() < end) {
		if (drain(fd, seen, sizeof(seen), &len, 1000) < 0)
			break;
		/* The marker may not hold a NUL: strstr is enough. */
		if (strstr(seen, marker) != NULL) {
			t = now() - t0;
			break;
		}
	}
	rss = hwm(pid, rss);
	if (t >= 0)
		(void)write(fd, quit, strlen(quit));
	end = now() + 300;
	while (now() < end) {
		rss = hwm(pid, rss);
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		(void)drain(fd, seen, sizeof(seen), &len, 20);
	}
	if (now() >= end) {
		kill(pid, SIGKILL);
		(void)waitpid(pid, &st, 0);
	}
	close(fd);
	if (t < 0) {
		fprintf(stderr, "firstscreen: \"%s\" never appeared\n", marker);
		return (1);
	}
	printf("%.4f %ld\n", t, rss);
	return (0);
usage:
	fprintf(stderr, "usage: firstscreen [-c COLS] [-r ROWS] [-q KEYS] "
	    "MARKER CMD [ARG...]\n");
	return (2);
}
