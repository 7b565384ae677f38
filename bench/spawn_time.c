/*
 * bench/spawn_time: wall-clock time of whole processes, from just before
 * the fork to the parent's return from wait4, with stdout and stderr sent
 * to /dev/null.  No shell or interpreter stands between the clock and the
 * program, so an empty C program measures the floor of process start-up
 * on this machine.
 *
 * Usage: spawn_time RUNS LABEL CMD [ARG...]
 * Prints one line: LABEL, median, p95 and mean milliseconds over RUNS
 * runs after one untimed warm-up run, and the largest peak RSS.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void
die(const char *what, int e)
{
	fprintf(stderr, "spawn_time: %s%s%s\n", what, e != 0 ? ": " : "",
	    e != 0 ? strerror(e) : "");
	exit(1);
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
run(char **argv, long *rss)
{
	posix_spawn_file_actions_t fa;
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int e, st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ)) != 0)
		die(argv[0], e);
	if (wait4(pid, &st, 0, &ru) == -1)
		die("wait4", errno);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	posix_spawn_file_actions_destroy(&fa);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		die(argv[0], 0);
	if (ru.ru_maxrss > *rss)
		*rss = ru.ru_maxrss;
	return (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
}

int
main(int argc, char **argv)
{
	double *t, sum = 0;
	long rss = 0;
	int i, n;

	n = argc < 4 ? 0 : atoi(argv[1]);
	if (n < 1) {
		fprintf(stderr, "usage: spawn_time RUNS LABEL CMD [ARG...]\n");
		return (2);
	}
	if ((t = calloc((size_t)n, sizeof(*t))) == NULL)
		die("calloc", errno);
	run(argv + 3, &rss);
	for (i = 0; i < n; i++) {
		t[i] = run(argv + 3, &rss);
		sum += t[i];
	}
	qsort(t, n, sizeof(*t), cmp);
	printf("%-28s median %7.2f ms  p95 %7.2f ms  mean %7.2f ms  "
	    "(%d runs)  peak RSS %5.1f MB\n", argv[2], t[(n - 1) / 2],
	    t[(int)(0.95 * (n - 1) + 0.5)], sum / n, n, rss / 1024.0);
	return 0;
}
