/*
 * write_wait: how long writes from another process wait on a database
 * that a refresh is writing (bench/refresh-wait runs it).
 *
 *	write_wait [-s] DB PID [INTERVAL_MS]
 *
 * Until process PID ends, marks article 1 read, then unread, every
 * INTERVAL_MS (default 50): through the store, as the interface does
 * (its busy handling, its retries), or with -s as another program
 * would, on a plain SQLite connection with sqlite3_busy_timeout (an
 * UPDATE of article 1 to the value it has).  Waits first for DB to
 * have article 1.  Prints one line: writes, then the time each took in
 * seconds (the wait for the lock included): median, 99th percentile,
 * maximum, and how many failed.
 */
#include "config.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "err.h"
#include "store.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Running (not ended, not a zombie waiting to be reaped)? */
static bool
alive(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;
	size_t n;

	if (kill(pid, 0) == -1)
		return (false);
	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return (true);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return (p == NULL || p[1] == '\0' || p[2] != 'Z');
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* One write on a plain connection: 0, or -1. */
static int
plain_write(sqlite3 *db)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return (-1);
	if (sqlite3_exec(db, "UPDATE items SET flagged = flagged WHERE id = 1",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	return (0);
}

static bool
has_article(sqlite3 *db)
{
	sqlite3_stmt *s;
	bool yes = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM items WHERE id = 1", -1, &s,
	    NULL) != SQLITE_OK)
		return (false);
	yes = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return (yes);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st = NULL;
	sqlite3 *db = NULL;
	double *t = NULL, t0, dt;
	size_t n = 0, cap = 0, failed = 0;
	bool plain = false, read = true;
	long interval = 50;
	pid_t pid;
	int ch;

	while ((ch = getopt(argc, argv, "s")) != -1) {
		if (ch != 's')
			goto usage;
		plain = true;
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		goto usage;
	pid = (pid_t)atol(argv[1]);
	if (argc > 2)
		interval = atol(argv[2]);

	/* Wait for the refresh to create the database and article 1. */
	while (alive(pid)) {
		if (access(argv[0], F_OK) == 0 && sqlite3_open_v2(argv[0], &db,
		    SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
		    has_article(db))
			break;
		sqlite3_close(db);
		db = NULL;
		usleep(10000);
	}
	if (db == NULL)
		goto done;
	if (plain)
		sqlite3_busy_timeout(db, 120000);
	else {
		sqlite3_close(db);
		db = NULL;
		if ((st = store_open(argv[0], 0, &err)) == NULL) {
			fprintf(stderr, "write_wait: %s\n", err.msg);
			return (1);
		}
	}
	while (alive(pid)) {
		t0 = now();
		if (plain ? plain_write(db) :
		    store_item_set_read(st, 1, read, &err)) {
			fprintf(stderr, "write_wait: %s\n", plain ?
			    sqlite3_errmsg(db) : err.msg);
			err_clear(&err);
			failed++;
		} else {
			dt = now() - t0;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				t = xreallocarray(t, cap, sizeof(*t));
			}
			t[n++] = dt;
		}
		read = !read;
		usleep((useconds_t)interval * 1000);
	}
done:
	store_close(st);
	sqlite3_close(db);
	if (n == 0) {
		printf("0 writes, %zu failed\n", failed);
		return (0);
	}
	qsort(t, n, sizeof(*t), cmp_double);
	printf("%zu writes, each took median %.3f p99 %.3f max %.3f s, "
	    "%zu failed\n", n, t[n / 2], t[n * 99 / 100], t[n - 1], failed);
	free(t);
	return (0);
usage:
	fprintf(stderr, "usage: write_wait [-s] DB PID [INTERVAL_MS]\n");
	return (2);
}
